package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// rawDB makes an SQLite file at path by running stmts with a plain
// connection (not Stillpoint's), in rollback-journal mode.
func rawDB(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", fileURI(path, "_journal_mode=DELETE"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// assertNothingBeside fails when SQLite's or the lock's files exist beside path.
func assertNothingBeside(t *testing.T, path string) {
	t.Helper()
	for _, ext := range []string{"-wal", "-shm", "-journal", ".lock"} {
		if _, err := os.Lstat(path + ext); err == nil {
			t.Errorf("%s%s was left behind", filepath.Base(path), ext)
		}
	}
}

func pragmaInt(t *testing.T, s *Store, pragma string) int64 {
	t.Helper()
	var v int64
	if err := s.r.QueryRow("PRAGMA " + pragma).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestNewFileCarriesTheApplicationID(t *testing.T) {
	s := openTemp(t)
	if got := pragmaInt(t, s, "application_id"); got != ApplicationID {
		t.Errorf("application_id %#x, want %#x", got, ApplicationID)
	}
}

func TestLegacyFileIsRecognisedAndMarked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	copyFile(t, schema1Fixture, path)
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("a schema-1 practice (application_id 0) was refused: %v", err)
	}
	defer s.Close()
	if got := pragmaInt(t, s, "application_id"); got != ApplicationID {
		t.Errorf("application_id %#x after the upgrade, want %#x", got, ApplicationID)
	}
}

func TestOtherProgramsDatabasesStayUntouched(t *testing.T) {
	for name, stmts := range map[string][]string{
		"user_version 0": {`CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)`,
			`INSERT INTO recipes (name) VALUES ('bread')`},
		"user_version 1": {`CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)`, `PRAGMA user_version = 1`},
		"user_version 2 with a practice table": {`CREATE TABLE practice (id INTEGER)`,
			`CREATE TABLE clients (id INTEGER)`, `PRAGMA user_version = 2`},
		"another application_id": {`CREATE TABLE meta (key TEXT)`, `CREATE TABLE practice (id INTEGER)`,
			`CREATE TABLE clients (id INTEGER)`, `PRAGMA user_version = 1`, `PRAGMA application_id = 1234`},
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "other.db")
			rawDB(t, path, stmts...)
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			if s, err := Open(ctx, path, WithLock()); !errors.Is(err, ErrForeign) {
				if err == nil {
					s.Close()
				}
				t.Fatalf("Open: %v, want ErrForeign", err)
			}
			if _, err := OpenReadOnly(ctx, path); !errors.Is(err, ErrForeign) {
				t.Errorf("OpenReadOnly: %v, want ErrForeign", err)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
				t.Error("the file was changed")
			}
			assertNothingBeside(t, path)
			if msg := UserMessage(ErrForeign); !strings.Contains(msg, "another program") {
				t.Errorf("message %q", msg)
			}
		})
	}
}

func TestZeroByteFileIsEmpty(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := OpenReadOnly(ctx, path); !errors.Is(err, ErrEmptyFile) {
		t.Fatalf("OpenReadOnly on a zero-byte file: %v, want ErrEmptyFile", err)
	}
	if _, err := CheckFile(ctx, path); !errors.Is(err, ErrEmptyFile) {
		t.Errorf("CheckFile on a zero-byte file: %v", err)
	}
	if fi, _ := os.Stat(path); fi.Size() != 0 {
		t.Errorf("a read wrote %d bytes", fi.Size())
	}
	assertNothingBeside(t, path)
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("the app could not make a practice in an empty file: %v", err)
	}
	s.Close()
}

func TestReadOnlyOpenWritesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "practice.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	for _, old := range []bool{false, true} {
		r, err := OpenReadOnly(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := r.SearchClients(context.Background(), ClientQuery{}); err != nil {
			t.Errorf("search read-only: %v", err)
		}
		if _, err := r.Check(context.Background()); err != nil {
			t.Errorf("check read-only: %v", err)
		}
		if err := r.MarkDemo(context.Background()); !errors.Is(err, ErrReadOnly) {
			t.Errorf("a write through a read-only store: %v", err)
		}
		r.Close()
		_ = old
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the file was changed")
	}
	assertNothingBeside(t, path) // before: 0400 -wal and -shm were left behind
}

func TestReadOnlyOpenInAReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write in any folder; TestReadOnlyOpenWritesNothing covers the no-files seam")
	}
	dir := filepath.Join(t.TempDir(), "stick")
	path := filepath.Join(dir, "practice.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	rep, err := CheckFile(context.Background(), path)
	if err != nil || !rep.OK() {
		t.Fatalf("check in a read-only folder: %+v %v", rep, err)
	}
	_, err = Open(context.Background(), path)
	var fe *ReadOnlyFolderError
	if !errors.As(err, &fe) || fe.Dir != dir {
		t.Errorf("the app opening a file in a read-only folder: %v", err)
	}
}

func TestReadOnlyOpenOfAnOlderSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	copyFile(t, schema1Fixture, path)
	r, err := OpenReadOnly(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var oe *OlderSchemaError
	if err := r.NeedsUpgrade(); !errors.As(err, &oe) || oe.Found != 1 {
		t.Fatalf("NeedsUpgrade: %v", err)
	}
	if msg := UserMessage(r.NeedsUpgrade()); !strings.Contains(msg, "will upgrade it when the app opens it") {
		t.Errorf("message %q", msg)
	}
}

func TestPathsThatAreNotFiles(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	for _, p := range []string{"", dir + "/new/", dir} {
		if s, err := Open(ctx, p); err == nil {
			s.Close()
			t.Errorf("Open(%q) succeeded", p)
		} else if !errors.Is(err, ErrNoPath) && !errors.Is(err, ErrFolder) {
			t.Errorf("Open(%q): %v", p, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "new")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("a path ending in / made something")
	}
}

func TestTwoProgramsUpgradeAnOldFileAtOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	copyFile(t, schema1Fixture, path)
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := Open(context.Background(), path)
			if err == nil {
				err = s.Close()
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("opener %d: %v", i, err)
		}
	}
	r, err := CheckFile(context.Background(), path)
	if err != nil || r.SchemaVersion != LatestSchema() || !r.OK() {
		t.Errorf("after both: %+v %v", r, err)
	}
}

func TestUnfinishedSampleIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sample.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.MarkSampleUnfinished(context.Background()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(context.Background(), path); !errors.Is(err, ErrUnfinishedSample) {
		t.Errorf("Open: %v, want ErrUnfinishedSample", err)
	}
	if _, err := OpenReadOnly(context.Background(), path); !errors.Is(err, ErrUnfinishedSample) {
		t.Errorf("OpenReadOnly: %v, want ErrUnfinishedSample", err)
	}
	if msg := UserMessage(ErrUnfinishedSample); !strings.Contains(msg, "never finished") {
		t.Errorf("message %q", msg)
	}
}
