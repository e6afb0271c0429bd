package main

import (
	"bytes"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stillpoint/stillpoint/data"
)

// runCLI runs the command line and returns its status and output.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// demoDB makes a small sample practice and returns its path.
func demoDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "demo.db")
	code, out, errOut := runCLI(t, "--db", db, "demo", "--years", "2", "--seed", "3")
	if code != exitOK || !strings.Contains(out, "Filled "+db+" with a sample practice: 120 clients (") ||
		!strings.Contains(out, "archived), 2 years.") {
		t.Fatalf("demo: %d\n%s%s", code, out, errOut)
	}
	return db
}

func TestDemoThenCheck(t *testing.T) {
	db := demoDB(t)
	code, out, errOut := runCLI(t, "--db="+db, "check")
	if code != exitOK {
		t.Fatalf("check: %d\n%s%s", code, out, errOut)
	}
	schema := fmt.Sprintf("schema: %[1]d (latest %[1]d)\n", data.LatestSchema())
	for _, want := range []string{schema, "quick_check: ok\n", "foreign keys: ok\n",
		"demo: yes\n", "clients: 120\n", "client_conditions: ", "client_tags: ", "health_history_versions: 120\n",
		"practice: 1\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
	// --db also works after the command.
	if code, _, errOut := runCLI(t, "check", "--db", db); code != exitOK {
		t.Errorf("check --db after the command: %d %s", code, errOut)
	}
}

func TestListClients(t *testing.T) {
	db := demoDB(t)
	code, out, errOut := runCLI(t, "--db", db, "list", "clients")
	if code != exitOK {
		t.Fatalf("list: %d %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	code, archived, _ := runCLI(t, "--db", db, "list", "--archived", "clients")
	if code != exitOK || archived == "" {
		t.Fatalf("list --archived: %d %q", code, archived)
	}
	if n := len(lines) + strings.Count(archived, "\n"); n != 120 {
		t.Errorf("%d clients listed, want 120", n)
	}
	for _, l := range lines {
		if f := strings.Split(l, "\t"); len(f) != 4 || f[0] == "" || f[1] == "" {
			t.Errorf("line %q is not id, name, phone, e-mail", l)
		}
	}
	for _, want := range []string{"\tZoë Tremblay\t", "\tŁukasz Kowalski\t", "\tАнна Иванова\t"} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q", want)
		}
	}
	code, out, _ = runCLI(t, "--db", db, "list", "clients", "--search", "zoe")
	if code != exitOK || !strings.Contains(out, "\tZoë Tremblay\t") || strings.Contains(out, "Łukasz") {
		t.Errorf("list --search zoe: %d\n%s", code, out)
	}
	if code, _, errOut := runCLI(t, "--db", db, "list", "invoices"); code != exitUsage || !strings.Contains(errOut, "invoices") {
		t.Errorf("list invoices: %d %s", code, errOut)
	}
}

func TestDemoRefusesNonEmpty(t *testing.T) {
	db := demoDB(t)
	code, out, errOut := runCLI(t, "--db", db, "demo")
	if code != exitFail || out != "" || !strings.Contains(errOut, "the database "+db+" already holds records; "+
		"demo data goes into an empty file, e.g. --db /tmp/demo.db") {
		t.Errorf("demo on a filled file: %d %q %q", code, out, errOut)
	}
}

func TestDemoUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	for _, args := range [][]string{
		{"demo", "--years", "0"}, {"demo", "--years", "51"}, {"demo", "--years", "ten"},
		{"demo", "--clients", "-1"}, {"demo", "extra"},
	} {
		code, _, errOut := runCLI(t, append([]string{"--db", db}, args...)...)
		if code != exitUsage || !strings.HasPrefix(errOut, "stillpoint demo: ") {
			t.Errorf("%v: %d %q", args, code, errOut)
		}
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("a refused demo created %s (%v)", db, err)
	}
	if _, _, errOut := runCLI(t, "--db", db, "demo", "--years", "0"); !strings.Contains(errOut, "--years must be between 1 and 50") {
		t.Errorf("--years 0: %q", errOut)
	}
}

func TestCheckRefusesWhatIsNotAPractice(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("Shopping list: lotion, towels\n"), 0o600)
	code, out, errOut := runCLI(t, "--db", text, "check")
	if code != exitFail || out != "" || !strings.Contains(errOut, "not a Stillpoint practice file") {
		t.Errorf("check on a text file: %d %q %q", code, out, errOut)
	}
	if b, _ := os.ReadFile(text); string(b) != "Shopping list: lotion, towels\n" {
		t.Error("check changed the text file")
	}

	missing := filepath.Join(dir, "missing.db")
	for _, cmd := range [][]string{{"check"}, {"list", "clients"}} {
		code, _, errOut = runCLI(t, append([]string{"--db", missing}, cmd...)...)
		if code != exitFail || !strings.Contains(errOut, "no practice file at "+missing) {
			t.Errorf("%v on a missing file: %d %q", cmd, code, errOut)
		}
		if _, err := os.Stat(missing); !os.IsNotExist(err) {
			t.Fatalf("%v created %s", cmd, missing)
		}
	}

	newer := filepath.Join(dir, "newer.db")
	db, err := sql.Open("sqlite3", newer)
	if err == nil {
		_, err = db.Exec(`PRAGMA user_version = 99; PRAGMA application_id = 1397771860; CREATE TABLE future (x)`)
		db.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runCLI(t, "--db", newer, "check")
	if code != exitFail || !strings.Contains(errOut, "newer version of Stillpoint") || strings.Contains(errOut, "goroutine") {
		t.Errorf("check on a newer file: %d %q", code, errOut)
	}
}

func TestCheckReportsProblems(t *testing.T) {
	db := demoDB(t)
	// A health-history version that belongs to no client.
	raw, err := sql.Open("sqlite3", db)
	if err == nil {
		_, err = raw.Exec(`INSERT INTO health_history_versions (client_id, recorded_at, snapshot) VALUES (99999, 0, '{}')`)
		raw.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "--db", db, "check")
	if code != exitFail || !strings.Contains(out, "foreign keys: 1 rows point at missing records") ||
		!strings.Contains(errOut, "problems found") {
		t.Errorf("check with a broken reference: %d\n%s%s", code, out, errOut)
	}
}

func TestVersionHelpAndUnknown(t *testing.T) {
	want := versionText(currentBuild())
	for _, args := range [][]string{{"version"}, {"--version"}} {
		if code, out, _ := runCLI(t, args...); code != exitOK || out != want ||
			!strings.HasPrefix(out, fmt.Sprintf("stillpoint 0.1.0 (schema %d)\n", data.LatestSchema())) {
			t.Errorf("%v: %d %q, want %q", args, code, out, want)
		}
	}
	for _, args := range [][]string{{"-h"}, {"--help"}, {"help"}} {
		code, out, _ := runCLI(t, args...)
		if code != exitOK || !strings.Contains(out, "list clients") || !strings.Contains(out, "--db FILE") {
			t.Errorf("%v: %d %q", args, code, out)
		}
	}
	code, out, errOut := runCLI(t, "frobnicate")
	if code != exitUsage || out != "" || !strings.Contains(errOut, `unknown command "frobnicate"`) ||
		!strings.Contains(errOut, "Usage:") {
		t.Errorf("unknown command: %d %q %q", code, out, errOut)
	}
	if code, _, _ := runCLI(t, "--nope"); code != exitUsage {
		t.Errorf("unknown flag: %d", code)
	}
}
