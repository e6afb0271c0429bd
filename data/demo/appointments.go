package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// apptStream seeds the appointments' own random stream, so adding them
// did not change the clients of a given seed.
const apptStream = 0xA990_1D7E_5EED_0004

// futureWeeks is how far ahead the sample practice is booked.
const futureWeeks = 8

// regulars is how many clients come back week after week.
const regulars = 30

// appointmentBatch is how many appointments are stored per transaction.
const appointmentBatch = 2000

// fillAppointments books the sample practice's visits: about 20 a week on
// the working days, inside working hours with the buffer between them
// (never overlapping), from `years` before the history's end to
// futureWeeks after today. Most visits are by regulars (the same client
// every week or two); past visits are mostly completed, with no-shows and
// cancellations; future ones are booked, a few cancelled.
//
// since holds when each client's record was made: a client is booked only
// from that day on (nil books anyone, for the benchmarks' long calendars).
// Some clients on the care-plan list (every third ID) come for a course of
// treatment: four to nine visits a week or two apart (see course).
func fillAppointments(ctx context.Context, s *data.Store, seed int64, years int, anchor data.Date,
	since map[int64]time.Time) error {
	m, err := s.Moment(ctx)
	if err != nil {
		return err
	}
	hours, err := s.WorkingHours(ctx)
	if err != nil {
		return err
	}
	set, err := s.ScheduleSettings(ctx)
	if err != nil {
		return err
	}
	services, err := s.Services(ctx, false)
	if err != nil {
		return err
	}
	clients, err := s.SearchClients(ctx, data.ClientQuery{})
	if err != nil {
		return err
	}
	if len(clients) == 0 || len(services) < 4 {
		return nil
	}
	r := rand.New(rand.NewPCG(uint64(seed), apptStream))
	regular := make([]int64, min(regulars, len(clients)))
	for i := range regular {
		regular[i] = clients[r.IntN(len(clients))].ID
	}
	buffer := time.Duration(set.BufferMinutes) * time.Minute
	first := anchor.Time(time.UTC).AddDate(-years, 0, 0)
	first = first.AddDate(0, 0, -int(first.Weekday()-time.Monday+7)%7) // a Monday
	last := m.Today.Time(time.UTC).AddDate(0, 0, 7*futureWeeks)
	b := newBooker(r, clients, regular, since)
	var batch []data.Appointment
	for d := first; d.Before(last); d = d.AddDate(0, 0, 1) {
		day := hours[d.Weekday()]
		if !day.Open {
			continue
		}
		date := data.DateOf(d)
		open, err := data.WallTime(m.Loc, date, day.Start)
		if err != nil {
			return fmt.Errorf("opening time on %s: %w", date, err)
		}
		closing := open.Add(time.Duration(day.End.Minutes()-day.Start.Minutes()) * time.Minute)
		t, visits := open, 3+r.IntN(3) // 3–5 visits a day: about 20 a week
		b.day = map[int64]bool{}
		for v := 0; v < visits; v++ {
			svc := services[serviceIndex(r)]
			start := t.Add(time.Duration(15*r.IntN(4)) * time.Minute)
			end := start.Add(time.Duration(svc.Minutes) * time.Minute)
			if end.After(closing) {
				break
			}
			t = end.Add(buffer)
			client, ok := b.pick(d)
			if !ok {
				continue // the practice is still new: fewer clients than slots
			}
			a := data.Appointment{ClientID: client, ServiceID: svc.ID, Start: start, End: end, ServiceName: svc.Name,
				Minutes: svc.Minutes, PriceCents: svc.PriceCents, Status: status(r, start.Before(m.Now)),
				CreatedAt: start.AddDate(0, 0, -7-r.IntN(21)), UpdatedAt: start.AddDate(0, 0, -7)}
			if a.Status == data.StatusCancelled || a.Status == data.StatusLateCancelled {
				a.CancelReason = pick(&gen{r: r}, []string{"Sick", "Work conflict", "Travelling", "Family matter", "Weather"})
			}
			batch = append(batch, a)
		}
		if len(batch) >= appointmentBatch {
			if err := s.ImportAppointments(ctx, batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		return s.ImportAppointments(ctx, batch)
	}
	return nil
}

// serviceIndex picks a service: mostly 60 minutes, some 30 and 90, a few
// initial assessments (services are ordered by length: 30, 60, 75, 90).
func serviceIndex(r *rand.Rand) int {
	switch n := r.IntN(100); {
	case n < 15:
		return 0
	case n < 75:
		return 1
	case n < 85:
		return 2
	default:
		return 3
	}
}

// status is a past visit's outcome, or a future visit's state.
func status(r *rand.Rand, past bool) data.Status {
	n := r.IntN(100)
	switch {
	case !past && n < 5:
		return data.StatusCancelled
	case !past:
		return data.StatusBooked
	case n < 4:
		return data.StatusNoShow
	case n < 9:
		return data.StatusCancelled
	case n < 12:
		return data.StatusLateCancelled
	}
	return data.StatusCompleted
}
