package data

import (
	"context"
	"fmt"
	"time"
)

// BlockedInterval is one stretch of blocked time as a calendar draws it:
// a blocked time on one date, from Start to End (instants), with its label.
type BlockedInterval struct {
	ID         int64 // the blocked time's
	Label      string
	Start, End time.Time
}

// BlockedIntervals lists the blocked time overlapping [from, to), one
// interval per date in the practice's zone (weekly blocks expanded), in
// time order.
func (s *Store) BlockedIntervals(ctx context.Context, from, to time.Time) ([]BlockedInterval, error) {
	loc, err := s.Location(ctx)
	if err != nil {
		return nil, fmt.Errorf("read blocked time: %w", err)
	}
	bs, err := blockedTimes(ctx, s.r)
	if err != nil {
		return nil, err
	}
	return blockedIntervals(bs, loc, from, to), nil
}

// blockedIntervals expands bs over [from, to) in loc.
func blockedIntervals(bs []BlockedTime, loc *time.Location, from, to time.Time) []BlockedInterval {
	var out []BlockedInterval
	last := DateOf(to.In(loc))
	for d := DateOf(from.In(loc)); !last.Before(d); d = nextDate(d) {
		for _, b := range bs {
			if !b.on(d) {
				continue
			}
			start, end := span(loc, d, b.Start, b.End)
			if start.Before(to) && from.Before(end) {
				out = append(out, BlockedInterval{ID: b.ID, Label: b.Label, Start: start, End: end})
			}
		}
	}
	return out
}

// BookedInBlockedTime lists the booked visits still to come that fall
// (even partly) in blocked time b, in time order: they stay booked, but
// the therapist should know about them.
func (s *Store) BookedInBlockedTime(ctx context.Context, b BlockedTime) ([]Appointment, error) {
	m, err := s.Moment(ctx)
	if err != nil {
		return nil, fmt.Errorf("check blocked time: %w", err)
	}
	to := m.Now.AddDate(maxYearsAhead+1, 0, 0)
	if !b.LastDate.IsZero() {
		to = nextDate(nextDate(b.LastDate)).Time(m.Loc)
	}
	as, err := s.Appointments(ctx, m.Now, to)
	if err != nil {
		return nil, fmt.Errorf("check blocked time: %w", err)
	}
	r := rules{loc: m.Loc, blocked: []BlockedTime{b}}
	var out []Appointment
	for _, a := range as {
		if a.Status == StatusBooked && !a.Start.Before(m.Now) && len(r.blockedClashes(a.Start, a.End)) > 0 {
			out = append(out, a)
		}
	}
	return out, nil
}

// nextDate is the date after d.
func nextDate(d Date) Date { return DateOf(time.Date(d.Year, d.Month, d.Day+1, 12, 0, 0, 0, time.UTC)) }
