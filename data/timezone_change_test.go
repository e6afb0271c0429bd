package data

import (
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

// Past and cancelled visits keep the zone they were booked in; a zone that
// does not exist is refused on TimeZone.
func TestChangeTimeZoneLeavesCancelledVisitsAndRefusesUnknownZones(t *testing.T) {
	f, jan, _ := tzVisits(t)
	if _, err := f.s.CancelAppointment(f.ctx, jan.ID, "moved away", false, ThisVisit); err != nil {
		t.Fatal(err)
	}
	var ve *ValidationError
	if err := f.s.ChangeTimeZone(f.ctx, "Mars/Olympus", true); !errors.As(err, &ve) || ve.Problems[0].Field != "TimeZone" {
		t.Fatalf("unknown zone: %v", err)
	}
	if err := f.s.ChangeTimeZone(f.ctx, "America/Vancouver", true); err != nil {
		t.Fatal(err)
	}
	got, _ := f.s.Appointment(f.ctx, jan.ID)
	if !got.Start.Equal(jan.Start) || got.Zone != "America/Toronto" {
		t.Errorf("cancelled visit moved: %v %s", got.Start, got.Zone)
	}
}
