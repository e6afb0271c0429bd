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
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// blockedPanel lists blocked time (holidays, breaks, time off) with a
// Delete button on each, which asks first, and Add blocked time below.
type blockedPanel struct {
	sh      *shell
	rows    *fyne.Container
	addBtn  *widget.Button
	deletes []*widget.Button // one per row, in list order
	list    []data.BlockedTime
	dialog  *blockedDialog
	obj     fyne.CanvasObject
}

func newBlockedPanel(sh *shell) *blockedPanel {
	p := &blockedPanel{sh: sh, rows: container.NewVBox()}
	p.addBtn = widget.NewButtonWithIcon("Add blocked time", theme.ContentAddIcon(), p.openAdd)
	p.obj = container.NewVBox(p.rows, container.NewHBox(p.addBtn))
	p.reload()
	return p
}

func (p *blockedPanel) reload() {
	list, err := p.sh.store.BlockedTimes(context.Background())
	if err != nil {
		showError(p.sh.win, err)
		return
	}
	p.list, p.deletes = list, nil
	p.rows.Objects = nil
	for _, b := range list {
		p.rows.Add(p.row(b))
	}
	if len(list) == 0 {
		none := widget.NewLabel("No blocked time. Add holidays, a lunch break or time off so nothing is booked then.")
		none.Wrapping = fyne.TextWrapWord
		none.Importance = widget.LowImportance
		p.rows.Add(none)
	}
	p.rows.Refresh()
}

// blockedWhen describes when a blocked time applies: "Mondays from 5 Jan
// 2026, 12:00–13:00", "22 Dec 2025 – 2 Jan 2026, all day".
func blockedWhen(b data.BlockedTime) string {
	var days string
	switch {
	case b.Weekly:
		wd := b.FirstDate.Time(time.UTC).Weekday()
		days = fmt.Sprintf("Every %s from %s", wd, b.FirstDate.Format())
		if !b.LastDate.IsZero() {
			days += " to " + b.LastDate.Format()
		}
	case b.LastDate.IsZero() || b.LastDate == b.FirstDate:
		days = b.FirstDate.Format()
	default:
		days = b.FirstDate.Format() + " – " + b.LastDate.Format()
	}
	hours := b.Start.String() + "–" + b.End.String()
	if b.Start.Minutes() == 0 && b.End.Minutes() >= 24*60-1 {
		hours = "all day"
	}
	return days + ", " + hours
}

