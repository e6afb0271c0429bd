package data

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

func TestDamagedFileShowsQuickCheckFindings(t *testing.T) {
	path := filepath.Join(t.TempDir(), "practice.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	var root, pageSize int64
	if err := s.r.QueryRow(`SELECT rootpage FROM sqlite_schema WHERE name = 'meta'`).Scan(&root); err != nil {
		t.Fatal(err)
	}
	if err := s.r.QueryRow(`PRAGMA page_size`).Scan(&pageSize); err != nil {
		t.Fatal(err)
	}
	s.Close()
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	garbage := []byte(strings.Repeat("\xff\x00\x13", int(pageSize)/3))
	if _, err := f.WriteAt(garbage, (root-1)*pageSize); err != nil {
		t.Fatal(err)
	}
	f.Close()

	_, err = Open(context.Background(), path)
	var de *DamagedError
	if !errors.As(err, &de) {
		t.Fatalf("Open of a damaged file: %v, want *DamagedError", err)
	}
	if de.Findings == "" || de.Findings == "ok" {
		t.Errorf("findings %q", de.Findings)
	}
	if msg := UserMessage(err); !strings.Contains(msg, "damaged") || !strings.Contains(msg, de.Findings) {
		t.Errorf("message %q does not show quick_check's findings", msg)
	}
}

func TestDiskFullWhileSaving(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	// SQLite's page limit gives the very error a full disk gives.
	if _, err := s.w.ExecContext(ctx, `PRAGMA max_page_count = 20`); err != nil {
		t.Fatal(err)
	}
	var err error
	for i := 0; i < 200 && err == nil; i++ {
		c := newClient(strings.Repeat("Long", 20), fmt.Sprint(i))
		c.Alerts = strings.Repeat("A very long alert. ", 50)
		err = s.CreateClient(ctx, c)
	}
	var se sqlite3.Error
	if !errors.As(err, &se) || se.Code != sqlite3.ErrFull {
		t.Fatalf("saving into a full file: %v", err)
	}
	if msg := UserMessage(err); !strings.HasPrefix(msg, "The disk is full") {
		t.Errorf("message %q", msg)
	}
	// A write that fails with ENOSPC comes back as an I/O error.
	io := fmt.Errorf("save: %w", sqlite3.Error{Code: sqlite3.ErrIoErr, ExtendedCode: sqlite3.ErrIoErrWrite,
		SystemErrno: syscall.ENOSPC})
	if msg := UserMessage(io); !strings.HasPrefix(msg, "The disk is full") {
		t.Errorf("an ENOSPC I/O error says %q", msg)
	}
}

func TestReadOnlyFolderIsNamed(t *testing.T) {
	path := filepath.Join("/media", "stick", "practice.db")
	cant := sqlite3.Error{Code: sqlite3.ErrCantOpen}
	err := explainOpenError(context.Background(), path, cant, func(string) bool { return false })
	var fe *ReadOnlyFolderError
	if !errors.As(err, &fe) || fe.Dir != filepath.Dir(path) {
		t.Fatalf("%v, want a *ReadOnlyFolderError", err)
	}
	msg := UserMessage(err)
	if !strings.Contains(msg, "folder "+filepath.Dir(path)) || strings.Contains(msg, "practice.db") {
		t.Errorf("message %q should name the folder, not the file", msg)
	}
	// In a writable folder the same error is about the file.
	err = explainOpenError(context.Background(), path, cant, func(string) bool { return true })
	if errors.As(err, &fe) {
		t.Errorf("a writable folder was blamed: %v", err)
	}
}

func TestMessagesClassifyByCodeNotText(t *testing.T) {
	// The text says "disk is full" but the code says busy: the code wins.
	busy := fmt.Errorf("x: %w", errors.Join(errors.New("database or disk is full"), sqlite3.Error{Code: sqlite3.ErrBusy}))
	if msg := UserMessage(busy); !strings.Contains(msg, "busy") {
		t.Errorf("message %q", msg)
	}
	for _, err := range []error{ErrEmptyFile, ErrForeign, ErrUnfinishedSample} {
		if msg := UserMessage(err); strings.Contains(msg, "Something went wrong") {
			t.Errorf("%v has no message of its own: %q", err, msg)
		}
	}
}

// TestTimeZonesAreEmbedded runs this test binary again with no system time
// zones, as on Windows: ZONEINFO points nowhere and, where a mount namespace
// can be made (root with unshare), empty folders are mounted over the
// system's zoneinfo and Go's own. time/tzdata, linked by clock.go, must
// still give America/Toronto.
func TestTimeZonesAreEmbedded(t *testing.T) {
	if os.Getenv("STILLPOINT_TZ_CHILD") == "1" {
		for _, zone := range []string{"America/Toronto", "Pacific/Auckland", "Europe/Warsaw"} {
			if _, err := time.LoadLocation(zone); err != nil {
				t.Fatalf("LoadLocation(%s): %v", zone, err)
			}
		}
		return
	}
	args := []string{"-test.run=^TestTimeZonesAreEmbedded$", "-test.count=1"}
	cmd := exec.Command(os.Args[0], args...)
	hidden := false
	if unshare, err := exec.LookPath("unshare"); err == nil && os.Geteuid() == 0 &&
		exec.Command(unshare, "-m", "true").Run() == nil {
		var mounts []string
		for _, dir := range []string{"/usr/share/zoneinfo", filepath.Join(runtime.GOROOT(), "lib", "time")} {
			if _, err := os.Stat(dir); err == nil {
				mounts = append(mounts, "mount -t tmpfs none "+dir+" && ")
			}
		}
		script := strings.Join(mounts, "") + `exec "$0" "$@"`
		cmd = exec.Command(unshare, append([]string{"-m", "--propagation", "private", "sh", "-c", script, os.Args[0]}, args...)...)
		hidden = true
	}
	cmd.Env = append(os.Environ(), "STILLPOINT_TZ_CHILD=1", "ZONEINFO="+filepath.Join(t.TempDir(), "none.zip"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("without system zones (hidden: %v): %v\n%s", hidden, err, out)
	}
	if !hidden {
		t.Log("system zoneinfo could not be hidden (needs root and unshare); only ZONEINFO was pointed away")
	}
}
