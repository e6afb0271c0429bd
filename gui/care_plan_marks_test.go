package gui

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// In the care plan editor the therapist marks the plan's body chart with
// the note's chart widget: two marks placed and one labelled are saved with
// the plan, are on the chart when the plan is opened again, and print.
func TestCarePlanEditorMarksBodyChart(t *testing.T) {
	sh := newTestShell(t, true)
	c, e := savedPlan(t, sh)
	if e.chart == nil || e.fields["Marks"] == nil {
		t.Fatal("the care plan editor has no body chart")
	}
	chart := e.chart
	chart.SetKind(markTriggerPoint)
	test.TapAt(chart.figures, figurePoint(chart.figures, bodyBack, 0.42, 0.2))
	typeInto(chart.label, "left upper trapezius")
	chart.SetKind(markTension)
	test.TapAt(chart.figures, figurePoint(chart.figures, bodyFront, 0.6, 0.5))
	if !e.dirty {
		t.Error("marking the chart did not count as a change")
	}
	test.Tap(e.saveBtn)
	if sh.planEd != nil {
		t.Fatalf("the editor stayed open: %s", e.summary.Text)
	}

	plans := storedPlans(t, sh, c.ID)
	if len(plans) != 1 || len(plans[0].Marks) != 2 {
		t.Fatalf("stored marks: %+v", plans)
	}
	p := plans[0]
	m0, m1 := p.Marks[0], p.Marks[1]
	if m0.Kind != data.MarkTriggerPoint || m0.View != data.ViewBack || m0.Label != "left upper trapezius" ||
		m1.Kind != data.MarkTension || m1.View != data.ViewFront || m1.Label != "" {
		t.Errorf("stored marks %+v", p.Marks)
	}
	if m0.X < 0.3 || m0.X > 0.55 || m0.Y < 0.1 || m0.Y > 0.3 {
		t.Errorf("the first mark landed at %.2f, %.2f, not where it was tapped (0.42, 0.2)", m0.X, m0.Y)
	}

	again := sh.openCarePlan(p, nil)
	if got := again.chart.Marks(); len(got) != 2 || got[0].Label != "left upper trapezius" || got[1].Kind != markTension {
		t.Fatalf("reopened, the chart shows %+v", got)
	}
	path := filepath.Join(t.TempDir(), "plan.pdf")
	again.pdf.actions.chooseFile = func(_ string, done func(string)) { done(path) }
	test.Tap(again.pdf.actions.saveBtn)
	checkPDF(t, path, "Body chart", "Trigger point", "left upper trapezius", "Tension")

	// Removing a mark and saving takes it off the stored plan.
	again.chart.selectMark(1)
	test.Tap(again.chart.remove)
	test.Tap(again.saveBtn)
	stored, err := sh.store.CarePlan(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(stored.Marks) != 1 || stored.Marks[0].Label != "left upper trapezius" {
		t.Errorf("after removing one, stored marks %+v", stored.Marks)
	}
}
