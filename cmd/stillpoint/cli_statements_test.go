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

// auditCount counts a client's audit lines of one action on one entity.
func auditCount(t *testing.T, db string, clientID int64, action data.AuditAction, entity data.AuditEntity) int {
	t.Helper()
	ctx := context.Background()
	st, err := data.OpenReadOnly(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	log, err := st.AuditLog(ctx, clientID)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range log {
		if e.Action == action && e.Entity == entity {
			n++
		}
	}
	return n
}

// pdfText is a PDF's text, or skips when pdftotext is missing.
func pdfText(t *testing.T, file string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (make deps installs it); the file's checks did NOT run")
	}
	b, err := exec.Command("pdftotext", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", file, err)
	}
	return string(b)
}

// pdf receipt NUMBER writes the receipt and counts the copy with an audit
// line; the second copy says DUPLICATE; a missing number or draft is refused.
func TestPDFReceipt(t *testing.T) {
	db := demoDB(t)
	_, out, _ := runCLI(t, "--db", db, "list", "receipts")
	var number string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if f := strings.Split(l, "\t"); f[5] == "Paid" {
			number = f[0]
			break
		}
	}
	dir := t.TempDir()
	first, second := filepath.Join(dir, "r1.pdf"), filepath.Join(dir, "r2.pdf")
	for _, f := range []string{first, second} {
		if code, out, errOut := runCLI(t, "--db", db, "pdf", "receipt", number, "-o", f); code != exitOK || !strings.Contains(out, "Wrote "+f) {
			t.Fatalf("pdf receipt %s: %d %s%s", number, code, out, errOut)
		}
	}
	ctx := context.Background()
	st, err := data.OpenReadOnly(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	inv, err := st.InvoiceByNumber(ctx, number)
	st.Close()
	if err != nil || inv.PrintCount != 2 {
		t.Fatalf("print count %d (%v), want 2", inv.PrintCount, err)
	}
	if n := auditCount(t, db, inv.ClientID, data.AuditExport, data.AuditInvoice); n != 2 {
		t.Errorf("%d receipt exports in the audit log, want 2", n)
	}
	if one := pdfText(t, first); !strings.Contains(one, "Receipt "+number) || !strings.Contains(one, "PAID") || strings.Contains(one, "DUPLICATE") {
		t.Errorf("the first copy:\n%s", one)
	}
	if two := pdfText(t, second); !strings.Contains(two, "DUPLICATE") {
		t.Error("the second copy is not marked DUPLICATE")
	}
	missing := filepath.Join(dir, "none.pdf")
	code, _, errOut := runCLI(t, "--db", db, "pdf", "receipt", "R-999999", "-o", missing)
	if code != exitFail || !strings.Contains(errOut, "there is no receipt R-999999") {
		t.Errorf("a missing receipt: %d %q", code, errOut)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("a missing receipt left a file")
	}
	// The number in any case, with spaces around it, is the same receipt.
	loose := filepath.Join(dir, "loose.pdf")
	if code, out, errOut := runCLI(t, "--db", db, "pdf", "receipt", "  "+strings.ToLower(number)+" ", "-o", loose); code != exitOK ||
		!strings.Contains(out, "Wrote "+loose) {
		t.Errorf("pdf receipt %q: %d %s%s", strings.ToLower(number), code, out, errOut)
	}
	// The digits alone ("9305" for R-009305) name it too.
	digits := strings.TrimLeft(number[strings.LastIndex(number, "-")+1:], "0")
	bare := filepath.Join(dir, "bare.pdf")
	if code, out, errOut := runCLI(t, "--db", db, "pdf", "receipt", digits, "-o", bare); code != exitOK ||
		!strings.Contains(out, "Wrote "+bare) || !strings.Contains(pdfText(t, bare), "Receipt "+number) {
		t.Errorf("pdf receipt %q: %d %s%s", digits, code, out, errOut)
	}
	if code, _, errOut := runCLI(t, "--db", db, "pdf", "receipt", "-o", missing); code != exitUsage || !strings.Contains(errOut, "NUMBER") {
		t.Errorf("no number: %d %q", code, errOut)
	}
}

// pdf statement CLIENT-ID YEAR and statements YEAR --out DIR write the
// year-end statements and record each export; bad words are usage errors.
func TestStatementsCommands(t *testing.T) {
	db := demoDB(t)
	ctx := context.Background()
	st, err := data.OpenReadOnly(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	today, err := st.Today(ctx)
	if err != nil {
		t.Fatal(err)
	}
	year := today.Year - 1
	ids, err := st.StatementClients(ctx, year)
	st.Close()
	if err != nil || len(ids) == 0 {
		t.Fatalf("no statements in %d (%v)", year, err)
	}
	y, id := strconv.Itoa(year), strconv.FormatInt(ids[0], 10)
	file := filepath.Join(t.TempDir(), "s.pdf")
	if code, out, errOut := runCLI(t, "--db", db, "pdf", "statement", id, y, "-o", file); code != exitOK {
		t.Fatalf("pdf statement: %d %s%s", code, out, errOut)
	}
	if text := pdfText(t, file); !strings.Contains(text, "Year-end statement "+y) || !strings.Contains(text, "Total paid") {
		t.Errorf("the statement:\n%s", text)
	}
	dir := filepath.Join(t.TempDir(), "statements")
	code, out, errOut := runCLI(t, "--db", db, "statements", y, "--out", dir)
	// stderr is not a terminal here: no progress redrawn with "\r", only
	// the one line at the end.
	if code != exitOK || !strings.Contains(out, "Wrote "+strconv.Itoa(len(ids))+" statements for "+y) ||
		strings.Contains(errOut, "\r") || strings.Contains(errOut, "Writing statements") {
		t.Fatalf("statements: %d %s%s", code, out, errOut)
	}
	es, _ := os.ReadDir(dir)
	if len(es) != len(ids) {
		t.Errorf("%d files for %d clients", len(es), len(ids))
	}
	if n := auditCount(t, db, ids[0], data.AuditExport, data.AuditClient); n != 2 {
		t.Errorf("%d statement exports for client %d, want 2", n, ids[0])
	}
	for _, bad := range [][]string{{"pdf", "statement", "x", y, "-o", file}, {"pdf", "statement", id, "20x5", "-o", file},
		{"statements", "--out", dir}, {"statements", "1492", "--out", dir}, {"statements", y}} {
		if code, _, errOut := runCLI(t, append([]string{"--db", db}, bad...)...); code != exitUsage {
			t.Errorf("%v: %d %q, want a usage error", bad, code, errOut)
		}
	}
	// A year without paid visits says so plainly and leaves no empty folder.
	empty := filepath.Join(t.TempDir(), "none")
	if code, out, errOut := runCLI(t, "--db", db, "statements", "1999", "--out", empty); code != exitOK ||
		strings.TrimSpace(out) != "No paid visits in 1999: no statements written." {
		t.Errorf("statements 1999: %d %q %q", code, out, errOut)
	}
	if _, err := os.Stat(empty); !os.IsNotExist(err) {
		t.Errorf("statements 1999 made the folder %s (%v)", empty, err)
	}
	if code, _, errOut := runCLI(t, "--db", db, "pdf", "statement", id, "1990", "-o", file); code != exitFail || !strings.Contains(errOut, "no paid visits") {
		t.Errorf("a year without visits: %d %q", code, errOut)
	}
}
