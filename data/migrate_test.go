package data

import (
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateFixture = flag.Bool("update-fixture", false, "rewrite testdata/schema1.db")

const schema1Fixture = "testdata/schema1.db"

// TestWriteSchema1Fixture rebuilds the committed first-schema database when
// run with -update-fixture. It is how testdata/schema1.db was made.
func TestWriteSchema1Fixture(t *testing.T) {
	if !*updateFixture {
		t.Skip("run with -update-fixture to rewrite " + schema1Fixture)
	}
	os.Remove(schema1Fixture)
	s, err := openAt(context.Background(), schema1Fixture, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO practice (id, therapist_name, credentials, currency, time_zone, updated_at)
			VALUES (1, 'Ingrid Søreide', 'RMT', 'CAD', 'America/Toronto', 1700000000)`,
		`INSERT INTO clients (id, first_name, last_name, preferred_name, email, mobile_phone, alerts,
			medications, created_at, updated_at)
			VALUES (1, 'Zoë', 'Łukaszewska', '', 'zoe@example.com', '416-555-0101', 'Latex allergy', '', 1700000000, 1700000000),
			       (2, 'Beatrice', 'Okafor', 'Bea', '', '(647) 555-0199', '', 'Warfarin', 1700000100, 1700000100),
			       (3, 'Émile', 'Zola', '', 'emile@example.org', '', '', '', 1700000200, 1700000200)`,
		`INSERT INTO client_conditions (client_id, condition) VALUES (2, 'blood_thinners'), (2, 'high_blood_pressure')`,
		`INSERT INTO client_tags (client_id, tag) VALUES (1, 'athlete')`,
		`PRAGMA application_id = 0`, // as files were before migration 3
		`PRAGMA journal_mode = DELETE`,
	} {
		if _, err := s.w.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestUpgradeSchema1Fixture(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	copyFile(t, schema1Fixture, path)
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("open schema-1 fixture: %v", err)
	}
	defer s.Close()

	got, err := s.SearchClients(ctx, ClientQuery{Text: "lukasz"})
	if err != nil || len(got) != 1 || got[0].FirstName != "Zoë" {
		t.Fatalf("search after upgrade: %v %+v", err, got)
	}
	all, err := s.SearchClients(ctx, ClientQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, c := range all {
		order = append(order, c.LastName)
	}
	if strings.Join(order, ",") != "Łukaszewska,Okafor,Zola" {
		t.Errorf("order after upgrade: %v", order)
	}
	bea, err := s.Client(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	if !bea.Health.Has("blood_thinners") || bea.Health.Medications != "Warfarin" || bea.PreferredName != "Bea" {
		t.Errorf("client 2 after upgrade: %+v", bea)
	}
	versions, err := s.HealthVersions(ctx, 2)
	if err != nil || len(versions) != 1 || !versions[0].Health.Has("high_blood_pressure") {
		t.Errorf("health history kept on upgrade: %v %+v", err, versions)
	}
	p, err := s.Practice(ctx)
	if err != nil || p.TherapistName != "Ingrid Søreide" {
		t.Errorf("practice after upgrade: %v %+v", err, p)
	}
	report, err := s.Check(ctx)
	if err != nil || !report.OK() {
		t.Errorf("check after upgrade: %v %+v", err, report)
	}

	fresh := openTemp(t)
	if a, b := schemaSQL(t, s), schemaSQL(t, fresh); a != b {
		t.Errorf("migrated schema differs from a fresh one:\nmigrated:\n%s\nfresh:\n%s", a, b)
	}
}

func schemaSQL(t *testing.T, s *Store) string {
	t.Helper()
	rows, err := s.r.Query(`SELECT type, name, COALESCE(sql, '') FROM sqlite_schema ORDER BY type, name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var typ, name, sql string
		if err := rows.Scan(&typ, &name, &sql); err != nil {
			t.Fatal(err)
		}
		b.WriteString(typ + " " + name + ": " + strings.Join(strings.Fields(sql), " ") + "\n")
	}
	return b.String()
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestCheckFileLeavesAnOldFileAsItIs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	copyFile(t, schema1Fixture, path)
	before, _ := os.ReadFile(path)
	r, err := CheckFile(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if r.SchemaVersion != 1 || !r.OK() || r.Counts["clients"] != 3 || r.QuickCheck != "ok" {
		t.Errorf("report %+v", r)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("check changed the file")
	}
	if _, err := CheckFile(context.Background(), filepath.Join(t.TempDir(), "missing.db")); err == nil {
		t.Error("checked a missing file")
	}
}
