package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stillpoint/stillpoint/data"
)

// fixture is a test file of the csvimport package.
func fixture(name string) string {
	return filepath.Join("..", "..", "data", "csvimport", "testdata", name)
}

// practiceWithAda makes a practice holding one client, Ada Lovelace.
func practiceWithAda(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "practice.db")
	ctx := context.Background()
	st, err := data.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.CreateClient(ctx, &data.Client{FirstName: "Ada", LastName: "Lovelace", Email: "ada@example.com"}); err != nil {
		t.Fatal(err)
	}
	return db
}

func clientCount(t *testing.T, db string) int {
	t.Helper()
	st, err := data.OpenReadOnly(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	keys, err := st.ClientKeys(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(keys)
}

func TestImportClientsDryRunThenImport(t *testing.T) {
	db := practiceWithAda(t)
	code, out, errOut := runCLI(t, "--db", db, "import", "clients", fixture("jane.csv"), "--dry-run")
	if code != exitOK {
		t.Fatalf("dry run: %d %s", code, errOut)
	}
	for _, want := range []string{"Read jane.csv (UTF-8, separated by commas): 7 rows.", "2 rows to import",
		"3 rows cannot be imported", "row 4: Please enter the client's last name.",
		"row 7: The date of birth 1 Jan 2090 is in the future.",
		"1 row looks like a client you already have and 1 row looks like an earlier row of this file (skipped",
		"row 9: Ada Lovelace, same e-mail address as Ada Lovelace, already in your practice",
		"Dry run: nothing was written."} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run lacks %q:\n%s", want, out)
		}
	}
	if n := clientCount(t, db); n != 1 {
		t.Fatalf("dry run wrote: %d clients", n)
	}
	code, out, errOut = runCLI(t, "--db", db, "import", "clients", fixture("jane.csv"), "--merge-duplicates")
	if code != exitOK || !strings.Contains(out, "Imported 2 new clients. Filled 2 empty fields in 1 existing client.") {
		t.Fatalf("import: %d\n%s%s", code, out, errOut)
	}
	if n := clientCount(t, db); n != 3 {
		t.Errorf("%d clients after the import, want 3", n)
	}
}

func TestImportClientsTakesThePracticeLock(t *testing.T) {
	db := practiceWithAda(t)
	st, err := data.Open(context.Background(), db, data.WithLock())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	code, _, errOut := runCLI(t, "--db", db, "import", "clients", fixture("bom-crlf.csv"))
	if code != exitFail || !strings.Contains(errOut, "another Stillpoint program is using this practice file") {
		t.Errorf("import while the app has the file: %d %s", code, errOut)
	}
}

func TestImportClientsMistakes(t *testing.T) {
	db := practiceWithAda(t)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"import"}, exitUsage, "try: import clients FILE.csv"},
		{[]string{"import", "clients"}, exitUsage, "name the .csv file"},
		{[]string{"import", "clients", fixture("jane.csv"), "--dates", "ymd"}, exitUsage, "--dates takes dmy"},
		{[]string{"import", "clients", filepath.Join(t.TempDir(), "nope.csv")}, exitFail, "cannot read"},
		{[]string{"import", "clients", db}, exitFail, "no column of names was found"},
	} {
		code, _, errOut := runCLI(t, append([]string{"--db", db}, c.args...)...)
		if code != c.code || !strings.Contains(errOut, c.want) {
			t.Errorf("%q: %d %q, want %d and %q", c.args, code, errOut, c.code, c.want)
		}
	}
}
