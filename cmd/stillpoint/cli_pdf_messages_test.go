package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// Each pdf kind names its own list command; id 0 is not called "not a whole
// number"; a missing folder is named, never the hidden partial file.
func TestPDFMessagesNameTheirList(t *testing.T) {
	db := demoDB(t)
	out := filepath.Join(t.TempDir(), "x.pdf")
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"pdf", "careplan", "0", "-o", out}, exitUsage, "there is no care plan 0; ids start at 1 (see `list plans`)"},
		{[]string{"pdf", "careplan", "x", "-o", out}, exitUsage, "as `list plans` prints them"},
		{[]string{"pdf", "careplan", "99999", "-o", out}, exitFail, "(see `list plans`)"},
		{[]string{"pdf", "handout", "99999", "-o", out}, exitFail, "there is no handout with id 99999 (see `list handouts`)"},
		{[]string{"pdf", "note", "99999", "-o", out}, exitFail, "(see `list notes`)"},
		{[]string{"pdf", "note"}, exitUsage, "as `list notes` prints it"},
		{[]string{"pdf", "progress", "0", "-o", out}, exitUsage, "ids start at 1 (see `list clients`)"},
	} {
		code, _, errOut := runCLI(t, append([]string{"--db", db}, c.args...)...)
		if code != c.code || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: %d %q; want %d and %q", c.args, code, errOut, c.code, c.want)
		}
	}
	missing := filepath.Join(t.TempDir(), "nonexistent")
	code, _, errOut := runCLI(t, "--db", db, "pdf", "handout", "1", "-o", filepath.Join(missing, "x.pdf"))
	if code != exitFail || strings.Contains(errOut, ".partial") || !strings.Contains(errOut, "the folder "+missing+" does not exist") {
		t.Errorf("-o in a missing folder: %d %q", code, errOut)
	}
}
