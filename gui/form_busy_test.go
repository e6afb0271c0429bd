package gui

import "testing"

// A form whose Save button has its own word ("Book") keeps it once a save
// has run, whether it succeeded or was refused.
func TestSaveButtonKeepsItsLabelAfterASave(t *testing.T) {
	sh := newTestShell(t, true)
	sh.openBooking(bookingStart{})
	b := sh.sched.booking
	if b.saveBtn.Text != "Book" {
		t.Fatalf("the booking's button says %q", b.saveBtn.Text)
	}
	b.setBusy(true)
	if b.saveBtn.Text != "Saving…" || !b.saveBtn.Disabled() {
		t.Errorf("while saving the button says %q (disabled %v)", b.saveBtn.Text, b.saveBtn.Disabled())
	}
	b.setBusy(false)
	if b.saveBtn.Text != "Book" || b.saveBtn.Disabled() {
		t.Errorf("after the save the button says %q (disabled %v)", b.saveBtn.Text, b.saveBtn.Disabled())
	}
}
