package data

import (
	"context"
	"fmt"
)

// GoalResult is how one goal of a plan stands: its baseline, its latest
// value, its target and whether it is met. For a goal on a measure
// (Goal.MeasureKey set) the baseline and latest come from the outcome data
// (check-ins and mobility) within the plan's dates; for a goal of its own
// they come from the typed baseline and progress entries.
type GoalResult struct {
	Goal     Goal
	Measure  Measure // the measure followed (zero for a goal of its own)
	Measured bool    // the goal follows a measure of the outcome data

	Baseline   float64
	BaselineOn Date // zero for a goal of its own (typed when the plan started)
	HasBase    bool // a baseline exists (always for a goal of its own)
	Latest     float64
	LatestOn   Date
	HasLatest  bool // a value was recorded (for a measure: on or after the plan's start)
	Readings   int  // values within the plan (progress entries for a goal of its own)
	Met        bool // the latest value is at or past the target
}

// measureUnit is the short unit written after a goal's numbers.
func measureUnit(u Unit) string {
	switch u {
	case UnitDegrees:
		return "°"
	case UnitCM:
		return " cm"
	}
	return "/10"
}

// fitMeasure makes a measure goal's unit and direction those of its
// measure, so they cannot disagree with the data they judge.
func (g *Goal) fitMeasure() {
	if g.MeasureKey == "" {
		return
	}
	m, ok := MeasureByKey(g.MeasureKey)
	if !ok {
		return
	}
	g.Unit = measureUnit(m.Unit)
	g.Direction = HigherIsBetter
	if m.LowerIsBetter {
		g.Direction = LowerIsBetter
	}
}

// validateMeasure checks a goal on a measure: a known measure and a
// target within its range. The baseline is read from the outcome data, so
// it is not compared with the target here.
func (g *Goal) validateMeasure(pr *problems, at string, n int) {
	m, ok := MeasureByKey(g.MeasureKey)
	if !ok {
		pr.add(at+"MeasureKey", "Goal %d: pick a measure from the list.", n)
		return
	}
	if !finite(g.Target) || g.Target < m.Min || g.Target > m.Max {
		pr.add(at+"Target", "Goal %d: the target for %s must be between %s and %s (you entered %s).", n,
			m.Label, m.Unit.bare(m.Min), m.Unit.upper(m.Max), Number(g.Target))
	}
}

// TargetWords is the goal's target in words: "Pain 3 or lower",
// "Neck rotation right 70° or more", or for a goal of its own "3/10".
func (r GoalResult) TargetWords() string {
	if !r.Measured {
		return Number(r.Goal.Target) + r.Goal.Unit
	}
	way := "or more"
	if r.Measure.LowerIsBetter {
		way = "or lower"
	}
	return fmt.Sprintf("%s %s %s", r.Measure.Label, r.Measure.Unit.bare(r.Goal.Target), way)
}

// Value writes one of the goal's values with its unit: "7/10", "70°".
func (r GoalResult) Value(v float64) string { return Number(v) + r.Goal.Unit }

// Status is the goal's standing in plain words: "Met", "Not met yet",
// "Not measured yet".
func (r GoalResult) Status() string {
	switch {
	case !r.HasLatest:
		return "Not measured yet"
	case r.Met:
		return "Met"
	}
	return "Not met yet"
}

// reaches reports whether v is at or past the target in the direction.
func reaches(v, target float64, lowerIsBetter bool) bool {
	if lowerIsBetter {
		return v <= target
	}
	return v >= target
}

// JudgeGoal says how a goal stands. A goal on a measure is judged from the
// measure's values in o dated from `from` (the plan's start) up to `to`
// (its discharge; zero: no end): the baseline is the first of them, the
// latest the last, and the goal is met when the latest is at or past the
// target in the measure's better direction. A goal of its own is judged
// from its typed baseline and progress entries (Goal.Met).
func JudgeGoal(g Goal, o Outcomes, from, to Date) GoalResult {
	r := GoalResult{Goal: g}
	if g.MeasureKey == "" {
		r.Baseline, r.HasBase = g.Baseline, true
		r.Latest, r.HasLatest = g.Latest()
		r.Readings = len(g.Progress)
		if r.HasLatest {
			for _, e := range g.Progress {
				if !e.On.Before(r.LatestOn) {
					r.LatestOn = e.On
				}
			}
		}
		r.Met = g.Met()
		return r
	}
	r.Measured = true
	s, ok := o.Find(g.MeasureKey)
	if ok {
		r.Measure = s.Measure
	} else {
		r.Measure, _ = MeasureByKey(g.MeasureKey)
	}
	for _, p := range s.Points {
		if (!from.IsZero() && p.Date.Before(from)) || (!to.IsZero() && to.Before(p.Date)) {
			continue
		}
		if r.Readings == 0 {
			r.Baseline, r.BaselineOn, r.HasBase = p.Value, p.Date, true
		}
		r.Latest, r.LatestOn, r.HasLatest = p.Value, p.Date, true
		r.Readings++
	}
	r.Met = r.HasLatest && reaches(r.Latest, g.Target, r.Measure.LowerIsBetter)
	return r
}

// planEnd is the last day a plan's goals are judged on: its discharge
// when it has ended, otherwise no end.
func (p *CarePlan) planEnd() Date {
	if p.Status != PlanActive {
		return p.DischargeDate
	}
	return Date{}
}

// JudgeGoals judges every goal of the plan against the client's outcomes.
func (p *CarePlan) JudgeGoals(o Outcomes) []GoalResult {
	out := make([]GoalResult, 0, len(p.Goals))
	for _, g := range p.Goals {
		out = append(out, JudgeGoal(g, o, p.StartDate, p.planEnd()))
	}
	return out
}

// CarePlanGoals reads what the plan's goals need from the outcome data
// (only when a goal follows a measure) and judges each goal.
func (s *Store) CarePlanGoals(ctx context.Context, p *CarePlan) ([]GoalResult, error) {
	var o Outcomes
	for _, g := range p.Goals {
		if g.MeasureKey != "" {
			var err error
			if o, err = s.ClientOutcomes(ctx, p.ClientID, Date{}); err != nil {
				return nil, fmt.Errorf("judge the goals of care plan %d: %w", p.ID, err)
			}
			break
		}
	}
	return p.JudgeGoals(o), nil
}

// CurrentCarePlan is the client's plan the progress screens follow: the
// active one (the latest started when several), otherwise the latest
// started; ok is false when the client has no plan.
func (s *Store) CurrentCarePlan(ctx context.Context, clientID int64) (p CarePlan, ok bool, err error) {
	rows, err := s.ClientCarePlans(ctx, clientID)
	if err != nil || len(rows) == 0 {
		return CarePlan{}, false, err
	}
	p, err = s.CarePlan(ctx, rows[0].ID)
	if err != nil {
		return CarePlan{}, false, fmt.Errorf("read the current care plan of client %d: %w", clientID, err)
	}
	return p, true, nil
}
