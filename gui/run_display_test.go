package gui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// Defect: without a usable display the practice file was created and
// migrated, then GLFW panicked, leaving -wal, -shm and .lock behind.
func TestNoDisplayLeavesThePracticeFileUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "zz.db")
	noDisplay := func(fyne.App) error { return errors.New("X11: Failed to open display :99") }
	err := start(test.NewTempApp(t), Options{DBPath: path}, noDisplay)
	var de *DisplayError
	if !errors.As(err, &de) || !strings.HasPrefix(err.Error(), "Stillpoint could not open a window: no display") {
		t.Fatalf("start: %v, want *DisplayError", err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 0 {
		t.Errorf("files were made: %v", entries)
	}
}

// Defect: a panic of the graphics system reached the user as a Go panic and
// left the practice locked.
func TestGraphicsPanicClosesThePractice(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	err := func() (err error) {
		var st *data.Store
		defer closeOnPanic(&st, &err)
		if st, err = data.Open(context.Background(), path, data.WithLock()); err != nil {
			t.Fatal(err)
		}
		panic("NotInitialized: The GLFW library is not initialized")
	}()
	var de *DisplayError
	if !errors.As(err, &de) {
		t.Fatalf("err %v, want *DisplayError", err)
	}
	for _, side := range []string{"-wal", "-shm", ".lock"} {
		if _, serr := os.Stat(path + side); serr == nil {
			t.Errorf("%s left behind", side)
		}
	}
}

// Defect: the cannot-open window showed the path as given (relative), and
// the file chooser did not start in the file's folder.
func TestOpenFailureShowsTheFullPathAndItsFolder(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	a := test.NewTempApp(t)
	f := showOpenFailure(a, Options{DBPath: "notes.db"}, data.ErrNotDatabase)
	if want := "File: " + filepath.Join(dir, "notes.db"); f.file.Text != want {
		t.Errorf("file label %q, want %q", f.file.Text, want)
	}
	test.Tap(f.other)
	if f.startDir != dir {
		t.Errorf("the file chooser starts in %q, want %q", f.startDir, dir)
	}
}

// Defect: "Save as PDF…" dereferenced nil and the app quit saying no
// display could be used. A fault of Stillpoint itself is reported as such,
// with its stack, and still closes the practice.
func TestProgramFaultIsNotCalledADisplayProblem(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	err := func() (err error) {
		var st *data.Store
		defer closeOnPanic(&st, &err)
		if st, err = data.Open(context.Background(), path, data.WithLock()); err != nil {
			t.Fatal(err)
		}
		var p *struct{ n int }
		return fmt.Errorf("unreachable %d", p.n)
	}()
	var fe *FaultError
	if !errors.As(err, &fe) || !strings.HasPrefix(err.Error(), "Stillpoint stopped because of a fault") || !strings.Contains(err.Error(), "goroutine") {
		t.Fatalf("err %v, want a *FaultError with its stack", err)
	}
	if _, serr := os.Stat(path + ".lock"); serr == nil {
		t.Error("the practice stayed locked")
	}
}
