package backup

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// fallBack is America/Toronto's repeated hour on 2026-11-01: the clocks go
// back from 02:00 EDT to 01:00 EST, so 01:00–01:59 happens twice.
func fallBack(t *testing.T) (loc *time.Location, edt, est func(h, m int) time.Time) {
	t.Helper()
	loc, err := time.LoadLocation("America/Toronto")
	if err != nil {
		t.Fatal(err)
	}
	edt = func(h, m int) time.Time { return time.Date(2026, 11, 1, h+4, m, 0, 0, time.UTC).In(loc) }
	est = func(h, m int) time.Time { return time.Date(2026, 11, 1, h+5, m, 0, 0, time.UTC).In(loc) }
	if a, b := edt(1, 30), est(1, 30); a.Format("15:04") != "01:30" || b.Format("15:04") != "01:30" || !b.After(a) {
		t.Fatalf("not a repeated hour: %v %v", a, b)
	}
	return loc, edt, est
}

// In the hour a clock goes back, backups made at 01:30 the first time, at
// 01:50 the first time, at 01:10 the second time and at 01:30 the second
// time each get their own name and list in the order they were made
// (newest first), though the wall clock went 01:30, 01:50, 01:10, 01:30.
func TestBackupsOfTheRepeatedHourSortByTheRealInstant(t *testing.T) {
	loc, edt, est := fallBack(t)
	folder := t.TempDir()
	made := []time.Time{edt(1, 30), edt(1, 50), est(1, 10), est(1, 30)}
	var names []string
	for _, at := range made {
		name := NameFor("p", at, false, 0, false)
		if slices.Contains(names, name) {
			t.Fatalf("two backups of the repeated hour share the name %s", name)
		}
		names = append(names, name)
		if err := os.WriteFile(filepath.Join(folder, name), nil, 0o600); err != nil {
			t.Fatal(err)
		}
		// A file time that says the opposite: the order must come from the name.
		if err := os.Chtimes(filepath.Join(folder, name), time.Time{}, made[0].Add(-time.Duration(len(names))*time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
	es, err := List(folder, "p.db", loc)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i, e := range es {
		got = append(got, e.Name)
		if want := made[len(made)-1-i]; !e.Time.Equal(want) {
			t.Errorf("%s reads as %v, want %v", e.Name, e.Time, want)
		}
	}
	slices.Reverse(names)
	if !slices.Equal(got, names) {
		t.Errorf("newest first:\n got  %v\n want %v", got, names)
	}
}

// Names written before the offset was part of them still read, and in the
// repeated hour the file's time decides which of the two 01:xx it was.
func TestOlderNamesOfTheRepeatedHourStillSortRight(t *testing.T) {
	loc, edt, est := fallBack(t)
	folder := t.TempDir()
	for name, at := range map[string]time.Time{
		"p-2026-11-01-0150.db": edt(1, 50), // the first 01:50
		"p-2026-11-01-0110.db": est(1, 10), // the second 01:10, made 20 minutes later
		"p-2026-10-31-2200.db": time.Date(2026, 10, 31, 22, 0, 0, 0, loc),
	} {
		path := filepath.Join(folder, name)
		if err := os.WriteFile(path, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(path, time.Time{}, at.Add(20*time.Second)); err != nil {
			t.Fatal(err)
		}
	}
	es, err := List(folder, "p.db", loc)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range es {
		got = append(got, e.Name)
	}
	if want := []string{"p-2026-11-01-0110.db", "p-2026-11-01-0150.db", "p-2026-10-31-2200.db"}; !slices.Equal(got, want) {
		t.Errorf("newest first: %v, want %v", got, want)
	}
	if !es[0].Time.Equal(est(1, 10)) {
		t.Errorf("%s reads as %v, want the second 01:10 (EST)", es[0].Name, es[0].Time)
	}
}
