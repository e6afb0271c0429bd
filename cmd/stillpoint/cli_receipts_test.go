package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// list receipts prints number, date, client, total, paid and status,
// tab-separated, oldest first, and leaves the file untouched.
func TestListReceipts(t *testing.T) {
	db := demoDB(t)
	code, out, errOut := runCLI(t, "--db", db, "list", "receipts")
	if code != exitOK {
		t.Fatalf("list receipts: %d %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) < 1000 {
		t.Fatalf("%d receipts in a two-year sample", len(lines))
	}
	number := regexp.MustCompile(`^R-\d{6}$`)
	amount := regexp.MustCompile(`^\d+\.\d\d$`)
	states := map[string]int{}
	for i, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 6 || !number.MatchString(f[0]) || len(f[1]) != 10 || f[2] == "" || !amount.MatchString(f[3]) || !amount.MatchString(f[4]) {
			t.Fatalf("line %q", l)
		}
		if i == 0 && f[0] != "R-000001" {
			t.Errorf("first line %q, want R-000001 first", l)
		}
		states[f[5]]++
	}
	for _, s := range []string{"Paid", "Unpaid", "Partly paid", "Void"} {
		if states[s] == 0 {
			t.Errorf("no %q receipt: %v", s, states)
		}
	}
	for _, side := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(db + side); err == nil {
			t.Errorf("list receipts left %s beside the file", side)
		}
	}
	code, _, errOut = runCLI(t, "--db", db, "list", "receipt")
	if code != exitUsage || !strings.Contains(errOut, "list receipts") {
		t.Errorf("a wrong noun: %d %q", code, errOut)
	}
}
