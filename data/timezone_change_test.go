package data

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// tzVisits books a visit at 10:00 on Monday 12 January 2026 and one at
// 01:30 on Sunday 29 March 2026 (a time London's clocks skip) for Bea, in
// a practice in America/Toronto.
func tzVisits(t *testing.T) (*schedFixture, Appointment, Appointment) {
	t.Helper()
	f := newSched(t, "America/Toronto")
	jan := f.book(t, Booking{Date: Date{2026, time.January, 12}, Clock: Clock{10, 0}, Override: true})[0]
	mar := f.book(t, Booking{Date: Date{2026, time.March, 29}, Clock: Clock{1, 30}, Override: true})[0]
	return f, jan, mar
}

func TestChangeTimeZoneKeepsWallClockTimes(t *testing.T) {
	f, jan, _ := tzVisits(t)
	if n, err := f.s.FutureBookedCount(f.ctx); err != nil || n != 2 {
		t.Fatalf("future visits %d %v", n, err)
	}
	if err := f.s.ChangeTimeZone(f.ctx, "America/Vancouver", true); err != nil {
		t.Fatal(err)
	}
	got, err := f.s.Appointment(f.ctx, jan.ID)
	if err != nil {
		t.Fatal(err)
	}
	// 10:00 in Vancouver (PST, UTC-8) is 18:00 UTC; it was 15:00 UTC.
	want := time.Date(2026, time.January, 12, 18, 0, 0, 0, time.UTC)
	if !got.Start.Equal(want) || got.End.Sub(got.Start) != time.Hour || got.LocalStart != "2026-01-12T10:00" ||
		got.Zone != "America/Vancouver" {
		t.Errorf("after the change: %v–%v %s %s", got.Start, got.End, got.LocalStart, got.Zone)
	}
	if p, _ := f.s.Practice(f.ctx); p.TimeZone != "America/Vancouver" {
		t.Errorf("practice zone %q", p.TimeZone)
	}
}

func TestChangeTimeZoneKeepsMoments(t *testing.T) {
	f, jan, _ := tzVisits(t)
	if err := f.s.ChangeTimeZone(f.ctx, "Europe/London", false); err != nil {
		t.Fatal(err)
	}
	got, err := f.s.Appointment(f.ctx, jan.ID)
	if err != nil {
		t.Fatal(err)
	}
	// 15:00 UTC stays; London (GMT) shows it as 15:00.
	if !got.Start.Equal(jan.Start) || !got.End.Equal(jan.End) || got.LocalStart != "2026-01-12T15:00" ||
		got.Zone != "Europe/London" {
		t.Errorf("after the change: %v–%v %s %s", got.Start, got.End, got.LocalStart, got.Zone)
	}
}

