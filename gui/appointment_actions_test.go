package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// A future visit does not offer Completed or No-show (the data layer
// would refuse them) and says why; an objection shown once is cleared by
// a later successful cancel; a late-cancelled visit offers nothing.
func TestAppointmentDialogOffersOnlyWhatCanBeDone(t *testing.T) {
	w := newSchedWorld(t)
	sh := w.sh
	sh.openAppointment(w.beaVisit.ID) // next Tuesday
	d := sh.sched.appointment
	if !d.completeBtn.Disabled() || !d.noShowBtn.Disabled() {
		t.Error("a visit that has not started offers Completed or No-show")
	}
	if got := allText(d.content); !strings.Contains(got, "once it has started") {
		t.Errorf("no hint why Completed is off:\n%s", got)
	}
	if d.cancelBtn.Disabled() || d.moveBtn.Disabled() {
		t.Error("a future visit cannot be cancelled or moved")
	}
	d.setStatus(data.StatusCompleted) // what the button did: refused
	if got := d.statusField.err.Text; !strings.Contains(got, "not started") {
		t.Errorf("the refusal: %q", got)
	}
	if !d.summary.Visible() {
		t.Fatal("a refused cancel showed no objection")
	}
	typeInto(d.reason, "Unwell")
	d.late.SetChecked(true)
	test.Tap(d.cancelBtn)
	answer(t, sh, "Cancel the visit")
	a, _ := sh.store.Appointment(t.Context(), w.beaVisit.ID)
	if a.Status != data.StatusLateCancelled {
		t.Fatalf("status %s", a.Status)
	}
	if d.summary.Visible() {
		t.Errorf("the old objection stays after the cancel: %q", d.summary.Text)
	}
	for _, b := range []interface{ Disabled() bool }{d.completeBtn, d.noShowBtn, d.cancelBtn, d.moveBtn} {
		if !b.Disabled() {
			t.Error("a late-cancelled visit still offers an action")
		}
	}
	sh.openAppointment(w.beaVisit.ID) // opened afresh, too
	d = sh.sched.appointment
	if !d.completeBtn.Disabled() || !d.noShowBtn.Disabled() {
		t.Error("a late-cancelled visit offers Completed or No-show when opened")
	}
}
