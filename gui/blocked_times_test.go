package gui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

func TestBlockedTimeAddListAndDeleteAfterAsking(t *testing.T) {
	sh, s := scheduleTab(t)
	p := s.blocked
	test.Tap(p.addBtn)
	d := p.dialog
	if d == nil {
		t.Fatal("no dialog")
	}
	for _, n := range data.BlockedTimeFieldNames() {
		if fd, ok := d.fields[n]; !ok || !slices.Contains(d.order, fd) {
			t.Errorf("the blocked-time form has no widget for %s", n)
		}
	}
	typeInto(d.first, "2026-02-30")
	typeInto(d.start.input, "13:00")
	typeInto(d.end.input, "12:00")
	test.Tap(d.saveBtn)
	for field, says := range map[string]string{"Label": "Give the blocked time a name", "FirstDate": "not a real date",
		"End": "must come after the start"} {
		if msg := d.fields[field].err.Text; !strings.Contains(msg, says) {
			t.Errorf("%s says %q, want %q", field, msg, says)
		}
	}
	typeInto(d.label, "Lunch")
	typeInto(d.first, "2026-01-05")
	d.kind.SetSelected(blockedWeekly)
	typeInto(d.start.input, "12:00")
	typeInto(d.end.input, "1pm")
	test.Tap(d.saveBtn)
	if hasDialog(sh) {
		t.Fatal("dialog still open")
	}

	test.Tap(p.addBtn)
	d = p.dialog
	typeInto(d.label, "Holiday")
	typeInto(d.first, "2026-07-06")
	typeInto(d.last, "2026-07-10")
	test.Tap(d.wholeDay)
	test.Tap(d.saveBtn)

	list, _ := sh.store.BlockedTimes(context.Background())
	if len(list) != 2 || !list[0].Weekly || list[0].End != (data.Clock{Hour: 13}) || list[1].End != (data.Clock{Hour: 24}) {
		t.Fatalf("stored %+v", list)
	}
	text := allText(p.obj)
	for _, want := range []string{"Every Monday from 5 Jan 2026, 12:00–13:00", "6 Jul 2026 – 10 Jul 2026, all day"} {
		if !strings.Contains(text, want) {
			t.Errorf("list lacks %q:\n%s", want, text)
		}
	}

	// Delete asks; Enter keeps it.
	test.Tap(p.deletes[0])
	pressKey(sh, "Return")
	if got, _ := sh.store.BlockedTimes(context.Background()); len(got) != 2 {
		t.Fatal("Enter deleted")
	}
	test.Tap(p.deletes[0])
	answer(t, sh, "Delete")
	got, _ := sh.store.BlockedTimes(context.Background())
	if len(got) != 1 || got[0].Label != "Holiday" || len(p.list) != 1 {
		t.Errorf("after delete: %+v", got)
	}
}

// Saving blocked time over a booked visit tells the therapist which visit
// it is; the visit stays booked.
func TestBlockedTimeWarnsAboutVisitsBookedInIt(t *testing.T) {
	w := newSchedWorld(t)
	sh := w.sh
	sh.show(sectionSettings)
	sh.settings.tabs.SelectIndex(1)
	p := sh.settings.schedule.blocked
	test.Tap(p.addBtn)
	d := p.dialog
	typeInto(d.label, "Dentist")
	typeInto(d.first, w.tuesday.String())
	typeInto(d.start.input, "09:00")
	typeInto(d.end.input, "12:00")
	test.Tap(d.saveBtn)
	if !hasDialog(sh) {
		t.Fatal("no warning about the visit booked in the blocked time")
	}
	msg := allText(sh.win.Canvas().Overlays().Top())
	for _, want := range []string{"1 booked visit falls", "Bea Okafor", "10:00", "stay booked"} {
		if !strings.Contains(msg, want) {
			t.Errorf("warning lacks %q:\n%s", want, msg)
		}
	}
	answer(t, sh, "OK")
	if a, _ := sh.store.Appointment(context.Background(), w.beaVisit.ID); a.Status != data.StatusBooked {
		t.Errorf("the visit is %s", a.Status)
	}
}
