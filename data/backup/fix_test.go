package backup

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

func TestTheCopyMadeBeforeARestoreIsNeverRotatedAway(t *testing.T) {
	ctx, st, c := samplePractice(t)
	folder := filepath.Join(t.TempDir(), "backups")
	if err := SetFolder(ctx, st, folder); err != nil {
		t.Fatal(err)
	}
	first, err := Run(ctx, st, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c.set(c.now().Add(time.Hour))
	out, err := Restore(ctx, st, first.Path, "", RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ns := out.Store
	t.Cleanup(func() { ns.Close() })
	if !out.Before.BeforeRestore || !strings.Contains(out.Before.Name, "-before-restore-") {
		t.Fatalf("the copy made before the restore is named %q", out.Before.Name)
	}
	// Backups on the following days, with a policy keeping only the newest.
	for d := 1; d <= 3; d++ {
		c.set(c.now().Add(24 * time.Hour))
		if _, err := Make(ctx, ns, Options{Folder: folder, Keep: Policy{Daily: 1}}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(out.Before.Path); err != nil {
		t.Fatalf("the copy the restore promised to keep is gone: %v", err)
	}
	loc, _ := ns.Location(ctx)
	es, err := List(folder, ns.Path(), loc)
	if err != nil {
		t.Fatal(err)
	}
	var marked, plain int
	for _, e := range es {
		if e.BeforeRestore {
			marked++
		} else {
			plain++
		}
	}
	if marked != 1 || plain != 1 {
		t.Errorf("listed %d before-restore and %d other backups, want 1 and 1: %+v", marked, plain, es)
	}
}

func TestPracticesSharingAFolderKeepTheirOwnBackups(t *testing.T) {
	dir := t.TempDir()
	if DefaultFolder(filepath.Join(dir, "clinic.db")) == DefaultFolder(filepath.Join(dir, "stillpoint.db")) {
		t.Error("two practices in one folder share one default backup folder")
	}
	if got := DefaultFolder(filepath.Join(dir, "clinic.db")); got != filepath.Join(dir, "clinic backups") {
		t.Errorf("default folder of clinic.db: %s", got)
	}
	folder := filepath.Join(dir, "shared")
	os.MkdirAll(folder, 0o700) //nolint:errcheck // the writes below fail otherwise
	start := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	for d := range 5 {
		for _, p := range []string{"stillpoint", "clinic"} {
			name := NameFor(p, start.AddDate(0, 0, d), false, 0, false)
			if err := os.WriteFile(filepath.Join(folder, name), []byte("x"), 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
	removed, err := Rotate(nil, folder, "clinic", time.UTC, Policy{Daily: 2})
	if err != nil || len(removed) != 3 {
		t.Fatalf("removed %v, %v", removed, err)
	}
	for _, n := range removed {
		if !strings.HasPrefix(n, "clinic-") {
			t.Errorf("rotating clinic removed %s", n)
		}
	}
	mine, _ := List(folder, filepath.Join(dir, "stillpoint.db"), time.UTC)
	theirs, _ := List(folder, filepath.Join(dir, "clinic.db"), time.UTC)
	if len(mine) != 5 || len(theirs) != 2 {
		t.Errorf("listed %d backups of stillpoint.db (want 5) and %d of clinic.db (want 2)", len(mine), len(theirs))
	}
}

func TestNewestFirstFollowsTheRealTimeNotTheName(t *testing.T) {
	loc, err := time.LoadLocation("America/Toronto")
	if err != nil {
		t.Fatal(err)
	}
	folder := t.TempDir()
	// 2026-12-31 23:59 sorts after 2027-01-01 by name once a seq is added…
	a := NameFor("p", time.Date(2026, 12, 31, 23, 59, 0, 0, loc), false, 12, false)
	b := NameFor("p", time.Date(2027, 1, 1, 0, 0, 0, 0, loc), false, 0, false)
	for _, n := range []string{a, b} {
		os.WriteFile(filepath.Join(folder, n), nil, 0o600) //nolint:errcheck // listed below
	}
	es, _ := List(folder, "p.db", loc)
	if len(es) != 2 || es[0].Name != b {
		t.Errorf("newest first: %+v", es)
	}
}

func TestAPartialLeftByAKilledBackupInTheSameMinuteIsReplaced(t *testing.T) {
	ctx, st, _ := samplePractice(t)
	loc, _ := st.Location(ctx)
	folder := t.TempDir()
	name := NameFor(Prefix(st.Path()), st.Now().In(loc), false, 0, false)
	ours := filepath.Join(folder, tempPrefix+name)
	other := filepath.Join(folder, tempPrefix+"clinic-2026-11-30-0942.db")
	notOurs := filepath.Join(folder, name+".partial")
	for _, p := range []string{ours, other, notOurs} {
		if err := os.WriteFile(p, []byte("cut off by kill -9"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Make(ctx, st, Options{Folder: folder})
	if err != nil {
		t.Fatalf("the backup after a killed one: %v (%s)", err, UserMessage(err))
	}
	if res.Name != name {
		t.Errorf("named %s, want %s", res.Name, name)
	}
	if _, err := os.Stat(ours); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("our stale partial is still there: %v", err)
	}
	for _, p := range []string{other, notOurs} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed: it is not this backup's partial", filepath.Base(p))
		}
	}
}

func TestAMissingBackupFileIsSaidPlainly(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nothere.db")
	_, err := Inspect(context.Background(), missing, "", time.UTC)
	msg := UserMessage(err)
	if !errors.Is(err, ErrNoBackupFile) || !strings.Contains(msg, "There is no backup file at "+missing) ||
		strings.Contains(msg, "USB") {
		t.Errorf("got %v / %q", err, msg)
	}
}

func TestBackupFolderProblemsAreSaidInWords(t *testing.T) {
	ctx, st, _ := samplePractice(t)
	blocker := filepath.Join(t.TempDir(), "backups")
	if err := os.WriteFile(blocker, []byte("a file, not a folder"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, folder := range []string{blocker, filepath.Join(blocker, "inside")} {
		_, err := Run(ctx, st, RunOptions{Folder: folder})
		msg := UserMessage(err)
		if !errors.Is(err, ErrFolderIsFile) || !strings.Contains(msg, "a file has that name") ||
			!strings.Contains(msg, "Settings › Your data") || strings.Contains(msg, "mkdir") {
			t.Errorf("%s: %v / %q", folder, err, msg)
		}
		s, _ := Load(ctx, st)
		if s.LastError != msg {
			t.Errorf("recorded %q", s.LastError)
		}
	}
	// A failure that fits no kind still gets words, not the system's text.
	err := destError("/media/stick", errors.New("rename: invalid cross-device link"))
	if msg := UserMessage(err); !strings.Contains(msg, "could not write in the backup folder /media/stick") ||
		strings.Contains(msg, "cross-device") {
		t.Errorf("unclassified: %q", msg)
	}
	err = destError("/media/stick", &os.PathError{Op: "open", Path: "/media/stick/x", Err: os.ErrPermission})
	if msg := UserMessage(err); !strings.Contains(msg, "not allowed to write in the backup folder /media/stick") {
		t.Errorf("permission: %q", msg)
	}
}

func TestRestoreOntoANewComputer(t *testing.T) {
	ctx, st, _ := samplePractice(t)
	res, err := Make(ctx, st, Options{Folder: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := st.Check(ctx)
	// No practice file, not even its folder, yet.
	fresh := filepath.Join(t.TempDir(), "new laptop", "clinic.db")
	aside, rep, err := RestoreUnopenable(ctx, fresh, res.Path, "")
	if err != nil || aside != "" || rep.Counts["clients"] != want.Counts["clients"] {
		t.Fatalf("restore onto nothing: %q %+v %v", aside, rep.Counts, err)
	}
	// An empty practice (the app's first run): restored with no copy of the
	// empty practice made first.
	empty := filepath.Join(t.TempDir(), "stillpoint.db")
	es, err := data.Open(ctx, empty, data.WithLock())
	if err != nil {
		t.Fatal(err)
	}
	out, err := Restore(ctx, es, res.Path, "", RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer out.Store.Close()
	got, _ := out.Store.Check(ctx)
	if got.Counts["clients"] != want.Counts["clients"] || out.Before.Path != "" {
		t.Errorf("restored %+v, copy before %q", got.Counts, out.Before.Path)
	}
}
