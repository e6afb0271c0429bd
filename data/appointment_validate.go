package data

import (
	"fmt"
	"time"
)

// utc is time.UTC, short for date arithmetic.
var utc = time.UTC

// Booking is what the therapist asks for when booking: who, what, when
// (a date and a wall-clock time in the practice's zone), and how often.
type Booking struct {
	ClientID  int64
	ServiceID int64
	Date      Date
	Clock     Clock
	Minutes   int // the visit's length when it differs from the service's (0: the service's)
	Notes     string
	Override  bool    // book anyway: conflicts and hours outside working hours are accepted
	Repeat    *Repeat // nil: a single visit
	// CarePlanID links the visits to a care plan of the client: 0 links the
	// client's only active plan (none when they have none or several),
	// NoCarePlan links none.
	CarePlanID int64
}

// bookingFields are the Booking fields validation reports that are not
// columns of the appointments table.
var bookingFields = []string{"Date", "Clock", "EveryWeeks", "Count", "Until"}

// How far ahead a visit can be booked, and the earliest year accepted
// (visits from paper records may be entered back to then).
const (
	maxYearsAhead = 10
	minYear       = 1900
)

// validate checks what can be checked without the database, on the
// practice's today.
func (b *Booking) validate(today Date) error {
	var p problems
	b.Notes = cleanText(b.Notes)
	if b.ClientID <= 0 {
		p.add("ClientID", "Choose the client for this visit.")
	}
	if b.ServiceID <= 0 {
		p.add("ServiceID", "Choose a service for this visit.")
	}
	checkVisitDate(&p, "Date", b.Date, today)
	if !b.Clock.Valid() {
		p.add("Clock", "%s is not a time of day.", b.Clock)
	}
	if msg := VisitMinutesProblem(b.Minutes); msg != "" {
		p.add("Minutes", "%s", msg)
	}
	p.checkLen("Notes", "The notes", b.Notes, maxLong)
	if b.Repeat != nil && b.Date.Valid() {
		b.Repeat.validate(&p, b.Date)
		if !b.Repeat.Until.IsZero() && b.Repeat.Count == 0 {
			checkVisitDate(&p, "Until", b.Repeat.Until, today)
		}
	}
	return p.err()
}

// VisitMinutesProblem says what is wrong with a booked visit's length in
// minutes, or "" when it is fine: 0 (the service's length) or 5 minutes to
// 12 hours, like a service.
func VisitMinutesProblem(n int) string {
	if n == 0 || (n >= minServiceMinutes && n <= maxServiceMinutes) {
		return ""
	}
	return fmt.Sprintf("A visit lasts %d minutes to %d hours (%d minutes is not possible). Leave it empty for the service's length.",
		minServiceMinutes, maxServiceMinutes/60, n)
}

// checkVisitDate reports a date that is missing, not real, before minYear
// or more than maxYearsAhead years after today.
func checkVisitDate(p *problems, field string, d, today Date) {
	switch {
	case d.IsZero():
		p.add(field, "Choose the date of the visit.")
	case !d.Valid():
		p.add(field, "%s is not a real date.", d)
	case d.Year < minYear:
		p.add(field, "%s is too far in the past for a visit.", d.Format())
	case today.addMonths(12 * maxYearsAhead).Before(d):
		p.add(field, "%s is more than %d years ahead; visits can be booked up to %s.",
			d.Format(), maxYearsAhead, today.addMonths(12*maxYearsAhead).Format())
	}
}

// Validate checks a stored or about-to-be-stored appointment: times in
// order, a known status, a length that matches.
func (a *Appointment) Validate() error {
	var p problems
	if a.ClientID <= 0 {
		p.add("ClientID", "Choose the client for this visit.")
	}
	if a.ServiceID <= 0 {
		p.add("ServiceID", "Choose a service for this visit.")
	}
	switch {
	case a.Start.IsZero() || a.End.IsZero():
		p.add("Date", "The visit needs a start and an end.")
	case !a.End.After(a.Start):
		p.add("Minutes", "The visit ends (%s) before it starts (%s).",
			a.End.UTC().Format(time.RFC3339), a.Start.UTC().Format(time.RFC3339))
	case a.End.Sub(a.Start) > maxServiceMinutes*time.Minute:
		p.add("Minutes", "A visit can last at most %d hours.", maxServiceMinutes/60)
	}
	if a.Minutes <= 0 {
		p.add("Minutes", "The visit must last some time (it is %d minutes).", a.Minutes)
	}
	if !a.Status.Valid() {
		p.add("Status", "%q is not a status a visit can have.", a.Status)
	}
	if a.Zone == "" || len(a.LocalStart) != len(LocalLayout) {
		p.add("Date", "The visit's local time is missing.")
	}
	p.checkLen("Notes", "The notes", a.Notes, maxLong)
	p.checkLen("CancelReason", "The reason", a.CancelReason, maxShort)
	return p.err()
}

// plan turns a validated booking into its unsaved appointments, one per
// occurrence, in the practice's zone loc. An occurrence that falls in the
// hour the clocks skip makes the whole booking invalid.
func (b *Booking) plan(svc Service, loc *time.Location, now time.Time) ([]Appointment, error) {
	minutes := svc.Minutes
	if b.Minutes > 0 {
		minutes = b.Minutes
	}
	var p problems
	var out []Appointment
	for i, d := range b.Repeat.dates(b.Date) {
		start, err := WallTime(loc, d, b.Clock)
		if err != nil {
			field := "Clock"
			if i > 0 {
				err = fmt.Errorf("visit %d: %w", i+1, err)
			}
			p.add(field, "%s", err.Error())
			continue
		}
		out = append(out, Appointment{
			ClientID: b.ClientID, ServiceID: svc.ID, Start: start, End: start.Add(time.Duration(minutes) * time.Minute),
			Zone: loc.String(), LocalStart: localStart(start, loc), ServiceName: svc.Name, Minutes: minutes,
			PriceCents: svc.PriceCents, Status: StatusBooked, Notes: b.Notes, CreatedAt: now, UpdatedAt: now,
		})
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	return out, nil
}
