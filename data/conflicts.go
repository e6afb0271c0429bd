package data

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// Conflict is one reason an occurrence of a booking cannot go ahead as it
// is: another appointment (buffers included), blocked time, or hours
// outside the working hours.
type Conflict struct {
	Occurrence    int       // 1-based: which visit of the series (1 for a single visit)
	Start, End    time.Time // the occurrence asked for (UTC)
	When          string    // the occurrence in the practice's zone: "Tue 10 Mar 2026, 10:00–11:00"
	What          string    // "Bea Okafor · 60-min massage", "Blocked: Lunch", "Outside working hours (…)"
	AppointmentID int64     // the clashing appointment, when it is one
	BlockedID     int64     // the clashing blocked time, when it is one
}

// ConflictError refuses a booking or a move: every conflict of every
// occurrence is listed, and every occurrence outside working hours.
// Nothing was saved. Book again with Override to book anyway.
type ConflictError struct {
	Conflicts    []Conflict
	OutsideHours []Conflict
}

// Error lists the conflicts.
func (e *ConflictError) Error() string {
	var parts []string
	for _, c := range append(append([]Conflict(nil), e.Conflicts...), e.OutsideHours...) {
		parts = append(parts, fmt.Sprintf("visit %d (%s): %s", c.Occurrence, c.When, c.What))
	}
	return "booking conflicts: " + strings.Join(parts, "; ")
}

// UserMessage says, in plain words, what the booking clashes with.
func (e *ConflictError) UserMessage() string {
	var b strings.Builder
	if len(e.Conflicts) > 0 {
		b.WriteString("This time clashes with:\n")
		for _, c := range e.Conflicts {
			fmt.Fprintf(&b, "• %s: %s\n", c.When, c.What)
		}
	}
	if len(e.OutsideHours) > 0 {
		b.WriteString("Outside your working hours:\n")
		for _, c := range e.OutsideHours {
			fmt.Fprintf(&b, "• %s: %s\n", c.When, c.What)
		}
	}
	b.WriteString("Nothing was booked. Pick another time, or choose Book anyway.")
	return b.String()
}

// rules are what a booking is checked against, read once per change.
type rules struct {
	loc     *time.Location
	hours   []WorkingDay
	buffer  time.Duration
	blocked []BlockedTime
}

// loadRules reads working hours, the buffer and blocked time.
func loadRules(ctx context.Context, q querier, loc *time.Location) (rules, error) {
	r := rules{loc: loc}
	var err error
	if r.hours, err = workingHours(ctx, q); err != nil {
		return r, err
	}
	set, err := scheduleSettings(ctx, q)
	if err != nil {
		return r, err
	}
	r.buffer = time.Duration(set.BufferMinutes) * time.Minute
	r.blocked, err = blockedTimes(ctx, q)
	return r, err
}

// span is the instants of clock times c1..c2 on date d in loc. 24:00 is
// the next midnight; a time the clocks skip is read as Go normalises it
// (moved forward by the jump).
func span(loc *time.Location, d Date, c1, c2 Clock) (time.Time, time.Time) {
	at := func(c Clock) time.Time {
		if t, err := WallTime(loc, d, c); err == nil {
			return t
		}
		return time.Date(d.Year, d.Month, d.Day, c.Hour, c.Minute, 0, 0, loc)
	}
	return at(c1), at(c2)
}

// when formats an occurrence for people, in loc.
func when(start, end time.Time, loc *time.Location) string {
	return start.In(loc).Format("Mon 2 Jan 2006, 15:04") + "–" + end.In(loc).Format("15:04")
}

// check lists every conflict of the occurrences against stored
// appointments (except those in skip), blocked time and working hours. It
// returns nil when there is none.
func (r *rules) check(ctx context.Context, q querier, occ []Appointment, skip map[int64]bool) (*ConflictError, error) {
	var e ConflictError
	for i, a := range occ {
		base := Conflict{Occurrence: i + 1, Start: a.Start, End: a.End, When: when(a.Start, a.End, r.loc)}
		clashes, err := r.appointmentClashes(ctx, q, a.Start, a.End, skip)
		if err != nil {
			return nil, err
		}
		for _, c := range clashes {
			k := base
			k.What, k.AppointmentID = r.clashText(a, c), c.ID
			e.Conflicts = append(e.Conflicts, k)
		}
		for _, b := range r.blockedClashes(a.Start, a.End) {
			k := base
			k.What, k.BlockedID = "Blocked: "+b.Label, b.ID
			e.Conflicts = append(e.Conflicts, k)
		}
		if what, ok := r.outsideHours(a.Start, a.End); ok {
			k := base
			k.What = what
			e.OutsideHours = append(e.OutsideHours, k)
		}
	}
	if len(e.Conflicts) == 0 && len(e.OutsideHours) == 0 {
		return nil, nil
	}
	return &e, nil
}

