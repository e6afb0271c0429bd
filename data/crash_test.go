package data

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Environment of the crash test's child process.
const (
	crashChildEnv = "STILLPOINT_CRASH_CHILD" // the practice file; set only in the child
	crashSeedEnv  = "STILLPOINT_CRASH_SEED"
	crashKillsEnv = "STILLPOINT_CRASH_KILLS" // more (or fewer) kills than the default
)

// crashKills is how many times TestCrashSafety kills a writer: 50 in the
// plain run of make test, 10 in its race and time-zone runs (which repeat
// the data tests) and with -short.
func crashKills() int {
	if v, err := strconv.Atoi(os.Getenv(crashKillsEnv)); err == nil && v > 0 {
		return v
	}
	if testing.Short() || raceEnabled || os.Getenv("TZ") != "" {
		return 10
	}
	return 50
}

// TestCrashSafety runs this test binary again as a child that writes in a
// loop (client saves, bookings and recurring series, note autosaves, import
// batches: crashWriters) and prints "committed <kind> <token>" after each
// write returns. The parent kills it with SIGKILL at a random moment, then
// opens the file as the app would: PRAGMA integrity_check must say ok, every
// write the child reported is there with its content, and no write is there
// in part. The same file takes every kill, so each run also recovers from
// the one before.
func TestCrashSafety(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL of a child process: Unix only")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "practice.db")
	client, note, err := setUpCrashPractice(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	kills := crashKills()
	seed := uint64(1)
	if v, err := strconv.ParseUint(os.Getenv(crashSeedEnv), 10, 64); err == nil {
		seed = v
	}
	t.Logf("%d kills, seed %d (another schedule: %s=N)", kills, seed, crashSeedEnv)
	rng := rand.New(rand.NewPCG(seed, 1))
	start := time.Now()
	reported := 0
	for round := range kills {
		lines, err := runAndKill(path, client, note, round, rng.Uint64(), crashKillDelay(rng))
		if err != nil {
			t.Fatalf("kill %d: %v", round+1, err)
		}
		n, err := checkAfterCrash(ctx, path, lines)
		if err != nil {
			t.Fatalf("kill %d (seed %d): %v", round+1, seed, err)
		}
		reported += n
	}
	t.Logf("%d kills, %d committed writes checked, in %v", kills, reported, time.Since(start).Round(time.Millisecond))
	if reported == 0 {
		t.Errorf("no child reported a write before being killed: the test proves nothing")
	}
}

// runAndKill starts a child writing to path, kills it delay after it says it
// is ready, and returns the lines it printed (the last one only when whole).
func runAndKill(path string, client, note int64, round int, seed uint64, delay time.Duration) ([]string, error) {
	// The timeout ends the child should this test die before killing it.
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1", "-test.timeout=2m")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+path, crashSeedEnv+"="+strconv.FormatUint(seed, 10),
		fmt.Sprintf("STILLPOINT_CRASH_IDS=%d,%d,%d", client, note, round))
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	r := bufio.NewReader(out)
	var lines []string
	ready := false
	for !ready {
		line, err := r.ReadString('\n')
		if err != nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			return nil, fmt.Errorf("the child stopped before it was ready: %v", err)
		}
		ready = line == "ready\n"
	}
	time.Sleep(delay)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		return nil, err
	}
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			break // a line cut off by the kill was not reported
		}
		lines = append(lines, strings.TrimSuffix(line, "\n"))
	}
	_ = cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		return nil, fmt.Errorf("the child ended by itself (%v) instead of being killed", cmd.ProcessState)
	}
	return lines, nil
}

