package gui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
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

func TestNoteEditorShowsLastVisitBesideTheNote(t *testing.T) {
	sh, _, c := noteWorld(t)
	ctx := context.Background()
	m, err := sh.store.Moment(ctx)
	if err != nil {
		t.Fatal(err)
	}
	prev := data.Note{ClientID: c.ID, VisitDate: data.DateOf(m.Today.Time(time.UTC).AddDate(0, 0, -7)), Kind: data.NoteRegular,
		Pain: data.PainNotRecorded, Complaint: "Tight hamstrings"}
	if err := sh.store.SaveDraft(ctx, &prev); err != nil {
		t.Fatal(err)
	}
	sh.newNote(c.ID)
	e := sh.noteEd
	overlays := len(sh.win.Canvas().Overlays().List())
	test.Tap(e.lastBtn)
	if len(sh.win.Canvas().Overlays().List()) != overlays {
		t.Fatal("Last visit opened a pop-up over the note")
	}
	if !e.lastPanel.Visible() || !strings.Contains(e.lastText.Text, "Tight hamstrings") {
		t.Fatalf("the last visit's note is not beside the new one: %v %q", e.lastPanel.Visible(), e.lastText.Text)
	}
	sh.win.Resize(fyne.NewSize(1024, 600))
	p := fyne.CurrentApp().Driver().AbsolutePositionForObject(e.closeBtn)
	if p.X+e.closeBtn.Size().Width > 1024 || e.lastPanel.Size().Width < 250 {
		t.Errorf("with the panel at 1024×600: Close at %v, panel %v wide", p, e.lastPanel.Size().Width)
	}
	typeInto(e.w.complaint, "Hamstrings again")
	if sh.noteEd != e || !e.lastPanel.Visible() {
		t.Error("typing closed the last visit panel or the note")
	}
	test.Tap(e.lastBtn)
	if e.lastPanel.Visible() {
		t.Error("a second tap did not hide the last visit panel")
	}
	// Escape closes the panel first, the note only on a second press.
	test.Tap(e.lastBtn)
	sh.win.Canvas().Focus(e.w.complaint)
	escape(sh)
	if sh.noteEd != e || e.lastPanel.Visible() {
		t.Fatalf("Escape with the panel open: note open %v, panel shown %v", sh.noteEd == e, e.lastPanel.Visible())
	}
}

func TestTimelineLineSaysAmended(t *testing.T) {
	sh, _, c := noteWorld(t)
	ctx := context.Background()
	m, err := sh.store.Moment(ctx)
	if err != nil {
		t.Fatal(err)
	}
	n := data.Note{ClientID: c.ID, VisitDate: m.Today, Kind: data.NoteRegular, Pain: data.PainNotRecorded,
		Complaint: "Sore knee"}
	if err := sh.store.SaveDraft(ctx, &n); err != nil {
		t.Fatal(err)
	}
	if _, err := sh.store.SignNote(ctx, n.ID); err != nil {
		t.Fatal(err)
	}
	notes, err := sh.store.ClientNotes(ctx, c.ID)
	if err != nil || strings.Contains(timelineText(notes[0]), "amended") {
		t.Fatalf("an unamended note's line: %q %v", timelineText(notes[0]), err)
	}
	if _, err := sh.store.AddAmendment(ctx, n.ID, "Wrong side", "It was the left knee."); err != nil {
		t.Fatal(err)
	}
	notes, err = sh.store.ClientNotes(ctx, c.ID)
	if err != nil || !strings.Contains(timelineText(notes[0]), "amended") {
		t.Errorf("an amended note's line: %q %v", timelineText(notes[0]), err)
	}
}

func TestTodayHidesNoteForCancelledVisit(t *testing.T) {
	f := newTodayFixture(t)
	if f.row(t, f.ann).note.Visible() {
		t.Error("a cancelled visit offers Note")
	}
	if !f.row(t, f.sam).note.Visible() {
		t.Error("a booked visit does not offer Note")
	}
}

// Closing a note shows it on the client's page at once (timeline, history).
func TestClosingANoteRefreshesTheClientPage(t *testing.T) {
	sh, _, c := noteWorld(t)
	sh.show(sectionClients)
	sh.clients.openClient(c.ID)
	sh.newNote(c.ID)
	e := sh.noteEd
	typeInto(e.w.complaint, "Plantar fascia sore on waking")
	e.close()
	if got := allText(sh.clients.page.obj); !strings.Contains(got, "Plantar fascia") {
		t.Errorf("the client page does not show the note just written:\n%s", got)
	}
}

// Closing the window any way saves the note being written and stops its
// autosave timer before the practice file closes (a timer left running
// would write to a closed file).
func TestClosingTheWindowFlushesTheNote(t *testing.T) {
	a := test.NewTempApp(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "practice.db")
	st, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	c := &data.Client{FirstName: "Ada", LastName: "Byrne"}
	if err := st.CreateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	w := a.NewWindow("Stillpoint") // closed by the test itself, not a cleanup
	sh := newTestShellOn(a, w, st)
	w.Resize(fyne.NewSize(1200, 800))
	sh.start()
	sh.newNote(c.ID)
	e := sh.noteEd
	typeInto(e.w.complaint, "Heel pain on the first steps")
	w.Close()
	if e.timer != nil {
		t.Error("the autosave timer outlived the window")
	}
	st, err = data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	notes, err := st.ClientNotes(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) == 0 || notes[0].Complaint != "Heel pain on the first steps" {
		t.Errorf("the note was not saved when the window closed: %+v", notes)
	}
}
