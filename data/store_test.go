package data

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// openTemp opens a fresh database in a temporary folder.
func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "practice.db"))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestOpenCreatesPrivateFileAndFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "folder")
	path := filepath.Join(dir, "practice.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for p, want := range map[string]os.FileMode{dir: 0o700, path: 0o600} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%s: mode %o, want %o", p, got, want)
		}
	}
	var version int
	if err := s.r.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		t.Fatal(err)
	}
	if version != LatestSchema() || version < 2 {
		t.Errorf("schema %d, want latest %d", version, LatestSchema())
	}
}

func TestConnectionSettings(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	for _, tc := range []struct {
		pragma, want string
	}{{"journal_mode", "wal"}, {"foreign_keys", "1"}, {"synchronous", "2"}, {"busy_timeout", "5000"}} {
		for _, db := range []struct {
			name string
			q    func() (string, error)
		}{
			{"writer", func() (v string, err error) { err = s.w.QueryRowContext(ctx, "PRAGMA "+tc.pragma).Scan(&v); return }},
			{"reader", func() (v string, err error) { err = s.r.QueryRowContext(ctx, "PRAGMA "+tc.pragma).Scan(&v); return }},
		} {
			got, err := db.q()
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("%s: PRAGMA %s = %s, want %s", db.name, tc.pragma, got, tc.want)
			}
		}
	}
	if _, err := s.r.ExecContext(ctx, "INSERT INTO meta (key, value) VALUES ('x', 'y')"); err == nil {
		t.Error("the read pool accepted a write")
	}
}

func TestOpenRefusesNonDatabaseUntouched(t *testing.T) {
	for name, content := range map[string][]byte{
		"text":      []byte("Dear client,\nthis is a letter, not a database.\n"),
		"png":       append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{7}, 500)...),
		"truncated": []byte("SQLite format 3\x00\x10\x00"),
		"damaged":   append([]byte("SQLite format 3\x00"), bytes.Repeat([]byte{0xff}, 4096)...),
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "notes.db")
			if err := os.WriteFile(path, content, 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := Open(context.Background(), path)
			if err == nil {
				s.Close()
				t.Fatal("opened a file that is not a database")
			}
			if !errors.Is(err, ErrNotDatabase) {
				t.Fatalf("error %v, want ErrNotDatabase", err)
			}
			if msg := UserMessage(err); !bytes.Contains([]byte(msg), []byte("not a Stillpoint practice file")) {
				t.Errorf("message %q does not say what is wrong", msg)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(after, content) {
				t.Error("the file was changed")
			}
			assertNoSidecars(t, path)
		})
	}
}

func TestOpenRefusesNewerSchemaUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "future.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.w.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	// A rollback-journal file: opening it in WAL mode would rewrite its header.
	if _, err := s.w.Exec("PRAGMA journal_mode = DELETE"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(context.Background(), path)
	var ne *NewerSchemaError
	if !errors.As(err, &ne) || ne.Found != 99 || ne.Supported != LatestSchema() {
		t.Fatalf("error %v, want NewerSchemaError{99, %d}", err, LatestSchema())
	}
	if msg := UserMessage(err); !bytes.Contains([]byte(msg), []byte("newer version of Stillpoint")) {
		t.Errorf("message %q", msg)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the newer database was changed")
	}
	assertNoSidecars(t, path)
}

func assertNoSidecars(t *testing.T, path string) {
	t.Helper()
	for _, ext := range []string{"-wal", "-journal"} {
		if _, err := os.Stat(path + ext); err == nil {
			t.Errorf("%s%s was created", filepath.Base(path), ext)
		}
	}
}

func TestMigrationStepsAreAtomic(t *testing.T) {
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "p.db")
	s, err := openAt(context.Background(), path, 1)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	broken := ms[1]
	broken.sql += "\nCREATE TABLE clients (x);" // fails after the step's other statements
	if err := applyMigration(context.Background(), s.w, broken); err == nil {
		t.Fatal("broken step applied")
	}
	var version, tables int
	s.w.QueryRow("PRAGMA user_version").Scan(&version)
	s.w.QueryRow("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'health_history_versions'").Scan(&tables)
	if version != 1 || tables != 0 {
		t.Errorf("after a failed step: version %d, health table present %v; want 1 and absent", version, tables == 1)
	}
}

func TestDefaultPathsLiveInTheAppFolder(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", "/home/maya/.config")
	t.Setenv("HOME", "/home/maya")
	p, err := DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS == "linux" && p != "/home/maya/.config/fyne/io.github.stillpoint/stillpoint.db" {
		t.Errorf("default path %s", p)
	}
	if d := DemoPath(p); d != filepath.Join(filepath.Dir(p), "stillpoint-demo.db") {
		t.Errorf("demo path %s", d)
	}
}
