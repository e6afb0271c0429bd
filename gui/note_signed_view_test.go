package gui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// A signed note opened from the Today row (or the appointment dialog)
// shows the one signed-note view, with Save as PDF and Print; signing in
// the editor adds them there too.
func TestSignedNoteFromTodayHasPDFButtons(t *testing.T) {
	f := newTodayFixture(t)
	sh := f.sh
	ctx := context.Background()
	n, err := sh.store.NoteForAppointment(ctx, f.sam)
	if err != nil {
		t.Fatal(err)
	}
	n.Complaint = "Tight calves"
	if err := sh.store.SaveDraft(ctx, &n); err != nil {
		t.Fatal(err)
	}
	if _, err := sh.store.SignNote(ctx, n.ID); err != nil {
		t.Fatal(err)
	}
	test.Tap(f.row(t, f.sam).note)
	if sh.noteEd != nil {
		t.Fatal("a signed note opened in the editor, without Save as PDF")
	}
	dialogButton(t, sh, "Save as PDF…")
	dialogButton(t, sh, "Print…")
	answer(t, sh, "Close")

	// Signing in the editor: the buttons appear beside Close.
	test.Tap(f.row(t, f.bea).note)
	e := sh.noteEd
	if e == nil {
		t.Fatal("no editor for a new note")
	}
	typeInto(e.w.complaint, "Stiff neck")
	test.Tap(e.signBtn)
	answer(t, sh, "Sign note")
	if !e.note.Signed() || e.pdf == nil {
		t.Fatal("signed without Save as PDF / Print")
	}
	dialogButton(t, sh, "Save as PDF…")
	if objs := e.buttons.Objects; objs[len(objs)-1] != e.closeBtn {
		t.Error("Close is no longer the last button")
	}
}

// The signed note's view shows the visit's check-in in one line.
func TestSignedNoteViewShowsTheCheckIn(t *testing.T) {
	sh := newTestShell(t, true)
	ctx := context.Background()
	_, visits := outcomeClient(t, sh, 1)
	ci, err := sh.store.CheckInForAppointment(ctx, visits[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	ci.Pain, ci.Stress, ci.Sleep = 4, 6, 7
	ci.PSFS = []data.PSFSScore{{Activity: "Reversing the car", Score: 5}}
	if err := sh.store.SaveCheckIn(ctx, &ci); err != nil {
		t.Fatal(err)
	}
	n, _ := sh.store.NoteForAppointment(ctx, visits[0].ID)
	n.Complaint = "Low back"
	if err := sh.store.SaveDraft(ctx, &n); err != nil {
		t.Fatal(err)
	}
	if _, err := sh.store.SignNote(ctx, n.ID); err != nil {
		t.Fatal(err)
	}
	v := sh.openNote(n.ID)
	if want := "Check-in: pain 4, stress 6, sleep 7; Reversing the car 5"; !v.checkIn.Visible() || v.checkIn.Text != want {
		t.Errorf("check-in line %q (shown %v), want %q", v.checkIn.Text, v.checkIn.Visible(), want)
	}
}
