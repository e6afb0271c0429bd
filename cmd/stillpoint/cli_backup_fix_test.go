package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBackupCommandsTakeFlagsAfterTheirArguments(t *testing.T) {
	db := demoDB(t)
	setPassphrase(t, db, "a long passphrase")
	dest := t.TempDir()
	if code, out, errOut := runCLI(t, "--db", db, "backup", dest); code != exitOK {
		t.Fatalf("backup: %d %s %s", code, out, errOut)
	}
	matches, _ := filepath.Glob(filepath.Join(dest, "*.db.age"))
	if len(matches) != 1 {
		t.Fatalf("backups: %v", matches)
	}
	pf := filepath.Join(t.TempDir(), "pass")
	if err := os.WriteFile(pf, []byte("a long passphrase\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	// As the help shows it: the backup first, then the option.
	code, out, errOut := runCLI(t, "--db", db, "restore", matches[0], "--passphrase-file", pf)
	if code != exitOK || !strings.Contains(out, "Restored "+db) {
		t.Fatalf("restore BACKUP --passphrase-file FILE: %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut := runCLI(t, "--db", db, "restore", matches[0], "--nonsense"); code != exitUsage ||
		!strings.Contains(errOut, "--nonsense") {
		t.Errorf("an unknown option after the file: %d %s", code, errOut)
	}
	if code, _, errOut := runCLI(t, "--db", db, "restore", matches[0], "another"); code != exitUsage ||
		!strings.Contains(errOut, "name one backup") {
		t.Errorf("two files: %d %s", code, errOut)
	}
	// The copy made before the restore is listed, marked as kept.
	code, out, errOut = runCLI(t, "--db", db, "backups")
	if code != exitOK || !strings.Contains(out, "before a restore (kept)") {
		t.Errorf("backups: %d\n%s%s", code, out, errOut)
	}
}

func TestRestoreOntoANewComputerMakesThePracticeFile(t *testing.T) {
	db := demoDB(t)
	dest := t.TempDir()
	if code, _, errOut := runCLI(t, "--db", db, "backup", dest); code != exitOK {
		t.Fatal(errOut)
	}
	matches, _ := filepath.Glob(filepath.Join(dest, "demo-*.db"))
	if len(matches) != 1 {
		t.Fatalf("backups: %v", matches)
	}
	fresh := filepath.Join(t.TempDir(), "new laptop", "clinic.db")
	code, out, errOut := runCLI(t, "--db", fresh, "restore", matches[0])
	if code != exitOK || !strings.Contains(out, "Restored "+fresh+" from the backup: 120 clients") {
		t.Fatalf("restore onto a new computer: %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut := runCLI(t, "--db", fresh, "check"); code != exitOK {
		t.Errorf("check: %d\n%s%s", code, out, errOut)
	}
}

func TestRestoreOfAMissingBackupFileSaysThereIsNone(t *testing.T) {
	db := demoDB(t)
	missing := filepath.Join(t.TempDir(), "nothere.db")
	code, _, errOut := runCLI(t, "--db", db, "restore", missing)
	if code != exitFail || !strings.Contains(errOut, "There is no backup file at "+missing) ||
		strings.Contains(errOut, "USB") {
		t.Errorf("restore nothere.db: %d %s", code, errOut)
	}
}
