package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// backups FOLDER names a folder that does not exist (or a file) plainly,
// instead of saying it holds no backups yet.
func TestBackupsOfAFolderThatDoesNotExist(t *testing.T) {
	db, _ := smallPractice(t)
	missing := filepath.Join(t.TempDir(), "nonexist")
	code, out, errOut := runCLI(t, "--db", db, "backups", missing)
	if code == exitOK || !strings.Contains(errOut, "the folder "+missing+" does not exist") || strings.Contains(errOut, "yet") {
		t.Errorf("backups %s: %d %q %q", missing, code, out, errOut)
	}
	code, out, errOut = runCLI(t, "--db", db, "backups", db)
	if code == exitOK || !strings.Contains(errOut, "is a file, not a folder") {
		t.Errorf("backups FILE: %d %q %q", code, out, errOut)
	}
	// The practice's own folder before its first backup: none yet.
	code, _, errOut = runCLI(t, "--db", db, "backups")
	if code != exitOK || !strings.Contains(errOut, "yet") {
		t.Errorf("backups (none made): %d %q", code, errOut)
	}
}

// A backup made with the backup command is named and listed as made on
// purpose (rotation keeps the newest five of those).
func TestBackupCommandMakesABackupOnPurpose(t *testing.T) {
	db, _ := smallPractice(t)
	dest := t.TempDir()
	code, out, errOut := runCLI(t, "--db", db, "backup", dest)
	if code != exitOK || !strings.Contains(out, "-manual-") {
		t.Fatalf("backup: %d %q %q", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "--db", db, "backups", dest)
	if code != exitOK || !strings.Contains(out, "\tmade on purpose\t") {
		t.Errorf("backups: %d %q %q", code, out, errOut)
	}
}
