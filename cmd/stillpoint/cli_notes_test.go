package main

import (
	"os"
	"strings"
	"testing"
)

// list notes prints id, client, visit date, draft/signed and amended
// yes/no, tab-separated; --client keeps one client's; the file is read
// only (no -wal or -shm appears beside it).
func TestListNotes(t *testing.T) {
	db := demoDB(t)
	code, out, errOut := runCLI(t, "--db", db, "list", "notes")
	if code != exitOK {
		t.Fatalf("list notes: %d %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) < 1000 {
		t.Fatalf("%d notes in a two-year sample", len(lines))
	}
	seen := map[string]int{}
	var clientID, clientName string
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 5 || f[1] == "" || len(f[2]) != 10 || (f[3] != "draft" && f[3] != "signed") ||
			(f[4] != "yes" && f[4] != "no") {
			t.Fatalf("line %q", l)
		}
		seen[f[3]]++
		seen["amended "+f[4]]++
		clientName = f[1]
	}
	if seen["draft"] == 0 || seen["signed"] < seen["draft"] || seen["amended yes"] == 0 {
		t.Errorf("mix: %v", seen)
	}
	code, clients, _ := runCLI(t, "--db", db, "list", "clients", "--search", clientName)
	if code != exitOK || clients == "" {
		t.Fatalf("find %s: %d", clientName, code)
	}
	clientID = strings.Split(clients, "\t")[0]
	code, out, errOut = runCLI(t, "--db", db, "list", "notes", "--client", clientID)
	if code != exitOK || out == "" {
		t.Fatalf("list notes --client: %d %s", code, errOut)
	}
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if strings.Split(l, "\t")[1] != clientName {
			t.Errorf("another client's note: %q", l)
		}
	}
	if code, _, errOut := runCLI(t, "--db", db, "list", "notes", "--client", "99999"); code == exitOK ||
		!strings.Contains(errOut, "no client with id 99999") {
		t.Errorf("unknown client: %d %s", code, errOut)
	}
	if code, _, errOut := runCLI(t, "--db", db, "list", "clients", "--client", "1"); code == exitOK ||
		!strings.Contains(errOut, "--client is for list notes") {
		t.Errorf("--client on clients: %d %s", code, errOut)
	}
	for _, side := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(db + side); err == nil {
			t.Errorf("list notes left %s beside the file", side)
		}
	}
}
