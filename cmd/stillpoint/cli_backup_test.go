package main

import (
	"context"

	"bytes"
	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/backup"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBackupBackupsAndRestoreCommands(t *testing.T) {
	db := demoDB(t)
	dest := filepath.Join(t.TempDir(), "stick")
	code, out, errOut := runCLI(t, "--db", db, "backup", dest)
	if code != exitOK || !strings.Contains(out, "Backed up to "+dest+string(filepath.Separator)+"demo-") {
		t.Fatalf("backup: %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "--db", db, "backups", dest)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != exitOK || len(lines) != 1 || !strings.Contains(lines[0], "\tplain\t") {
		t.Fatalf("backups: %d\n%s%s", code, out, errOut)
	}
	file := lines[0][strings.LastIndex(lines[0], "\t")+1:]
	// The default folder has none yet.
	code, out, errOut = runCLI(t, "--db", db, "backups")
	if code != exitOK || out != "" || !strings.Contains(errOut, "No backups in") {
		t.Errorf("backups (default folder): %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "--db", db, "restore", file)
	if code != exitOK || !strings.Contains(out, "Restoring the backup of ") || !strings.Contains(out, "Restored "+db) {
		t.Fatalf("restore: %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut := runCLI(t, "--db", db, "check"); code != exitOK {
		t.Errorf("check after restore: %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut := runCLI(t, "--db", db, "restore"); code != exitUsage || !strings.Contains(errOut, "name one backup") {
		t.Errorf("restore with no file: %d %s", code, errOut)
	}
}

func TestRestoreAsksForThePassphrase(t *testing.T) {
	db := demoDB(t)
	dest := t.TempDir()
	plain := filepath.Join(t.TempDir(), "other.db")
	// An encrypted backup made by another practice file with its passphrase.
	if code, _, errOut := runCLI(t, "--db", plain, "demo", "--years", "1"); code != exitOK {
		t.Fatal(errOut)
	}
	setPassphrase(t, plain, "a long passphrase")
	if code, out, errOut := runCLI(t, "--db", plain, "backup", dest); code != exitOK || !strings.Contains(out, "encrypted") {
		t.Fatalf("backup: %d %s %s", code, out, errOut)
	}
	matches, _ := filepath.Glob(filepath.Join(dest, "*.db.age"))
	if len(matches) != 1 {
		t.Fatalf("backups: %v", matches)
	}
	var out, errOut bytes.Buffer
	code := run([]string{"--db", db, "restore", matches[0]}, strings.NewReader("wrong passphrase\n"), &out, &errOut)
	if code != exitFail || !strings.Contains(errOut.String(), "Passphrase:") ||
		!strings.Contains(errOut.String(), "That passphrase does not open this backup") {
		t.Errorf("wrong passphrase: %d\n%s%s", code, out.String(), errOut.String())
	}
	pf := filepath.Join(t.TempDir(), "pass")
	os.WriteFile(pf, []byte("a long passphrase\n"), 0o600) //nolint:errcheck // read below
	out.Reset()
	errOut.Reset()
	code = run([]string{"--db", db, "restore", "--passphrase-file", pf, matches[0]}, strings.NewReader(""), &out, &errOut)
	if code != exitOK || !strings.Contains(out.String(), "Restored ") {
		t.Errorf("with --passphrase-file: %d\n%s%s", code, out.String(), errOut.String())
	}
}

// setPassphrase sets a practice's backup passphrase (the app's Settings do
// this; the command line has no command for it).
func setPassphrase(t *testing.T, path, pass string) {
	t.Helper()
	ctx := context.Background()
	st, err := data.Open(ctx, path, data.WithLock())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := backup.SetPassphrase(ctx, st, pass); err != nil {
		t.Fatal(err)
	}
}

func TestRestoreOverADamagedPracticeKeepsItAside(t *testing.T) {
	db := demoDB(t)
	dest := t.TempDir()
	if code, _, errOut := runCLI(t, "--db", db, "backup", dest); code != exitOK {
		t.Fatal(errOut)
	}
	matches, _ := filepath.Glob(filepath.Join(dest, "demo-*.db"))
	if len(matches) != 1 {
		t.Fatalf("backups: %v", matches)
	}
	b, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	copy(b[:16], "not a database!!")
	if err := os.WriteFile(db, b, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "--db", db, "restore", matches[0])
	if code != exitOK || !strings.Contains(out, "is kept as "+db+".unopenable-") {
		t.Fatalf("restore: %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut := runCLI(t, "--db", db, "check"); code != exitOK {
		t.Errorf("check: %d\n%s%s", code, out, errOut)
	}
}
