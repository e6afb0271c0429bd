package demo

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// assertNothingAt fails when anything of a practice file exists at path.
func assertNothingAt(t *testing.T, path string) {
	t.Helper()
	for _, p := range []string{path, path + "-wal", path + "-shm", path + ".lock", partialPath(path)} {
		if _, err := os.Lstat(p); err == nil {
			t.Errorf("%s was left behind", filepath.Base(p))
		}
	}
}

func TestCreateIsAllOrNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sample.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err := Create(ctx, path, Options{Clients: 1200, Progress: func(done, _ int) {
		if done > 0 {
			if _, err := os.Stat(partialPath(path)); err != nil {
				t.Errorf("not built beside the target: %v", err)
			}
			if _, err := os.Stat(path); err == nil {
				t.Error("the target exists before the sample is complete")
			}
			cancel() // after the first batch of 500
		}
	}}, CreateOptions{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Create cancelled midway: %v", err)
	}
	assertNothingAt(t, path)

	res, err := Create(context.Background(), path, Options{Years: 1, Seed: 2}, CreateOptions{})
	if err != nil || res.Clients != ClientsFor(1) || len(res.Cleaned) != 0 {
		t.Fatalf("Create: %+v %v", res, err)
	}
	st, err := data.OpenReadOnly(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if demo, err := st.IsDemo(context.Background()); err != nil || !demo {
		t.Errorf("the sample is not marked complete: %v %v", demo, err)
	}
	for _, p := range []string{partialPath(path), path + "-wal", path + ".lock"} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s left beside the sample", filepath.Base(p))
		}
	}
	if _, err := Create(context.Background(), path, Options{Years: 1}, CreateOptions{}); !errors.Is(err, data.ErrNotEmpty) {
		t.Errorf("Create over a sample without Reuse: %v", err)
	}
	if res, err := Create(context.Background(), path, Options{Years: 1}, CreateOptions{Reuse: true}); err != nil || !res.Reused {
		t.Errorf("Create with Reuse: %+v %v", res, err)
	}
}

func TestCreateCleansUpAnInterruptedRun(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sample.db")
	// A run killed while building leaves its temporary file…
	if err := os.WriteFile(partialPath(path), []byte("half a sample"), 0o600); err != nil {
		t.Fatal(err)
	}
	// …and an older Stillpoint filled the target in place, marked unfinished.
	st, err := data.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.MarkSampleUnfinished(context.Background()); err != nil {
		t.Fatal(err)
	}
	st.Close()
	res, err := Create(context.Background(), path, Options{Years: 1}, CreateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Cleaned) != 2 || res.Cleaned[0] != partialPath(path) || res.Cleaned[1] != path {
		t.Errorf("cleaned %v, want the temporary file and the unfinished sample", res.Cleaned)
	}
}

func TestCreateTakesTheLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sample.db")
	unlock, err := data.LockPractice(path)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	if _, err := Create(context.Background(), path, Options{Years: 1}, CreateOptions{}); !errors.Is(err, data.ErrInUse) {
		t.Fatalf("Create on a file open elsewhere: %v, want ErrInUse", err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("a sample was made in a file open elsewhere")
	}
}

func TestCreateUsesTheStoreClock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sample.db")
	// A clock before historyEnd: every date must stay behind the store's today.
	at := time.Date(2025, time.March, 3, 12, 0, 0, 0, time.UTC)
	if _, err := Create(context.Background(), path, Options{Years: 2}, CreateOptions{
		Store: []data.Option{data.WithClock(func() time.Time { return at })}}); err != nil {
		t.Fatal(err)
	}
	st, err := data.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	today := data.DateOf(at)
	for _, c := range allClients(t, st) {
		if today.Before(c.ConsentDate) {
			t.Fatalf("%s: consent %s after the store's today %s", c.FormalName(), c.ConsentDate, today)
		}
	}
}
