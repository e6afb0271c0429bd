package backup

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stillpoint/stillpoint/data"
)

func TestMakeWritesACheckedBackupNamedByTheLocalTime(t *testing.T) {
	ctx, st, _ := samplePractice(t)
	loc, err := st.Location(ctx)
	if err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(t.TempDir(), "usb", "backups")
	var calls int
	res, err := Make(ctx, st, Options{Folder: folder, Progress: func(done, total int) { calls++ }})
	if err != nil {
		t.Fatal(err)
	}
	want := FileName(st.Now().In(loc), false, 0)
	if res.Name != want || !strings.HasPrefix(want, "stillpoint-2026-") || filepath.Ext(want) != ".db" {
		t.Fatalf("name %q, want %q", res.Name, want)
	}
	if calls == 0 {
		t.Error("no progress reported")
	}
	fi, err := os.Stat(res.Path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Size() != res.Size || fi.Mode().Perm() != 0o600 {
		t.Errorf("size %d (reported %d), mode %v", fi.Size(), res.Size, fi.Mode().Perm())
	}
	got, err := data.CheckFile(ctx, res.Path)
	if err != nil || !got.OK() {
		t.Fatalf("backup check: %+v, %v", got, err)
	}
	orig, err := st.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for k, n := range orig.Counts {
		if got.Counts[k] != n {
			t.Errorf("%s: %d in the backup, %d in the practice", k, got.Counts[k], n)
		}
	}
	if _, err := os.Stat(res.Path + "-wal"); err == nil {
		t.Error("the backup left a -wal: it must be one file")
	}
	noLitter(t, folder, filepath.Dir(st.Path()))

	res2, err := Make(ctx, st, Options{Folder: folder})
	if err != nil {
		t.Fatal(err)
	}
	if res2.Name != FileName(st.Now().In(loc), false, 1) {
		t.Errorf("second backup in the same minute named %q", res2.Name)
	}
	// Rotation keeps the newest backup of a day: the earlier one goes.
	if len(res2.Removed) != 1 || res2.Removed[0] != res.Name {
		t.Errorf("removed %v, want [%s]", res2.Removed, res.Name)
	}
	es, err := List(folder, st.Path(), loc)
	if err != nil || len(es) != 1 || es[0].Name != res2.Name || es[0].Encrypted {
		t.Fatalf("list: %+v, %v", es, err)
	}
}

func TestEncryptedBackupOpensOnlyWithItsPassphrase(t *testing.T) {
	ctx, st, _ := samplePractice(t)
	loc, _ := st.Location(ctx)
	folder := t.TempDir()
	res, err := Make(ctx, st, Options{Folder: folder, Passphrase: "correct horse", WorkFactor: testWork})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(res.Name, ".db.age") || !res.Encrypted {
		t.Fatalf("encrypted backup named %q", res.Name)
	}
	if b := readFile(t, res.Path); !bytes.HasPrefix(b, ageMagic) || bytes.Contains(b, []byte("SQLite format 3")) {
		t.Fatal("the backup is not age-encrypted")
	}
	p, err := Inspect(ctx, res.Path, "correct horse", loc)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Encrypted || p.Report.Counts["clients"] == 0 || !p.Report.OK() {
		t.Errorf("preview %+v", p)
	}
	_, err = Inspect(ctx, res.Path, "wrong horse", loc)
	if !errors.Is(err, ErrWrongPassphrase) || !strings.Contains(UserMessage(err), "That passphrase does not open this backup") {
		t.Errorf("wrong passphrase: %v / %q", err, UserMessage(err))
	}
	if _, err = Inspect(ctx, res.Path, "", loc); !errors.Is(err, ErrNeedPassphrase) {
		t.Errorf("no passphrase: %v", err)
	}
	noLitter(t, os.TempDir())
}

func TestABackupDoesNotBlockSaves(t *testing.T) {
	ctx, st, _ := samplePractice(t)
	folder := t.TempDir()
	saved := make(chan error, 1)
	started := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		_, err := Make(ctx, st, Options{Folder: folder, Progress: func(done, total int) {
			select {
			case <-started:
			default:
				close(started)
				// A save while the copy holds its read snapshot.
				c := data.Client{FirstName: "Saved", LastName: "During backup"}
				saved <- st.CreateClient(ctx, &c)
			}
		}})
		if err != nil {
			t.Error(err)
		}
	}()
	if err := <-saved; err != nil {
		t.Errorf("save during a backup: %v", err)
	}
	<-finished
}

func TestADamagedWorkingCopyIsNeverRenamedIntoPlace(t *testing.T) {
	ctx, st, _ := samplePractice(t)
	folder := t.TempDir()
	fsys := &faultFS{corrupt: true}
	_, err := Make(ctx, st, Options{Folder: folder, FS: fsys})
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("got %v, want ErrDamaged", err)
	}
	if n := names(t, folder); len(n) != 0 {
		t.Errorf("left %v", n)
	}
}
