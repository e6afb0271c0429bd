package gui

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// The client page's "Progress report…" asks which plan and the summary,
// then Save as PDF… writes the report with them (the plan's goal, the
// summary typed) and records the export on the client's history.
func TestProgressReportFromTheClientPage(t *testing.T) {
	sh := newTestShell(t, true)
	c, visits := outcomeClient(t, sh, 21, 7)
	withOutcomes(t, sh, visits)
	ctx := context.Background()
	m, _ := sh.store.Moment(ctx)
	p := data.CarePlan{ClientID: c.ID, Condition: "Stiff neck", StartDate: data.DateOf(visits[0].Start.In(m.Loc)), PerWeek: 1, Weeks: 4,
		Goals: []data.Goal{{Description: "Pain down to 3 or lower", MeasureKey: data.MeasurePain, Target: 3}}}
	if err := sh.store.SaveCarePlan(ctx, &p); err != nil {
		t.Fatal(err)
	}
	sh.openClientPage(c.ID)
	page := sh.clients.page
	btn := buttonIn(page.obj, "Progress report…")
	if btn == nil {
		t.Fatal("no Progress report… button on the client page")
	}
	test.Tap(btn)
	if sh.win.Canvas().Overlays().Top() == nil {
		t.Fatal("Progress report… opened no dialog")
	}
	r := sh.openProgressReport(c.ID)
	if r == nil || r.plan.Selected == allHistory {
		t.Fatalf("the dialog should offer the plan first: %+v", r)
	}
	typeInto(r.summary, "Pain eased; turning the head is easier.")
	typeInto(r.next, "Every two weeks for a month.")
	path := filepath.Join(t.TempDir(), "report.pdf")
	var suggested string
	r.actions.chooseFile = func(name string, done func(string)) { suggested = name; done(path) }
	test.Tap(r.actions.saveBtn)
	if want := "Progress report - Hana Okoro - "; len(suggested) < len(want) || suggested[:len(want)] != want {
		t.Errorf("suggested %q", suggested)
	}
	checkPDF(t, path, "Progress report", "Hana Okoro", "Stiff neck", "Pain down to 3 or lower", "Met",
		"Pain eased; turning the head is easier.", "Every two weeks for a month.")
	log, err := sh.store.AuditLog(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range log {
		if e.Action == data.AuditExport && e.Entity == data.AuditClient && e.EntityID == c.ID {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d export lines on the client's history, want 1", n)
	}
}
