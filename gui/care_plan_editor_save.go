package gui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/stillpoint/stillpoint/data"
)

// read turns what is typed into a plan, with a problem for each value
// that cannot be read (a date or a number).
func (e *carePlanEditor) read() (data.CarePlan, []data.FieldProblem) {
	var rd planReader
	p := e.plan
	p.Condition, p.Techniques, p.Areas = e.condition.Text, e.techniques.Text, e.areas.Text
	p.StartDate = rd.date("StartDate", e.start.Text)
	if e.start.Text == "" {
		p.StartDate = data.Date{}
	}
	p.SessionMinutes = rd.integer("SessionMinutes", "Minutes a session", e.minutes.Text)
	p.PerWeek = rd.integer("PerWeek", "Sessions a week", e.perWeek.Text)
	p.EveryWeeks = rd.integer("EveryWeeks", "Every … weeks", e.everyWeeks.Text)
	p.Weeks = rd.integer("Weeks", "The number of weeks", e.weeks.Text)
	p.Advice, p.DischargeSummary = e.advice.Text, e.dischargeSummary.Text
	p.DischargeDate = rd.date("DischargeDate", e.dischargeDate.Text)
	p.Status = data.PlanActive
	for i, l := range planStatusLabels {
		if e.status.Selected == l {
			p.Status = data.PlanStatuses[i]
		}
	}
	p.Goals = nil
	for i, g := range e.goals {
		at := fmt.Sprintf("Goals[%d].", i)
		goal := data.Goal{ID: g.id, MeasureKey: g.measureKey, Description: g.desc.Text, Unit: g.unit.Text,
			Direction: directionOf(g.direction.Selected)}
		goal.Target = rd.number(at+"Target", "The target", g.target.Text)
		if g.measureKey != "" { // the starting value comes from the readings
			goal.Baseline = e.judge(g).Baseline
			p.Goals = append(p.Goals, goal)
			continue
		}
		goal.Baseline = rd.number(at+"Baseline", "The starting value", g.baseline.Text)
		for j, pr := range g.progress {
			pat := fmt.Sprintf("%sProgress[%d].", at, j)
			goal.Progress = append(goal.Progress, data.ProgressEntry{On: rd.date(pat+"On", pr.on.Text),
				Value: rd.number(pat+"Value", "The value", pr.value.Text), Note: pr.note.Text})
		}
		p.Goals = append(p.Goals, goal)
	}
	p.Reassessments = nil
	for i, r := range e.reassess {
		p.Reassessments = append(p.Reassessments, data.Reassessment{Due: rd.date(fmt.Sprintf("Reassessments[%d].Due", i), r.due.Text), Note: r.note.Text})
	}
	p.HomeCare = nil
	for i, h := range e.homeCare {
		at := fmt.Sprintf("HomeCare[%d].", i)
		item := data.HomeCareItem{Hold: h.hold.Text, Frequency: h.often.Text, Instructions: h.instructions.Text,
			Sets: rd.integer(at+"Sets", "Sets", h.sets.Text), Reps: rd.integer(at+"Reps", "Repetitions", h.reps.Text)}
		if k := h.handout.SelectedIndex(); k >= 0 {
			item.HandoutID = h.ids[k]
		}
		p.HomeCare = append(p.HomeCare, item)
	}
	p.Marks = storedMarks(e.chart.Marks())
	p.Referrals = nil
	for i, r := range e.referrals {
		p.Referrals = append(p.Referrals, data.Referral{To: r.to.Text, Reason: r.reason.Text,
			On: rd.date(fmt.Sprintf("Referrals[%d].On", i), r.on.Text)})
	}
	return p, rd.probs
}

// check reads and validates what is typed and shows the problems; true
// when all is well.
func (e *carePlanEditor) check() bool {
	p, probs := e.read()
	return e.report(probs, p.Validate(e.today))
}

// save validates, then stores the plan off the UI goroutine; on success
// the dialog closes and onSaved is told.
func (e *carePlanEditor) save() {
	if !e.ready() {
		return
	}
	p, _ := e.read()
	e.submit(func(ctx context.Context, st *data.Store) error {
		return st.SaveCarePlan(ctx, &p)
	}, func() {
		e.plan = p
		if e.dlg != nil {
			e.dlg.Hide()
		}
		if e.onSaved != nil {
			e.onSaved(p)
		}
	})
}

// close leaves the editor, asking first when something is unsaved.
func (e *carePlanEditor) close() {
	e.guard(func() {
		e.dirty = false
		if e.dlg != nil {
			e.dlg.Hide()
		}
	})
}

// statusChanged follows a change of the plan's status: a plan marked
// completed or discontinued is discharged today unless a date is given.
func (e *carePlanEditor) statusChanged() {
	if !e.loading && e.status.Selected != planStatusLabels[0] && e.dischargeDate.Text == "" {
		e.dischargeDate.SetText(e.today.String())
	}
	e.changed()
}

// wholeExample is a likely value of a plan's whole-number field, for its
// message: "Minutes a session must be a whole number, like 60."
func wholeExample(field string) string {
	switch {
	case field == "SessionMinutes":
		return "60"
	case field == "PerWeek":
		return "1"
	case field == "EveryWeeks":
		return "2"
	case field == "Weeks":
		return "6"
	case strings.HasSuffix(field, ".Reps"):
		return "10"
	}
	return "3"
}

// focusNew puts the cursor in the first field of a row just added (Tab,
// then Space on "Add a goal" goes on typing in the new goal) and scrolls it
// into view.
func (e *carePlanEditor) focusNew(first fyne.Focusable) {
	e.sh.win.Canvas().Focus(first)
	if o, ok := first.(fyne.CanvasObject); ok {
		if e.scroll != nil {
			e.scroll.Content.Refresh()
		}
		e.keepObjInView(o)
	}
}
