package backup

import (
	"strings"
	"testing"
	"time"
)

// A backup made on purpose (Back up now, the backup command) is not
// replaced by the next scheduled backup of the same day: rotation keeps the
// newest five made on purpose, whatever their day, and only then lets the
// oldest go.
func TestBackupsMadeOnPurposeOutliveTheDailyRotation(t *testing.T) {
	ctx, st, c := samplePractice(t)
	folder := t.TempDir()
	start := c.now()
	var manual []string
	for i := range 6 {
		c.set(start.Add(time.Duration(i) * time.Hour))
		res, err := Run(ctx, st, RunOptions{Folder: folder, Manual: true})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(res.Name, "-manual-") || !res.Manual {
			t.Fatalf("a backup made on purpose is named %s", res.Name)
		}
		manual = append(manual, res.Name)
		// The scheduled backup a minute later (on quit) removes none made on purpose.
		c.set(c.now().Add(time.Minute))
		auto, err := Run(ctx, st, RunOptions{Folder: folder})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range auto.Removed {
			if strings.Contains(r, "-manual-") && i < 5 {
				t.Errorf("after %d backups made on purpose, the scheduled one removed %s", i+1, r)
			}
		}
	}
	got := strings.Join(names(t, folder), " ")
	for i, m := range manual {
		if kept := strings.Contains(got, m); kept != (i > 0) {
			t.Errorf("backup made on purpose #%d (%s) kept=%v; folder: %s", i+1, m, kept, got)
		}
	}
}
