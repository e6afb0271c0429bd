package gui

import (
	"context"
	"errors"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// autosaveDelay is how long after the last keystroke a draft is saved.
const autosaveDelay = 2 * time.Second

// noteEditor is the treatment-note editor: a dialog sized to the window
// with the SOAP sections in form order, the body chart, templates, the
// last visit's note one click away, signing and amendments. A draft saves
// itself (autosave.go's debounce); closing, switching practice or quitting
// saves what is pending first.
type noteEditor struct {
	*form
	st   *data.Store
	loc  *time.Location
	note data.Note // as last loaded, saved or signed
	w    noteWidgets

	dlg        *dialog.CustomDialog
	restoreEsc func()
	title      *widget.Label
	saveState  *widget.Label // "Saving…" / "Saved"
	signedLine *widget.Label
	templates  []data.NoteTemplate
	tplSelect  *widget.Select
	applyBtn   *widget.Button
	lastBtn    *widget.Button
	lastPanel  *fyne.Container // the last visit's note beside this one
	lastTitle  *widget.Label
	lastText   *widget.Label
	signBtn    *widget.Button
	amendBtn   *widget.Button
	closeBtn   *widget.Button
	amendments *fyne.Container
	amendSect  fyne.CanvasObject
	consented  []string        // the sensitive areas the client consents to
	checkIn    *checkInForm    // the visit's check-in (checkin_note.go); nil without an appointment
	ciSaveRow  *fyne.Container // the check-in's own Save button: a signed note's only
	ciRev      int             // counts the check-in's edits
	buttons    *fyne.Container // the row of buttons under the note
	pdf        *pdfActions     // a signed note: "Save as PDF…" and "Print…"

	// Autosave: rev counts edits, savedRev is the last edit saved.
	delay         time.Duration
	timer         stopper
	rev, savedRev int
	saving, again bool
	closed        bool
	onSaved       func() // tests: told after each save is shown

	mu     sync.Mutex // serialises draft writes, so a new note is inserted once
	id     int64      // the stored note's ID (guarded by mu)
	stored data.Note  // the note as last stored (guarded by mu)
}

// writeNote opens the note of an appointment: its note when it has one,
// otherwise a new draft with the visit's date, service and minutes. A
// signed note opens in the one signed-note view (note_view.go), with Save
// as PDF and Print, wherever it is opened from.
func (sh *shell) writeNote(appointmentID int64) {
	n, err := sh.store.NoteForAppointment(context.Background(), appointmentID)
	if err != nil {
		showError(sh.win, err)
		return
	}
	if n.Signed() && n.ID != 0 {
		sh.openNote(n.ID)
		return
	}
	sh.editNote(n)
}

// newNote opens a new draft note for a client, dated today.
func (sh *shell) newNote(clientID int64) {
	ctx := context.Background()
	c, err := sh.store.Client(ctx, clientID)
	if err != nil {
		showError(sh.win, err)
		return
	}
	m, err := sh.store.Moment(ctx)
	if err != nil {
		showError(sh.win, err)
		return
	}
	sh.editNote(data.Note{ClientID: c.ID, ClientName: c.DisplayName(), VisitDate: m.Today,
		Kind: data.NoteRegular, Pain: data.PainNotRecorded, Status: data.NoteDraft})
}

// flushNote saves the open note's pending changes at once (quitting,
// switching practice).
func (sh *shell) flushNote() {
	if sh.noteEd != nil {
		sh.noteEd.flushNow()
	}
}

// editNote shows the editor on n (one note at a time).
func (sh *shell) editNote(n data.Note) {
	if sh.noteEd != nil {
		return
	}
	e, err := newNoteEditor(sh, n)
	if err != nil {
		showError(sh.win, err)
		return
	}
	sh.noteEd = e
	// Room for a template's whole name ("Neck and shoulders"), not just the placeholder's.
	tpl := container.NewGridWrap(fyne.NewSize(210, e.tplSelect.MinSize().Height), e.tplSelect)
	buttons := container.NewHBox(e.lastBtn, tpl, e.applyBtn, layoutSpacer(), e.saveState,
		e.signBtn, e.amendBtn, e.closeBtn)
	e.buttons = buttons
	if e.note.Signed() {
		e.addPDFButtons()
	}
	e.dlg = dialog.NewCustomWithoutButtons("Treatment note",
		container.NewBorder(nil, buttons, nil, e.lastPanel, e.frame(container.NewVBox(e.title, e.signedLine), e.body())), sh.win)
	e.restoreEsc = e.escapeCancels(e.escape)
	if e.checkIn != nil { // the check-in's fields are the note's too
		for _, fd := range e.checkIn.order {
			for _, in := range inputsIn[escaper](fd.input) {
				in.setOnEscape(e.escape)
			}
		}
	}
	e.dlg.SetOnClosed(func() {
		e.restoreEsc()
		if sh.noteEd == e {
			sh.noteEd = nil
		}
	})
	size := sh.win.Canvas().Size()
	e.dlg.Resize(fyne.NewSize(min(1000, size.Width-40), size.Height-40))
	e.dlg.Show()
	e.focusFirst()
}

// focusFirst puts the keyboard where writing starts, so typing starts at
// once and Tab goes on from there: for a new note of a visit, the check-in
// at the top (the client's answers come first), with the note scrolled to
// the top; otherwise (a note being resumed, or one without a visit) the
// first empty field of Subjective, the complaint when all are filled. A
// signed note takes no typing.
func (e *noteEditor) focusFirst() {
	if e.note.Signed() {
		return
	}
	if e.note.ID == 0 && e.checkIn != nil {
		if e.scroll != nil {
			e.scroll.ScrollToTop()
		}
		e.sh.win.Canvas().Focus(e.checkIn.stress)
		return
	}
	first := e.w.complaint
	for _, en := range []*entry{e.w.complaint, e.w.changes, e.w.goals} {
		if en.Text == "" {
			first = en
			break
		}
	}
	e.sh.win.Canvas().Focus(first)
}

// newNoteEditor builds the editor's widgets on n.
func newNoteEditor(sh *shell, n data.Note) (*noteEditor, error) {
	ctx := context.Background()
	e := &noteEditor{st: sh.store, note: n, id: n.ID, stored: n, delay: autosaveDelay}
	e.form = newForm(sh, "this note", func() { e.flushNow() })
	m, err := sh.store.Moment(ctx)
	if err != nil {
		return nil, err
	}
	e.loc = m.Loc
	if e.consented, err = sh.store.ConsentedAreas(ctx, n.ClientID); err != nil {
		return nil, err
	}
	if e.templates, err = sh.store.NoteTemplates(ctx); err != nil {
		return nil, err
	}
	e.form.onChange = e.edited
	e.title = oneLine(heading(n.ClientName + " · " + n.VisitDate.Format()))
	e.title.SizeName = theme.SizeNameSubHeadingText // the dialog has its own title: keep room for the note
	e.saveState = widget.NewLabel("")
	e.saveState.Importance = widget.LowImportance
	e.signedLine = widget.NewLabel("")
	e.signedLine.Wrapping = fyne.TextWrapWord
	e.signedLine.Hide()
	var names []string
	for _, t := range e.templates {
		names = append(names, t.Name)
	}
	e.tplSelect = widget.NewSelect(names, nil)
	e.tplSelect.PlaceHolder = "Template…"
	e.applyBtn = widget.NewButton("Apply", e.applyTemplate)
	e.lastBtn = widget.NewButtonWithIcon("Last visit", theme.HistoryIcon(), e.toggleLastVisit)
	e.lastText = widget.NewLabel("")
	e.lastText.Wrapping = fyne.TextWrapWord
	e.lastTitle = oneLine(widget.NewLabelWithStyle("Last visit", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	scroll := container.NewVScroll(e.lastText)
	scroll.SetMinSize(fyne.NewSize(300, 200))
	e.lastPanel = container.NewBorder(e.lastTitle, nil, nil, nil, scroll)
	e.lastPanel.Hide()
	e.signBtn = widget.NewButtonWithIcon("Sign…", theme.ConfirmIcon(), e.askSign)
	e.amendBtn = widget.NewButtonWithIcon("Add amendment…", theme.ContentAddIcon(), e.askAmendment)
	e.amendBtn.Hide()
	e.closeBtn = widget.NewButton("Close", e.close)
	e.closeBtn.Importance = widget.HighImportance
	return e, nil
}

// body is the note's fields and, for a signed note, its amendments.
func (e *noteEditor) body() fyne.CanvasObject {
	fields := e.buildFields()
	e.amendments = container.NewVBox()
	e.amendSect = section("Amendments", e.amendments)
	e.amendSect.Hide()
	e.load(func() { e.put(e.note) })
	if e.note.Signed() {
		e.showSigned()
	}
	return container.NewVBox(e.checkInSection(), fields, e.amendSect)
}

// applyTemplate fills the empty fields from the chosen template.
func (e *noteEditor) applyTemplate() {
	i := e.tplSelect.SelectedIndex()
	if i < 0 || e.note.Signed() {
		return
	}
	n, _ := e.read()
	e.templates[i].Apply(&n)
	e.put(n)
	e.changed()
}

// close saves what is pending and closes the editor; when the save is
// refused, it asks before leaving the changes behind.
func (e *noteEditor) close() {
	e.flushNow()
	if e.note.Signed() && e.checkIn != nil {
		e.checkIn.guard(e.hide) // a signed note's check-in is saved by its own button
		return
	}
	if !e.note.Signed() && e.rev != e.savedRev {
		confirmDiscard(e.sh.win, "The latest changes to this note could not be saved.", e.hide)
		return
	}
	e.hide()
}

// hide closes the dialog and stops the autosave.
func (e *noteEditor) hide() {
	e.stopTimer()
	e.closed = true
	e.dlg.Hide()
	e.sh.clientRecordChanged(e.note.ClientID) // its timeline, pain trend and history
}

// escape closes the last visit's panel when it is open, else the note:
// one Escape never does more than the therapist can see it will.
func (e *noteEditor) escape() {
	if e.lastPanel.Visible() {
		e.lastPanel.Hide()
		return
	}
	e.close()
}

// toggleLastVisit shows or hides the client's previous note in a panel
// beside this one, so both can be read at once.
func (e *noteEditor) toggleLastVisit() {
	if e.lastPanel.Visible() {
		e.lastPanel.Hide()
		return
	}
	clientID, before := e.note.ClientID, e.note.VisitDate
	st := e.st
	e.sh.background(func(ctx context.Context) func() {
		last, err := st.LastNote(ctx, clientID, before)
		return func() {
			switch {
			case errors.Is(err, data.ErrNotFound):
				e.lastTitle.SetText("Last visit")
				e.lastText.SetText("There is no earlier note for this client.")
			case err != nil:
				showError(e.sh.win, err)
				return
			default:
				e.lastTitle.SetText("Last visit: " + last.VisitDate.Format())
				e.lastText.SetText(noteSummary(last))
			}
			e.lastPanel.Show()
		}
	})
}
