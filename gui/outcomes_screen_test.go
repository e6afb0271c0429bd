package gui

import (
	"context"
	"strings"
	"testing"

	"github.com/stillpoint/stillpoint/data"
)

// The Reports screen shows the practice's outcomes: with one completed plan
// (pain 7 → 3 in it), pain down 4 points on average and its pain goal met.
func TestReportsShowPracticeOutcomes(t *testing.T) {
	sh := newTestShell(t, true)
	sh.show(sectionReports)
	sh.outcomes.tabs.SelectIndex(1)
	if got := allText(sh.outcomes.obj); !strings.Contains(got, "No care plan is completed yet") {
		t.Errorf("before any plan: %q", got)
	}
	c, visits := outcomeClient(t, sh, 21, 7)
	withOutcomes(t, sh, visits) // pain 7 then 3
	ctx := context.Background()
	m, _ := sh.store.Moment(ctx)
	p := data.CarePlan{ClientID: c.ID, Condition: "Stiff neck", StartDate: data.DateOf(visits[0].Start.In(m.Loc)),
		Status: data.PlanCompleted, DischargeDate: data.DateOf(visits[1].Start.In(m.Loc)), DischargeSummary: "Pain down.", PerWeek: 1, Weeks: 2,
		Goals: []data.Goal{{Description: "Pain 3 or lower", MeasureKey: data.MeasurePain, Target: 3}}}
	if err := sh.store.SaveCarePlan(ctx, &p); err != nil {
		t.Fatal(err)
	}
	sh.show(sectionClients)
	sh.show(sectionReports)
	got := allText(sh.outcomes.obj)
	for _, want := range []string{"Care plan outcomes", "1 completed care plans.",
		"Pain down 4 points on average, an improvement (1 care plan; better in 1).", "Goals met: 1 of 1 (100%)."} {
		if !strings.Contains(got, want) {
			t.Errorf("the Reports screen lacks %q:\n%s", want, got)
		}
	}
}
