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

func TestRestoreBringsBackTheBackupUnderTheLock(t *testing.T) {
	ctx, st, c := samplePractice(t)
	if err := SetPassphrase(ctx, st, "a long passphrase"); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(t.TempDir(), "stick")
	if err := SetFolder(ctx, st, folder); err != nil {
		t.Fatal(err)
	}
	first, err := Run(ctx, st, RunOptions{WorkFactor: testWork})
	if err != nil {
		t.Fatal(err)
	}
	before, _ := st.Check(ctx)
	c.set(c.now().Add(48 * time.Hour))
	added := data.Client{FirstName: "Added", LastName: "Afterwards"}
	if err := st.CreateClient(ctx, &added); err != nil {
		t.Fatal(err)
	}
	path := st.Path()

	out, err := Restore(ctx, st, first.Path, "a long passphrase", RunOptions{WorkFactor: testWork})
	if err != nil {
		t.Fatal(err)
	}
	ns := out.Store
	t.Cleanup(func() { ns.Close() })
	if _, err := data.LockPractice(path); !errors.Is(err, data.ErrInUse) {
		t.Errorf("the practice is not locked after the restore: %v", err)
	}
	after, err := ns.Check(ctx)
	if err != nil || !after.OK() || after.Counts["clients"] != before.Counts["clients"] {
		t.Fatalf("restored: %+v, %v (before: %d clients)", after.Counts, err, before.Counts["clients"])
	}
	// The practice as it was is in the folder, with the added client.
	if !strings.HasSuffix(out.Before.Path, ".db.age") {
		t.Errorf("the backup made before restoring is %q", out.Before.Path)
	}
	p, err := Inspect(ctx, out.Before.Path, "a long passphrase", time.UTC)
	if err != nil || p.Report.Counts["clients"] != before.Counts["clients"]+1 {
		t.Errorf("backup before restore: %+v, %v", p.Report.Counts, err)
	}
	// The settings of the practice as it was carry over.
	s, err := Load(ctx, ns)
	if err != nil || s.Folder != folder || s.Passphrase() != "a long passphrase" || s.LastOKPath != out.Before.Path {
		t.Errorf("settings after restore: %+v, %v", s, err)
	}
	// Search works on the restored notes.
	hits, err := ns.SearchNotes(ctx, "shoulder", 5)
	if err != nil || len(hits) == 0 {
		t.Errorf("note search after restore: %d hits, %v", len(hits), err)
	}
	for _, side := range []string{"-journal"} {
		if _, err := os.Stat(path + side); err == nil {
			t.Errorf("%s left beside the practice", side)
		}
	}
	noLitter(t, filepath.Dir(path))
}

func TestRestoreRefusesABadBackupAndChangesNothing(t *testing.T) {
	ctx, st, _ := samplePractice(t)
	folder := t.TempDir()
	res, err := Make(ctx, st, Options{Folder: folder, Passphrase: "a long passphrase", WorkFactor: testWork})
	if err != nil {
		t.Fatal(err)
	}
	plain, err := Make(ctx, st, Options{Folder: t.TempDir(), NoRotate: true})
	if err != nil {
		t.Fatal(err)
	}
	damaged := filepath.Join(t.TempDir(), "damaged.db")
	b := readFile(t, plain.Path)
	for i := 8192; i < 8192+512; i++ {
		b[i] ^= 0x5a
	}
	if err := os.WriteFile(damaged, b, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path, pass string
		want       error
	}{{res.Path, "not the passphrase", ErrWrongPassphrase}, {res.Path, "", ErrNeedPassphrase}, {damaged, "", ErrDamaged}} {
		_, err := Restore(ctx, st, c.path, c.pass, RunOptions{Folder: t.TempDir()})
		if !errors.Is(err, c.want) {
			t.Errorf("%s: got %v, want %v", filepath.Base(c.path), err, c.want)
		}
	}
	if _, err := st.Check(ctx); err != nil {
		t.Errorf("the practice is no longer usable: %v", err)
	}
	noLitter(t, filepath.Dir(st.Path()))
}

func TestRunRecordsTheOutcomeAndAutoSkipsTheSample(t *testing.T) {
	ctx, st, c := samplePractice(t)
	s, _ := Load(ctx, st)
	if !s.DefaultFolder || s.Folder != filepath.Join(filepath.Dir(st.Path()), "Stillpoint backups") ||
		!s.Due(c.now()) || !s.Stale(c.now()) || s.Encrypted() {
		t.Fatalf("fresh settings: %+v", s)
	}
	if _, done, err := Auto(ctx, st, RunOptions{}); done || !errors.Is(err, ErrDemo) {
		t.Errorf("auto on the sample: %v, %v", done, err)
	}
	if err := SetPassphrase(ctx, st, "short"); !errors.Is(err, ErrShortPassphrase) {
		t.Errorf("short passphrase: %v", err)
	}
	res, err := Run(ctx, st, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s, _ = Load(ctx, st)
	if s.LastOKPath != res.Path || !s.LastOK.Equal(st.Now()) || s.LastError != "" || s.Due(c.now()) || s.Stale(c.now()) {
		t.Errorf("after a backup: %+v", s)
	}
	c.set(c.now().Add(8 * 24 * time.Hour))
	_, err = Run(ctx, st, RunOptions{FS: &faultFS{diskFull: true, limit: 100}})
	if !errors.Is(err, ErrDiskFull) {
		t.Fatal(err)
	}
	s, _ = Load(ctx, st)
	if !strings.Contains(s.LastError, "disk is full") || s.LastOKPath != res.Path || !s.Stale(c.now()) || s.Due(c.now()) {
		t.Errorf("after a failed backup: %+v", s)
	}
}

func TestAutoBacksUpARealPractice(t *testing.T) {
	ctx := context.Background()
	st, err := data.Open(ctx, filepath.Join(t.TempDir(), "p.db"), data.WithLock())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, done, err := Auto(ctx, st, RunOptions{}); done || err != nil {
		t.Fatalf("empty practice: %v, %v", done, err)
	}
	cl := data.Client{FirstName: "Zoë", LastName: "Ng"}
	if err := st.CreateClient(ctx, &cl); err != nil {
		t.Fatal(err)
	}
	res, done, err := Auto(ctx, st, RunOptions{})
	if err != nil || !done || filepath.Dir(res.Path) != DefaultFolder(st.Path()) {
		t.Fatalf("auto: %+v, %v, %v", res, done, err)
	}
}

func TestRestoreUnopenablePutsTheDamagedFileAside(t *testing.T) {
	ctx, st, _ := samplePractice(t)
	res, err := Make(ctx, st, Options{Folder: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	path := st.Path()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	b := readFile(t, path)
	for i := 4096; i < 4096+2048; i++ {
		b[i] ^= 0x5a
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if s, err := data.Open(ctx, path, data.WithLock()); err == nil {
		s.Close()
		t.Fatal("the damaged file opened")
	}
	aside, rep, err := RestoreUnopenable(ctx, path, res.Path, "")
	if err != nil || !rep.OK() {
		t.Fatalf("restore: %v, %+v", err, rep)
	}
	if got := readFile(t, aside); string(got) != string(b) {
		t.Error("the damaged file was not kept as it was")
	}
	r, err := data.CheckFile(ctx, path)
	if err != nil || !r.OK() || r.Counts["clients"] != rep.Counts["clients"] {
		t.Errorf("restored file: %+v, %v", r, err)
	}
}
