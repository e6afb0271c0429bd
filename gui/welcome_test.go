package gui

import (
	"context"
	"errors"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

func TestSampleAndRealPracticeAreLockedWhileShown(t *testing.T) {
	sh := newTestShell(t, false)
	realPath := sh.store.Path()
	demoPath := data.DemoPath(realPath)
	test.Tap(findWelcome(t, sh).explore)
	if sh.store.Path() != demoPath {
		t.Fatalf("demo not opened: %s", sh.store.Path())
	}
	if _, err := data.LockPractice(demoPath); !errors.Is(err, data.ErrInUse) {
		t.Errorf("the sample practice shown is not locked: %v", err)
	}
	sh.reallyLeaveDemo()
	if sh.store.Path() != realPath {
		t.Fatalf("did not leave the demo: %s", sh.store.Path())
	}
	unlock, err := data.LockPractice(demoPath)
	if err != nil {
		t.Fatalf("the sample practice stayed locked after leaving it: %v", err)
	}
	unlock()
	if _, err := data.LockPractice(realPath); !errors.Is(err, data.ErrInUse) {
		t.Errorf("the real practice is not locked after coming back: %v", err)
	}
}

func TestExploreRemakesAnUnfinishedSample(t *testing.T) {
	sh := newTestShell(t, false)
	demoPath := data.DemoPath(sh.store.Path())
	st, err := data.Open(context.Background(), demoPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.MarkSampleUnfinished(context.Background()); err != nil {
		t.Fatal(err)
	}
	st.Close()
	test.Tap(findWelcome(t, sh).explore)
	if sh.store.Path() != demoPath || !sh.demo || len(sh.clients.rows) < 50 {
		t.Fatalf("the unfinished sample was not made again: path %s demo %v", sh.store.Path(), sh.demo)
	}
}
