package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// -o without a file names the flag as typed (one dash); -o a folder says
// to give a file name.
func TestPDFOutputMistakes(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	code, _, errOut := runCLI(t, "--db", db, "pdf", "handout", "1", "-o")
	if code != exitUsage || strings.Contains(errOut, "--o") || !strings.Contains(errOut, "-o") {
		t.Errorf("-o with no file: %d %q", code, errOut)
	}
	code, _, errOut = runCLI(t, "--db", db, "pdf", "handout", "1", "-o", dir)
	if code != exitUsage || !strings.Contains(errOut, "is a folder; give a file name") {
		t.Errorf("-o a folder: %d %q", code, errOut)
	}
}

// A partial file an interrupted run left (kill -9) is swept once it is an
// hour old; a fresh one (a write under way) and other files stay.
func TestPDFSweepsStalePartials(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "note.pdf")
	old, fresh := filepath.Join(dir, ".note.pdf.123.partial"), filepath.Join(dir, ".note.pdf.456.partial")
	other := filepath.Join(dir, ".other.pdf.789.partial")
	for _, f := range []string{old, fresh, other} {
		if err := os.WriteFile(f, nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	past := time.Now().Add(-2 * time.Hour)
	for _, f := range []string{old, other} {
		if err := os.Chtimes(f, past, past); err != nil {
			t.Fatal(err)
		}
	}
	err := writeLogged(out, func(w io.Writer) error { _, err := w.Write([]byte("%PDF-1.4")); return err },
		func() error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Error("the stale partial file was left")
	}
	for _, f := range []string{fresh, other, out} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
		}
	}
}

// list handouts is sorted by title.
func TestListHandoutsByTitle(t *testing.T) {
	db := demoDB(t)
	code, out, errOut := runCLI(t, "--db", db, "list", "handouts")
	if code != exitOK {
		t.Fatalf("%d %s", code, errOut)
	}
	var titles []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		titles = append(titles, strings.ToLower(strings.Split(l, "\t")[1]))
	}
	for i := 1; i < len(titles); i++ {
		if titles[i-1] > titles[i] {
			t.Errorf("%q before %q", titles[i-1], titles[i])
		}
	}
}
