package gui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// planRow is one item of a care plan's list (a goal, a progress entry, a
// reassessment, a home-care item or a referral): its fields by the data
// layer's name within the item ("Target"), in order, and its layout.
type planRow struct {
	names  []string // field names within the item, in order
	fields map[string]*field
	obj    *fyne.Container
}

func newPlanRow() *planRow { return &planRow{fields: map[string]*field{}} }

// field makes the item's field called name and returns it for layout.
func (r *planRow) field(name, label string, input fyne.CanvasObject, hint string) *field {
	fd := newField(name, label, input, hint)
	r.names = append(r.names, name)
	r.fields[name] = fd
	return fd
}

// removeButton is the small button that takes an item off its list.
func removeButton(remove func()) *widget.Button {
	b := widget.NewButtonWithIcon("", theme.DeleteIcon(), remove)
	b.Importance = widget.LowImportance
	return b
}

// goalRow is one goal with its progress entries.
type goalRow struct {
	*planRow
	id                           int64
	measureKey                   string
	desc, unit, baseline, target *entry
	direction                    *widget.Select
	measure                      *widget.Select // the measure followed, or none
	progress                     []*progressRow
	progBox                      *fyne.Container
	status                       *widget.Label // latest value, trend, met
	addProgBtn                   *widget.Button
}

var directionLabels = []string{"Lower is better", "Higher is better"}

func directionLabel(d data.GoalDirection) string {
	if d == data.HigherIsBetter {
		return directionLabels[1]
	}
	return directionLabels[0]
}

func directionOf(label string) data.GoalDirection {
	if label == directionLabels[1] {
		return data.HigherIsBetter
	}
	return data.LowerIsBetter
}

// newGoalRow lays out a goal; remove takes it off the plan and addProgress
// adds a progress entry to it.
func (e *carePlanEditor) newGoalRow(g data.Goal) *goalRow {
	r := &goalRow{planRow: newPlanRow(), id: g.ID, measureKey: g.MeasureKey}
	r.desc = newEntry("e.g. Low-back pain from 7/10 to 3/10", capShort)
	r.unit = newEntry("e.g. /10, °, minutes", 20)
	r.baseline, r.target = newEntry("Starting value", 20), newEntry("Where to get to", 20)
	r.direction = widget.NewSelect(directionLabels, func(string) { e.changed() })
	e.watch(r.desc, r.unit, r.baseline, r.target)
	r.target.OnChanged = func(string) {
		capText(&r.target.Entry, r.target.max)
		if r.measureKey != "" && r.status != nil {
			r.status.SetText(measureGoalStatus(e.judge(r)))
		}
		e.changed()
	}
	r.desc.SetText(g.Description)
	r.unit.SetText(g.Unit)
	if g.Description != "" || g.Baseline != 0 || g.Target != 0 {
		r.baseline.SetText(data.Number(g.Baseline))
	}
	if g.Target != g.Baseline || g.Description != "" && g.Target != 0 {
		r.target.SetText(data.Number(g.Target))
	}
	r.direction.SetSelected(directionLabel(g.Direction))
	r.status = widget.NewLabel(goalStatus(g))
	r.status.Importance = widget.LowImportance
	r.status.Wrapping = fyne.TextWrapWord
	r.progBox = container.NewVBox()
	r.measure = e.newMeasureSelect(r)
	remove := removeButton(func() { e.removeGoal(r) })
	addProg := widget.NewButtonWithIcon("Add progress", theme.ContentAddIcon(), func() { e.addProgress(r, data.ProgressEntry{On: e.today}) })
	r.addProgBtn = addProg
	r.obj = container.NewVBox(
		container.NewBorder(nil, nil, nil, remove, e.add(r.field("Description", "Goal", r.desc, ""))),
		e.add(r.field("MeasureKey", "Measured by", r.measure, "")),
		e.row(r.field("Baseline", "Starting value", r.baseline, ""), r.field("Target", "Target", r.target, ""),
			r.field("Unit", "Unit", r.unit, ""), r.field("Direction", "Better is", r.direction, "")),
		r.status, r.progBox, container.NewHBox(addProg), widget.NewSeparator())
	for _, p := range g.Progress {
		e.addProgress(r, p)
	}
	if r.measureKey != "" {
		e.showMeasure(r)
	}
	return r
}

