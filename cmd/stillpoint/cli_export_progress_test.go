package main

import (
	"strings"
	"testing"
	"time"

	"github.com/stillpoint/stillpoint/data/export"
)

// export all says first what it will write, then how many PDFs are written,
// on stderr even when stderr is not a terminal (a line now and then).
func TestExportAllShowsWhatAndProgress(t *testing.T) {
	db, _ := smallPractice(t)
	dir := t.TempDir()
	code, out, errOut := runCLI(t, "--db", db, "export", "all", dir)
	if code != exitOK {
		t.Fatalf("export all: %d %s%s", code, out, errOut)
	}
	if !strings.Contains(errOut, "Exporting into "+dir+": ") || !strings.Contains(errOut, "CSV files and 1 treatment note PDF, and a README.txt.") {
		t.Errorf("stderr does not say what the export writes:\n%s", errOut)
	}
	if !strings.Contains(errOut, "Writing PDFs: 1 of 1\n") || strings.Contains(errOut, "\r") {
		t.Errorf("stderr (not a terminal) lacks the PDF count line, or rewrites in place:\n%q", errOut)
	}
}

// Not on a terminal, a big export gets a line per tenth of its PDFs; on a
// terminal the count is rewritten in place, at most ten times a second.
func TestExportProgressLines(t *testing.T) {
	var b strings.Builder
	p := &exportProgress{w: &b, dir: "out", now: time.Now}
	p.report(export.Progress{Sheets: 14, PDFs: 18700, Documents: []export.DocumentCount{{Folder: "notes", Count: 9300}, {Folder: "care-plans", Count: 100}, {Folder: "receipts", Count: 9300}}})
	for i := 1; i <= 18700; i++ {
		p.report(export.Progress{Done: 14 + i, PDFs: 18700, PDFsDone: i})
	}
	got := b.String()
	if !strings.HasPrefix(got, "Exporting into out: 14 CSV files, 9,300 treatment note PDFs, 100 care plan PDFs and 9,300 receipt PDFs, and a README.txt.\n") {
		t.Errorf("first line: %q", got)
	}
	if n := strings.Count(got, "Writing PDFs: "); n != 10 || !strings.Contains(got, "Writing PDFs: 1,870 of 18,700\n") || !strings.HasSuffix(got, "Writing PDFs: 18,700 of 18,700\n") {
		t.Errorf("%d progress lines:\n%s", n, got)
	}

	b.Reset()
	clock := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	p = &exportProgress{w: &b, tty: true, dir: "out", now: func() time.Time { return clock }}
	for i := 1; i <= 50; i++ {
		clock = clock.Add(10 * time.Millisecond)
		p.report(export.Progress{Done: i, PDFs: 50, PDFsDone: i})
	}
	got = b.String()
	if n := strings.Count(got, "\r"); n < 4 || n > 7 || !strings.HasSuffix(got, "\rWriting PDFs: 50 of 50\n") {
		t.Errorf("on a terminal, %d rewrites: %q", n, got)
	}
}
