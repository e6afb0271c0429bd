package main

import (
	"bytes"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// assertOnlyFile fails when anything but path itself exists beside it:
// SQLite's journals, a lock file, a temporary sample.
func assertOnlyFile(t *testing.T, path string) {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != filepath.Base(path) {
			t.Errorf("%s was left beside %s", e.Name(), filepath.Base(path))
		}
	}
}

func TestEmptyDBIsAUsageError(t *testing.T) {
	for _, args := range [][]string{{"--db", ""}, {"--db=", "check"}, {"list", "clients", "--db", ""},
		{"--db", "", "demo"}} {
		code, out, errOut := runCLI(t, args...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, "--db needs a file name") {
			t.Errorf("%q: %d %q %q", args, code, out, errOut)
		}
	}
}

func TestPathEndingInSlashIsRefused(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{"--db", dir + "/new/", "demo", "--years", "1"}, {"--db", dir, "demo", "--years", "1"},
		{"--db", dir + "/", "check"}} {
		code, _, errOut := runCLI(t, args...)
		if code != exitFail || !strings.Contains(errOut, "folder") {
			t.Errorf("%q: %d %q", args, code, errOut)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("made %v", entries)
	}
}

func TestReadCommandsOnAnEmptyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	os.WriteFile(path, nil, 0o600)
	for _, cmd := range [][]string{{"list", "clients"}, {"check"}} {
		code, _, errOut := runCLI(t, append([]string{"--db", path}, cmd...)...)
		if code != exitFail || !strings.Contains(errOut, "This practice file is empty") {
			t.Errorf("%v on an empty file: %d %q", cmd, code, errOut)
		}
	}
	if fi, _ := os.Stat(path); fi.Size() != 0 {
		t.Errorf("a read command wrote %d bytes into an empty file", fi.Size())
	}
	assertOnlyFile(t, path)
}

func TestOtherProgramsDatabaseIsLeftAlone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "recipes.db")
	db, err := sql.Open("sqlite3", path)
	if err == nil {
		_, err = db.Exec(`CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('bread')`)
		db.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	for _, cmd := range [][]string{{"list", "clients"}, {"check"}, {"demo", "--years", "1"}} {
		code, out, errOut := runCLI(t, append([]string{"--db", path}, cmd...)...)
		if code != exitFail || out != "" || !strings.Contains(errOut, "made by another program") {
			t.Errorf("%v: %d %q %q", cmd, code, out, errOut)
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("another program's database was changed")
	}
	assertOnlyFile(t, path)
}

func TestReadCommandsOnAnOldFileWriteNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	fixture, err := os.ReadFile("../../data/testdata/schema1.db")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, fixture, 0o400) // read-only, as on a backup stick
	code, out, errOut := runCLI(t, "--db", path, "check")
	if code != exitOK || !strings.Contains(out, "schema: 1") || !strings.Contains(out, "upgrades it") {
		t.Errorf("check on an old file: %d %q %q", code, out, errOut)
	}
	code, _, errOut = runCLI(t, "--db", path, "list", "clients")
	if code != exitFail || !strings.Contains(errOut, "will upgrade it when the app opens it") {
		t.Errorf("list on an old file: %d %q", code, errOut)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, fixture) {
		t.Error("a read command changed the file")
	}
	assertOnlyFile(t, path) // before: 0400 -wal and -shm stayed and broke every later save
}

func TestDemoTakesThePracticeLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "practice.db")
	unlock, err := data.LockPractice(path) // the app, open on its welcome screen
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	code, _, errOut := runCLI(t, "--db", path, "demo", "--years", "1")
	if code != exitFail || !strings.Contains(errOut, "another Stillpoint program is using this practice file") {
		t.Errorf("demo on a file open in the app: %d %q", code, errOut)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("demo filled a file the app has open")
	}
}

// TestDemoKilledLeavesNoPartialSample runs `stillpoint demo` in a child
// process (this test binary, see TestChildRunsTheCommandLine), kills it
// with SIGKILL while it is storing clients, and checks that no sample
// practice, complete or not, is at the path; the next run says it cleaned
// up and makes the whole sample.
func TestDemoKilledLeavesNoPartialSample(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "sample.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestChildRunsTheCommandLine$", "-test.count=1")
	cmd.Env = append(os.Environ(), "STILLPOINT_CLI_CHILD=--db\x1f"+path+"\x1fdemo\x1f--clients\x1f100000")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	partial := filepath.Join(dir, ".sample.db.partial")
	deadline := time.Now().Add(20 * time.Second)
	for {
		if fi, err := os.Stat(partial + "-wal"); err == nil && fi.Size() > 0 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the child never started storing clients")
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(150 * time.Millisecond) // well into the clients
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if _, err := os.Stat(path); err == nil {
		t.Fatal("a killed demo left a sample practice at the path")
	}
	code, out, errOut := runCLI(t, "--db", path, "demo", "--years", "1")
	if code != exitOK || !strings.Contains(errOut, "unfinished sample practice from an interrupted run; it was removed") {
		t.Fatalf("demo after a killed run: %d %q %q", code, out, errOut)
	}
	assertOnlyFile(t, path)
}

// TestChildRunsTheCommandLine is the child of the tests above: it runs the
// command line given in STILLPOINT_CLI_CHILD (arguments separated by \x1f).
func TestChildRunsTheCommandLine(t *testing.T) {
	args := os.Getenv("STILLPOINT_CLI_CHILD")
	if args == "" {
		t.Skip("only runs as a child process")
	}
	os.Exit(run(strings.Split(args, "\x1f"), strings.NewReader(""), os.Stdout, os.Stderr))
}

func TestWindowsBuildEmbedsTimeZones(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("needs the go tool")
	}
	cmd := exec.Command(goTool, "list", "-deps", "-tags", "sqlite_fts5 migrated_fynedo", ".")
	cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=1")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	if !strings.Contains(string(out), "\ntime/tzdata\n") {
		t.Error("the Windows build does not link time/tzdata: every zone but UTC would be refused")
	}
}
