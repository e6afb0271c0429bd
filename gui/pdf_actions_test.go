package gui

import (
	"context"
	"errors"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// auditCount counts a client's audit lines of action on the record id of
// entity (a note, an invoice…).
func auditCount(t *testing.T, sh *shell, clientID int64, entity data.AuditEntity, id int64, action data.AuditAction) int {
	t.Helper()
	log, err := sh.store.AuditLog(context.Background(), clientID)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range log {
		if e.Action == action && e.Entity == entity && e.EntityID == id {
			n++
		}
	}
	return n
}

// checkPDF fails unless qpdf accepts the file and its text has want.
func checkPDF(t *testing.T, path string, want ...string) {
	t.Helper()
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Skip("qpdf is not installed (make deps installs it); the PDF checks did NOT run")
	}
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check %s: %v\n%s", path, err, out)
	}
	text, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	for _, w := range want {
		if !strings.Contains(string(text), w) {
			t.Errorf("the PDF lacks %q", w)
		}
	}
}

// Save as PDF… on a signed note writes a valid PDF where the file dialog
// points, under the suggested name's shape, and records the export.
func TestNoteViewSaveAsPDF(t *testing.T) {
	sh := newTestShell(t, true)
	c, notes := notesFixture(t, sh)
	v := sh.openNote(notes[0].ID)
	if v.pdf == nil {
		t.Fatal("a signed note has no Save as PDF… button")
	}
	path := filepath.Join(t.TempDir(), "chosen.pdf")
	if err := os.WriteFile(path, []byte("an older file to overwrite"), 0o600); err != nil {
		t.Fatal(err)
	}
	var suggested string
	v.pdf.chooseFile = func(name string, done func(string)) { suggested = name; done(path) }
	test.Tap(v.pdf.saveBtn)

	want := "Treatment note - Ingrid Søndergaard - " + notes[0].VisitDate.String() + ".pdf"
	if suggested != want {
		t.Errorf("suggested file name %q, want %q", suggested, want)
	}
	checkPDF(t, path, "Ingrid Søndergaard", "Épaule droite douloureuse", "It was the left shoulder.", "Page 1 of")
	if n := auditCount(t, sh, c.ID, data.AuditNote, notes[0].ID, data.AuditExport); n != 1 {
		t.Errorf("%d export lines in the audit log, want 1", n)
	}
	if v.pdf.saveBtn.Disabled() || v.pdf.printBtn.Disabled() {
		t.Error("the buttons stay off after saving")
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*partial")); len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}

	// Cancelling the dialog writes nothing and logs nothing.
	v.pdf.chooseFile = func(_ string, done func(string)) { done("") }
	test.Tap(v.pdf.saveBtn)
	if n := auditCount(t, sh, c.ID, data.AuditNote, notes[0].ID, data.AuditExport); n != 1 {
		t.Errorf("a cancelled save logged an export (%d lines)", n)
	}
}

// Print… writes the PDF to the print folder, records a print and opens the
// file in the system's viewer.
func TestNoteViewPrint(t *testing.T) {
	sh := newTestShell(t, true)
	c, notes := notesFixture(t, sh)
	v := sh.openNote(notes[0].ID)
	dir := t.TempDir()
	var opened *url.URL
	v.pdf.printDir = func() (string, error) { return dir, nil }
	v.pdf.openURL = func(u *url.URL) error { opened = u; return nil }
	test.Tap(v.pdf.printBtn)
	if opened == nil || opened.Scheme != "file" {
		t.Fatalf("the viewer was asked to open %v", opened)
	}
	if filepath.Dir(opened.Path) != dir {
		t.Errorf("printed to %s, want the print folder %s", opened.Path, dir)
	}
	checkPDF(t, opened.Path, "Ingrid Søndergaard")
	if n := auditCount(t, sh, c.ID, data.AuditNote, notes[0].ID, data.AuditPrint); n != 1 {
		t.Errorf("%d print lines in the audit log, want 1", n)
	}
}

// A draft has no PDF buttons: only a signed note is printed.
func TestDraftNoteHasNoPDFButtons(t *testing.T) {
	sh := newTestShell(t, true)
	_, notes := notesFixture(t, sh)
	if v := sh.openNote(notes[2].ID); v.pdf != nil {
		t.Error("a draft offers Save as PDF…")
	}
}

// When the audit line cannot be written, no file appears.
func TestSaveLoggedNeedsTheAuditLine(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.pdf")
	if err := saveLogged(path, []byte("%PDF-1.4"), func() error { return errors.New("disk full") }); err == nil {
		t.Fatal("saveLogged succeeded without its audit line")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files left: %v", entries)
	}
	if err := saveLogged(path, []byte("%PDF-1.4"), func() error { return nil }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "%PDF-1.4" {
		t.Errorf("the file holds %q", b)
	}
}

// Old printed copies are removed from the print folder, recent ones kept.
func TestSweepPrints(t *testing.T) {
	dir := t.TempDir()
	old, recent := filepath.Join(dir, "old.pdf"), filepath.Join(dir, "recent.pdf")
	for _, p := range []string{old, recent} {
		if err := os.WriteFile(p, nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	past := time.Now().Add(-48 * time.Hour)
	if err := os.Chtimes(old, past, past); err != nil {
		t.Fatal(err)
	}
	sweepPrints(dir, time.Now().Add(-printAge))
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Error("a two-day-old printed copy was kept")
	}
	if _, err := os.Stat(recent); err != nil {
		t.Error("a fresh printed copy was removed")
	}
}
