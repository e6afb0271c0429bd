package data

import (
	"errors"
	"strings"
	"testing"
)

// goalFixture: Bea's visits on 3 and 10 November, 1 and 15 December 2025
// with check-ins (pain, stress, sleep) and neck rotation right measured,
// and a plan started on 5 November with goals on measures. Worked out by
// hand: from 5 November pain goes 7 → 4 → 3, stress 7 → 6 → 6, rotation
// right 55 → 72 (the 3 November values are before the plan).
func goalFixture(t *testing.T) (*outcomeFixture, CarePlan) {
	t.Helper()
	f := newOutcomes(t, day(2025, 11, 3), day(2025, 11, 10), day(2025, 12, 1), day(2025, 12, 15))
	f.checkIn(t, 0, 8, 8, 3)
	f.checkIn(t, 1, 7, 7, 4)
	f.checkIn(t, 2, 4, 6, 5)
	f.checkIn(t, 3, 3, 6, 7)
	for _, v := range []MobilityVisit{
		{VisitDate: day(2025, 11, 3), Values: map[string]float64{"cervical_rotation_right": 50}},
		{VisitDate: day(2025, 11, 10), Values: map[string]float64{"cervical_rotation_right": 55}},
		{VisitDate: day(2025, 12, 15), Values: map[string]float64{"cervical_rotation_right": 72}},
	} {
		v.ClientID = f.client
		if err := f.s.SaveMobility(f.ctx, &v); err != nil {
			t.Fatal(err)
		}
	}
	p := CarePlan{ClientID: f.client, Condition: "Neck pain", StartDate: day(2025, 11, 5), PerWeek: 1, Weeks: 6,
		Goals: []Goal{
			{Description: "Pain down to 3", MeasureKey: MeasurePain, Target: 3, Direction: HigherIsBetter}, // direction fixed from the measure
			{Description: "Stress down to 4", MeasureKey: MeasureStress, Target: 4},
			{Description: "Shoulder-check to the right", MeasureKey: "cervical_rotation_right", Target: 70},
			{Description: "Reach overhead", MeasureKey: "shoulder_flexion_right", Target: 160},
			{Description: "Walk 30 minutes", Unit: "min", Baseline: 10, Target: 30, Direction: HigherIsBetter,
				Progress: []ProgressEntry{{On: day(2025, 12, 1), Value: 30}}},
		}}
	if err := f.s.SaveCarePlan(f.ctx, &p); err != nil {
		t.Fatal(err)
	}
	return f, p
}

func TestGoalsOnMeasuresJudgedFromOutcomes(t *testing.T) {
	f, p := goalFixture(t)
	got, err := f.s.CarePlan(f.ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if g := got.Goals[0]; g.MeasureKey != MeasurePain || g.Direction != LowerIsBetter || g.Unit != "/10" {
		t.Fatalf("pain goal read back as %+v; want measure pain, lower is better, /10", g)
	}
	if g := got.Goals[2]; g.Direction != HigherIsBetter || g.Unit != "°" {
		t.Fatalf("rotation goal read back as %+v; want higher is better, °", g)
	}
	type want struct {
		base, latest float64
		baseOn       Date
		readings     int
		met          bool
		status       string
	}
	check := func(label string, res []GoalResult, wants []want) {
		t.Helper()
		for i, w := range wants {
			r := res[i]
			if r.Baseline != w.base || r.Latest != w.latest || r.BaselineOn != w.baseOn || r.Readings != w.readings ||
				r.Met != w.met || r.Status() != w.status {
				t.Errorf("%s goal %d (%s): baseline %v on %v, latest %v, %d readings, met %v %q; want %+v", label, i+1,
					r.Goal.Description, r.Baseline, r.BaselineOn, r.Latest, r.Readings, r.Met, r.Status(), w)
			}
		}
	}
	res, err := f.s.CarePlanGoals(f.ctx, &got)
	if err != nil {
		t.Fatal(err)
	}
	check("active", res, []want{
		{7, 3, day(2025, 11, 10), 3, true, "Met"},
		{7, 6, day(2025, 11, 10), 3, false, "Not met yet"},
		{55, 72, day(2025, 11, 10), 2, true, "Met"},
		{0, 0, Date{}, 0, false, "Not measured yet"},
		{10, 30, Date{}, 1, true, "Met"},
	})
	if w := res[0].TargetWords(); w != "Pain 3 or lower" {
		t.Errorf("pain target in words %q", w)
	}
	if w := res[2].TargetWords(); w != "Neck rotation right 70° or more" {
		t.Errorf("rotation target in words %q", w)
	}
	// Discharged on 1 December: what came after does not count.
	got.Status, got.DischargeDate = PlanCompleted, day(2025, 12, 1)
	check("completed", got.JudgeGoals(mustOutcomes(t, f)), []want{
		{7, 4, day(2025, 11, 10), 2, false, "Not met yet"},
		{7, 6, day(2025, 11, 10), 2, false, "Not met yet"},
		{55, 55, day(2025, 11, 10), 1, false, "Not met yet"},
	})
}

func mustOutcomes(t *testing.T, f *outcomeFixture) Outcomes {
	t.Helper()
	o, err := f.s.ClientOutcomes(f.ctx, f.client, Date{})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func TestGoalOnMeasureValidation(t *testing.T) {
	f, p := goalFixture(t)
	p.Goals[0].Target = 11
	p.Goals[1].MeasureKey = "shoe_size"
	err := f.s.SaveCarePlan(f.ctx, &p)
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("want a validation error, got %v", err)
	}
	msgs := map[string]string{}
	for _, pr := range ve.Problems {
		msgs[pr.Field] = pr.Message
	}
	if m := msgs["Goals[0].Target"]; !strings.Contains(m, "Pain must be between 0 and 10 (you entered 11)") {
		t.Errorf("target 11 for pain: %q", m)
	}
	if m := msgs["Goals[1].MeasureKey"]; !strings.Contains(m, "pick a measure") {
		t.Errorf("unknown measure: %q", m)
	}
}
