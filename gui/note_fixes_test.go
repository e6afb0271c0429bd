package gui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestNoteAutosaveKeepsSavingValidFieldsPastABadOne(t *testing.T) {
	sh, _, c := noteWorld(t)
	sh.newNote(c.ID)
	e := sh.noteEd
	typeInto(e.w.complaint, "Low back")
	e.autosave()
	typeInto(e.w.minutes, "99999")
	e.autosave()
	typeInto(e.w.pressure, "firm")
	tapOption(t, e.w.areas, "Shoulders")
	typeInto(e.w.date, "not a date")
	e.autosave()
	n := storedNote(t, sh.store, e.storedID())
	if n.Pressure != "firm" || len(n.Areas) != 1 || n.Complaint != "Low back" || n.Minutes != 0 {
		t.Fatalf("autosave with a bad field stored %+v", n)
	}
	if e.w.minutes.Text != "99999" {
		t.Errorf("the typed minutes were replaced on screen: %q", e.w.minutes.Text)
	}
	if fd := e.fields["Minutes"]; fd.err.Text == "" {
		t.Error("no message under the minutes")
	}
	if fd := e.fields["VisitDate"]; fd.err.Text == "" {
		t.Error("no message under the visit date")
	}
	notes, err := sh.store.ClientNotes(context.Background(), c.ID)
	if err != nil || len(notes) != 1 {
		t.Fatalf("notes: %d %v", len(notes), err)
	}
}

func TestNoteEditorOpensWithTheComplaintFocused(t *testing.T) {
	sh, _, c := noteWorld(t)
	sh.newNote(c.ID)
	e := sh.noteEd
	if sh.win.Canvas().Focused() == nil {
		t.Fatal("nothing has the focus in a fresh note")
	}
	test.Type(sh.win.Canvas().Focused(), "Stiff neck")
	if e.w.complaint.Text != "Stiff neck" {
		t.Fatalf("typing into a fresh note gave complaint %q", e.w.complaint.Text)
	}
	sh.win.Canvas().FocusNext()
	if sh.win.Canvas().Focused() == e.w.complaint || sh.win.Canvas().Focused() == nil {
		t.Error("Tab did not go on from the complaint")
	}
}