// goalStatus is a goal's latest value, trend and whether it is met.
func goalStatus(g data.Goal) string {
	v, ok := g.Latest()
	if !ok {
		return "No progress recorded yet."
	}
	s := fmt.Sprintf("Latest %s%s · %s", data.Number(v), g.Unit, g.Trend().Label())
	if g.Met() {
		s += " · goal met"
	}
	return s
}

// progressRow is one dated value of a goal.
type progressRow struct {
	*planRow
	on, value, note *entry
}

func (e *carePlanEditor) addProgress(g *goalRow, p data.ProgressEntry) {
	r := &progressRow{planRow: newPlanRow()}
	r.on, r.value, r.note = newEntry("YYYY-MM-DD", 20), newEntry("Value", 20), newEntry("Note (optional)", capShort)
	e.watch(r.on, r.value, r.note)
	r.on.SetText(p.On.String())
	if p.ID != 0 || p.Value != 0 {
		r.value.SetText(data.Number(p.Value))
	}
	r.note.SetText(p.Note)
	remove := removeButton(func() {
		for i, x := range g.progress {
			if x == r {
				g.progress = append(g.progress[:i], g.progress[i+1:]...)
			}
		}
		g.progBox.Remove(r.obj)
		e.relink()
		e.changed()
	})
	r.obj = container.NewBorder(nil, nil, nil, remove,
		e.row(r.field("On", "Progress on", r.on, ""), r.field("Value", "Value", r.value, ""), r.field("Note", "Note", r.note, "")))
	g.progress = append(g.progress, r)
	g.progBox.Add(r.obj)
	e.relink()
	if p.ID == 0 && !e.loading {
		e.changed()
		e.sh.win.Canvas().Focus(r.value)
	}
}

// reassessRow is one reassessment date.
type reassessRow struct {
	*planRow
	due, note *entry
}

func (e *carePlanEditor) newReassessRow(r0 data.Reassessment) *reassessRow {
	r := &reassessRow{planRow: newPlanRow()}
	r.due, r.note = newEntry("YYYY-MM-DD", 20), newEntry("e.g. half-way review", capShort)
	e.watch(r.due, r.note)
	r.due.SetText(r0.Due.String())
	r.note.SetText(r0.Note)
	r.obj = container.NewBorder(nil, nil, nil, removeButton(func() { removeItem(e, &e.reassess, r, e.reassessBox) }),
		e.row(r.field("Due", "Reassess on", r.due, ""), r.field("Note", "Note", r.note, "")))
	return r
}

// homeCareRow is one handout given as home care, with the plan's own numbers.
type homeCareRow struct {
	*planRow
	handout                 *widget.Select
	ids                     []int64 // handout IDs in the select's order
	sets, reps, hold, often *entry
	instructions            *entry
}

