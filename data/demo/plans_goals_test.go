package demo

import (
	"context"
	"testing"

	"github.com/stillpoint/stillpoint/data"
)

// The sample plans have goals on measures (pain from the notes, stress from
// the check-ins) judged from the recorded values: mostly met, some not.
func TestFillPlansMeasureGoalsMostlyMet(t *testing.T) {
	s := fill(t, Options{Years: 2, Seed: 3})
	ctx := context.Background()
	rows, err := s.CarePlans(ctx)
	if err != nil {
		t.Fatal(err)
	}
	met, notMet, keys := 0, 0, map[string]int{}
	for _, r := range rows {
		if r.Status == data.PlanActive {
			continue
		}
		p, err := s.CarePlan(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		res, err := s.CarePlanGoals(ctx, &p)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range res {
			if !g.Measured || !g.HasLatest {
				continue
			}
			keys[g.Goal.MeasureKey]++
			if g.Met {
				met++
			} else {
				notMet++
			}
		}
	}
	t.Logf("measure goals of ended plans: %d met, %d not met, by measure %v", met, notMet, keys)
	if keys[data.MeasurePain] == 0 || keys[data.MeasureStress] == 0 {
		t.Errorf("measure goals by measure %v: want pain and stress", keys)
	}
	if total := met + notMet; total == 0 || met*2 <= total || notMet == 0 {
		t.Errorf("%d met of %d: want most (over half) but not all", met, total)
	}
}