// checkAfterCrash opens the file the child was killed writing and checks
// it against what the child printed: "attempt <kind> <token>" before a
// write, "committed <kind> <token>" after it returned. It returns how many
// committed writes it checked.
func checkAfterCrash(ctx context.Context, path string, lines []string) (int, error) {
	s, err := Open(ctx, path, WithLock())
	if err != nil {
		return 0, fmt.Errorf("open after the kill: %w", err)
	}
	defer s.Close()
	var result string
	if err := s.r.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&result); err != nil || result != "ok" {
		return 0, fmt.Errorf("integrity_check: %q %v", result, err)
	}
	type write struct{ kind, token string }
	var attempts []write
	committed := map[write]bool{}
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) != 3 || f[0] != "attempt" && f[0] != "committed" {
			continue // the testing package's own lines
		}
		w := write{f[1], f[2]}
		switch f[0] {
		case "attempt":
			attempts = append(attempts, w)
		case "committed":
			committed[w] = true
		}
	}
	checked := 0
	for i, a := range attempts {
		cw, ok := crashWriterOf(a.kind)
		if !ok {
			return 0, fmt.Errorf("unknown kind %q", a.kind)
		}
		n, err := cw.count(ctx, s, a.token)
		if err != nil {
			return 0, fmt.Errorf("count %s %s: %w", a.kind, a.token, err)
		}
		if n != 0 && n != cw.rows {
			return 0, fmt.Errorf("%s %s is in %d rows, want all %d or none: a write was kept in part", a.kind, a.token, n, cw.rows)
		}
		if !committed[a] {
			continue // killed during this write: either outcome is right
		}
		checked++
		if n == cw.rows {
			continue
		}
		if !cw.update {
			return 0, fmt.Errorf("%s %s was reported committed but is missing", a.kind, a.token)
		}
		// An autosave's token is replaced by the next save of the same kind.
		superseded := false
		for _, later := range attempts[i+1:] {
			if later.kind != a.kind {
				continue
			}
			if m, err := cw.count(ctx, s, later.token); err == nil && m == cw.rows {
				superseded = true
			}
		}
		if !superseded {
			return 0, fmt.Errorf("%s %s was reported committed but neither it nor a later save is there", a.kind, a.token)
		}
	}
	return checked, nil
}

// TestCrashChild is the child of TestCrashSafety; it does nothing unless
// that test started it. It writes until it is killed.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashChildEnv)
	if path == "" {
		t.Skip("run by TestCrashSafety only")
	}
	var client, note int64
	var round int
	if _, err := fmt.Sscanf(os.Getenv("STILLPOINT_CRASH_IDS"), "%d,%d,%d", &client, &note, &round); err != nil {
		t.Fatal(err)
	}
	seed, _ := strconv.ParseUint(os.Getenv(crashSeedEnv), 10, 64)
	ctx := context.Background()
	s, err := Open(ctx, path, WithLock())
	if err != nil {
		t.Fatal(err)
	}
	c := &crashChild{rng: rand.New(rand.NewPCG(seed, 2)), client: client}
	if c.note, err = s.Note(ctx, note); err != nil {
		t.Fatal(err)
	}
	if c.today, err = s.Today(ctx); err != nil {
		t.Fatal(err)
	}
	fmt.Println("ready")
	for ; ; c.n++ {
		w := crashWriters[c.rng.IntN(len(crashWriters))]
		token := fmt.Sprintf("r%d-%d", round, c.n)
		fmt.Printf("attempt %s %s\n", w.kind, token)
		if err := w.write(ctx, s, c, token); err != nil {
			t.Fatalf("%s: %v", w.kind, err)
		}
		fmt.Printf("committed %s %s\n", w.kind, token)
	}
}

// The check must catch a write reported but missing, and a write kept in
// part; otherwise TestCrashSafety could pass whatever the file holds.
func TestCrashCheckCatchesLostAndPartialWrites(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "practice.db")
	if _, _, err := setUpCrashPractice(ctx, path); err != nil {
		t.Fatal(err)
	}
	if _, err := checkAfterCrash(ctx, path, []string{"attempt booking r0-1", "committed booking r0-1"}); err == nil ||
		!strings.Contains(err.Error(), "reported committed but is missing") {
		t.Errorf("a lost booking: %v", err)
	}
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CreateClient(ctx, &Client{FirstName: "Half", LastName: "Import", Notes: "r0-2"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := checkAfterCrash(ctx, path, []string{"attempt import r0-2"}); err == nil ||
		!strings.Contains(err.Error(), "kept in part") {
		t.Errorf("one client of an import batch: %v", err)
	}
	if n, err := checkAfterCrash(ctx, path, []string{"attempt client-save r0-3", "committed client-save r0-3"}); err == nil {
		t.Errorf("a lost autosave passed (%d checked)", n)
	}
}
