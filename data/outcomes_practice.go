package data

import (
	"context"
	"database/sql"
	"fmt"
)

// MeasureChange is the practice's average change in one measure across
// completed care plans: for each plan with two or more values of the
// measure within its dates, the last value less the first.
type MeasureChange struct {
	Measure  Measure
	Plans    int     // completed plans with two or more values
	Average  float64 // mean of (last - first), rounded to 0.1
	Improved int     // plans where it moved the measure's better way
}

// Words says the change in plain words, and whether it is the better
// way: "Pain down 3.5 points on average, an improvement (12 care plans;
// better in 10)".
func (c MeasureChange) Words() string {
	if c.Plans == 0 {
		return c.Measure.Label + ": not enough check-ins in completed care plans yet"
	}
	plans := "care plans"
	if c.Plans == 1 {
		plans = "care plan"
	}
	how := "unchanged on average"
	switch {
	case c.Average > 0:
		how = "up " + c.Measure.Unit.amount(c.Average) + " on average"
	case c.Average < 0:
		how = "down " + c.Measure.Unit.amount(-c.Average) + " on average"
	}
	// Up is better for sleep and worse for pain: say which it was.
	if c.Average != 0 {
		if (c.Average < 0) == c.Measure.LowerIsBetter {
			how += ", an improvement"
		} else {
			how += ", a worsening"
		}
	}
	return fmt.Sprintf("%s %s (%d %s; better in %d)", c.Measure.Label, how, c.Plans, plans, c.Improved)
}

// PracticeOutcomes is what the practice's completed care plans achieved:
// the average change in pain, stress and sleep, and the share of goals met.
type PracticeOutcomes struct {
	CompletedPlans int
	Changes        []MeasureChange // pain, stress, sleep
	Goals          int             // goals of completed plans with a value to judge
	GoalsMet       int
	NotMeasured    int // goals with no value within their plan
}

// MetShare is the share of judged goals that were met (0..1; 0 when none).
func (p PracticeOutcomes) MetShare() float64 {
	if p.Goals == 0 {
		return 0
	}
	return float64(p.GoalsMet) / float64(p.Goals)
}

// planSpan is a completed plan's client and dates.
type planSpan struct {
	client   int64
	from, to Date
	series   map[string][]Point
	goals    []Goal
}

