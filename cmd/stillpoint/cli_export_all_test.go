package main

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stillpoint/stillpoint/data"
)

// smallPractice is a practice file with one client and one signed note.
func smallPractice(t *testing.T) (string, int64) {
	t.Helper()
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "p.db")
	st, err := data.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p := data.Practice{TherapistName: "Maya Lindqvist", Currency: "CAD", TimeZone: "UTC", PaperSize: data.PaperA4}
	if err := st.SavePractice(ctx, &p); err != nil {
		t.Fatal(err)
	}
	c := &data.Client{FirstName: "Łukasz", LastName: "Nowak"}
	if err := st.CreateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	n := data.Note{ClientID: c.ID, VisitDate: data.Date{Year: 2026, Month: 3, Day: 4}, ServiceName: "Massage", Complaint: "Neck"}
	if err := st.SaveDraft(ctx, &n); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SignNote(ctx, n.ID); err != nil {
		t.Fatal(err)
	}
	return db, c.ID
}

// export all DIR makes one complete folder; export client ID DIR one zip;
// a missing folder, a bad id and an unknown client are refused plainly.
func TestExportAllAndClient(t *testing.T) {
	db, id := smallPractice(t)
	dir := t.TempDir()
	code, out, errOut := runCLI(t, "--db", db, "export", "all", dir)
	if code != exitOK || !strings.HasPrefix(out, "Wrote "+filepath.Join(dir, "Stillpoint export ")) {
		t.Fatalf("export all: %d %s%s", code, out, errOut)
	}
	folder := strings.TrimSuffix(strings.TrimPrefix(out, "Wrote "), ".\n")
	for _, f := range []string{"clients.csv", "README.txt", "notes"} {
		if _, err := os.Stat(filepath.Join(folder, f)); err != nil {
			t.Errorf("the export lacks %s: %v", f, err)
		}
	}
	code, out, errOut = runCLI(t, "--db", db, "export", "client", strconv.FormatInt(id, 10), dir)
	if code != exitOK || !strings.Contains(out, "Record of Łukasz Nowak") || !strings.Contains(out, ".zip") {
		t.Fatalf("export client: %d %s%s", code, out, errOut)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "all", filepath.Join(dir, "missing")}, "is not a folder"},
		{[]string{"export", "all"}, "name the folder"},
		{[]string{"export", "client", "x", dir}, `"x" is not an id`},
		{[]string{"export", "client", "99", dir}, "there is no client with id 99"},
	} {
		code, out, errOut := runCLI(t, append([]string{"--db", db}, c.args...)...)
		if code == exitOK || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: %d %s%s, want %q", c.args, code, out, errOut, c.want)
		}
	}
	names, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != 2 {
		t.Errorf("the folder holds %d entries, want the export and the zip", len(names))
	}
}