// clashText says whose time an occurrence a runs into, and whether it
// overlaps their visit or only comes within the buffer kept between
// visits: "too close to Riley Kim's 60-min massage, 12:00–13:00 (you
// keep 15 minutes between visits)".
func (r *rules) clashText(a, c Appointment) string {
	theirs := c.Start.In(r.loc).Format("15:04") + "–" + c.End.In(r.loc).Format("15:04")
	if DateOf(c.Start.In(r.loc)) != DateOf(a.Start.In(r.loc)) {
		theirs = when(c.Start, c.End, r.loc)
	}
	whose := c.ClientName + "'s " + c.ServiceName + ", " + theirs
	if a.Start.Before(c.End) && c.Start.Before(a.End) {
		return "overlaps " + whose
	}
	return fmt.Sprintf("too close to %s (you keep %d minutes between visits)", whose, int(r.buffer/time.Minute))
}

// appointmentClashes lists the appointments that take up time within the
// buffer of [start, end).
func (r *rules) appointmentClashes(ctx context.Context, q querier, start, end time.Time, skip map[int64]bool) ([]Appointment, error) {
	from, to := start.Add(-r.buffer), end.Add(r.buffer)
	found, err := queryAppointments(ctx, q,
		`WHERE start_at >= ? AND start_at < ? AND end_at > ? AND status NOT IN ('cancelled', 'late_cancelled') ORDER BY start_at, id`,
		from.Unix()-maxServiceMinutes*60, to.Unix(), from.Unix())
	if err != nil {
		return nil, err
	}
	out := found[:0]
	for _, a := range found {
		if !skip[a.ID] {
			out = append(out, a)
		}
	}
	return out, nil
}

// blockedClashes lists the blocked times that overlap [start, end).
func (r *rules) blockedClashes(start, end time.Time) []BlockedTime {
	var out []BlockedTime
	days := []Date{DateOf(start.In(r.loc))}
	if last := DateOf(end.Add(-time.Second).In(r.loc)); last != days[0] {
		days = append(days, last)
	}
	for _, b := range r.blocked {
		for _, d := range days {
			if !b.on(d) {
				continue
			}
			bs, be := span(r.loc, d, b.Start, b.End)
			if start.Before(be) && bs.Before(end) {
				out = append(out, b)
				break
			}
		}
	}
	return out
}

// outsideHours says why [start, end) is not within the working hours of
// its day, if it is not.
func (r *rules) outsideHours(start, end time.Time) (string, bool) {
	local := start.In(r.loc)
	d := DateOf(local)
	day := r.hours[local.Weekday()]
	if !day.Open {
		return fmt.Sprintf("Outside working hours (closed on %ss)", local.Weekday()), true
	}
	open, close := span(r.loc, d, day.Start, day.End)
	if start.Before(open) || end.After(close) {
		return fmt.Sprintf("Outside working hours (%s %s–%s)", local.Weekday(), day.Start, day.End), true
	}
	return "", false
}

// CheckBooking plans a booking without saving it: the appointments it
// would make and, when there are any, its conflicts and the occurrences
// outside working hours (a *ConflictError, nil when the time is free).
// Invalid input gives a *ValidationError.
func (s *Store) CheckBooking(ctx context.Context, b Booking) ([]Appointment, *ConflictError, error) {
	m, err := s.Moment(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("check booking: %w", err)
	}
	occ, r, err := s.prepareBooking(ctx, s.r, &b, m)
	if err != nil {
		return nil, nil, err
	}
	ce, err := r.check(ctx, s.r, occ, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("check booking: %w", err)
	}
	return occ, ce, nil
}
