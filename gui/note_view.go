package gui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// noteView is a read-only look at one treatment note: its SOAP text, body
// chart with legend, whether it is signed, and its amendments. It opens in
// a dialog sized to the window.
type noteView struct {
	note     data.Note
	status   *widget.Label
	checkIn  *widget.Label // "Check-in: pain 4, stress 6, sleep 7; …", when the visit has one
	chart    *bodyChart
	closeBtn *widget.Button
	editBtn  *widget.Button // a draft: "Continue writing" opens it in the editor; signed: "Add amendment…"
	pdf      *pdfActions    // a signed note: "Save as PDF…" and "Print…"
	buttons  *fyne.Container
	dlg      *dialog.CustomDialog
	obj      fyne.CanvasObject
}

// openNote shows the note with this id, read-only.
func (sh *shell) openNote(id int64) *noteView {
	ctx := context.Background()
	n, err := sh.store.Note(ctx, id)
	if err != nil {
		showError(sh.win, fmt.Errorf("open note %d: %w", id, err))
		return nil
	}
	amends, err := sh.store.Amendments(ctx, id)
	if err != nil {
		showError(sh.win, fmt.Errorf("amendments of note %d: %w", id, err))
	}
	loc, err := sh.store.Location(ctx)
	if err != nil {
		loc = time.UTC
	}
	v := newNoteView(n, amends, loc)
	if n.AppointmentID != 0 {
		if ci, err := sh.store.CheckInForAppointment(ctx, n.AppointmentID); err == nil && ci.ID != 0 {
			if line := ci.Summary(n.Pain); line != "" {
				v.checkIn.SetText("Check-in: " + line)
				v.checkIn.Show()
			}
		}
	}
	c := sh.win.Canvas()
	prev := c.OnTypedKey()
	v.dlg = dialog.NewCustomWithoutButtons(noteTitle(n), v.obj, sh.win)
	v.closeBtn.OnTapped = v.dlg.Hide
	v.editBtn.OnTapped = func() {
		v.dlg.Hide()
		sh.editNote(n)
		if e := sh.noteEd; e != nil && n.Signed() && e.amendBtn.OnTapped != nil {
			e.amendBtn.OnTapped() // straight to the amendment, beside the locked note
		}
	}
	if n.Signed() {
		v.pdf = newPDFActions(sh, noteDocument(n))
		v.buttons.Objects = append([]fyne.CanvasObject{v.buttons.Objects[0], v.pdf.saveBtn, v.pdf.printBtn}, v.buttons.Objects[1:]...)
	}
	v.dlg.SetOnClosed(func() { c.SetOnTypedKey(prev) })
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			v.dlg.Hide()
		}
	})
	v.dlg.Resize(dialogSize(c.Size()))
	v.dlg.Show()
	return v
}

// dialogSize is a large dialog that still leaves the window's edges showing.
func dialogSize(win fyne.Size) fyne.Size {
	return fyne.NewSize(max(win.Width-60, 300), max(win.Height-60, 240))
}

// noteTitle names a note: client and visit date.
func noteTitle(n data.Note) string {
	return joinNonEmpty(" · ", n.ClientName, n.VisitDate.Format())
}

