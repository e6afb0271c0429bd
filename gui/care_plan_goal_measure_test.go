package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// A goal on a measure: pick "Neck rotation right", type the target; the
// starting value and the latest come from the readings since the plan's
// start (the one before it does not count), the goal reads as met, and it
// is stored with its measure, unit and direction and no typed progress.
func TestCarePlanGoalOnAMeasure(t *testing.T) {
	sh := newTestShell(t, true)
	c := planClient(t, sh)
	ctx := context.Background()
	m, err := sh.store.Moment(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ago := func(days int) data.Date { return data.DateOf(m.Now.In(m.Loc).AddDate(0, 0, -days)) }
	for _, r := range []struct {
		days int
		v    float64
	}{{40, 50}, {20, 55}, {5, 72}} {
		v := data.MobilityVisit{ClientID: c.ID, VisitDate: ago(r.days), Values: map[string]float64{"cervical_rotation_right": r.v}}
		if err := sh.store.SaveMobility(ctx, &v); err != nil {
			t.Fatal(err)
		}
	}
	sh.newCarePlan(c.ID, nil)
	e := sh.planEd
	typeInto(e.condition, "Stiff neck")
	e.start.SetText("")
	typeInto(e.start, ago(30).String())
	test.Tap(e.addGoalBtn)
	g := e.goals[0]
	typeInto(g.desc, "Shoulder-check to the right")
	g.measure.SetSelected("Neck rotation right")
	typeInto(g.target, "70")
	if g.baseline.Text != "55" || !g.baseline.Disabled() || g.unit.Text != "°" || g.direction.Selected != directionLabels[1] ||
		g.addProgBtn.Visible() {
		t.Errorf("measure goal row: baseline %q (disabled %v) unit %q direction %q add progress shown %v",
			g.baseline.Text, g.baseline.Disabled(), g.unit.Text, g.direction.Selected, g.addProgBtn.Visible())
	}
	if s := g.status.Text; !strings.Contains(s, "55° on") || !strings.Contains(s, "latest 72°") || !strings.Contains(s, "goal met") {
		t.Errorf("status %q", s)
	}
	typeInto(g.target, "80")
	if s := g.status.Text; !strings.Contains(s, "not met yet") {
		t.Errorf("status with target 80: %q", s)
	}
	test.Tap(e.saveBtn)
	if sh.planEd != nil {
		t.Fatalf("the editor stayed open: %s", e.summary.Text)
	}
	plans := storedPlans(t, sh, c.ID)
	if len(plans) != 1 || len(plans[0].Goals) != 1 {
		t.Fatalf("stored %+v", plans)
	}
	got := plans[0].Goals[0]
	if got.MeasureKey != "cervical_rotation_right" || got.Baseline != 55 || got.Target != 80 || got.Unit != "°" ||
		got.Direction != data.HigherIsBetter || len(got.Progress) != 0 {
		t.Errorf("stored goal %+v", got)
	}
	// Reopened, it shows the measure again.
	sh.openCarePlan(plans[0], nil)
	if g := sh.planEd.goals[0]; g.measure.Selected != "Neck rotation right" || !strings.Contains(g.status.Text, "latest 72°") {
		t.Errorf("reopened: %q %q", g.measure.Selected, g.status.Text)
	}
}
