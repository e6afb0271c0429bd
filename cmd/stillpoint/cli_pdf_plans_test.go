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

// pdf careplan ID -o FILE [--with-handouts] writes the plan (and its
// handouts) and records the export on the client's audit history; pdf
// handout ID -o FILE writes a handout; wrong ids and flags are refused
// without a file.
func TestPDFCarePlanAndHandout(t *testing.T) {
	db := demoDB(t)
	code, out, errOut := runCLI(t, "--db", db, "list", "plans")
	if code != exitOK || out == "" {
		t.Fatalf("list plans: %d %s", code, errOut)
	}
	plan := strings.Split(strings.Split(strings.TrimSpace(out), "\n")[0], "\t")
	code, out, errOut = runCLI(t, "--db", db, "list", "handouts")
	if code != exitOK || out == "" {
		t.Fatalf("list handouts: %d %s", code, errOut)
	}
	handout := strings.Split(strings.Split(strings.TrimSpace(out), "\n")[0], "\t")

	dir := t.TempDir()
	planFile, withFile, handoutFile := filepath.Join(dir, "plan.pdf"), filepath.Join(dir, "with.pdf"), filepath.Join(dir, "handout.pdf")
	for _, args := range [][]string{
		{"pdf", "careplan", plan[0], "-o", planFile},
		{"pdf", "careplan", plan[0], "-o", withFile, "--with-handouts"},
		{"pdf", "handout", handout[0], "-o", handoutFile},
	} {
		if code, out, errOut := runCLI(t, append([]string{"--db", db}, args...)...); code != exitOK || !strings.Contains(out, "Wrote ") {
			t.Fatalf("%v: %d %s%s", args, code, out, errOut)
		}
	}

	ctx := context.Background()
	st, err := data.OpenReadOnly(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := strconv.ParseInt(plan[0], 10, 64)
	p, err := st.CarePlan(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	log, err := st.AuditLog(ctx, p.ClientID)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, e := range log {
		if e.Action == data.AuditExport && strings.HasPrefix(e.Summary, "care plan "+plan[0]+" ") {
			lines = append(lines, e.Summary)
		}
	}
	if len(lines) != 2 || !strings.HasSuffix(lines[0], "and its home-care handouts") {
		t.Errorf("audit lines of the plan's exports: %q, want two (the newest with its handouts)", lines)
	}

	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"pdf", "careplan", "999999", "-o", filepath.Join(dir, "none.pdf")}, exitFail, "there is no care plan with id 999999"},
		{[]string{"pdf", "handout", "999999", "-o", filepath.Join(dir, "none.pdf")}, exitFail, "there is no handout with id 999999"},
		{[]string{"pdf", "handout", handout[0], "-o", filepath.Join(dir, "x.pdf"), "--with-handouts"}, exitUsage, "care plan only"},
		{[]string{"pdf", "careplan", plan[0]}, exitUsage, "-o FILE"},
	} {
		code, _, errOut := runCLI(t, append([]string{"--db", db}, c.args...)...)
		if code != c.code || !strings.Contains(errOut, c.msg) {
			t.Errorf("%v: %d %q, want %d and %q", c.args, code, errOut, c.code, c.msg)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Errorf("the folder holds %d files, want the 3 PDFs only", len(entries))
	}

	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Skip("qpdf is not installed (make deps installs it); the files' checks did NOT run")
	}
	pages := map[string]int{}
	for _, f := range []string{planFile, withFile, handoutFile} {
		if b, err := exec.Command("qpdf", "--check", f).CombinedOutput(); err != nil {
			t.Fatalf("qpdf --check %s: %v\n%s", f, err, b)
		}
		text, err := exec.Command("pdftotext", f, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		pages[f] = strings.Count(string(text), "\f")
		want := []string{"Care plan", strings.Fields(plan[1])[0], "Page 1 of"}
		if f == handoutFile {
			want = []string{strings.Fields(handout[1])[0], "Page 1 of"}
		}
		for _, w := range want {
			if !strings.Contains(string(text), w) {
				t.Errorf("%s lacks %q", filepath.Base(f), w)
			}
		}
	}
	if len(p.HomeCare) > 0 && pages[withFile] != pages[planFile]+len(p.HomeCare) {
		t.Errorf("with handouts: %d pages, want %d + %d", pages[withFile], pages[planFile], len(p.HomeCare))
	}
}
