//go:build unix

package data

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Defect: a device or a pipe was opened (a pipe forever) or replaced.
func TestDevicesAndPipesAreRefusedUnopened(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("cannot make a pipe here: %v", err)
	}
	done := make(chan error, 3)
	go func() {
		_, err := CheckFile(ctx, fifo)
		done <- err
		_, err = Open(ctx, fifo, WithLock())
		done <- err
		_, err = Open(ctx, os.DevNull, WithLock())
		done <- err
	}()
	for i := range 3 {
		select {
		case err := <-done:
			if !errors.Is(err, ErrNotRegular) {
				t.Errorf("call %d: %v, want ErrNotRegular", i, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("opening a pipe hangs")
		}
	}
	assertNothingBeside(t, fifo)
	if msg := UserMessage(ErrNotRegular); !strings.Contains(msg, "not a practice file") {
		t.Errorf("message: %q", msg)
	}
	if fi, err := os.Stat(os.DevNull); err != nil || fi.Mode()&os.ModeDevice == 0 {
		t.Errorf("%s is no longer a device: %v", os.DevNull, err)
	}
}

// Defect: a link to a file that does not exist yet was not followed, so a
// second path to the same future file took another lock.
func TestDanglingLinkResolvesToItsTarget(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "store", "real.db")
	if err := os.Mkdir(filepath.Dir(target), 0o700); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.db")
	if err := os.Symlink("store/real.db", link); err != nil {
		t.Fatal(err)
	}
	got, err := ResolvePractice(link)
	if err != nil || got != target {
		t.Fatalf("ResolvePractice(link) = %q, %v; want %q", got, err, target)
	}
	unlock, err := LockPractice(target)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := LockPractice(link); !errors.Is(err, ErrInUse) {
		t.Errorf("lock through a dangling link: %v, want ErrInUse", err)
	}
	unlock()
	s, err := Open(context.Background(), link, WithLock())
	if err != nil {
		t.Fatal(err)
	}
	if s.Path() != target {
		t.Errorf("opened %s, want %s", s.Path(), target)
	}
	s.Close()
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
}

// Defect: hard links to one file took separate locks.
func TestHardLinksInOneFolderShareTheLock(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	app := filepath.Join(dir, "app.db")
	s, err := Open(ctx, app, WithLock())
	if err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(dir, "hard.db")
	if err := os.Link(app, hard); err != nil {
		t.Skipf("no hard links here: %v", err)
	}
	if _, err := Open(ctx, hard, WithLock()); !errors.Is(err, ErrInUse) {
		t.Errorf("open through a hard link: %v, want ErrInUse", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	other, err := Open(ctx, hard, WithLock())
	if err != nil {
		t.Fatalf("open after the first closed: %v", err)
	}
	other.Close()
	left, _ := filepath.Glob(filepath.Join(dir, "*.lock"))
	hidden, _ := filepath.Glob(filepath.Join(dir, ".stillpoint-*.lock"))
	if len(left)+len(hidden) > 0 {
		t.Errorf("lock files left: %v %v", left, hidden)
	}
}

// Defect: a lock file or folder that could not be made said "Something went
// wrong: lock …: permission denied" instead of naming the read-only folder.
func TestReadOnlyFolderIsNamedWhenLocking(t *testing.T) {
	// Root-proof: the classification itself.
	perm := &os.PathError{Op: "open", Path: "/x/p.db.lock", Err: syscall.EACCES}
	var fe *ReadOnlyFolderError
	if err := folderError("/x", perm); !errors.As(err, &fe) || fe.Dir != "/x" {
		t.Errorf("folderError: %v", err)
	}
	if err := folderError("/x", &os.PathError{Op: "open", Path: "/x", Err: syscall.EROFS}); !errors.As(err, &fe) {
		t.Errorf("read-only file system: %v", err)
	}
	if os.Geteuid() == 0 {
		t.Skip("root may write in any folder: the permission variant needs an ordinary user")
	}
	dir := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o700)
	for _, p := range []string{filepath.Join(dir, "p.db"), filepath.Join(dir, "new", "p.db")} {
		_, err := Open(context.Background(), p, WithLock())
		if !errors.As(err, &fe) {
			t.Errorf("Open(%s): %v, want *ReadOnlyFolderError", p, err)
		}
	}
}
