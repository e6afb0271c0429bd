package gui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// bookAhead books Bea for 60 minutes on date at c (over any conflict).
func bookAhead(t *testing.T, sh *shell, d data.Date, c data.Clock) data.Appointment {
	t.Helper()
	ctx := context.Background()
	cl := &data.Client{FirstName: "Bea", LastName: "Okafor"}
	if err := sh.store.CreateClient(ctx, cl); err != nil {
		t.Fatal(err)
	}
	as, err := sh.store.Book(ctx, data.Booking{ClientID: cl.ID, ServiceID: 2, Date: d, Clock: c, Override: true})
	if err != nil {
		t.Fatal(err)
	}
	return as[0]
}

func inAWeek(t *testing.T, sh *shell) data.Date {
	t.Helper()
	today, err := sh.store.Today(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return data.DateOf(today.Time(time.UTC).AddDate(0, 0, 7))
}

func TestTimeZoneChangeAsksAndKeepsClockTimes(t *testing.T) {
	sh := newTestShell(t, true)
	a := bookAhead(t, sh, inAWeek(t, sh), data.Clock{Hour: 10})
	sh.show(sectionSettings)
	s := sh.settings
	s.timeZone.SetText("America/Vancouver")
	test.Tap(s.saveBtn)
	if !hasDialog(sh) || !strings.Contains(allText(sh.win.Canvas().Overlays().Top()), "1 booked appointment") {
		t.Fatal("no question about the booked visit")
	}
	answer(t, sh, "Keep appointments at the same clock time")
	got, err := sh.store.Appointment(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.LocalStart != a.LocalStart || got.Start.Sub(a.Start) != 3*time.Hour || got.Zone != "America/Vancouver" {
		t.Errorf("visit now %v %s %s (was %v %s)", got.Start, got.LocalStart, got.Zone, a.Start, a.LocalStart)
	}
	if p, _ := sh.store.Practice(context.Background()); p.TimeZone != "America/Vancouver" || s.dirty || !s.saved.Visible() {
		t.Errorf("zone %q dirty %v", p.TimeZone, s.dirty)
	}
	// The calendar now draws in the new zone.
	if loc := sh.sched.calendar.src.Loc; loc.String() != "America/Vancouver" {
		t.Errorf("the calendar still draws in %s", loc)
	}
}

func TestTimeZoneChangeCanKeepMomentsOrBeCancelled(t *testing.T) {
	sh := newTestShell(t, true)
	a := bookAhead(t, sh, inAWeek(t, sh), data.Clock{Hour: 10})
	sh.show(sectionSettings)
	s := sh.settings
	s.timeZone.SetText("America/Vancouver")
	test.Tap(s.saveBtn)
	answer(t, sh, "Cancel")
	if p, _ := sh.store.Practice(context.Background()); p.TimeZone != "America/Toronto" || !s.dirty {
		t.Fatalf("cancel saved zone %q", p.TimeZone)
	}
	test.Tap(s.saveBtn)
	answer(t, sh, "Keep the same moments (times shift)")
	got, _ := sh.store.Appointment(context.Background(), a.ID)
	if !got.Start.Equal(a.Start) || got.LocalStart == a.LocalStart || got.Zone != "America/Vancouver" {
		t.Errorf("visit now %v %s %s", got.Start, got.LocalStart, got.Zone)
	}
}

// A visit at a time the new zone skips: the zone stays, the message is
// under Time zone, the other changes of the profile are saved.
func TestTimeZoneChangeToASkippedTimeIsRefused(t *testing.T) {
	sh := newTestShell(t, true)
	// London skips 01:00–02:00 on the last Sunday of March; Toronto has
	// changed its clocks already by then, so 01:30 exists there.
	year := time.Now().Year() + 1
	d := time.Date(year, time.March, 31, 0, 0, 0, 0, time.UTC)
	for d.Weekday() != time.Sunday {
		d = d.AddDate(0, 0, -1)
	}
	a := bookAhead(t, sh, data.DateOf(d), data.Clock{Hour: 1, Minute: 30})
	sh.show(sectionSettings)
	s := sh.settings
	typeInto(s.phone, "555-0100")
	s.timeZone.SetText("Europe/London")
	test.Tap(s.saveBtn)
	answer(t, sh, "Keep appointments at the same clock time")
	if msg := s.fields["TimeZone"].err.Text; !strings.Contains(msg, "01:30") || !strings.Contains(msg, "clocks jump") {
		t.Errorf("message %q", msg)
	}
	p, _ := sh.store.Practice(context.Background())
	if p.TimeZone != "America/Toronto" || p.Phone != "555-0100" {
		t.Errorf("practice %q %q", p.TimeZone, p.Phone)
	}
	if got, _ := sh.store.Appointment(context.Background(), a.ID); !got.Start.Equal(a.Start) || got.Zone != "America/Toronto" {
		t.Errorf("visit moved: %v %s", got.Start, got.Zone)
	}
}

// With nothing booked ahead the zone changes without a question, and the
// visits already on record keep their moments under the new zone.
func TestTimeZoneChangeWithNothingAheadKeepsTheRecord(t *testing.T) {
	sh := newTestShell(t, true)
	a := bookAhead(t, sh, inAWeek(t, sh), data.Clock{Hour: 10})
	if _, err := sh.store.CancelAppointment(context.Background(), a.ID, "moved away", false, data.ThisVisit); err != nil {
		t.Fatal(err)
	}
	sh.show(sectionSettings)
	s := sh.settings
	s.timeZone.SetText("America/Vancouver")
	test.Tap(s.saveBtn)
	if hasDialog(sh) {
		t.Fatal("asked although nothing is booked ahead")
	}
	got, err := sh.store.Appointment(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Start.Equal(a.Start) || got.Zone != "America/Vancouver" || got.LocalStart == a.LocalStart {
		t.Errorf("visit now %v %s %s (was %v %s)", got.Start, got.LocalStart, got.Zone, a.Start, a.LocalStart)
	}
}
