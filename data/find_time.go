package data

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Slot is a free time for a visit.
type Slot struct {
	Start, End time.Time // UTC
	LocalStart string    // wall clock in the practice's zone, LocalLayout
	When       string    // for people: "Tue 10 Mar 2026, 10:00–11:00"
}

// slotStep is the grid free times are offered on, from each day's opening.
const slotStep = 15 * time.Minute

// findDays is how far ahead FindTimes looks.
const findDays = 366

// FindTimes lists the next n free times (at most 100) for the service at
// or after from: within working hours, on a 15-minute grid from opening
// time, keeping the buffer to every appointment and clear of blocked time.
// It looks a year ahead and may return fewer than n.
func (s *Store) FindTimes(ctx context.Context, serviceID int64, from time.Time, n int) ([]Slot, error) {
	if n < 1 || n > 100 {
		return nil, &ValidationError{Problems: []FieldProblem{{Field: "Count", Message: fmt.Sprintf("Ask for 1 to 100 free times (asked for %d).", n)}}}
	}
	m, err := s.Moment(ctx)
	if err != nil {
		return nil, fmt.Errorf("find a time: %w", err)
	}
	svc, err := getService(ctx, s.r, serviceID)
	if errors.Is(err, ErrNotFound) {
		return nil, &ValidationError{Problems: []FieldProblem{{Field: "ServiceID", Message: "That service does not exist. Choose another."}}}
	}
	if err != nil {
		return nil, err
	}
	r, err := loadRules(ctx, s.r, m.Loc)
	if err != nil {
		return nil, fmt.Errorf("find a time: %w", err)
	}
	length := time.Duration(svc.Minutes) * time.Minute
	var out []Slot
	first := DateOf(from.In(m.Loc))
	for i := 0; i < findDays && len(out) < n; i++ {
		d := first.addDays(i)
		day := r.hours[d.Time(utc).Weekday()]
		if !day.Open {
			continue
		}
		open, close := span(m.Loc, d, day.Start, day.End)
		if !close.After(from) {
			continue
		}
		busy, err := r.appointmentClashes(ctx, s.r, open, close, nil)
		if err != nil {
			return nil, fmt.Errorf("find a time: %w", err)
		}
		for start := open; !start.Add(length).After(close) && len(out) < n; start = start.Add(slotStep) {
			end := start.Add(length)
			if start.Before(from) || clashes(busy, start.Add(-r.buffer), end.Add(r.buffer)) ||
				len(r.blockedClashes(start, end)) > 0 {
				continue
			}
			out = append(out, Slot{Start: start, End: end, LocalStart: localStart(start, m.Loc), When: when(start, end, m.Loc)})
		}
	}
	return out, nil
}

// clashes reports whether any appointment overlaps [from, to).
func clashes(as []Appointment, from, to time.Time) bool {
	for _, a := range as {
		if a.Start.Before(to) && from.Before(a.End) {
			return true
		}
	}
	return false
}
