package data

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// modeProbe answers "may I write this file?" from its permission bits, as
// the system does for an ordinary user: root ignores them, so the tests use
// it to reach the read-only cases as root too.
func modeProbe(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if fi.Mode().Perm()&0o200 == 0 {
		return &fs.PathError{Op: "open", Path: path, Err: fs.ErrPermission}
	}
	return nil
}

func withModeProbe(s *Store) { s.probe = modeProbe }

// closedPractice makes a Stillpoint practice at dir/name and closes it.
func closedPractice(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// Defect: a 0400 file opened, the first save failed and read-only -wal/-shm
// stayed behind, so the file would not open even after chmod 600.
func TestReadOnlyFileIsRefusedBeforeSQLiteTouchesIt(t *testing.T) {
	path := closedPractice(t, "ro.db")
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	check := func(t *testing.T, opts ...Option) {
		_, err := Open(context.Background(), path, append(opts, WithLock())...)
		var re *ReadOnlyFileError
		if !errors.As(err, &re) || re.Path != path {
			t.Fatalf("Open: %v, want *ReadOnlyFileError for %s", err, path)
		}
		msg := UserMessage(err)
		if !strings.Contains(msg, "read-only") || !strings.Contains(msg, path) || strings.Contains(msg, "migration") {
			t.Errorf("message: %q", msg)
		}
		assertNothingBeside(t, path)
	}
	t.Run("emulated", func(t *testing.T) { check(t, withModeProbe) })
	t.Run("system", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root may write a 0400 file: this variant needs an ordinary user")
		}
		check(t)
	})
}

// Defect: read-only -wal/-shm left by an earlier run kept the practice from
// opening ("attempt to write a readonly database").
func TestStaleReadOnlyWorkingFilesAreMadeWritable(t *testing.T) {
	path := closedPractice(t, "stale.db")
	for _, side := range []string{path + "-wal", path + "-shm"} {
		if err := os.WriteFile(side, nil, 0o400); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Open(context.Background(), path, withModeProbe)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	if err := s.write(context.Background(), "test", func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO meta (key, value) VALUES ('t', 'x')`)
		return err
	}); err != nil {
		t.Errorf("save after recovering: %v", err)
	}
	// A working file that cannot be made writable is refused by name.
	err = ensureWritable(path, func(p string) error {
		if strings.HasSuffix(p, "-shm") {
			return fs.ErrPermission
		}
		return nil
	})
	var re *ReadOnlyFileError
	if !errors.As(err, &re) || !re.Sidecar || re.Path != path+"-shm" {
		t.Fatalf("ensureWritable: %v", err)
	}
	if msg := UserMessage(err); !strings.Contains(msg, path+"-shm") || !strings.Contains(msg, "Do not delete") {
		t.Errorf("message: %q", msg)
	}
}

// Defect: check created a -shm beside a -wal whose -shm was missing.
func TestReadingAPendingWALWithoutSHMCreatesNothing(t *testing.T) {
	src := closedPractice(t, "src.db")
	live, err := sql.Open("sqlite3", fileURI(src, "_journal_mode=WAL"))
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	live.SetMaxOpenConns(1)
	if _, err := live.Exec(`PRAGMA wal_autocheckpoint = 0; INSERT INTO meta (key, value) VALUES ('pending', 'yes')`); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "copy.db")
	copyFile(t, src, path)
	copyFile(t, src+"-wal", path+"-wal") // a partial copy: no -shm
	if _, err := CheckFile(context.Background(), path); !errors.Is(err, ErrPendingChanges) {
		t.Fatalf("CheckFile: %v, want ErrPendingChanges", err)
	}
	if _, err := os.Stat(path + "-shm"); err == nil {
		t.Fatal("reading created a -shm")
	}
	if msg := UserMessage(ErrPendingChanges); !strings.Contains(msg, "Open it in the Stillpoint app") {
		t.Errorf("message: %q", msg)
	}
	s, err := Open(context.Background(), path) // the app finishes the changes
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	var v string
	if err := s.r.QueryRow(`SELECT value FROM meta WHERE key = 'pending'`).Scan(&v); err != nil || v != "yes" {
		t.Errorf("pending change: %q, %v", v, err)
	}
	s.Close()
}

// Defect: a database with only a view counted as empty, so demo replaced it.
func TestSchemaWithOnlyAViewIsNotEmpty(t *testing.T) {
	path := filepath.Join(t.TempDir(), "views.db")
	rawDB(t, path, `CREATE VIEW v AS SELECT 1 AS one`)
	before, _ := os.ReadFile(path)
	if _, err := OpenReadOnly(context.Background(), path); !errors.Is(err, ErrForeign) {
		t.Errorf("OpenReadOnly: %v, want ErrForeign", err)
	}
	if _, err := Open(context.Background(), path, WithLock()); !errors.Is(err, ErrForeign) {
		t.Errorf("Open: %v, want ErrForeign", err)
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Error("the file was changed")
	}
	assertNothingBeside(t, path)
}

// damagedPractice makes a practice of many pages and writes random bytes
// over page 21.
func damagedPractice(t *testing.T) string {
	t.Helper()
	path := closedPractice(t, "d.db")
	raw, err := sql.Open("sqlite3", fileURI(path, "_journal_mode=WAL"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`CREATE TABLE filler (b BLOB);
		WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 60)
		INSERT INTO filler SELECT randomblob(3000) FROM n`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	junk := make([]byte, 4096)
	rand.Read(junk)
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt(junk, 20*4096); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}

// Defect: check lost quick_check's findings behind the foreign-key error.
func TestCheckReportsDamageInsideAPage(t *testing.T) {
	path := damagedPractice(t)
	rep, err := CheckFile(context.Background(), path)
	if err != nil {
		t.Fatalf("CheckFile: %v", err)
	}
	if rep.OK() || rep.QuickCheck == "ok" || rep.QuickCheck == "" {
		t.Errorf("report: OK=%v, quick_check %q", rep.OK(), rep.QuickCheck)
	}
	assertNothingBeside(t, path)
}

// Defect: the app opened a file with a damaged page and failed later, over
// an empty list; Open now runs quick_check and explains.
func TestOpenFindsDamageInsideAPage(t *testing.T) {
	path := damagedPractice(t)
	_, err := Open(context.Background(), path, WithLock())
	var de *DamagedError
	if !errors.As(err, &de) || de.Findings == "" || de.Findings == "ok" {
		t.Fatalf("Open: %v, want *DamagedError with findings", err)
	}
	if _, err := os.Stat(path + ".lock"); err == nil {
		t.Error("lock file left behind")
	}
}

// Defect: a full disk while upgrading said "the change was not saved".
func TestDiskFullWhileOpeningHasItsOwnWords(t *testing.T) {
	s := &Store{path: "/p/old.db"}
	full := sqlite3.Error{Code: sqlite3.ErrFull}
	err := s.openError(context.Background(), full, true)
	if !IsDiskFull(err) {
		t.Errorf("IsDiskFull(%v) = false", err)
	}
	if msg := UserMessage(err); !strings.Contains(msg, "because the disk is full; nothing was changed") {
		t.Errorf("upgrade message: %q", msg)
	}
	if msg := UserMessage(s.openError(context.Background(), full, false)); strings.Contains(msg, "upgraded") ||
		!strings.Contains(msg, "disk is full") {
		t.Errorf("open message: %q", msg)
	}
	if msg := UserMessage(sqlite3.Error{Code: sqlite3.ErrCorrupt}); strings.Contains(msg, "Nothing more") {
		t.Errorf("damaged message: %q", msg)
	}
}
