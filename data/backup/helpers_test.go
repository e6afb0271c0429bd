package backup

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/demo"
)

// testWork is a fast scrypt work factor for tests (the default takes about
// a second per use).
const testWork = 10

// clock is a settable fake clock for a Store.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }

// samplePractice opens a locked practice in a temporary folder, filled
// with a one-year sample practice, with a fake clock.
func samplePractice(t *testing.T) (context.Context, *data.Store, *clock) {
	t.Helper()
	ctx := context.Background()
	c := &clock{t: time.Date(2026, 11, 30, 9, 42, 0, 0, time.UTC)}
	path := filepath.Join(t.TempDir(), "practice", "stillpoint.db")
	st, err := data.Open(ctx, path, data.WithLock(), data.WithClock(c.now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := demo.Fill(ctx, st, demo.Options{Years: 1, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	return ctx, st, c
}

// names lists a folder's file names, sorted.
func names(t *testing.T, dir string) []string {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, de := range des {
		out = append(out, de.Name())
	}
	sort.Strings(out)
	return out
}

// readFile reads a file or fails the test.
func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// noLitter fails when a folder holds temporary or working files.
func noLitter(t *testing.T, dirs ...string) {
	t.Helper()
	for _, dir := range dirs {
		for _, n := range names(t, dir) {
			if isTemp(n) || filepath.Ext(n) == ".db" && n[0] == '.' {
				t.Errorf("%s: left %s behind", dir, n)
			}
		}
	}
}
