package main

import (
	"os"
	"strings"
	"testing"
)

// list plans prints id, client, condition and status; list handouts id and
// title; both tab-separated, read only (no -wal or -shm appears).
func TestListPlansAndHandouts(t *testing.T) {
	db := demoDB(t)
	code, out, errOut := runCLI(t, "--db", db, "list", "plans")
	if code != exitOK {
		t.Fatalf("list plans: %d %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) < 20 {
		t.Fatalf("%d plans in the sample", len(lines))
	}
	statuses := map[string]bool{}
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 4 || f[0] == "" || f[1] == "" || f[2] == "" {
			t.Fatalf("line %q", l)
		}
		statuses[f[3]] = true
	}
	for _, s := range []string{"active", "completed", "discontinued"} {
		if !statuses[s] {
			t.Errorf("no %s plan in %v", s, statuses)
		}
	}
	code, out, errOut = runCLI(t, "--db", db, "list", "handouts")
	if code != exitOK || out == "" {
		t.Fatalf("list handouts: %d %q %s", code, out, errOut)
	}
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if f := strings.Split(l, "\t"); len(f) != 2 || f[1] == "" {
			t.Errorf("line %q", l)
		}
	}
	if code, _, errOut := runCLI(t, "--db", db, "list", "plan"); code == exitOK || !strings.Contains(errOut, "list plans") {
		t.Errorf("list plan: %d %s", code, errOut)
	}
	for _, side := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(db + side); err == nil {
			t.Errorf("%s left beside the file", side)
		}
	}
}
