package gui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// dialogEntries finds the text entries of the dialog on screen, in order.
func dialogEntries(t *testing.T, sh *shell) []*entry {
	t.Helper()
	var out []*entry
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *entry:
			out = append(out, w)
			return
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
			return
		}
		if wid, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(wid).Objects() {
				walk(c)
			}
		}
	}
	walk(sh.win.Canvas().Overlays().Top())
	return out
}

// storedNote reads the note back from the store.
func storedNote(t *testing.T, st *data.Store, id int64) data.Note {
	t.Helper()
	n, err := st.Note(context.Background(), id)
	if err != nil {
		t.Fatalf("note %d: %v", id, err)
	}
	return n
}

// tapOption taps the toggle labelled o.
func tapOption(t *testing.T, c *tapChoices, o string) {
	t.Helper()
	for i, opt := range c.options {
		if opt == o {
			test.Tap(c.buttons[i])
			return
		}
	}
	t.Fatalf("no option %q", o)
}

func TestNoteEditorMarksWriteSignAndAmend(t *testing.T) {
	w := newSchedWorld(t)
	sh := w.sh
	appt := bookPast(t, w, 1)
	sh.openAppointment(appt.ID)
	answer(t, sh, "Write note")
	e := sh.noteEd
	if e == nil {
		t.Fatal("Write note opened no editor")
	}
	if e.w.date.Text != appt.Start.In(e.loc).Format("2006-01-02") || e.w.service.Text != appt.ServiceName ||
		e.w.minutes.Text != "60" && e.w.minutes.Text != strings.TrimSpace(e.w.minutes.Text) {
		t.Errorf("not pre-filled from the visit: %q %q %q", e.w.date.Text, e.w.service.Text, e.w.minutes.Text)
	}
	if e.w.pain.Selected != painNotRecorded {
		t.Errorf("pain starts as %q, want not recorded", e.w.pain.Selected)
	}

	chart := e.w.chart
	chart.SetKind(markTriggerPoint)
	test.TapAt(chart.figures, figurePoint(chart.figures, bodyFront, 0.3, 0.25))
	chart.SetKind(markTension)
	test.TapAt(chart.figures, figurePoint(chart.figures, bodyBack, 0.6, 0.5))
	typeInto(e.w.complaint, "Right shoulder tight after gardening")
	e.w.pain.SetSelected(painText(6))
	tapOption(t, e.w.techniques, "Swedish")
	tapOption(t, e.w.areas, "Shoulders")
	if e.saveState.Text != "Saving…" {
		t.Errorf("while typing the indicator says %q", e.saveState.Text)
	}
	e.autosave() // what the debounce does 2 s later
	if e.saveState.Text != "Saved" {
		t.Fatalf("after the autosave the indicator says %q (%s)", e.saveState.Text, allText(e.summary))
	}
	n := storedNote(t, sh.store, e.storedID())
	if n.Complaint != "Right shoulder tight after gardening" || n.Pain != 6 || len(n.Marks) != 2 ||
		n.AppointmentID != appt.ID || strings.Join(n.Techniques, ",") != "Swedish" || n.Status != data.NoteDraft {
		t.Fatalf("draft stored as %+v", n)
	}

	test.Tap(e.signBtn)
	answer(t, sh, "Sign note")
	n = storedNote(t, sh.store, n.ID)
	if n.Status != data.NoteSigned || n.SignedBy != "Maya Lindqvist" || len(n.Marks) != 2 {
		t.Fatalf("after signing: %+v", n)
	}
	if !e.w.complaint.Disabled() || !e.w.techniques.buttons[0].Disabled() || !e.signedLine.Visible() ||
		!strings.Contains(e.signedLine.Text, "Maya Lindqvist") {
		t.Errorf("signed note is not read-only with its signature: %q", e.signedLine.Text)
	}
	test.TapAt(chart.figures, figurePoint(chart.figures, bodyFront, 0.5, 0.5))
	if len(chart.Marks()) != 2 {
		t.Error("a signed note's body chart took a mark")
	}
	if hint := e.fields["Marks"].hint; hint.Visible() {
		t.Errorf("a signed note still says %q under its body chart", hint.Text)
	}

	test.Tap(e.amendBtn)
	ents := dialogEntries(t, sh)
	if len(ents) != 2 {
		t.Fatalf("the amendment dialog has %d entries", len(ents))
	}
	typeInto(ents[0], "Wrong side recorded")
	typeInto(ents[1], "The left shoulder, not the right.")
	answer(t, sh, "Add amendment")
	am, err := sh.store.Amendments(context.Background(), n.ID)
	if err != nil || len(am) != 1 || am[0].Reason != "Wrong side recorded" {
		t.Fatalf("amendments %+v, %v", am, err)
	}
	if !e.amendSect.Visible() || !strings.Contains(allText(e.amendments), "Wrong side recorded") {
		t.Errorf("the amendment is not listed under the note: %q", allText(e.amendments))
	}
	if storedNote(t, sh.store, n.ID).Status != data.NoteSigned {
		t.Error("the note is no longer signed")
	}
}

