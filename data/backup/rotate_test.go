package backup

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"
)

// expectedKeep computes the backups DefaultPolicy keeps another way: group
// every backup by day, ISO week and month, take the newest of each group,
// and keep the groups that are among the 7, 4 and 12 most recent.
func expectedKeep(times []time.Time) map[string]bool {
	keep := map[string]bool{}
	pick := func(n int, key func(time.Time) string) {
		newest := map[string]time.Time{}
		for _, t := range times {
			k := key(t)
			if cur, ok := newest[k]; !ok || t.After(cur) {
				newest[k] = t
			}
		}
		var groups []time.Time
		for _, t := range newest {
			groups = append(groups, t)
		}
		sort.Slice(groups, func(i, j int) bool { return groups[i].After(groups[j]) })
		for i := 0; i < n && i < len(groups); i++ {
			keep[FileName(groups[i], false, 0)] = true
		}
	}
	pick(7, func(t time.Time) string { return t.Format("2006-01-02") })
	pick(4, func(t time.Time) string { y, w := t.ISOWeek(); return fmt.Sprint(y, w) })
	pick(12, func(t time.Time) string { return t.Format("2006-01") })
	return keep
}

// TestRotationOverTwoYearsOfDailyBackups makes a backup file every day for
// two years (a fake clock, at 18:05 local time in Auckland), rotating after
// each as the app does, and checks exactly which files survive.
func TestRotationOverTwoYearsOfDailyBackups(t *testing.T) {
	loc, err := time.LoadLocation("Pacific/Auckland")
	if err != nil {
		t.Fatal(err)
	}
	folder := t.TempDir()
	start := time.Date(2025, 1, 1, 18, 5, 0, 0, loc)
	var times []time.Time
	for d := 0; d < 730; d++ {
		now := start.AddDate(0, 0, d)
		times = append(times, now)
		if err := os.WriteFile(filepath.Join(folder, FileName(now, false, 0)), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := Rotate(nil, folder, DefaultPrefix, loc, DefaultPolicy); err != nil {
			t.Fatal(err)
		}
	}
	want := expectedKeep(times)
	got := map[string]bool{}
	for _, n := range names(t, folder) {
		got[n] = true
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("kept %d files:\n%v\nwant %d:\n%v", len(got), names(t, folder), len(want), want)
	}
	last := start.AddDate(0, 0, 729) // 2026-12-31, a Thursday
	for d := 0; d < 7; d++ {
		if !got[FileName(last.AddDate(0, 0, -d), false, 0)] {
			t.Errorf("the daily backup of %s is gone", last.AddDate(0, 0, -d).Format("2006-01-02"))
		}
	}
	// The newest of each of the last 12 months: the last day of each month
	// from January to November 2026, and today for December.
	for m := 1; m <= 11; m++ {
		end := time.Date(2026, time.Month(m)+1, 1, 18, 5, 0, 0, loc).AddDate(0, 0, -1)
		if !got[FileName(end, false, 0)] {
			t.Errorf("the monthly backup of %s is gone", end.Format("2006-01"))
		}
	}
	// Weekly: the Sundays ending the three weeks before this one (this
	// week's newest is today's).
	for w := 1; w <= 3; w++ {
		sunday := time.Date(2026, 12, 27, 18, 5, 0, 0, loc).AddDate(0, 0, -7*(w-1))
		if !got[FileName(sunday, false, 0)] {
			t.Errorf("the weekly backup of %s is gone", sunday.Format("2006-01-02"))
		}
	}
	if len(got) > 7+4+12 || len(got) < 12 {
		t.Errorf("kept %d files", len(got))
	}
	// Twelve months counting this one: January to December 2026. Nothing
	// of 2025 survives.
	for n := range got {
		if e, _ := ParseName(n, loc); e.Time.Year() < 2026 {
			t.Errorf("%s (2025, a 13th month back) is still there", n)
		}
	}
}

func TestRotationCountsPeriodsThatHaveBackupsAndKeepsOtherFiles(t *testing.T) {
	folder := t.TempDir()
	loc := time.UTC
	// Ten days of backups, then the laptop stays off for three months.
	var times []time.Time
	for d := 0; d < 10; d++ {
		times = append(times, time.Date(2026, 1, 1+d, 12, 0, 0, 0, loc))
	}
	times = append(times, time.Date(2026, 4, 20, 12, 0, 0, 0, loc))
	for _, tm := range times {
		os.WriteFile(filepath.Join(folder, FileName(tm, false, 0)), nil, 0o600) //nolint:errcheck // checked by names
	}
	os.WriteFile(filepath.Join(folder, "notes.txt"), nil, 0o600)                     //nolint:errcheck // checked by names
	os.WriteFile(filepath.Join(folder, "stillpoint-2026-13-01-0000.db"), nil, 0o600) //nolint:errcheck // not a date
	if _, err := Rotate(nil, folder, DefaultPrefix, loc, DefaultPolicy); err != nil {
		t.Fatal(err)
	}
	got := names(t, folder)
	// 7 daily: April 20 and January 4–10; weekly adds nothing new beyond
	// those; nothing older than January 4 survives except as a week's or
	// month's newest (January 4 is a Sunday: the newest of its week).
	want := []string{"notes.txt", "stillpoint-2026-01-04-1200+0000.db", "stillpoint-2026-01-05-1200+0000.db",
		"stillpoint-2026-01-06-1200+0000.db", "stillpoint-2026-01-07-1200+0000.db", "stillpoint-2026-01-08-1200+0000.db",
		"stillpoint-2026-01-09-1200+0000.db", "stillpoint-2026-01-10-1200+0000.db", "stillpoint-2026-04-20-1200+0000.db",
		"stillpoint-2026-13-01-0000.db"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}

func TestNamesRoundTrip(t *testing.T) {
	loc, _ := time.LoadLocation("Europe/Paris")
	tm := time.Date(2026, 11, 30, 9, 42, 0, 0, loc)
	for _, c := range []struct {
		enc  bool
		seq  int
		name string
	}{{false, 0, "stillpoint-2026-11-30-0942+0100.db"}, {true, 0, "stillpoint-2026-11-30-0942+0100.db.age"},
		{false, 2, "stillpoint-2026-11-30-0942+0100-2.db"}} {
		if got := FileName(tm, c.enc, c.seq); got != c.name {
			t.Errorf("FileName = %q, want %q", got, c.name)
		}
		e, ok := ParseName(c.name, loc)
		if !ok || !e.Time.Equal(tm) || e.Encrypted != c.enc || e.Seq != c.seq {
			t.Errorf("ParseName(%q) = %+v, %v", c.name, e, ok)
		}
	}
	for _, old := range []string{"stillpoint-2026-11-30-0942.db", "stillpoint-2026-11-30-0942-2.db.age"} {
		if e, ok := ParseName(old, loc); !ok || !e.Time.Equal(tm) {
			t.Errorf("ParseName(%q) of a name without its offset = %+v, %v", old, e, ok)
		}
	}
	for _, bad := range []string{"stillpoint-2026-02-30-0900.db", "stillpoint-2026-11-30-2460.db", "x.db", ".stillpoint-partial-stillpoint-2026-11-30-0942.db",
		"stillpoint-2026-11-30-0942+1600.db", "stillpoint-2026-11-30-0942+0100x.db"} {
		if _, ok := ParseName(bad, loc); ok {
			t.Errorf("ParseName(%q) accepted", bad)
		}
	}
}
