package data_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/demo"
)

// ftsRows reads every row of the note search index, in rowid order.
func ftsRows(t *testing.T, db *sql.DB) []string {
	t.Helper()
	rows, err := db.Query(`SELECT rowid, client_name, subjective, objective, treatment, assessment, plan, amendments
		FROM notes_fts ORDER BY rowid`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id int64
		var cols [7]string
		if err := rows.Scan(&id, &cols[0], &cols[1], &cols[2], &cols[3], &cols[4], &cols[5], &cols[6]); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprint(id, cols))
	}
	return out
}

func TestRebuildSearchWritesWhatTheTriggersWrite(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.db")
	s, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := demo.Fill(ctx, s, demo.Options{Years: 1, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	notes, _ := s.SearchNotes(ctx, "shoulder", 1)
	if len(notes) == 0 {
		t.Fatal("the sample has no note to search")
	}
	if _, err := s.AddAmendment(ctx, notes[0].NoteID, "Typo", "Left shoulder, not right."); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	want := ftsRows(t, db)
	if _, err := db.Exec(`DELETE FROM notes_fts`); err != nil {
		t.Fatal(err)
	}
	if hits, _ := s.SearchNotes(ctx, "shoulder", 5); len(hits) != 0 {
		t.Fatal("the index was not emptied")
	}
	if err := s.RebuildSearch(ctx); err != nil {
		t.Fatal(err)
	}
	got := ftsRows(t, db)
	if len(got) != len(want) || len(got) == 0 {
		t.Fatalf("%d rows after the rebuild, %d before", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("row %d:\n got %s\nwant %s", i, got[i], want[i])
		}
	}
	if hits, _ := s.SearchNotes(ctx, "shoulder", 5); len(hits) == 0 {
		t.Error("search finds nothing after the rebuild")
	}
}

func TestReplaceWithNeedsThePracticeLock(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := data.Open(ctx, filepath.Join(dir, "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.ReplaceWith(ctx, filepath.Join(dir, "other.db")); !errors.Is(err, data.ErrNotLocked) {
		t.Errorf("got %v, want ErrNotLocked", err)
	}
}

func TestBackupSettingsTouchOnlyBackupKeys(t *testing.T) {
	ctx := context.Background()
	s, err := data.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.SaveBackupSettings(ctx, map[string]string{"demo": "1"}); err == nil {
		t.Error("a key outside backup. was written")
	}
	if err := s.SaveBackupSettings(ctx, map[string]string{"backup.folder": "/x", "backup.passphrase": "p"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveBackupSettings(ctx, map[string]string{"backup.passphrase": ""}); err != nil {
		t.Fatal(err)
	}
	m, err := s.BackupSettings(ctx)
	if err != nil || len(m) != 1 || m["backup.folder"] != "/x" {
		t.Errorf("settings %v, %v", m, err)
	}
}
