package gui

import (
	"context"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// planOutputLines are the client's audit lines about exporting or
// printing a care plan.
func planOutputLines(t *testing.T, sh *shell, clientID int64, action data.AuditAction) []string {
	t.Helper()
	log, err := sh.store.AuditLog(context.Background(), clientID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range log {
		if e.Action == action && strings.HasPrefix(e.Summary, "care plan ") {
			out = append(out, e.Summary)
		}
	}
	return out
}

// savedPlan stores a plan with one home-care handout and opens it.
func savedPlan(t *testing.T, sh *shell) (data.Client, *carePlanEditor) {
	t.Helper()
	ctx := context.Background()
	c := planClient(t, sh)
	hs, err := sh.store.Handouts(ctx, false)
	if err != nil || len(hs) == 0 {
		t.Fatalf("no handouts (%v)", err)
	}
	today, _ := sh.store.Today(ctx)
	p := data.CarePlan{ClientID: c.ID, Condition: "Low-back pain", StartDate: today, Status: data.PlanActive,
		PerWeek: 1, Weeks: 6, HomeCare: []data.HomeCareItem{{HandoutID: hs[0].ID}}}
	if err := sh.store.SaveCarePlan(ctx, &p); err != nil {
		t.Fatal(err)
	}
	p, _ = sh.store.CarePlan(ctx, p.ID)
	e := sh.openCarePlan(p, nil)
	if e == nil || e.pdf == nil {
		t.Fatal("a saved plan has no Save as PDF… / Print…")
	}
	return c, e
}

// Print… on a saved plan, with the handouts included, makes the PDF,
// opens it in the viewer and writes a print line on the client's history.
func TestCarePlanPrintRecordsAudit(t *testing.T) {
	sh := newTestShell(t, true)
	c, e := savedPlan(t, sh)
	dir := t.TempDir()
	var opened *url.URL
	e.pdf.actions.printDir = func() (string, error) { return dir, nil }
	e.pdf.actions.openURL = func(u *url.URL) error { opened = u; return nil }
	test.Tap(e.pdf.withHandouts)
	test.Tap(e.pdf.actions.printBtn)
	if opened == nil {
		t.Fatal("no PDF was opened to print")
	}
	checkPDF(t, opened.Path, "Care plan", "Zoë Müller", "Low-back pain", "For Zoë Müller")
	if got := planOutputLines(t, sh, c.ID, data.AuditPrint); len(got) != 1 || !strings.HasSuffix(got[0], "(Low-back pain) and its home-care handouts") {
		t.Errorf("print lines %q, want one naming the plan and its handouts", got)
	}
}

// Save as PDF… writes where the dialog points and records an export.
func TestCarePlanSaveAsPDF(t *testing.T) {
	sh := newTestShell(t, true)
	c, e := savedPlan(t, sh)
	path := filepath.Join(t.TempDir(), "plan.pdf")
	var suggested string
	e.pdf.actions.chooseFile = func(name string, done func(string)) { suggested = name; done(path) }
	test.Tap(e.pdf.actions.saveBtn)
	if !strings.HasPrefix(suggested, "Care plan - Zoë") {
		t.Errorf("suggested file name %q", suggested)
	}
	checkPDF(t, path, "Care plan", "Low-back pain")
	if got := planOutputLines(t, sh, c.ID, data.AuditExport); len(got) != 1 || strings.Contains(got[0], "handouts") {
		t.Errorf("export lines %q, want one without handouts", got)
	}
}

// A new plan (not saved yet) has nothing to print.
func TestNewCarePlanHasNoPDFButtons(t *testing.T) {
	sh := newTestShell(t, true)
	c := planClient(t, sh)
	sh.newCarePlan(c.ID, nil)
	if sh.planEd == nil || sh.planEd.pdf != nil {
		t.Error("a plan not saved yet offers Save as PDF…")
	}
}
