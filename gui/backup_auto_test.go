package gui

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stillpoint/stillpoint/data/backup"
)

// The daily backup is made at start for a practice with records, never
// for a new, empty one (nothing to keep yet), and not after the window
// closed.
func TestAutomaticBackupAtStart(t *testing.T) {
	backups := func(sh *shell) int {
		t.Helper()
		list, err := backup.List(backup.DefaultFolder(sh.store.Path()), sh.store.Path(), time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		return len(list)
	}
	empty := newTestShellAt(t, filepath.Join(t.TempDir(), "stillpoint.db"), false)
	empty.startAutoBackups()
	defer empty.stopAutoBackups()
	if n := backups(empty); n != 0 {
		t.Errorf("%d backups of an empty practice", n)
	}

	sh := newTestShellAt(t, filepath.Join(t.TempDir(), "stillpoint.db"), true)
	sh.startAutoBackups()
	defer sh.stopAutoBackups()
	if n := backups(sh); n != 1 {
		t.Fatalf("%d backups at the start of a set-up practice, want 1", n)
	}
	if s, err := backup.Load(context.Background(), sh.store); err != nil || s.Due(sh.store.Now()) {
		t.Errorf("still due after the backup at start: %v", err)
	}
}