// newNoteView lays out a note for reading; loc is the practice's zone.
func newNoteView(n data.Note, amends []data.Amendment, loc *time.Location) *noteView {
	v := &noteView{note: n}
	v.status = widget.NewLabel(noteStatusText(n, loc))
	v.status.Wrapping = fyne.TextWrapWord
	if n.Signed() {
		v.status.Importance = widget.SuccessImportance
	} else {
		v.status.Importance = widget.WarningImportance
	}
	sub := widget.NewLabel(joinNonEmpty(" · ", n.ServiceName, noteKindText(n.Kind), minutesText(n.Minutes)))
	sub.Importance = widget.LowImportance
	sub.Wrapping = fyne.TextWrapWord

	text := container.NewVBox(
		noteSection("Subjective", [][2]string{
			{"Complaint", n.Complaint}, {"Pain", painSentence(n.Pain)}, {"Changes", n.Changes}, {"Goals", n.Goals},
		}),
		noteSection("Objective", [][2]string{
			{"Posture", n.Posture}, {"Palpation", n.Palpation}, {"Range of motion", n.RangeOfMotion}, {"Tests", n.Tests},
		}),
		noteSection("Treatment", [][2]string{
			{"Techniques", strings.Join(n.Techniques, ", ")}, {"Areas", strings.Join(n.Areas, ", ")},
			{"Pressure", n.Pressure},
		}),
		noteSection("Assessment", [][2]string{{"Response", n.Response}, {"Progress", n.Progress}}),
		noteSection("Plan", [][2]string{
			{"Next focus", n.NextFocus}, {"Frequency", n.Frequency}, {"Home care", n.HomeCare}, {"Referrals", n.Referrals},
		}),
	)
	if len(amends) > 0 {
		text.Add(section("Amendments", amendmentLines(amends, loc)...))
	}
	var chart fyne.CanvasObject
	if len(n.Marks) > 0 {
		v.chart = newBodyChart(bodyMarksOf(n.Marks), true)
		// Big enough to read the marks and their labels, as in the editor.
		chart = section("Body chart", container.NewCenter(container.NewGridWrap(fyne.NewSize(380, 440), v.chart)))
	} else {
		none := widget.NewLabel("No marks on the body chart.")
		none.Importance = widget.LowImportance
		chart = section("Body chart", none)
	}
	v.closeBtn = widget.NewButton("Close", nil)
	v.closeBtn.Importance = widget.HighImportance
	v.checkIn = widget.NewLabel("")
	v.checkIn.Wrapping = fyne.TextWrapWord
	v.checkIn.Hide()
	top := container.NewVBox(v.status, sub, v.checkIn)
	v.editBtn = widget.NewButton("Continue writing", nil)
	if n.Signed() {
		v.editBtn.SetText("Add amendment…")
	}
	v.buttons = container.NewHBox(layout.NewSpacer(), v.editBtn, v.closeBtn)
	bottom := v.buttons
	// Text and chart side by side when wide, one above the other when not.
	body := container.New(newColumnsLayout(2), container.NewPadded(text), container.NewPadded(chart))
	v.obj = container.NewBorder(top, bottom, nil, nil, container.NewVScroll(body))
	return v
}

// noteSection is a titled part of the note, left out when nothing in it
// was written.
func noteSection(title string, pairs [][2]string) fyne.CanvasObject {
	for _, kv := range pairs {
		if kv[1] != "" {
			return infoSection(title, pairs)
		}
	}
	return container.NewVBox()
}

// bodyMarksOf turns stored marks into the chart's view-model.
func bodyMarksOf(marks []data.Mark) []bodyMark {
	out := make([]bodyMark, 0, len(marks))
	for _, m := range marks {
		out = append(out, bodyMark{View: string(m.View), X: float32(m.X), Y: float32(m.Y), Kind: string(m.Kind), Label: m.Label})
	}
	return out
}

// noteStatusText says whether the note is signed, by whom and when, or
// still a draft.
func noteStatusText(n data.Note, loc *time.Location) string {
	if !n.Signed() {
		return "Draft: not signed yet, so it can still be changed."
	}
	s := "Signed"
	if n.SignedBy != "" {
		s += " by " + n.SignedBy
	}
	if !n.SignedAt.IsZero() {
		s += " on " + n.SignedAt.In(loc).Format("2 Jan 2006 at 15:04")
	}
	return s + ". It can no longer be changed; corrections are added as amendments."
}

// noteStatusWord is the one-word status of a note in lists.
func noteStatusWord(s data.NoteStatus) string {
	if s == data.NoteSigned {
		return "signed"
	}
	return "draft"
}

func noteKindText(k data.NoteKind) string {
	if k == data.NoteDischarge {
		return "discharge note"
	}
	return ""
}

func minutesText(m int) string {
	if m <= 0 {
		return ""
	}
	return fmt.Sprintf("%d min", m)
}

// painText is the pain rating for people; "" when not recorded.
func painSentence(p int) string {
	if p < 0 {
		return ""
	}
	return fmt.Sprintf("%d out of 10", p)
}

// amendmentLines shows each amendment, oldest first: when, by whom, why
// and what.
func amendmentLines(amends []data.Amendment, loc *time.Location) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, a := range amends {
		head := widget.NewLabelWithStyle(joinNonEmpty(" · ", a.CreatedAt.In(loc).Format("2 Jan 2006 15:04"), a.CreatedBy,
			"Reason: "+a.Reason), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		head.Wrapping = fyne.TextWrapWord
		body := widget.NewLabel(a.Text)
		body.Wrapping = fyne.TextWrapWord
		body.Selectable = true
		out = append(out, head, body)
	}
	return out
}
