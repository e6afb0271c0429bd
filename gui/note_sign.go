package gui

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// askSign saves the draft, then asks before signing: a signed note can
// never be changed again.
func (e *noteEditor) askSign() {
	e.flushNow()
	if e.rev != e.savedRev {
		e.revealFirst()
		return
	}
	if e.storedID() == 0 {
		e.report([]data.FieldProblem{{Field: "Complaint", Message: "Write the note before signing it."}}, nil)
		e.revealFirst()
		return
	}
	keep := choice{"Keep as draft", widget.HighImportance, nil}
	ask(e.sh.win, "Sign this note?", "Once signed, this note can no longer be changed or deleted.\n"+
		"Corrections are added as amendments, listed under the note.", keep, keep,
		choice{"Sign note", widget.WarningImportance, e.sign})
}

// sign signs the saved draft and shows it read-only.
func (e *noteEditor) sign() {
	id, st := e.storedID(), e.st
	e.sh.background(func(ctx context.Context) func() {
		n, err := st.SignNote(ctx, id)
		return func() {
			var ve *data.ValidationError
			switch {
			case errors.As(err, &ve):
				for _, p := range ve.Problems {
					if p.Field == "SignedBy" { // no therapist name: Settings, not this form
						showInfo("Add your name first", p.Message, e.sh.win)
						return
					}
				}
				e.report(nil, err)
				e.revealFirst()
			case err != nil:
				showError(e.sh.win, err)
			default:
				e.note = n
				e.showSigned()
				e.addPDFButtons()
			}
		}
	})
}

// showSigned makes the editor read-only, says when and by whom the note
// was signed, and lists its amendments.
func (e *noteEditor) showSigned() {
	e.stopTimer()
	for _, fd := range e.order {
		e.disableAll(fd.input)
	}
	e.w.chart.SetReadOnly(true)
	if fd := e.fields["Marks"]; fd != nil {
		fd.setHint("") // no "tap the figure" on a signed note
	}
	e.signedLine.SetText("Signed " + e.note.SignedAt.In(e.loc).Format("Mon 2 Jan 2006, 15:04") + " by " +
		e.note.SignedBy + ". It can no longer be changed; add an amendment to correct it.")
	e.signedLine.Show()
	e.tplSelect.Hide()
	e.applyBtn.Hide()
	e.signBtn.Hide()
	e.amendBtn.Show()
	if e.ciSaveRow != nil {
		e.ciSaveRow.Show() // stress, sleep and activities can still be recorded
	}
	e.setSaveState("", widget.LowImportance)
	e.loadAmendments()
}

// addPDFButtons puts "Save as PDF…" and "Print…" beside Close once the
// note is signed, as in the note view: a signed note can be printed
// wherever it is open.
func (e *noteEditor) addPDFButtons() {
	if e.pdf != nil || e.buttons == nil {
		return
	}
	e.pdf = newPDFActions(e.sh, noteDocument(e.note))
	objs := e.buttons.Objects
	last := len(objs) - 1 // Close stays last
	e.buttons.Objects = append(append(append([]fyne.CanvasObject{}, objs[:last]...), e.pdf.saveBtn, e.pdf.printBtn), objs[last])
	e.buttons.Refresh()
}

// loadAmendments lists the note's amendments, oldest first.
func (e *noteEditor) loadAmendments() {
	id, st := e.note.ID, e.st
	e.sh.background(func(ctx context.Context) func() {
		list, err := st.Amendments(ctx, id)
		return func() {
			if err != nil {
				showError(e.sh.win, err)
				return
			}
			e.amendments.RemoveAll()
			if len(list) == 0 {
				none := widget.NewLabel("No amendments.")
				none.Importance = widget.LowImportance
				e.amendments.Add(none)
			}
			for _, a := range list {
				head := widget.NewLabelWithStyle(a.CreatedAt.In(e.loc).Format("Mon 2 Jan 2006, 15:04")+" · "+
					a.CreatedBy+" · "+a.Reason, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
				head.Wrapping = fyne.TextWrapWord
				text := widget.NewLabel(a.Text)
				text.Wrapping = fyne.TextWrapWord
				e.amendments.Add(container.NewVBox(head, text))
			}
			e.amendSect.Show()
		}
	})
}

// askAmendment asks for an amendment's reason and text and adds it.
func (e *noteEditor) askAmendment() {
	reason := newEntry("e.g. wrong side recorded", capShort)
	text := newTextArea("The correction", 4, capLong)
	problem := widget.NewLabel("")
	problem.Importance = widget.DangerImportance
	problem.Wrapping = fyne.TextWrapWord
	problem.Hide()
	var d *dialog.CustomDialog
	// Cancel and Escape leave, asking first when something was typed; the
	// message of a refused amendment goes as soon as the text changes.
	leave := func() {
		if strings.TrimSpace(reason.Text+text.Text) != "" {
			confirmDiscard(e.sh.win, "You have started an amendment.", d.Hide)
			return
		}
		d.Hide()
	}
	for _, in := range []*entry{reason, text} {
		in.setOnEscape(leave)
		in.OnChanged = func(string) { problem.Hide() }
	}
	cancel := widget.NewButton("Cancel", leave)
	var add *widget.Button
	add = widget.NewButton("Add amendment", func() {
		add.Disable()
		e.addAmendment(reason.Text, text.Text, func(err error) {
			add.Enable()
			if err != nil {
				problem.SetText(data.UserMessage(err))
				problem.Show()
				return
			}
			d.Hide()
		})
	})
	add.Importance = widget.HighImportance
	body := container.NewVBox(
		widget.NewLabel("An amendment is added under the signed note; the note itself stays as it was."),
		newField("Reason", "Reason", reason, "").obj, newField("Text", "Correction", text, "").obj, problem)
	d = dialog.NewCustomWithoutButtons("Add an amendment",
		container.NewBorder(nil, container.NewHBox(layoutSpacer(), cancel, add), nil, nil, body), e.sh.win)
	c := e.sh.win.Canvas()
	prev := c.OnTypedKey() // the note's own Escape: not while this is open
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			leave()
			return
		}
		if prev != nil {
			prev(ev)
		}
	})
	d.SetOnClosed(func() { c.SetOnTypedKey(prev) })
	d.Resize(fyne.NewSize(min(560, c.Size().Width-40), 0))
	d.Show()
	c.Focus(reason)
}

// addAmendment stores an amendment off the UI goroutine, then relists
// them and calls done with the outcome.
func (e *noteEditor) addAmendment(reason, text string, done func(error)) {
	id, st := e.note.ID, e.st
	e.sh.background(func(ctx context.Context) func() {
		_, err := st.AddAmendment(ctx, id, reason, text)
		return func() {
			if err == nil {
				e.loadAmendments()
			}
			done(err)
		}
	})
}