// noteWorld is a practice in a known file with one client.
func noteWorld(t *testing.T) (*shell, string, data.Client) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "practice.db")
	sh := newTestShellAt(t, path, true)
	c := data.Client{FirstName: "Zoë", LastName: "Tremblay"}
	if err := sh.store.CreateClient(context.Background(), &c); err != nil {
		t.Fatal(err)
	}
	return sh, path, c
}

func TestNoteAutosaveDebounceSurvivesClosingTheStore(t *testing.T) {
	sh, path, c := noteWorld(t)
	sh.after = uiAfter // the real debounce
	sh.newNote(c.ID)
	e := sh.noteEd
	e.delay = 30 * time.Millisecond
	saved := make(chan struct{}, 8)
	e.onSaved = func() { saved <- struct{}{} }
	typeInto(e.w.complaint, "Headaches")
	typeInto(e.w.homeCare, "Chin tucks twice a day")
	select {
	case <-saved:
	case <-time.After(5 * time.Second):
		t.Fatal("the debounce never saved the draft")
	}
	// A crash now: the store closes with no save of our own.
	if err := sh.store.Close(); err != nil {
		t.Fatal(err)
	}
	st, err := data.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	notes, err := st.ClientNotes(context.Background(), c.ID)
	if err != nil || len(notes) != 1 {
		t.Fatalf("notes after reopening: %d, %v", len(notes), err)
	}
	if notes[0].Complaint != "Headaches" || notes[0].HomeCare != "Chin tucks twice a day" || notes[0].Pain != data.PainNotRecorded {
		t.Errorf("autosaved draft %+v", notes[0])
	}
}

func TestNoteEditorCloseAndQuitFlushPendingSave(t *testing.T) {
	sh, _, c := noteWorld(t)
	sh.newNote(c.ID)
	e := sh.noteEd
	typeInto(e.w.complaint, "Sore calves")
	test.Tap(e.closeBtn) // well within the 2 s debounce
	if sh.noteEd != nil {
		t.Fatal("Close left the editor open")
	}
	notes, err := sh.store.ClientNotes(context.Background(), c.ID)
	if err != nil || len(notes) != 1 || notes[0].Complaint != "Sore calves" {
		t.Fatalf("closing did not save the pending draft: %+v %v", notes, err)
	}

	sh.writeNoteByID(t, notes[0])
	e = sh.noteEd
	typeInto(e.w.progress, "Better each week")
	// Quit while the settings have unsaved changes too: the question about
	// them shows, and the note is already saved.
	sh.show(sectionSettings)
	typeInto(sh.settings.phone, "416")
	sh.confirmClose()
	if !strings.Contains(allText(sh.win.Canvas().Overlays().Top()), "Save before closing?") {
		t.Fatal("quitting did not ask about the settings")
	}
	st := sh.store
	n := storedNote(t, st, notes[0].ID)
	if n.Progress != "Better each week" || n.Complaint != "Sore calves" {
		t.Errorf("quitting did not save the pending draft: %+v", n)
	}
	if got, _ := st.ClientNotes(context.Background(), c.ID); len(got) != 1 {
		t.Errorf("reopening the draft made %d notes", len(got))
	}
}

