package gui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// noMeasure is the measure menu's first choice: a goal whose progress the
// therapist types by hand.
const noMeasure = "None (type the progress)"

// goalMeasures is the measure menu of a goal: every catalogue measure and
// the client's named activities, labels and keys in the same order.
type goalMeasures struct {
	labels []string
	keys   []string
}

// clientOutcomes reads the plan's client's outcome history once per editor
// (goals on measures are judged from it); nil when it cannot be read.
func (e *carePlanEditor) clientOutcomes() *data.Outcomes {
	if e.outcomes == nil && e.plan.ClientID != 0 {
		o, err := e.sh.store.ClientOutcomes(context.Background(), e.plan.ClientID, data.Date{})
		if err != nil {
			showError(e.sh.win, err)
			return nil
		}
		e.outcomes = &o
	}
	return e.outcomes
}

// measureMenu lists the measures a goal can follow.
func (e *carePlanEditor) measureMenu() goalMeasures {
	m := goalMeasures{labels: []string{noMeasure}, keys: []string{""}}
	for _, c := range data.Measures() {
		m.labels, m.keys = append(m.labels, c.Label), append(m.keys, c.Key)
	}
	if o := e.clientOutcomes(); o != nil {
		for _, s := range o.Series {
			if _, known := data.MeasureByKey(s.Measure.Key); known && s.Measure.Label != "Activity" {
				continue
			}
			m.labels, m.keys = append(m.labels, "Activity: "+s.Measure.Label), append(m.keys, s.Measure.Key)
		}
	}
	return m
}

// newMeasureSelect is a goal's measure menu, showing the goal's measure.
func (e *carePlanEditor) newMeasureSelect(r *goalRow) *widget.Select {
	menu := e.measureMenu()
	sel := widget.NewSelect(menu.labels, nil)
	pick := noMeasure
	for i, k := range menu.keys {
		if k == r.measureKey && k != "" {
			pick = menu.labels[i]
		}
	}
	sel.SetSelected(pick)
	sel.OnChanged = func(label string) {
		for i, l := range menu.labels {
			if l == label {
				r.measureKey = menu.keys[i]
			}
		}
		e.showMeasure(r)
		e.changed()
	}
	return sel
}

// judge says how a goal on a measure stands from the client's outcomes,
// between the start date typed and the discharge (when not active).
func (e *carePlanEditor) judge(r *goalRow) data.GoalResult {
	g := data.Goal{MeasureKey: r.measureKey}
	var rd planReader
	g.Target = rd.number("", "", r.target.Text)
	from := rd.date("", e.start.Text)
	var to data.Date
	if e.status.Selected != "" && e.status.Selected != planStatusLabels[0] {
		to = rd.date("", e.dischargeDate.Text)
	}
	var o data.Outcomes
	if p := e.clientOutcomes(); p != nil {
		o = *p
	}
	if m, ok := data.MeasureByKey(r.measureKey); ok {
		g.Unit = measureUnitText(m.Unit)
	}
	return data.JudgeGoal(g, o, from, to)
}

// measureUnitText is the unit shown beside a measure goal's numbers.
func measureUnitText(u data.Unit) string {
	switch u {
	case data.UnitDegrees:
		return "°"
	case data.UnitCM:
		return " cm"
	}
	return "/10"
}

// showMeasure switches a goal row between a goal on a measure (unit,
// direction and starting value come from the measure and its readings;
// no progress is typed) and a goal of its own.
func (e *carePlanEditor) showMeasure(r *goalRow) {
	if r.measureKey == "" {
		for _, w := range []fyne.Disableable{r.unit, r.baseline, r.direction} {
			w.Enable()
		}
		r.progBox.Show()
		r.addProgBtn.Show()
		r.status.SetText(goalStatus(r.goal()))
		return
	}
	m, _ := data.MeasureByKey(r.measureKey)
	r.unit.SetText(measureUnitText(m.Unit))
	r.direction.SetSelected(directionLabels[0])
	if !m.LowerIsBetter {
		r.direction.SetSelected(directionLabels[1])
	}
	res := e.judge(r)
	r.baseline.SetText("")
	if res.HasBase {
		r.baseline.SetText(data.Number(res.Baseline))
	}
	for _, w := range []fyne.Disableable{r.unit, r.baseline, r.direction} {
		w.Disable()
	}
	r.progBox.Hide()
	r.addProgBtn.Hide()
	r.status.SetText(measureGoalStatus(res))
}

// goal is what the row holds, for its status line (errors ignored).
func (r *goalRow) goal() data.Goal {
	var rd planReader
	g := data.Goal{Unit: r.unit.Text, Direction: directionOf(r.direction.Selected),
		Baseline: rd.number("", "", r.baseline.Text), Target: rd.number("", "", r.target.Text)}
	for _, p := range r.progress {
		g.Progress = append(g.Progress, data.ProgressEntry{On: rd.date("", p.on.Text), Value: rd.number("", "", p.value.Text)})
	}
	return g
}

// measureGoalStatus is a goal on a measure in words: "From the check-ins:
// 7/10 on 10 Nov 2025, latest 3/10 on 15 Dec 2025 · goal met".
func measureGoalStatus(res data.GoalResult) string {
	switch {
	case !res.HasLatest:
		return fmt.Sprintf("From the recorded %s: nothing recorded since the plan's start yet.", sourceOf(res.Measure))
	case res.Readings == 1:
		return fmt.Sprintf("From the recorded %s: %s on %s (one reading so far) · %s", sourceOf(res.Measure),
			res.Value(res.Latest), res.LatestOn.Format(), goalMetWords(res))
	}
	return fmt.Sprintf("From the recorded %s: %s on %s, latest %s on %s · %s", sourceOf(res.Measure),
		res.Value(res.Baseline), res.BaselineOn.Format(), res.Value(res.Latest), res.LatestOn.Format(), goalMetWords(res))
}

func goalMetWords(res data.GoalResult) string {
	if res.Met {
		return "goal met"
	}
	return "not met yet"
}

// sourceOf names where a measure's values are recorded.
func sourceOf(m data.Measure) string {
	if m.Kind == data.MobilityMeasure {
		return "measurements"
	}
	return "check-ins"
}
