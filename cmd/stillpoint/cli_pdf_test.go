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

// pdf note ID -o FILE writes a PDF that qpdf accepts, holding the client's
// name, and records the export in the audit log; a draft, an unknown id and
// a missing -o are refused without a file.
func TestPDFNote(t *testing.T) {
	db := demoDB(t)
	code, out, errOut := runCLI(t, "--db", db, "list", "notes")
	if code != exitOK {
		t.Fatalf("list notes: %d %s", code, errOut)
	}
	var signed, draft, client string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		f := strings.Split(l, "\t")
		if f[3] == "signed" && f[4] == "yes" && signed == "" {
			signed, client = f[0], f[1]
		}
		if f[3] == "draft" && draft == "" {
			draft = f[0]
		}
	}
	if signed == "" || draft == "" {
		t.Fatalf("the sample has no amended signed note or no draft")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "note.pdf")
	code, out, errOut = runCLI(t, "--db", db, "pdf", "note", signed, "-o", file)
	if code != exitOK || !strings.Contains(out, "Wrote "+file) {
		t.Fatalf("pdf note %s: %d %s%s", signed, code, out, errOut)
	}
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Skip("qpdf is not installed (make deps installs it); the file's checks did NOT run")
	}
	if b, err := exec.Command("qpdf", "--check", file).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, b)
	}
	text, err := exec.Command("pdftotext", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	for _, w := range []string{"Treatment note", "Amendment 1", "Page 1 of"} {
		if !strings.Contains(string(text), w) {
			t.Errorf("the PDF lacks %q", w)
		}
	}
	// The list shows the display name; the PDF the formal one: both
	// start with the first name.
	if first := strings.Fields(client)[0]; !strings.Contains(string(text), first) {
		t.Errorf("the PDF lacks the client %q", client)
	}

	ctx := context.Background()
	st, err := data.OpenReadOnly(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := strconv.ParseInt(signed, 10, 64)
	n, err := st.Note(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	log, err := st.AuditLog(ctx, n.ClientID)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	exports := 0
	for _, e := range log {
		if e.Action == data.AuditExport && e.Entity == data.AuditNote && e.EntityID == id {
			exports++
		}
	}
	if exports != 1 {
		t.Errorf("%d export lines for note %d in the audit log, want 1", exports, id)
	}

	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"pdf", "note", draft, "-o", filepath.Join(dir, "draft.pdf")}, exitFail, "is a draft"},
		{[]string{"pdf", "note", "999999", "-o", filepath.Join(dir, "none.pdf")}, exitFail, "there is no note with id 999999"},
		{[]string{"pdf", "note", signed}, exitUsage, "-o FILE"},
		{[]string{"pdf", "note", "x", "-o", file}, exitUsage, "is not an id"},
		{[]string{"pdf", "invoice", "1", "-o", file}, exitUsage, "unknown document"},
	} {
		code, _, errOut := runCLI(t, append([]string{"--db", db}, c.args...)...)
		if code != c.code || !strings.Contains(errOut, c.msg) {
			t.Errorf("%v: %d %q, want %d and %q", c.args, code, errOut, c.code, c.msg)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the folder holds %d files, want only note.pdf (no partial or refused files)", len(entries))
	}
}
