package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The first time the Calendar is shown the week takes the keyboard: Right
// moves the highlight at once. The driver does not yet know which canvas
// an object never painted is on (the test driver guesses the newest
// window, so a second window stands in for that).
func TestCalendarTakesTheKeyboardOnFirstShow(t *testing.T) {
	sh := newTestShell(t, true)
	other := test.NewWindow(nil) // the driver's guess is now wrong
	defer other.Close()
	sh.showMain(sectionClients)
	sh.show(sectionCalendar)
	cal := sh.sched.calendar
	c := sh.win.Canvas()
	if c.Focused() != cal.week {
		t.Fatalf("focused %T, want the week view", c.Focused())
	}
	before := cal.week.Highlighted()
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if got := cal.week.Highlighted(); !got.Equal(before.AddDate(0, 0, 1)) {
		t.Errorf("Right moved the highlight from %v to %v", before, got)
	}
}