// A wall-clock time the new zone skips refuses the whole change: the zone
// and every visit stay as they were.
func TestChangeTimeZoneToASkippedTimeChangesNothing(t *testing.T) {
	f, jan, mar := tzVisits(t)
	err := f.s.ChangeTimeZone(f.ctx, "Europe/London", true)
	var ve *ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 1 || ve.Problems[0].Field != "TimeZone" {
		t.Fatalf("got %v", err)
	}
	if msg := ve.Problems[0].Message; !strings.Contains(msg, "01:30") || !strings.Contains(msg, "29 Mar 2026") ||
		!strings.Contains(msg, "Bea Okafor") {
		t.Errorf("message %q", msg)
	}
	if p, _ := f.s.Practice(f.ctx); p.TimeZone != "America/Toronto" {
		t.Errorf("practice zone changed to %q", p.TimeZone)
	}
	for _, a := range []Appointment{jan, mar} {
		got, err := f.s.Appointment(f.ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Start.Equal(a.Start) || got.LocalStart != a.LocalStart || got.Zone != "America/Toronto" {
			t.Errorf("visit %d changed: %v %s %s", a.ID, got.Start, got.LocalStart, got.Zone)
		}
	}
	// Keeping the moments works for the same visits.
	if err := f.s.ChangeTimeZone(f.ctx, "Europe/London", false); err != nil {
		t.Fatal(err)
	}
}

// A zone that does not exist is refused on TimeZone and changes nothing.
func TestChangeTimeZoneRefusesUnknownZones(t *testing.T) {
	f, jan, _ := tzVisits(t)
	var ve *ValidationError
	if err := f.s.ChangeTimeZone(f.ctx, "Mars/Olympus", true); !errors.As(err, &ve) || ve.Problems[0].Field != "TimeZone" {
		t.Fatalf("unknown zone: %v", err)
	}
	got, _ := f.s.Appointment(f.ctx, jan.ID)
	if !got.Start.Equal(jan.Start) || got.Zone != "America/Toronto" {
		t.Errorf("visit moved: %v %s", got.Start, got.Zone)
	}
}

// allVisits is a Toronto practice on 1 May 2026 with two past visits (one
// at 01:30 on 29 March, a time London's clocks skip), a late cancellation
// still to come and a booked visit to come, all at their clock times.
func allVisits(t *testing.T) (*schedFixture, []Appointment) {
	t.Helper()
	now := schedNow
	s := openWithClock(t, "America/Toronto", func() time.Time { return now })
	c := &Client{FirstName: "Bea", LastName: "Okafor"}
	mustCreate(t, s, c)
	f := &schedFixture{s: s, ctx: context.Background(), client: c.ID}
	var as []Appointment
	for _, b := range []Booking{
		{Date: Date{2026, time.January, 12}, Clock: Clock{10, 0}},
		{Date: Date{2026, time.March, 29}, Clock: Clock{1, 30}, Override: true},
		{Date: Date{2026, time.June, 1}, Clock: Clock{10, 0}},
		{Date: Date{2026, time.June, 8}, Clock: Clock{10, 0}},
	} {
		as = append(as, f.book(t, b)[0])
	}
	now = time.Date(2026, time.May, 1, 12, 0, 0, 0, time.UTC)
	if _, err := s.CancelAppointment(f.ctx, as[2].ID, "flu", true, ThisVisit); err != nil {
		t.Fatal(err)
	}
	return f, as
}

// Keeping the clock time applies to every visit — past, cancelled and to
// come — so none is shown shifted afterwards; a past visit at a time the
// new zone skips moves forward by the jump instead of refusing the change.
func TestChangeTimeZoneKeepsClockTimesOfAllVisits(t *testing.T) {
	f, as := allVisits(t)
	if err := f.s.ChangeTimeZone(f.ctx, "Europe/London", true); err != nil {
		t.Fatal(err)
	}
	london, _ := time.LoadLocation("Europe/London")
	want := []string{"2026-01-12T10:00", "2026-03-29T02:30", "2026-06-01T10:00", "2026-06-08T10:00"}
	for i, a := range as {
		got, err := f.s.Appointment(f.ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Zone != "Europe/London" || got.LocalStart != want[i] || got.Start.In(london).Format(LocalLayout) != want[i] ||
			got.End.Sub(got.Start) != a.End.Sub(a.Start) || got.Status != a.Status && i != 2 {
			t.Errorf("visit %d (%s): %s %s shown at %s, want %s", i, got.Status, got.Zone, got.LocalStart,
				got.Start.In(london).Format(LocalLayout), want[i])
		}
	}
}

// Keeping the moments also applies to every visit: instants stay, and
// each visit's zone and clock time are rewritten as the new zone shows it.
func TestChangeTimeZoneKeepsMomentsOfAllVisits(t *testing.T) {
	f, as := allVisits(t)
	if err := f.s.ChangeTimeZone(f.ctx, "Europe/London", false); err != nil {
		t.Fatal(err)
	}
	london, _ := time.LoadLocation("Europe/London")
	for i, a := range as {
		got, err := f.s.Appointment(f.ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Zone != "Europe/London" || !got.Start.Equal(a.Start) || !got.End.Equal(a.End) ||
			got.LocalStart != a.Start.In(london).Format(LocalLayout) {
			t.Errorf("visit %d: %s %s %v, want %v", i, got.Zone, got.LocalStart, got.Start, a.Start)
		}
	}
}
