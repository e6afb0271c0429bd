package data

import (
	"math"
	"testing"
)

// Two completed plans, one active and one discontinued for Bea, worked out
// by hand. Check-ins (pain, stress, sleep; -1 not asked):
//
//	3 Nov 8,7,3 · 10 Nov 6,6,4 · 17 Nov 5,5,6 · 1 Dec 6,8,- · 8 Dec 4,6,5 · 15 Dec 2,4,-
//
// Plan A (completed, 3–17 Nov): pain 8→5 (-3), stress 7→5 (-2), sleep 3→6
// (+3); goals: pain ≤ 5 met, stress ≤ 4 not met, a goal of its own (10 →
// 30, latest 25) not met. Plan B (completed, 1–15 Dec): pain 6→2 (-4),
// stress 8→4 (-4), sleep one value only (left out); goals: pain ≤ 3 met,
// neck rotation ≥ 70 not measured. Averages: pain -3.5 over 2 plans, stress
// -3 over 2, sleep +3 over 1; goals met 2 of 4 judged, 1 not measured. The
// active and discontinued plans count for nothing.
func TestPracticeOutcomesAgainstHandComputedFixture(t *testing.T) {
	f := newOutcomes(t, day(2025, 11, 3), day(2025, 11, 10), day(2025, 11, 17), day(2025, 12, 1), day(2025, 12, 8), day(2025, 12, 15))
	for i, v := range [][3]int{{8, 7, 3}, {6, 6, 4}, {5, 5, 6}, {6, 8, NotRecorded}, {4, 6, 5}, {2, 4, NotRecorded}} {
		f.checkIn(t, i, v[0], v[1], v[2])
	}
	save := func(p CarePlan) {
		t.Helper()
		p.ClientID, p.Condition, p.PerWeek, p.Weeks = f.client, "Neck pain", 1, 2
		if err := f.s.SaveCarePlan(f.ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	save(CarePlan{StartDate: day(2025, 11, 3), Status: PlanCompleted, DischargeDate: day(2025, 11, 17), DischargeSummary: "Better.", Goals: []Goal{
		{Description: "Pain", MeasureKey: MeasurePain, Target: 5},
		{Description: "Stress", MeasureKey: MeasureStress, Target: 4},
		{Description: "Walk", Unit: "min", Baseline: 10, Target: 30, Direction: HigherIsBetter,
			Progress: []ProgressEntry{{On: day(2025, 11, 10), Value: 20}, {On: day(2025, 11, 17), Value: 25}}},
	}})
	save(CarePlan{StartDate: day(2025, 12, 1), Status: PlanCompleted, DischargeDate: day(2025, 12, 15), DischargeSummary: "Better.", Goals: []Goal{
		{Description: "Pain", MeasureKey: MeasurePain, Target: 3},
		{Description: "Turn", MeasureKey: "cervical_rotation_right", Target: 70},
	}})
	save(CarePlan{StartDate: day(2025, 11, 3), Status: PlanActive, Goals: []Goal{{Description: "Pain", MeasureKey: MeasurePain, Target: 1}}})
	save(CarePlan{StartDate: day(2025, 11, 10), Status: PlanDiscontinued, DischargeDate: day(2025, 11, 10),
		Goals: []Goal{{Description: "Pain", MeasureKey: MeasurePain, Target: 9}}})

	o, err := f.s.PracticeOutcomes(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if o.CompletedPlans != 2 || o.Goals != 4 || o.GoalsMet != 2 || o.NotMeasured != 1 || o.MetShare() != 0.5 {
		t.Errorf("plans %d, goals %d met %d not measured %d share %v; want 2, 4, 2, 1, 0.5",
			o.CompletedPlans, o.Goals, o.GoalsMet, o.NotMeasured, o.MetShare())
	}
	want := []struct {
		key      string
		plans    int
		average  float64
		improved int
		words    string
	}{
		{MeasurePain, 2, -3.5, 2, "Pain down 3.5 points on average, an improvement (2 care plans; better in 2)"},
		{MeasureStress, 2, -3, 2, "Stress down 3 points on average, an improvement (2 care plans; better in 2)"},
		{MeasureSleep, 1, 3, 1, "Sleep up 3 points on average, an improvement (1 care plan; better in 1)"},
	}
	if len(o.Changes) != len(want) {
		t.Fatalf("%d changes", len(o.Changes))
	}
	for i, w := range want {
		c := o.Changes[i]
		if c.Measure.Key != w.key || c.Plans != w.plans || math.Abs(c.Average-w.average) > 1e-9 || c.Improved != w.improved || c.Words() != w.words {
			t.Errorf("%s: %d plans, average %v, better in %d, %q; want %+v", c.Measure.Key, c.Plans, c.Average, c.Improved, c.Words(), w)
		}
	}
}

// Pain going up is a worsening, sleep going up an improvement: the words
// say which, so "Pain up 0.1 points" is not read as good news.
func TestMeasureChangeWordsSayWhichWay(t *testing.T) {
	pain, _ := MeasureByKey(MeasurePain)
	sleep, _ := MeasureByKey(MeasureSleep)
	for _, c := range []struct {
		change MeasureChange
		want   string
	}{
		{MeasureChange{Measure: pain, Plans: 19, Average: 0.1, Improved: 5}, "Pain up 0.1 points on average, a worsening (19 care plans; better in 5)"},
		{MeasureChange{Measure: sleep, Plans: 2, Average: -1, Improved: 0}, "Sleep down 1 point on average, a worsening (2 care plans; better in 0)"},
		{MeasureChange{Measure: pain, Plans: 3, Average: 0, Improved: 1}, "Pain unchanged on average (3 care plans; better in 1)"},
	} {
		if got := c.change.Words(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}
