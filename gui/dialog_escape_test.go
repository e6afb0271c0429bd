package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

func escape(sh *shell) {
	ev := &fyne.KeyEvent{Name: fyne.KeyEscape}
	if f, ok := sh.win.Canvas().Focused().(fyne.Focusable); ok && f != nil {
		f.TypedKey(ev)
		return
	}
	if h := sh.win.Canvas().OnTypedKey(); h != nil {
		h(ev)
	}
}

func TestEscapeClosesTheBookingDialogAndAsksWhenEdited(t *testing.T) {
	sh := newTestShell(t, true)
	sh.openBooking(bookingStart{})
	b := sh.sched.booking
	if b == nil {
		t.Fatal("no booking dialog")
	}
	escape(sh) // the cursor is in the client search
	if sh.sched.booking != nil {
		t.Fatal("Escape did not close an untouched booking dialog")
	}

	sh.openBooking(bookingStart{})
	b = sh.sched.booking
	test.Type(b.notes, "Prefers the quiet room")
	escape(sh)
	if sh.sched.booking == nil || !hasDialog(sh) {
		t.Fatal("Escape closed an edited booking without asking")
	}
	answer(t, sh, "Keep editing")
	if sh.sched.booking == nil || b.notes.Text != "Prefers the quiet room" {
		t.Fatal("Keep editing lost the booking")
	}
	escape(sh)
	answer(t, sh, "Discard changes")
	if sh.sched.booking != nil {
		t.Error("Discard did not close the booking dialog")
	}
}

func TestEscapeClosesTheServiceDialog(t *testing.T) {
	sh := newTestShell(t, true)
	closed := false
	d := newServiceDialog(sh, data.Service{}, func() {})
	d.dlg.SetOnClosed(func() { closed = true })
	sh.win.Canvas().Focus(nil)
	escape(sh)
	if !closed {
		t.Error("Escape did not close the untouched service dialog")
	}
}

func TestQuitAsksAboutAnUnsavedBooking(t *testing.T) {
	sh := newTestShell(t, true)
	recordClose(sh)
	sh.openBooking(bookingStart{})
	test.Type(sh.sched.booking.notes, "Prefers the quiet room")
	if got := sh.unsaved(); got == "" {
		t.Fatal("an edited booking is not an unsaved change")
	}
	sh.confirmClose()
	answer(t, sh, "Keep editing")
	if !windowOpen(sh) || sh.sched.booking == nil {
		t.Fatal("Keep editing closed the window or the booking")
	}
}
