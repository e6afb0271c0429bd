package gui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// notesFixture stores a client with three notes: 60 days ago (pain 6,
// signed, with marks and an amendment), 30 days ago (pain not recorded),
// 5 days ago (pain 2). It returns the client and the notes, oldest first.
func notesFixture(t *testing.T, sh *shell) (data.Client, []data.Note) {
	t.Helper()
	ctx := context.Background()
	c := &data.Client{FirstName: "Ingrid", LastName: "Søndergaard", Email: "ingrid@example.com"}
	if err := sh.store.CreateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	day := func(ago int) data.Date { return data.DateOf(time.Now().AddDate(0, 0, -ago)) }
	notes := []data.Note{
		{ClientID: c.ID, VisitDate: day(60), ServiceName: "Therapeutic massage", Pain: 6,
			Complaint: "Épaule droite douloureuse after a long week of gardening and lifting",
			Marks:     []data.Mark{{Kind: data.MarkPain, View: data.ViewFront, X: 0.4, Y: 0.2, Label: "R shoulder"}}},
		{ClientID: c.ID, VisitDate: day(30), ServiceName: "Relaxation", Pain: data.PainNotRecorded,
			Complaint: "Neck stiffness"},
		{ClientID: c.ID, VisitDate: day(5), ServiceName: "Therapeutic massage", Pain: 2,
			Complaint: "Shoulder much better"},
	}
	for i := range notes {
		if err := sh.store.SaveDraft(ctx, &notes[i]); err != nil {
			t.Fatal(err)
		}
	}
	signed, err := sh.store.SignNote(ctx, notes[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	notes[0] = signed
	if _, err := sh.store.AddAmendment(ctx, notes[0].ID, "Wrong side", "It was the left shoulder."); err != nil {
		t.Fatal(err)
	}
	return *c, notes
}

func TestTimelineListsNotesNewestFirstAndOpensOne(t *testing.T) {
	sh := newTestShell(t, true)
	c, notes := notesFixture(t, sh)
	sh.clients.openClient(c.ID)
	if page := allText(sh.clients.page.obj); !strings.Contains(page, "Treatment notes") || !strings.Contains(page, "Shoulder much better") {
		t.Fatalf("the client page has no timeline:\n%s", page)
	}
	tl := newClientTimeline(sh, c.ID)
	if len(tl.lines) != 3 {
		t.Fatalf("%d lines, want 3", len(tl.lines))
	}
	for i, want := range []data.Note{notes[2], notes[1], notes[0]} {
		if got := tl.lines[i].Text; !strings.HasPrefix(got, want.VisitDate.Format()+" · ") {
			t.Errorf("line %d = %q, want the visit of %s", i, got, want.VisitDate.Format())
		}
	}
	if got := tl.lines[2].Text; !strings.Contains(got, "signed, amended · Épaule droite douloureuse after a long week of…") {
		t.Errorf("oldest line = %q, want status and first words", got)
	}
	if got := tl.lines[0].Text; !strings.Contains(got, "· draft ·") {
		t.Errorf("newest line = %q, want draft", got)
	}
	tl.lines[2].Tapped(&fyne.PointEvent{})
	top := sh.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("tapping a note opened nothing")
	}
	text := allText(top)
	for _, want := range []string{"Épaule droite douloureuse", "Signed by Maya Lindqvist", "It was the left shoulder.", "Wrong side", "6 out of 10"} {
		if !strings.Contains(text, want) {
			t.Errorf("the note view lacks %q:\n%s", want, text)
		}
	}
	escape(sh)
	if sh.win.Canvas().Overlays().Top() != nil {
		t.Error("Escape did not close the note")
	}
}

func TestNoteViewIsReadOnlyWithLegend(t *testing.T) {
	sh := newTestShell(t, true)
	_, notes := notesFixture(t, sh)
	v := sh.openNote(notes[0].ID)
	if v == nil || v.chart == nil {
		t.Fatal("no body chart in the note view")
	}
	if !v.chart.readOnly || len(v.chart.Marks()) != 1 {
		t.Errorf("chart read-only %v with %d marks, want read-only with 1", v.chart.readOnly, len(v.chart.Marks()))
	}
	if got := allText(v.obj); !strings.Contains(got, markKindOf(string(data.MarkPain)).long) {
		t.Errorf("no legend:\n%s", got)
	}
	if d := sh.openNote(notes[2].ID); d == nil || !strings.HasPrefix(d.status.Text, "Draft") {
		t.Error("a draft is not shown as a draft")
	}
}

// A draft opened from the timeline can be written on; a signed note takes
// amendments: both through the editor.
func TestNoteViewLeadsToTheEditor(t *testing.T) {
	sh := newTestShell(t, true)
	_, notes := notesFixture(t, sh)
	v := sh.openNote(notes[2].ID) // a draft
	if v.editBtn.Text != "Continue writing" {
		t.Fatalf("a draft's button says %q", v.editBtn.Text)
	}
	test.Tap(v.editBtn)
	if sh.noteEd == nil || sh.noteEd.note.ID != notes[2].ID {
		t.Fatal("Continue writing did not open the draft in the editor")
	}
}

// "Add amendment…" on a signed note goes straight to the amendment form.
func TestNoteViewAmendOpensTheAmendmentForm(t *testing.T) {
	sh := newTestShell(t, true)
	_, notes := notesFixture(t, sh)
	v := sh.openNote(notes[0].ID) // signed
	if v.editBtn.Text != "Add amendment…" {
		t.Fatalf("a signed note's button says %q", v.editBtn.Text)
	}
	test.Tap(v.editBtn)
	if sh.noteEd == nil || len(dialogEntries(t, sh)) != 2 {
		t.Error("Add amendment… did not open the amendment form over the note")
	}
}

// Escape in the amendment form closes it (asking when something was
// typed), and never the note behind it.
func TestEscapeInTheAmendmentFormClosesOnlyIt(t *testing.T) {
	sh := newTestShell(t, true)
	_, notes := notesFixture(t, sh)
	v := sh.openNote(notes[0].ID) // signed
	test.Tap(v.editBtn)
	ents := dialogEntries(t, sh)
	if len(ents) != 2 {
		t.Fatalf("no amendment form (%d entries)", len(ents))
	}
	typeInto(ents[0], "Wrong side")
	escape(sh)
	answer(t, sh, "Keep editing")
	if len(dialogEntries(t, sh)) != 2 || ents[0].Text != "Wrong side" {
		t.Fatal("Keep editing lost the amendment")
	}
	escape(sh)
	answer(t, sh, "Discard changes")
	if sh.noteEd == nil {
		t.Error("Escape in the amendment form closed the note behind it")
	}
}