func (e *carePlanEditor) newHomeCareRow(h data.HomeCareItem) *homeCareRow {
	r := &homeCareRow{planRow: newPlanRow()}
	var labels []string
	for _, ho := range e.handouts {
		if ho.Archived && ho.ID != h.HandoutID {
			continue
		}
		label := ho.Title
		if ho.Area != "" {
			label += " (" + ho.Area + ")"
		}
		labels, r.ids = append(labels, label), append(r.ids, ho.ID)
	}
	r.handout = widget.NewSelect(labels, nil)
	r.handout.PlaceHolder = "Choose from the handouts…"
	r.sets, r.reps = newEntry("", 6), newEntry("", 6)
	r.hold, r.often = newEntry("", capShort), newEntry("", capShort)
	r.instructions = newEntry("Instructions for this client (optional)", capShort)
	e.watch(r.sets, r.reps, r.hold, r.often, r.instructions)
	r.handout.OnChanged = func(string) { r.showDefaults(e.handouts); e.changed() }
	for i, id := range r.ids {
		if id == h.HandoutID {
			r.handout.SetSelectedIndex(i)
		}
	}
	r.showDefaults(e.handouts)
	r.sets.SetText(optInt(h.Sets))
	r.reps.SetText(optInt(h.Reps))
	r.hold.SetText(h.Hold)
	r.often.SetText(h.Frequency)
	r.instructions.SetText(h.Instructions)
	r.obj = container.NewVBox(
		container.NewBorder(nil, nil, nil, removeButton(func() { removeItem(e, &e.homeCare, r, e.homeCareBox) }),
			e.add(r.field("HandoutID", "Exercise or advice", r.handout, ""))),
		e.row(r.field("Sets", "Sets", r.sets, ""), r.field("Reps", "Repetitions", r.reps, ""),
			r.field("Hold", "Hold", r.hold, ""), r.field("Frequency", "How often", r.often, "")),
		e.add(r.field("Instructions", "", r.instructions, "")))
	return r
}

// showDefaults shows the chosen handout's own numbers as placeholders: an
// empty field means the handout's default.
func (r *homeCareRow) showDefaults(handouts []data.Handout) {
	i := r.handout.SelectedIndex()
	var h data.Handout
	if i >= 0 {
		for _, x := range handouts {
			if x.ID == r.ids[i] {
				h = x
			}
		}
	}
	r.sets.SetPlaceHolder(orText(optInt(h.Sets), "Sets"))
	r.reps.SetPlaceHolder(orText(optInt(h.Reps), "Reps"))
	r.hold.SetPlaceHolder(orText(h.Hold, "e.g. 30 seconds"))
	r.often.SetPlaceHolder(orText(h.Frequency, "e.g. twice a day"))
}

// referralRow is one referral.
type referralRow struct {
	*planRow
	to, reason, on *entry
}

func (e *carePlanEditor) newReferralRow(x data.Referral) *referralRow {
	r := &referralRow{planRow: newPlanRow()}
	r.to, r.reason, r.on = newEntry("e.g. Dr. Singh, family physician", capShort), newEntry("Why", capShort), newEntry("YYYY-MM-DD", 20)
	e.watch(r.to, r.reason, r.on)
	r.to.SetText(x.To)
	r.reason.SetText(x.Reason)
	r.on.SetText(x.On.String())
	r.obj = container.NewBorder(nil, nil, nil, removeButton(func() { removeItem(e, &e.referrals, r, e.referralBox) }),
		e.row(r.field("To", "Referred to", r.to, ""), r.field("Reason", "Reason", r.reason, ""), r.field("On", "Date", r.on, "")))
	return r
}

// optInt is n as text, "" for 0 (not given).
func optInt(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func orText(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// readers of typed values: each adds a problem under the field when the
// text cannot be read.
type planReader struct{ probs []data.FieldProblem }

func (p *planReader) date(field, text string) data.Date {
	text = strings.TrimSpace(text)
	if text == "" {
		return data.Date{}
	}
	d, err := data.ParseDate(text)
	if err != nil {
		p.probs = append(p.probs, data.FieldProblem{Field: field, Message: err.Error()}) // ParseDate speaks plainly
	}
	return d
}

func (p *planReader) integer(field, label, text string) int {
	text = strings.TrimSpace(text)
	if text == "" {
		return 0
	}
	n, err := strconv.Atoi(text)
	if err != nil {
		p.probs = append(p.probs, data.FieldProblem{Field: field, Message: label + " must be a whole number, like " + wholeExample(field) + "."})
	}
	return n
}

func (p *planReader) number(field, label, text string) float64 {
	text = strings.ReplaceAll(strings.TrimSpace(text), ",", ".")
	if text == "" {
		p.probs = append(p.probs, data.FieldProblem{Field: field, Message: label + " is needed: a number, like 7 or 2.5."})
		return 0
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil {
		p.probs = append(p.probs, data.FieldProblem{Field: field, Message: label + " must be a number, like 7 or 2.5."})
	}
	return f
}