// PracticeOutcomes computes the practice's outcomes over its completed care
// plans in one read transaction: each plan's pain (from the notes), stress
// and sleep (from the check-ins) and mobility within its start and
// discharge, first value against last; and each goal judged as the plan
// editor judges it (JudgeGoal). Goals on a PSFS activity are not judged
// here (counted as not measured).
func (s *Store) PracticeOutcomes(ctx context.Context) (PracticeOutcomes, error) {
	var out PracticeOutcomes
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return out, fmt.Errorf("read the practice's outcomes: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	plans := map[int64]*planSpan{}
	var order []int64
	const done = `FROM care_plans p WHERE p.status = 'completed'`
	err = eachRow(ctx, tx, `SELECT p.id, p.client_id, p.start_date, p.discharge_date `+done+` ORDER BY p.id`, nil,
		func(r *sql.Rows) error {
			var id int64
			p := &planSpan{series: map[string][]Point{}}
			if err := r.Scan(&id, &p.client, dateScanner{&p.from}, dateScanner{&p.to}); err != nil {
				return err
			}
			plans[id] = p
			order = append(order, id)
			return nil
		})
	// Both ends bound the index range (an OR would read every later visit).
	within := `n.client_id = p.client_id AND n.visit_date BETWEEN p.start_date AND
		CASE WHEN p.discharge_date = '' THEN '9999-12-31' ELSE p.discharge_date END`
	value := func(key string) func(*sql.Rows) error {
		return func(r *sql.Rows) error {
			var id int64
			var d Date
			var v float64
			var k string
			dest := []any{&id, dateScanner{&d}, &v}
			if key == "" {
				dest = append(dest, &k)
			} else {
				k = key
			}
			if err := r.Scan(dest...); err != nil {
				return err
			}
			if v >= 0 { // -1: not asked
				plans[id].series[k] = append(plans[id].series[k], Point{Date: d, Value: v})
			}
			return nil
		}
	}
	for _, q := range []struct{ key, sql string }{
		{MeasurePain, `SELECT p.id, n.visit_date, n.pain FROM care_plans p JOIN notes n ON ` + within +
			` WHERE p.status = 'completed' AND n.pain >= 0 ORDER BY p.id, n.visit_date, n.id`},
		{MeasureStress, `SELECT p.id, n.visit_date, n.stress FROM care_plans p JOIN checkins n ON ` + within +
			` WHERE p.status = 'completed' ORDER BY p.id, n.visit_date, n.id`},
		{MeasureSleep, `SELECT p.id, n.visit_date, n.sleep FROM care_plans p JOIN checkins n ON ` + within +
			` WHERE p.status = 'completed' ORDER BY p.id, n.visit_date, n.id`},
		{"", `SELECT p.id, n.visit_date, n.value, n.measure_key FROM care_plans p JOIN mobility_readings n ON ` + within +
			` WHERE p.status = 'completed' ORDER BY p.id, n.measure_key, n.visit_date`},
	} {
		if err == nil {
			err = eachRow(ctx, tx, q.sql, nil, value(q.key))
		}
	}
	goals := map[int64]*Goal{}
	if err == nil {
		err = eachRow(ctx, tx, `SELECT g.id, g.plan_id, COALESCE(g.measure_key, ''), g.baseline, g.target, g.direction
			FROM care_plan_goals g JOIN care_plans p ON p.id = g.plan_id WHERE p.status = 'completed'
			ORDER BY g.plan_id, g.position`, nil, func(r *sql.Rows) error {
			var g Goal
			var plan int64
			if err := r.Scan(&g.ID, &plan, &g.MeasureKey, &g.Baseline, &g.Target, &g.Direction); err != nil {
				return err
			}
			p := plans[plan]
			p.goals = append(p.goals, g)
			return nil
		})
	}
	if err == nil {
		for _, p := range plans {
			for i := range p.goals {
				goals[p.goals[i].ID] = &p.goals[i]
			}
		}
		err = eachRow(ctx, tx, `SELECT e.goal_id, e.recorded_on, e.value FROM care_plan_progress e
			JOIN care_plan_goals g ON g.id = e.goal_id JOIN care_plans p ON p.id = g.plan_id
			WHERE p.status = 'completed' ORDER BY e.goal_id, e.recorded_on, e.id`, nil, func(r *sql.Rows) error {
			var id int64
			var e ProgressEntry
			if err := r.Scan(&id, dateScanner{&e.On}, &e.Value); err != nil {
				return err
			}
			goals[id].Progress = append(goals[id].Progress, e)
			return nil
		})
	}
	if err != nil {
		return out, fmt.Errorf("read the practice's outcomes: %w", err)
	}
	out.CompletedPlans = len(order)
	for _, key := range []string{MeasurePain, MeasureStress, MeasureSleep} {
		m, _ := MeasureByKey(key)
		c := MeasureChange{Measure: m}
		sum := 0.0
		for _, id := range order {
			if pts := plans[id].series[key]; len(pts) >= 2 {
				change := pts[len(pts)-1].Value - pts[0].Value
				c.Plans++
				sum += change
				if (m.LowerIsBetter && change < 0) || (!m.LowerIsBetter && change > 0) {
					c.Improved++
				}
			}
		}
		if c.Plans > 0 {
			c.Average = round1(sum / float64(c.Plans))
		}
		out.Changes = append(out.Changes, c)
	}
	for _, id := range order {
		p := plans[id]
		var o Outcomes
		for key, pts := range p.series {
			m, _ := MeasureByKey(key)
			o.Series = append(o.Series, Series{Measure: m, Points: pts})
		}
		for _, g := range p.goals {
			r := JudgeGoal(g, o, p.from, p.to)
			switch {
			case !r.HasLatest:
				out.NotMeasured++
			case r.Met:
				out.Goals++
				out.GoalsMet++
			default:
				out.Goals++
			}
		}
	}
	return out, nil
}
