package gui

import (
	"context"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// Closing the window stops long work and waits for it before the practice
// file closes; what the work would have shown is dropped. (A backup still
// running when a test's window closed once finished later and redrew the
// banner beside the next test: Fyne's text shaper then crashed.)
func TestClosingTheWindowWaitsForBackgroundWork(t *testing.T) {
	a := test.NewTempApp(t)
	st, err := data.Open(context.Background(), filepath.Join(t.TempDir(), "practice.db"))
	if err != nil {
		t.Fatal(err)
	}
	w := a.NewWindow("Stillpoint")
	sh := newShell(a, w, st, Options{Version: "test"}) // real goroutines
	sh.after = holdTimer
	sh.start()
	started, finished := make(chan struct{}), make(chan struct{})
	var stopped, storeOpen, applied atomic.Bool
	sh.background(func(ctx context.Context) func() {
		defer close(finished)
		close(started)
		select {
		case <-ctx.Done():
			stopped.Store(true)
		case <-time.After(10 * time.Second):
		}
		_, err := st.IsEmpty(context.Background())
		storeOpen.Store(err == nil)
		return func() { applied.Store(true) }
	})
	<-started
	w.Close()
	select {
	case <-finished:
	default:
		t.Fatal("closing the window did not wait for the work under way")
	}
	if !stopped.Load() {
		t.Error("the work was not told to stop when the window closed")
	}
	if !storeOpen.Load() {
		t.Error("the practice file closed under the work")
	}
	if applied.Load() {
		t.Error("the work's result was shown after the window closed")
	}
}
