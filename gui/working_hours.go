package gui

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// weekOrder is the weekdays as a therapist reads a week: Monday first.
var weekOrder = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday,
	time.Saturday, time.Sunday}

// hoursDay is one weekday's row of the hours form.
type hoursDay struct {
	open       *widget.Check
	start, end *timeEntry
}

// hoursForm edits the working hours of each weekday, the buffer between
// appointments and the export's privacy choice. Its fields are named
// "<Weekday>.Start" and "<Weekday>.End" for the hours, and by the data
// layer's names for the settings.
type hoursForm struct {
	*form
	days     map[time.Weekday]*hoursDay
	buffer   *entry
	initials *widget.Check
	saved    *widget.Label
	obj      fyne.CanvasObject
}

// dayField names a weekday's field: "Monday.Start".
func dayField(d time.Weekday, name string) string { return d.String() + "." + name }

func newHoursForm(sh *shell) *hoursForm {
	h := &hoursForm{days: map[time.Weekday]*hoursDay{}}
	h.form = newForm(sh, "the working hours", nil)
	h.saveFn = h.save
	h.validate = h.check
	h.onChange = func() { h.saved.Hide() }
	h.saved = widget.NewLabel("Saved.")
	h.saved.Importance = widget.SuccessImportance
	h.saved.Hide()

	grid := container.NewVBox()
	for _, wd := range weekOrder {
		d := &hoursDay{start: newTimeEntry(clock{9, 0}), end: newTimeEntry(clock{17, 0})}
		d.open = widget.NewCheck(wd.String(), func(on bool) { h.showOpen(d, on); h.changed() })
		d.start.OnChanged = func(clock) { h.changed() }
		d.end.OnChanged = func(clock) { h.changed() }
		h.days[wd] = d
		label := container.NewGridWrap(fyne.NewSize(130, d.open.MinSize().Height), d.open)
		grid.Add(container.NewHBox(label,
			h.add(newField(dayField(wd, "Start"), "", d.start, "")),
			widget.NewLabel("to"),
			h.add(newField(dayField(wd, "End"), "", d.end, ""))))
	}
	h.buffer = newEntry("e.g. 15", 4)
	h.watch(h.buffer)
	h.initials = widget.NewCheck("Show only clients' initials in calendar exports", func(bool) { h.changed() })
	h.obj = container.NewVBox(
		grid,
		h.row(newField("BufferMinutes", "Minutes between appointments", h.buffer, "Kept free after each visit, 0 to 120."),
			newField("ExportInitials", "Calendar export", h.initials, "For calendars others may see.")),
		h.summary,
		container.NewHBox(layout.NewSpacer(), h.saved, h.saveBtn),
	)
	h.revert()
	return h
}

// showOpen shows a closed day's times as off.
func (h *hoursForm) showOpen(d *hoursDay, on bool) {
	for _, t := range []*timeEntry{d.start, d.end} {
		if on {
			t.input.Enable()
			t.minus.Enable()
			t.plus.Enable()
		} else {
			t.input.Disable()
			t.minus.Disable()
			t.plus.Disable()
		}
	}
}

// revert shows the stored hours and settings.
func (h *hoursForm) revert() {
	ctx := context.Background()
	days, err := h.sh.store.WorkingHours(ctx)
	if err != nil {
		showError(h.sh.win, err)
		return
	}
	set, err := h.sh.store.ScheduleSettings(ctx)
	if err != nil {
		showError(h.sh.win, err)
		return
	}
	h.form.load(func() { h.put(days, set) })
	h.report(nil, nil)
}

func (h *hoursForm) put(days []data.WorkingDay, set data.ScheduleSettings) {
	for _, wd := range days {
		d := h.days[wd.Weekday]
		if d == nil {
			continue
		}
		d.open.SetChecked(wd.Open)
		h.showOpen(d, wd.Open)
		if wd.Open || wd.End.Minutes() > wd.Start.Minutes() {
			d.start.SetValue(clock{wd.Start.Hour, wd.Start.Minute})
			d.end.SetValue(clockAt(min(wd.End.Minutes(), 24*60-1)))
		}
	}
	h.buffer.SetText(strconv.Itoa(set.BufferMinutes))
	h.initials.SetChecked(set.ExportInitials)
}

// read builds the week and the settings from what is shown.
func (h *hoursForm) read() ([]data.WorkingDay, data.ScheduleSettings, []data.FieldProblem) {
	var probs []data.FieldProblem
	var days []data.WorkingDay
	for _, wd := range weekOrder {
		d := h.days[wd]
		day := data.WorkingDay{Weekday: wd, Open: d.open.Checked}
		s, serr := d.start.Value()
		e, eerr := d.end.Value()
		day.Start, day.End = data.Clock{Hour: s.Hour, Minute: s.Minute}, data.Clock{Hour: e.Hour, Minute: e.Minute}
		if day.Open {
			switch {
			case serr != nil:
				probs = append(probs, data.FieldProblem{Field: dayField(wd, "Start"), Message: fmt.Sprintf("%s: %s.", wd, serr)})
			case eerr != nil:
				probs = append(probs, data.FieldProblem{Field: dayField(wd, "End"), Message: fmt.Sprintf("%s: %s.", wd, eerr)})
			case e.minutes() <= s.minutes():
				probs = append(probs, data.FieldProblem{Field: dayField(wd, "End"),
					Message: fmt.Sprintf("%s: closing (%s) must come after opening (%s).", wd, e, s)})
			}
		}
		days = append(days, day)
	}
	set := data.ScheduleSettings{ExportInitials: h.initials.Checked}
	n, err := strconv.Atoi(strings.TrimSpace(h.buffer.Text))
	if err != nil {
		probs = append(probs, data.FieldProblem{Field: "BufferMinutes",
			Message: fmt.Sprintf("“%s” is not a number of minutes; write it like 15 (0 for none).", firstRunes(h.buffer.Text, 20))})
	}
	set.BufferMinutes = n
	return days, set, probs
}

func (h *hoursForm) check() bool {
	_, set, probs := h.read()
	return h.report(probs, set.Validate())
}

// save stores the week's hours and the settings.
func (h *hoursForm) save() {
	if !h.ready() {
		return
	}
	days, set, _ := h.read()
	h.submit(func(ctx context.Context, st *data.Store) error {
		if err := st.SaveWorkingHours(ctx, days); err != nil {
			return dayProblems(err)
		}
		return st.SaveScheduleSettings(ctx, &set)
	}, func() { h.saved.Show() })
}

// dayProblems files the data layer's "Monday: …" messages under that
// day's field.
func dayProblems(err error) error {
	ve, ok := err.(*data.ValidationError)
	if !ok {
		return err
	}
	out := &data.ValidationError{}
	for _, p := range ve.Problems {
		for _, wd := range weekOrder {
			if strings.HasPrefix(p.Message, wd.String()+":") {
				p.Field = dayField(wd, p.Field)
				break
			}
		}
		out.Problems = append(out.Problems, p)
	}
	return out
}
