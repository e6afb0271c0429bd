package demo

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// The sample practice's appointments: about 20 a week, inside working
// hours, never overlapping (buffer included), regulars, every outcome in
// the past and bookings ahead — the same for the same seed and day.
func TestFillAppointments(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 6, 15, 14, 0, 0, 0, time.UTC)
	fillAt := func() []data.Appointment {
		s, err := data.Open(ctx, filepath.Join(t.TempDir(), "demo.db"), data.WithClock(func() time.Time { return now }))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if err := Fill(ctx, s, Options{Years: 2, Seed: 9}); err != nil {
			t.Fatal(err)
		}
		as, err := s.Appointments(ctx, time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC), now.AddDate(1, 0, 0))
		if err != nil {
			t.Fatal(err)
		}
		return as
	}
	as := fillAt()
	loc, _ := time.LoadLocation("America/Toronto")
	weeks := as[len(as)-1].Start.Sub(as[0].Start).Hours() / 24 / 7
	if perWeek := float64(len(as)) / weeks; perWeek < 17 || perWeek > 23 {
		t.Errorf("%.1f appointments a week over %.0f weeks, want about 20", perWeek, weeks)
	}
	hours := map[time.Weekday][2]string{time.Monday: {"09:00", "18:00"}, time.Tuesday: {"09:00", "18:00"},
		time.Wednesday: {"10:00", "20:00"}, time.Thursday: {"09:00", "18:00"}, time.Friday: {"09:00", "17:00"}}
	statuses := map[data.Status]int{}
	perClient := map[int64]int{}
	var last data.Appointment
	for i, a := range as {
		ls, le := a.Start.In(loc), a.End.In(loc)
		h, open := hours[ls.Weekday()]
		if !open || ls.Format("15:04") < h[0] || le.Format("15:04") > h[1] || data.DateOf(ls) != data.DateOf(le) {
			t.Errorf("%s–%s is outside working hours", ls, le)
		}
		if i > 0 && a.Start.Before(last.End.Add(15*time.Minute)) {
			t.Errorf("%s overlaps %s (with the buffer)", a.LocalStart, last.LocalStart)
		}
		last = a
		statuses[a.Status]++
		perClient[a.ClientID]++
		past := a.Start.Before(now)
		if past && a.Status == data.StatusBooked || !past && a.Status != data.StatusBooked && a.Status != data.StatusCancelled {
			t.Errorf("%s (past: %v) is %s", a.LocalStart, past, a.Status)
		}
	}
	for _, st := range data.Statuses {
		if statuses[st] == 0 {
			t.Errorf("no appointment is %s: %v", st, statuses)
		}
	}
	most := 0
	for _, n := range perClient {
		most = max(most, n)
	}
	if most < 20 {
		t.Errorf("the most regular client came %d times", most)
	}
	again := fillAt()
	if len(again) != len(as) {
		t.Fatalf("same seed: %d then %d appointments", len(as), len(again))
	}
	for i := range as {
		if as[i].LocalStart != again[i].LocalStart || as[i].ClientID != again[i].ClientID || as[i].Status != again[i].Status {
			t.Fatalf("same seed, appointment %d differs: %+v / %+v", i, as[i], again[i])
		}
	}
}
