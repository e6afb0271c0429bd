package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// inView reports whether obj lies wholly inside the booking form's
// scrolled view.
func inView(b *bookingDialog, obj fyne.CanvasObject) bool {
	pos, ok := offsetIn(b.scroll.Content, obj)
	top, bottom := b.scroll.Offset.Y, b.scroll.Offset.Y+b.scroll.Size().Height
	return ok && obj.Size().Height > 0 && pos.Y >= top-1 && pos.Y+obj.Size().Height <= bottom+1
}

// Tab onto the Repeat tick box below the fold scrolls it into view, and
// back onto the service list above it scrolls up again.
func TestBookingTabToRepeatAndServiceScrollsThemIntoView(t *testing.T) {
	w := newSchedWorld(t)
	w.sh.win.Resize(fyne.NewSize(1024, 600))
	b := w.slotAt(t, w.tuesday, 14, 0)
	c := w.sh.win.Canvas()
	if inView(b, b.repeat) {
		t.Skip("the whole form fits: nothing to scroll")
	}
	c.Focus(b.repeat)
	if !inView(b, b.repeat) {
		t.Errorf("Repeat has the focus but is off screen (offset %v)", b.scroll.Offset.Y)
	}
	c.Focus(b.service)
	if !inView(b, b.service) {
		t.Errorf("the service list has the focus but is off screen (offset %v)", b.scroll.Offset.Y)
	}
}

// Ctrl+S books while the booking dialog is open.
func TestBookingCtrlSBooks(t *testing.T) {
	w := newSchedWorld(t)
	b := w.slotAt(t, w.tuesday, 14, 0)
	pickClient(t, b, "zoe", "Zoë Tremblay")
	pressShortcut(t, w.sh, shortcutSave)
	if n := len(visitsOf(t, w.sh, w.zoe.ID)); n != 1 || w.sh.sched.booking != nil {
		t.Errorf("Ctrl+S booked %d visits (dialog still open: %v)", n, w.sh.sched.booking != nil)
	}
}

// Enter in a one-line field books; Enter in the notes does not.
func TestBookingEnterInAFieldBooks(t *testing.T) {
	w := newSchedWorld(t)
	b := w.slotAt(t, w.tuesday, 14, 0)
	pickClient(t, b, "zoe", "Zoë Tremblay")
	b.notes.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if n := len(visitsOf(t, w.sh, w.zoe.ID)); n != 0 {
		t.Fatalf("Enter in the notes booked %d visits", n)
	}
	b.date.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if n := len(visitsOf(t, w.sh, w.zoe.ID)); n != 1 || w.sh.sched.booking != nil {
		t.Errorf("Enter in the date booked %d visits", n)
	}
}

// After "Change time" in the clash question the cursor is in the time,
// and Enter there asks again.
func TestBookingAfterClashQuestionTheTimeHasTheCursor(t *testing.T) {
	w := newSchedWorld(t)
	b := w.slotAt(t, w.tuesday, 10, 30)
	pickClient(t, b, "zoe", "Zoë Tremblay")
	test.Tap(b.saveBtn)
	answer(t, w.sh, "Change time")
	if f := w.sh.win.Canvas().Focused(); f != b.clock.input {
		t.Fatalf("focus on %T, want the time", f)
	}
	typeInto(b.clock.input, "15:00")
	b.clock.input.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := visitsOf(t, w.sh, w.zoe.ID); len(got) != 1 {
		t.Errorf("Enter in the time after changing it booked %d visits", len(got))
	}
}
