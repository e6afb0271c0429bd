package gui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// "Cancel visit" with no reason asks first; Escape keeps the visit and
// puts the cursor in the reason; "Cancel the visit" cancels.
func TestAppointmentCancelAsksFirst(t *testing.T) {
	w := newSchedWorld(t)
	sh := w.sh
	sh.sched.calendar.OnBlock(w.beaVisit.ID)
	d := sh.sched.appointment
	test.Tap(d.cancelBtn)
	if got := allText(sh.win.Canvas().Overlays().Top()); !strings.Contains(got, "No reason is given") {
		t.Fatalf("no question before cancelling: %s", got)
	}
	pressKey(sh, "Escape")
	if a, _ := sh.store.Appointment(t.Context(), w.beaVisit.ID); a.Status != data.StatusBooked {
		t.Fatalf("Escape cancelled the visit: %s", a.Status)
	}
	if sh.win.Canvas().Focused() != d.reason {
		t.Errorf("after keeping the visit the focus is on %T, want the reason", sh.win.Canvas().Focused())
	}
	test.Tap(d.cancelBtn)
	answer(t, sh, "Cancel the visit")
	if a, _ := sh.store.Appointment(t.Context(), w.beaVisit.ID); a.Status != data.StatusCancelled {
		t.Errorf("status %s after Cancel the visit", a.Status)
	}
}

// A bad Move date gives today's date as the example and says "before
// moving"; the message goes as soon as the date is edited.
func TestAppointmentMoveDateMessage(t *testing.T) {
	w := newSchedWorld(t)
	sh := w.sh
	sh.sched.calendar.OnBlock(w.beaVisit.ID)
	d := sh.sched.appointment
	typeInto(d.date, "2026-02-30")
	test.Tap(d.moveBtn)
	today := data.DateOf(sh.store.Now().In(d.loc)).String()
	typeInto(d.date, "next tue")
	test.Tap(d.moveBtn)
	msg := d.dateF.err.Text
	if !strings.Contains(msg, "e.g. "+today) || strings.Contains(msg, "1984") || !strings.Contains(d.summary.Text, "before moving") {
		t.Errorf("the date's message: %q, the summary: %q", msg, d.summary.Text)
	}
	typeInto(d.date, w.tuesday.String())
	if d.dateF.err.Text != "" || d.summary.Visible() {
		t.Errorf("the message stays after the date is corrected: %q", d.dateF.err.Text)
	}
}

// A move shows in the history as "moved from Tue 8 Dec, 10:00".
func TestHistoryNamesTheOldTimeOfAMove(t *testing.T) {
	changed := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	if got := historyReason("Moved from 2026-12-08T10:00", changed); got != "moved from Tue 8 Dec, 10:00" {
		t.Errorf("got %q", got)
	}
	if got := historyReason("Moved from 2027-01-05T09:30", changed); got != "moved from Tue 5 Jan 2027, 09:30" {
		t.Errorf("got %q", got)
	}
	if got := historyReason("Unwell", changed); got != "Unwell" {
		t.Errorf("got %q", got)
	}
}

// The history of a moved visit, in the dialog, reads as plain words.
func TestAppointmentDialogHistoryOfAMove(t *testing.T) {
	w := newSchedWorld(t)
	sh := w.sh
	sh.sched.calendar.OnBlock(w.beaVisit.ID)
	d := sh.sched.appointment
	typeInto(d.clock.input, "15:00")
	test.Tap(d.moveBtn)
	old := w.beaVisit.Start.In(d.loc).Format("Mon 2 Jan")
	if w.beaVisit.Start.In(d.loc).Year() != sh.store.Now().In(d.loc).Year() {
		old = w.beaVisit.Start.In(d.loc).Format("Mon 2 Jan 2006")
	}
	if got := allText(d.content); !strings.Contains(got, "moved from "+old+", 10:00") {
		t.Errorf("history: %s", got)
	}
}
