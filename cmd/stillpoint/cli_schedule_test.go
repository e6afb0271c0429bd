package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apognu/gocal"
)

// list appointments prints id, start, end (RFC 3339 with the practice's
// offset), client, service and status, tab-separated, in start order; the
// export of the same dates holds the same appointments.
func TestListAndExportAppointments(t *testing.T) {
	db := demoDB(t)
	from, to := time.Now().Format("2006-01-02"), time.Now().AddDate(0, 0, 13).Format("2006-01-02")
	code, out, errOut := runCLI(t, "--db", db, "list", "appointments", "--from", from, "--to", to)
	if code != exitOK {
		t.Fatalf("list appointments: %d %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) < 20 {
		t.Fatalf("%d appointments in two weeks:\n%s", len(lines), out)
	}
	var prev time.Time
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 6 {
			t.Fatalf("line %q has %d fields", l, len(f))
		}
		start, err1 := time.Parse(time.RFC3339, f[1])
		end, err2 := time.Parse(time.RFC3339, f[2])
		if err1 != nil || err2 != nil || !end.After(start) || start.Before(prev) || f[3] == "" || f[4] == "" {
			t.Errorf("line %q", l)
		}
		if _, off := start.Zone(); off != -4*3600 && off != -5*3600 {
			t.Errorf("%s is not in Toronto's offset", f[1])
		}
		prev = start
	}
	ics := filepath.Join(t.TempDir(), "visits.ics")
	code, out, errOut = runCLI(t, "--db", db, "export", "ics", ics, "--from", from, "--to", to)
	if code != exitOK || !strings.Contains(out, "Wrote ") {
		t.Fatalf("export: %d %s%s", code, out, errOut)
	}
	f, err := os.Open(ics)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p := gocal.NewParser(f)
	start, end := time.Now().AddDate(0, 0, -2), time.Now().AddDate(0, 0, 16)
	p.Start, p.End = &start, &end
	if err := p.Parse(); err != nil {
		t.Fatal(err)
	}
	if len(p.Events) != len(lines) {
		t.Errorf("exported %d events, listed %d appointments", len(p.Events), len(lines))
	}
}

func TestScheduleCommandsRefuseBadInput(t *testing.T) {
	db := demoDB(t)
	for _, args := range [][]string{
		{"list", "appointments", "--from", "tomorrow"},
		{"list", "appointments", "--from", "2026-03-10", "--to", "2026-03-01"},
		{"list", "appointments", "--archived"},
		{"list", "clients", "--from", "2026-03-01"},
		{"export", "ics"},
		{"export", "pdf", "x.pdf"},
	} {
		code, _, errOut := runCLI(t, append([]string{"--db", db}, args...)...)
		if code != exitUsage || errOut == "" {
			t.Errorf("%v: %d %q, want a usage error", args, code, errOut)
		}
	}
	code, _, errOut := runCLI(t, "--db", db, "export", "ics", filepath.Join(t.TempDir(), "no", "such", "x.ics"))
	if code != exitFail || !strings.Contains(errOut, "cannot write") {
		t.Errorf("export to a missing folder: %d %q", code, errOut)
	}
}
