package gui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
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
