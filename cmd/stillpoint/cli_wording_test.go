package main

import (
	"bytes"
	"crypto/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	sqlite3 "github.com/mattn/go-sqlite3"

	"github.com/stillpoint/stillpoint/data"
)

// Defect: --db ' ' said "no database at " with nothing after it.
func TestBlankDBIsAUsageError(t *testing.T) {
	for _, args := range [][]string{{"--db", "  ", "check"}, {"--db", " ", "list", "clients"}} {
		code, _, errOut := runCLI(t, args...)
		if code != exitUsage || !strings.Contains(errOut, "--db needs a file name") {
			t.Errorf("%q: %d %q", args, code, errOut)
		}
	}
}

// Defect: "no database at x.db": the missing file is named by its full path.
func TestMissingFileIsNamedInFull(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	code, _, errOut := runCLI(t, "--db", "x.db", "check")
	want := "no practice file at " + filepath.Join(dir, "x.db")
	if code != exitFail || !strings.Contains(errOut, want) {
		t.Errorf("%d %q, want %q", code, errOut, want)
	}
}

// Defect: "flag needs an argument: -search" showed one dash.
func TestFlagErrorsShowTwoDashes(t *testing.T) {
	_, _, errOut := runCLI(t, "--db", "x.db", "list", "clients", "--search")
	if !strings.Contains(errOut, "flag needs an argument: --search") {
		t.Errorf("stderr %q", errOut)
	}
	_, _, errOut = runCLI(t, "demo", "--bogus")
	if !strings.Contains(errOut, "not defined: --bogus") {
		t.Errorf("stderr %q", errOut)
	}
}

// Defect: a full disk during demo said "the change was not saved", and a
// second command was told to switch to a window.
func TestDemoFailureWording(t *testing.T) {
	var out, errOut bytes.Buffer
	e := &env{stdout: &out, stderr: &errOut}
	e.demoFailed("/p/s.db", sqlite3.Error{Code: sqlite3.ErrFull})
	if msg := errOut.String(); !strings.Contains(msg, "sample practice was not made and nothing was kept") {
		t.Errorf("disk full: %q", msg)
	}
	errOut.Reset()
	e.demoFailed("/p/s.db", data.ErrInUse)
	if msg := errOut.String(); !strings.Contains(msg, "another Stillpoint program is using this practice file (the app or a command)") ||
		strings.Contains(msg, "window") {
		t.Errorf("in use: %q", msg)
	}
}

// Defect: damage inside a page lost quick_check's findings; check must show
// them and exit 1.
func TestCheckShowsDamageFindings(t *testing.T) {
	good := demoDB(t)
	path := filepath.Join(t.TempDir(), "d.db")
	body, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	if len(body) < 21*4096 {
		t.Fatalf("demo file too small: %d bytes", len(body))
	}
	rand.Read(body[20*4096 : 21*4096])
	if err := os.WriteFile(path, body, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "--db", path, "check")
	if code != exitFail || !strings.Contains(out, "quick_check: ") || strings.Contains(out, "quick_check: ok") ||
		!strings.Contains(errOut, "damaged") {
		t.Errorf("%d\n%s\n%s", code, out, errOut)
	}
	assertOnlyFile(t, path)
}