func (p *blockedPanel) row(b data.BlockedTime) fyne.CanvasObject {
	label := oneLine(widget.NewLabelWithStyle(b.Label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	when := widget.NewLabel(blockedWhen(b))
	b2 := b
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() { p.confirmDelete(b2) })
	p.deletes = append(p.deletes, del)
	return container.NewBorder(nil, nil, nil, container.NewHBox(when, del), label)
}

// confirmDelete asks before deleting; keeping it is the default.
func (p *blockedPanel) confirmDelete(b data.BlockedTime) {
	keep := choice{"Keep it", widget.HighImportance, nil}
	ask(p.sh.win, "Delete blocked time?", fmt.Sprintf("“%s” (%s) will be removed and that time can be booked again.",
		b.Label, blockedWhen(b)), keep, keep, choice{"Delete", widget.DangerImportance, func() { p.delete(b.ID) }})
}

func (p *blockedPanel) delete(id int64) {
	st := p.sh.store
	p.sh.background(func(ctx context.Context) func() {
		err := st.DeleteBlockedTime(ctx, id)
		return func() {
			if err != nil {
				showError(p.sh.win, err)
			}
			p.reload()
			p.sh.bookingChanged() // the calendar shows the time free again
		}
	})
}

func (p *blockedPanel) openAdd() {
	p.dialog = newBlockedDialog(p.sh, func() { p.dialog = nil; p.reload(); p.sh.bookingChanged() })
}

// blockedDialog adds one blocked time, on the form type.
type blockedDialog struct {
	*form
	label       *entry
	kind        *widget.RadioGroup
	first, last *entry
	wholeDay    *widget.Check
	start, end  *timeEntry
	cancel      *widget.Button
	dlg         *dialog.CustomDialog
}

// The two kinds of blocked time.
const (
	blockedOnce   = "Once (one day or a run of days)"
	blockedWeekly = "Every week"
)

func newBlockedDialog(sh *shell, saved func()) *blockedDialog {
	d := &blockedDialog{}
	d.form = newForm(sh, "this blocked time", nil)
	d.saveFn = func() { d.save(saved) }
	d.validate = d.check
	d.label = newEntry("e.g. Lunch, Holiday", capName)
	d.first, d.last = newEntry("YYYY-MM-DD", 30), newEntry("YYYY-MM-DD", 30)
	d.kind = widget.NewRadioGroup([]string{blockedOnce, blockedWeekly}, func(string) { d.changed() })
	d.kind.Horizontal = true
	d.kind.Required = true
	d.start, d.end = newTimeEntry(clock{12, 0}), newTimeEntry(clock{13, 0})
	d.start.OnChanged = func(clock) { d.changed() }
	d.end.OnChanged = func(clock) { d.changed() }
	d.wholeDay = widget.NewCheck("The whole day", func(on bool) { d.showHours(!on); d.changed() })
	d.watch(d.label, d.first, d.last)

	body := container.NewVBox(
		d.add(newField("Label", "Name *", d.label, "")),
		d.add(newField("Weekly", "Repeats", d.kind, "")),
		d.row(newField("FirstDate", "First day *", d.first, "Weekly: it repeats on this day's weekday."),
			newField("LastDate", "Last day", d.last, "Empty: just the first day (weekly: no end).")),
		d.add(newField("WholeDay", "", d.wholeDay, "")),
		d.row(newField("Start", "From", d.start, ""), newField("End", "To", d.end, "")),
	)
	d.form.load(func() {
		d.kind.SetSelected(blockedOnce)
		if today, err := sh.store.Today(context.Background()); err == nil {
			d.first.SetText(today.String())
		}
	})
	d.cancel = widget.NewButton("Cancel", func() { d.guard(d.dlg.Hide) })
	buttons := container.NewHBox(layout.NewSpacer(), d.cancel, d.saveBtn)
	content := container.NewBorder(nil, buttons, nil, nil, d.frame(container.NewVBox(), body))
	d.dlg = dialog.NewCustomWithoutButtons("Block time", content, sh.win)
	d.dlg.Resize(fyne.NewSize(600, 500))
	d.dlg.SetOnClosed(d.escapeCancels(func() { d.guard(d.dlg.Hide) }))
	d.dlg.Show()
	return d
}

func (d *blockedDialog) showHours(on bool) {
	for _, t := range []*timeEntry{d.start, d.end} {
		if on {
			t.Show()
		} else {
			t.Hide()
		}
	}
}

// read builds the blocked time from what is typed.
func (d *blockedDialog) read() (data.BlockedTime, []data.FieldProblem) {
	b := data.BlockedTime{Label: d.label.Text, Weekly: d.kind.Selected == blockedWeekly}
	var probs []data.FieldProblem
	var err error
	if b.FirstDate, err = data.ParseDate(d.first.Text); err != nil {
		probs = append(probs, data.FieldProblem{Field: "FirstDate", Message: err.Error()})
	}
	if b.LastDate, err = data.ParseDate(d.last.Text); err != nil {
		probs = append(probs, data.FieldProblem{Field: "LastDate", Message: err.Error()})
	}
	if d.wholeDay.Checked {
		b.Start, b.End = data.Clock{}, data.Clock{Hour: 24}
		return b, probs
	}
	s, serr := d.start.Value()
	e, eerr := d.end.Value()
	if serr != nil {
		probs = append(probs, data.FieldProblem{Field: "Start", Message: serr.Error()})
	}
	if eerr != nil {
		probs = append(probs, data.FieldProblem{Field: "End", Message: eerr.Error()})
	}
	b.Start, b.End = data.Clock{Hour: s.Hour, Minute: s.Minute}, data.Clock{Hour: e.Hour, Minute: e.Minute}
	return b, probs
}

func (d *blockedDialog) check() bool {
	b, probs := d.read()
	return d.report(probs, b.Validate())
}

func (d *blockedDialog) save(saved func()) {
	if !d.ready() {
		return
	}
	b, _ := d.read()
	var inside []data.Appointment
	loc := time.Local
	d.submit(func(ctx context.Context, st *data.Store) error {
		if err := st.SaveBlockedTime(ctx, &b); err != nil {
			return err
		}
		// It is saved: a failing check only loses the warning.
		var err error
		if loc, err = st.Location(ctx); err == nil {
			inside, err = st.BookedInBlockedTime(ctx, b)
		}
		if err != nil {
			fyne.LogError("list the visits in the new blocked time", err)
		}
		return nil
	}, func() {
		d.dlg.Hide()
		saved()
		if len(inside) > 0 {
			ok := choice{"OK", widget.HighImportance, nil}
			ask(d.sh.win, "Visits already booked then", bookedInBlock(b, inside, loc), ok, ok)
		}
	})
}

// bookedInBlock tells the therapist which booked visits fall in blocked
// time b (the count and the first few, in loc): they stay booked.
func bookedInBlock(b data.BlockedTime, as []data.Appointment, loc *time.Location) string {
	const shown = 4
	what := "1 booked visit falls"
	if len(as) != 1 {
		what = fmt.Sprintf("%d booked visits fall", len(as))
	}
	lines := []string{fmt.Sprintf("\"%s\" is saved. %s in that time and stay booked:", b.Label, what)}
	for _, a := range as[:min(len(as), shown)] {
		lines = append(lines, "• "+a.Start.In(loc).Format("Mon 2 Jan 2006, 15:04")+"  "+a.ClientName)
	}
	if len(as) > shown {
		lines = append(lines, fmt.Sprintf("… and %d more.", len(as)-shown))
	}
	lines = append(lines, "Move or cancel them from the calendar if they should not happen.")
	return strings.Join(lines, "\n")
}
