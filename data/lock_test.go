//go:build unix

package data

import (
	"errors"
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
