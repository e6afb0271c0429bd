//go:build unix

package demo

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// Defect: a link to an empty file was replaced by a regular file instead of
// the sample being built at the real file.
func TestCreateBuildsAtTheLinksTarget(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "store", "real.db")
	if err := os.Mkdir(filepath.Dir(real), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(real, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "l2.db")
	if err := os.Symlink("store/real.db", link); err != nil {
		t.Fatal(err)
	}
	res, err := Create(context.Background(), link, Options{Years: 1, Clients: 5}, CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Path != real {
		t.Errorf("built at %s, want %s", res.Path, real)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v", err)
	}
	if fi, err := os.Stat(real); err != nil || fi.Size() == 0 {
		t.Errorf("the real file holds no sample: %v", err)
	}
	if _, err := os.Lstat(filepath.Join(dir, ".l2.db.partial")); err == nil {
		t.Error("partial file left beside the link")
	}
}

// Defect: the null device read as empty and was replaced; a pipe hung.
func TestCreateRefusesDevicesAndPipes(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("cannot make a pipe: %v", err)
	}
	done := make(chan error, 2)
	go func() {
		_, err := Create(context.Background(), fifo, Options{Years: 1, Clients: 1}, CreateOptions{})
		done <- err
		_, err = Create(context.Background(), os.DevNull, Options{Years: 1, Clients: 1}, CreateOptions{})
		done <- err
	}()
	for range 2 {
		select {
		case err := <-done:
			if !errors.Is(err, data.ErrNotRegular) {
				t.Errorf("Create: %v, want ErrNotRegular", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("Create on a pipe hangs")
		}
	}
	if _, err := os.Stat(fifo + ".lock"); err == nil {
		t.Error("fifo.db.lock left behind")
	}
	if fi, err := os.Stat(os.DevNull); err != nil || fi.Mode()&os.ModeDevice == 0 {
		t.Errorf("%s is no longer a device", os.DevNull)
	}
}

// Defect: a database with views but no tables counted as empty and was
// replaced.
func TestCreateKeepsADatabaseWithOnlyViews(t *testing.T) {
	path := filepath.Join(t.TempDir(), "views.db")
	db, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=DELETE")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE VIEW v AS SELECT 1`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(path)
	if _, err := Create(context.Background(), path, Options{Years: 1, Clients: 1}, CreateOptions{}); !errors.Is(err, data.ErrForeign) {
		t.Errorf("Create: %v, want ErrForeign", err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("the database was replaced")
	}
}
