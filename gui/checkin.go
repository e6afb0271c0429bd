package gui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// checkInForm is the quick check-in of a visit: pain, stress and sleep as
// 0-10 numbers (empty: not asked), and the client's activities (PSFS),
// carried forward from the last visit with last time's score beside each,
// plus a row to name a new one while fewer than three are followed. Every
// input is a one-line entry, so the whole check-in is typed with digits
// and Tab, and Enter saves.
type checkInForm struct {
	*form
	c        data.CheckIn
	keepPain bool // the note editor: its own Pain field holds the pain
	pain     *entry
	stress   *entry
	sleep    *entry
	psfs     []*psfsRow
	onSaved  func(data.CheckIn)
	obj      fyne.CanvasObject
	shown    fyne.CanvasObject // the dialog's content, when shown in one
}

// psfsRow is one activity of the check-in.
type psfsRow struct {
	id     int64
	name   *entry
	score  *entry
	last   *widget.Label
	retire *widget.Check
}

// newCheckInForm builds the form on a check-in read by
// Store.CheckInForAppointment. keepPain leaves pain out (the note editor).
func newCheckInForm(sh *shell, c data.CheckIn, keepPain bool) *checkInForm {
	f := &checkInForm{c: c, keepPain: keepPain}
	f.form = newForm(sh, "this check-in", f.save)
	f.saveBtn.SetText("Save check-in")
	f.validate = func() bool { _, ok := f.read(); return ok }
	score := func() *entry {
		e := newEntry("0–10", 2)
		e.OnSubmitted = func(string) { f.saveFn() }
		f.watch(e)
		return e
	}
	f.pain, f.stress, f.sleep = score(), score(), score()
	var scores []*field
	switch {
	case keepPain:
	case c.NoteSigned: // the signed note's pain, shown but not changed
		f.pain.Disable()
		scores = append(scores, newField("Pain", "Pain (signed note)", f.pain, "From the signed note: it stays as signed."))
	default:
		scores = append(scores, newField("Pain", "Pain now", f.pain, "0 none · 10 worst"))
	}
	scores = append(scores, newField("Stress", "Stress", f.stress, "0 none · 10 worst"),
		newField("Sleep", "Sleep, past week", f.sleep, "0 very poor · 10 very good"))
	rows := []fyne.CanvasObject{f.row(scores...)}

	acts := c.PSFS
	followed := 0
	for _, a := range acts {
		if !a.Retire {
			followed++
		}
	}
	if followed < 3 {
		acts = append(acts, data.PSFSScore{Score: data.NotRecorded, Previous: data.NotRecorded})
	}
	heading := widget.NewLabelWithStyle("Activities the client finds hard (0 unable · 10 as before)",
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	rows = append(rows, heading)
	for i, a := range acts {
		r := &psfsRow{id: a.ActivityID, name: newEntry("Name an activity, e.g. reversing the car", 200),
			score: score(), last: widget.NewLabel("")}
		r.last.Importance = widget.LowImportance
		r.name.OnSubmitted = func(string) { f.saveFn() }
		f.watch(r.name)
		r.retire = widget.NewCheck("No longer", func(bool) { f.changed() })
		if a.ActivityID == 0 {
			r.retire.Hide()
		}
		if a.Previous != data.NotRecorded {
			r.last.SetText(fmt.Sprintf("last time %d", a.Previous))
		}
		f.psfs = append(f.psfs, r)
		line := container.NewBorder(nil, nil, nil,
			container.NewHBox(container.NewGridWrap(fyne.NewSize(70, r.score.MinSize().Height), r.score), r.last, r.retire),
			r.name)
		rows = append(rows, f.add(newField(data.PSFSField(i), "", line, "")))
	}
	f.load(func() { f.put(c) })
	f.obj = container.NewVBox(rows...)
	return f
}

// put shows a check-in's values.
func (f *checkInForm) put(c data.CheckIn) {
	f.pain.SetText(scoreText(c.Pain))
	f.stress.SetText(scoreText(c.Stress))
	f.sleep.SetText(scoreText(c.Sleep))
	for i, r := range f.psfs {
		if i < len(c.PSFS) {
			r.name.SetText(c.PSFS[i].Activity)
			r.score.SetText(scoreText(c.PSFS[i].Score))
			r.retire.SetChecked(c.PSFS[i].Retire)
		}
	}
}

// scoreText is a stored score as typed: "" when not recorded.
func scoreText(v int) string {
	if v == data.NotRecorded {
		return ""
	}
	return strconv.Itoa(v)
}

// read turns what is typed into a check-in and shows any problem: a score
// that is not a whole number, or the data layer's objections.
func (f *checkInForm) read() (data.CheckIn, bool) {
	c := f.c
	var probs []data.FieldProblem
	num := func(field, label, text string) int {
		text = strings.TrimSpace(text)
		if text == "" {
			return data.NotRecorded
		}
		n, err := strconv.Atoi(text)
		if err != nil {
			probs = append(probs, data.FieldProblem{Field: field,
				Message: fmt.Sprintf("%s: type a whole number from 0 to 10, or leave it empty.", label)})
			return data.NotRecorded
		}
		return n
	}
	if !f.keepPain && !c.NoteSigned {
		c.Pain = num("Pain", "Pain", f.pain.Text)
	}
	c.KeepNotePain = f.keepPain || c.NoteSigned
	c.Stress = num("Stress", "Stress", f.stress.Text)
	c.Sleep = num("Sleep", "Sleep", f.sleep.Text)
	c.PSFS = nil
	for i, r := range f.psfs {
		name := strings.TrimSpace(r.name.Text)
		if r.id == 0 && name == "" {
			continue
		}
		label := "The score for " + strconv.Quote(name)
		c.PSFS = append(c.PSFS, data.PSFSScore{ActivityID: r.id, Activity: name,
			Score: num(data.PSFSField(i), label, r.score.Text), Retire: r.retire.Checked})
	}
	today, err := f.sh.store.Today(context.Background())
	if err != nil {
		probs = append(probs, data.FieldProblem{Field: "VisitDate", Message: data.UserMessage(err)})
	}
	return c, f.report(probs, c.Validate(today))
}

// save stores the check-in off the UI goroutine.
func (f *checkInForm) save() {
	if !f.ready() {
		return
	}
	c, _ := f.read()
	f.submit(func(ctx context.Context, st *data.Store) error { return st.SaveCheckIn(ctx, &c) }, func() {
		f.c = c
		if f.onSaved != nil {
			f.onSaved(c)
		}
	})
}

// openCheckIn shows the quick check-in of an appointment in a dialog (from
// the Today screen): Save check-in stores it and closes; Escape or Close
// leaves it, asking first when something was typed.
func (sh *shell) openCheckIn(appointmentID int64, who string) *checkInForm {
	c, err := sh.store.CheckInForAppointment(context.Background(), appointmentID)
	if err != nil {
		showError(sh.win, err)
		return nil
	}
	f := newCheckInForm(sh, c, false)
	var dlg *dialog.CustomDialog
	var restore func()
	leave := func() { f.guard(func() { dlg.Hide() }) }
	closeBtn := widget.NewButton("Close", leave)
	title := oneLine(heading("Check-in · " + who + " · " + c.VisitDate.Format()))
	content := container.NewBorder(nil, container.NewHBox(layoutSpacer(), closeBtn, f.saveBtn), nil, nil,
		f.frame(title, f.obj))
	f.shown = content
	dlg = dialog.NewCustomWithoutButtons("Check-in", content, sh.win)
	restore = f.escapeCancels(leave)
	dlg.SetOnClosed(func() {
		restore()
		sh.clientRecordChanged(c.ClientID)
	})
	f.onSaved = func(data.CheckIn) { dlg.Hide() }
	size := sh.win.Canvas().Size()
	dlg.Resize(fyne.NewSize(min(760, size.Width-40), min(520, size.Height-40)))
	dlg.Show()
	if f.keepPain || c.NoteSigned {
		sh.win.Canvas().Focus(f.stress)
	} else {
		sh.win.Canvas().Focus(f.pain)
	}
	return f
}
