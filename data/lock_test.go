//go:build unix

package data

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestLockPracticeRefusesASecondWindow(t *testing.T) {
	path := filepath.Join(t.TempDir(), "practice.db")
	unlock, err := LockPractice(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := LockPractice(path); !errors.Is(err, ErrInUse) {
		t.Fatalf("second lock: %v, want ErrInUse", err)
	}
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	again, err := LockPractice(path)
	if err != nil {
		t.Fatalf("lock after unlock: %v", err)
	}
	again()
}

func TestLockFollowsTheFile(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real", "practice.db")
	s, err := Open(context.Background(), real, WithLock())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := os.Symlink(real, filepath.Join(dir, "link.db")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "real"), filepath.Join(dir, "folder")); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "other"), 0o700); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{
		filepath.Join(dir, "link.db"),               // a link to the file
		filepath.Join(dir, "folder", "practice.db"), // through a linked folder
		dir + "/other/../real/practice.db",          // a second path
		dir + "/folder/../real/practice.db",         // ".." after a link
	} {
		if unlock, err := LockPractice(p); !errors.Is(err, ErrInUse) {
			if err == nil {
				unlock()
			}
			t.Errorf("LockPractice(%s): %v, want ErrInUse", p, err)
		}
		if _, err := Open(context.Background(), p, WithLock()); !errors.Is(err, ErrInUse) {
			t.Errorf("Open(%s, WithLock): %v, want ErrInUse", p, err)
		}
	}
}

func TestCloseRemovesTheLockFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "practice.db")
	s, err := Open(context.Background(), path, WithLock())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + ".lock"); err != nil {
		t.Fatalf("no lock file while open: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + ".lock"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the lock file stayed after Close: %v", err)
	}
	again, err := Open(context.Background(), path, WithLock())
	if err != nil {
		t.Fatalf("reopen after close: %v", err)
	}
	again.Close()
}

func TestRefusedFileGetsNoLockFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "letter.db")
	if err := os.WriteFile(path, []byte("Dear client, this is a letter."), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(context.Background(), path, WithLock()); !errors.Is(err, ErrNotDatabase) {
		t.Fatalf("Open: %v", err)
	}
	if _, err := os.Stat(path + ".lock"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a refused file got a lock file beside it: %v", err)
	}
}
