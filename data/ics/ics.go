// Package ics writes a practice's appointments as an iCalendar (.ics)
// file that calendar programs import, with github.com/arran4/golang-ical.
//
// Privacy: an event carries only the client's name (or, with the
// practice's "initials only" setting, their initials) and the service,
// never notes, alerts or health details. Times are UTC instants (DTSTART
// and DTEND ending in Z), which every calendar converts to its own zone;
// the practice's zone is named in X-WR-TIMEZONE as a hint. UIDs are stable
// (the appointment's id and creation time), so importing a later export
// updates events instead of duplicating them; a cancelled visit is
// exported with STATUS:CANCELLED so calendars drop it. Every line ends
// with CRLF and lines longer than 75 octets are folded, as RFC 5545 asks.
package ics

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	ical "github.com/arran4/golang-ical"

	"github.com/stillpoint/stillpoint/data"
)

// Options choose what the file shows.
type Options struct {
	Initials bool   // clients' initials only ("B.O."), not their names
	Name     string // the calendar's name (X-WR-CALNAME); "Stillpoint" when empty
	Zone     string // the practice's IANA zone, named in X-WR-TIMEZONE when set
}

// UID is the stable identifier of an appointment's event.
func UID(a data.Appointment) string {
	return fmt.Sprintf("appointment-%d-%d@stillpoint", a.ID, a.CreatedAt.Unix())
}

// Summary is the event's title: "Bea Okafor · 60-min massage", or with
// initials "B.O. · 60-min massage".
func Summary(a data.Appointment, initials bool) string {
	who := a.ClientName
	if initials {
		who = Initials(who)
	}
	return who + " · " + a.ServiceName
}

// Initials reduces a name to the first letter of each word: "Bea
// Okafor-Smith" → "B.O."; a name of one word gives one letter.
func Initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		for _, r := range w {
			if unicode.IsLetter(r) {
				b.WriteRune(unicode.ToUpper(r))
				b.WriteByte('.')
				break
			}
		}
	}
	return b.String()
}

// Write writes the appointments as one calendar.
func Write(w io.Writer, as []data.Appointment, opts Options) error {
	cal := ical.NewCalendar()
	cal.SetProductId("-//Stillpoint//Appointments//EN")
	cal.SetMethod(ical.MethodPublish)
	name := opts.Name
	if name == "" {
		name = "Stillpoint"
	}
	cal.SetXWRCalName(name)
	if opts.Zone != "" {
		cal.SetXWRTimezone(opts.Zone)
	}
	for _, a := range as {
		ev := cal.AddEvent(UID(a))
		ev.SetDtStampTime(a.UpdatedAt)
		ev.SetCreatedTime(a.CreatedAt)
		ev.SetModifiedAt(a.UpdatedAt)
		ev.SetStartAt(a.Start)
		ev.SetEndAt(a.End)
		ev.SetSummary(Summary(a, opts.Initials))
		switch a.Status {
		case data.StatusCancelled, data.StatusLateCancelled:
			ev.SetStatus(ical.ObjectStatusCancelled)
		default:
			ev.SetStatus(ical.ObjectStatusConfirmed)
		}
	}
	// RFC 5545 wants CRLF after every line on every system (golang-ical's
	// default is the OS's newline); long lines fold at 75 octets.
	if err := cal.SerializeTo(w, ical.WithNewLineWindows, ical.WithLineLength(75)); err != nil {
		return fmt.Errorf("write calendar: %w", err)
	}
	return nil
}

// Export writes the appointments that overlap [from, to) from st, with the
// practice's export setting (initials only or names) and its zone. It
// returns how many events it wrote.
func Export(ctx context.Context, st *data.Store, w io.Writer, from, to time.Time) (int, error) {
	set, err := st.ScheduleSettings(ctx)
	if err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	p, err := st.Practice(ctx)
	if err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	as, err := st.Appointments(ctx, from, to)
	if err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	name := p.BusinessName
	if name == "" {
		name = p.TherapistName
	}
	if err := Write(w, as, Options{Initials: set.ExportInitials, Name: name, Zone: p.TimeZone}); err != nil {
		return 0, err
	}
	return len(as), nil
}