// writeNoteByID opens a stored note in the editor.
func (sh *shell) writeNoteByID(t *testing.T, n data.Note) {
	t.Helper()
	sh.editNote(storedNote(t, sh.store, n.ID))
	if sh.noteEd == nil {
		t.Fatal("no editor")
	}
}

func TestNoteEditorHasAWidgetForEveryNoteField(t *testing.T) {
	sh, _, c := noteWorld(t)
	sh.newNote(c.ID)
	for _, name := range data.NoteFieldNames() {
		if _, ok := sh.noteEd.fields[name]; !ok {
			t.Errorf("no widget for the note field %s", name)
		}
	}
}

func TestNoteTemplateFillsOnlyEmptyFields(t *testing.T) {
	sh, _, c := noteWorld(t)
	sh.newNote(c.ID)
	e := sh.noteEd
	typeInto(e.w.complaint, "My own words")
	var tpl data.NoteTemplate
	for i, tp := range e.templates {
		if tp.Name == "Low-back pain" {
			e.tplSelect.SetSelectedIndex(i)
			tpl = tp
		}
	}
	test.Tap(e.applyBtn)
	if e.w.complaint.Text != "My own words" {
		t.Errorf("the template replaced typed text: %q", e.w.complaint.Text)
	}
	if tpl.Fields.Goals == "" || e.w.goals.Text != tpl.Fields.Goals {
		t.Errorf("goals %q, template's %q", e.w.goals.Text, tpl.Fields.Goals)
	}
	for _, a := range tpl.Fields.Areas {
		if !e.w.areas.isOn(a) && !strings.Contains(e.w.areas.other.Text, a) {
			t.Errorf("area %q not chosen", a)
		}
	}
}

func TestNoteLastVisitAndNewNoteButton(t *testing.T) {
	sh, _, c := noteWorld(t)
	ctx := context.Background()
	today, _ := sh.store.Today(ctx)
	old := data.Note{ClientID: c.ID, VisitDate: data.DateOf(today.Time(time.UTC).AddDate(0, 0, -7)),
		Kind: data.NoteRegular, Pain: 4, Complaint: "Stiff neck last week", Status: data.NoteDraft}
	if err := sh.store.SaveDraft(ctx, &old); err != nil {
		t.Fatal(err)
	}
	sh.show(sectionClients)
	sh.clients.openClient(c.ID)
	newNote := buttonIn(sh.win.Canvas().Content(), "New note")
	if newNote == nil {
		t.Fatal("the client page has no New note button")
	}
	test.Tap(newNote)
	e := sh.noteEd
	if e == nil || e.note.ClientID != c.ID || e.w.date.Text != today.String() {
		t.Fatal("New note on the client page did not open a note for today")
	}
	test.Tap(e.lastBtn)
	if txt := allText(sh.win.Canvas().Overlays().Top()); !strings.Contains(txt, "Stiff neck last week") {
		t.Errorf("last visit shows %q", txt)
	}
}

func TestNoteEditorFitsSmallWindow(t *testing.T) {
	sh, _, c := noteWorld(t)
	sh.win.Resize(fyne.NewSize(1024, 600))
	sh.newNote(c.ID)
	size := sh.win.Canvas().Size()
	top := sh.win.Canvas().Overlays().Top()
	for _, o := range []fyne.CanvasObject{sh.noteEd.closeBtn, sh.noteEd.signBtn} {
		p := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
		if p.X+o.Size().Width > size.Width || p.Y+o.Size().Height > size.Height || o.Size().Width == 0 {
			t.Errorf("%q lies outside the 1024×600 window at %v", o.(*widget.Button).Text, p)
		}
	}
	saveRender(t, "note_editor", sh.win.Canvas())
	_ = top
}
