package demo

import (
	"context"
	"reflect"
	"testing"

	"github.com/stillpoint/stillpoint/data"
)

// About a third of the clients have a care plan, with a mix of statuses,
// goals with progress, home care from the library and linked visits; the
// same seed gives the same plans.
func TestFillPlans(t *testing.T) {
	s := fill(t, Options{Years: 2, Seed: 3})
	ctx := context.Background()
	rows, err := s.CarePlans(ctx)
	if err != nil {
		t.Fatal(err)
	}
	clients := ClientsFor(2)
	if len(rows) < clients/4 || len(rows) > clients/2 {
		t.Fatalf("%d plans for %d clients", len(rows), clients)
	}
	status := map[data.PlanStatus]int{}
	done, progress, homeCare := 0, 0, 0
	for _, r := range rows {
		status[r.Status]++
		done += r.SessionsDone
		if r.SessionsPlanned == 0 {
			t.Errorf("plan %d plans no sessions", r.ID)
		}
	}
	if status[data.PlanActive] == 0 || status[data.PlanCompleted] == 0 || status[data.PlanDiscontinued] == 0 {
		t.Errorf("statuses %v", status)
	}
	if done < len(rows) {
		t.Errorf("%d linked completed visits for %d plans", done, len(rows))
	}
	for _, r := range rows[:20] {
		p, err := s.CarePlan(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Goals) == 0 || len(p.Reassessments) == 0 {
			t.Errorf("plan %d: %+v", p.ID, p)
		}
		for _, g := range p.Goals {
			progress += len(g.Progress)
		}
		homeCare += len(p.HomeCare)
		if err := p.Validate(data.Date{Year: 3000, Month: 1, Day: 1}); err != nil {
			t.Errorf("plan %d does not validate: %v", p.ID, err)
		}
	}
	if progress == 0 || homeCare == 0 {
		t.Errorf("%d progress entries, %d home-care items in 20 plans", progress, homeCare)
	}
	again := fill(t, Options{Years: 2, Seed: 3})
	rows2, err := again.CarePlans(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rows, rows2) {
		t.Error("the same seed made different plans")
	}
}
