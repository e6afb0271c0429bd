package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stillpoint/stillpoint/data"
)

// pdf progress CLIENT-ID --plan ID --summary TEXT -o FILE writes the
// client's progress report over the plan's dates (its goals, measures and
// the summary), recorded once on the client's audit history; another
// client's plan, an unknown client or plan are refused without a file.
func TestPDFProgress(t *testing.T) {
	db := demoDB(t)
	ctx := context.Background()
	st, err := data.OpenReadOnly(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := st.CarePlans(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var plan data.CarePlan
	var other int64
	for _, r := range rows {
		if r.Status == data.PlanCompleted && plan.ID == 0 {
			if plan, err = st.CarePlan(ctx, r.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, r := range rows {
		if r.ClientID != plan.ClientID {
			other = r.ID
		}
	}
	st.Close()
	if plan.ID == 0 || other == 0 {
		t.Fatal("the sample has no completed plan")
	}
	client, pid := strconv.FormatInt(plan.ClientID, 10), strconv.FormatInt(plan.ID, 10)
	dir := t.TempDir()
	file := filepath.Join(dir, "progress.pdf")
	code, out, errOut := runCLI(t, "--db", db, "pdf", "progress", client, "--plan", pid,
		"--summary", "Pain eased over the plan.", "-o", file)
	if code != exitOK || !strings.Contains(out, "Wrote "+file) {
		t.Fatalf("pdf progress: %d %s%s", code, out, errOut)
	}
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Skip("qpdf is not installed (make deps installs it); the file's checks did NOT run")
	}
	if b, err := exec.Command("qpdf", "--check", file).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, b)
	}
	b, err := exec.Command("pdftotext", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := strings.Join(strings.Fields(string(b)), " ")
	for _, w := range []string{"Progress report", plan.Condition, plan.StartDate.Format() + " to " + plan.DischargeDate.Format(),
		plan.Goals[0].Description, "Pain (0–10)", "Pain eased over the plan.", "Visits attended"} {
		if !strings.Contains(text, w) {
			t.Errorf("the report lacks %q:\n%s", w, text)
		}
	}
	st, err = data.OpenReadOnly(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	log, err := st.AuditLog(ctx, plan.ClientID)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	exports := 0
	for _, e := range log {
		if e.Action == data.AuditExport && e.Entity == data.AuditClient && e.EntityID == plan.ClientID {
			exports++
		}
	}
	if exports != 1 {
		t.Errorf("%d export lines for client %d, want 1", exports, plan.ClientID)
	}
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"pdf", "progress", client, "--plan", strconv.FormatInt(other, 10), "-o", filepath.Join(dir, "a.pdf")}, "belongs to another client"},
		{[]string{"pdf", "progress", client, "--plan", "999999", "-o", filepath.Join(dir, "b.pdf")}, "there is no care plan with id 999999"},
		{[]string{"pdf", "progress", "999999", "-o", filepath.Join(dir, "c.pdf")}, "there is no client with id 999999"},
	} {
		code, _, errOut := runCLI(t, append([]string{"--db", db}, c.args...)...)
		if code != exitFail || !strings.Contains(errOut, c.msg) {
			t.Errorf("%v: %d %q, want %q", c.args, code, errOut, c.msg)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %d files, want only progress.pdf", len(entries))
	}
}
