package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// snapshot dumps every protected table, to check a refused statement
// changed nothing.
func snapshot(t *testing.T, db *sql.DB) string {
	t.Helper()
	var b strings.Builder
	for _, tbl := range []string{"notes", "note_marks", "note_amendments", "audit_log", "consent_texts",
		"consents", "consent_withdrawals", "health_reviews"} {
		rows, err := db.Query(`SELECT * FROM ` + tbl + ` ORDER BY rowid`)
		if err != nil {
			t.Fatalf("%s: %v", tbl, err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintln(&b, tbl, vals)
		}
		rows.Close()
	}
	return b.String()
}

// REPLACE deletes the row it conflicts with without firing DELETE
// triggers: every REPLACE form over a protected row is refused and leaves
// the record as it was.
func TestReplaceCannotOverwriteProtectedRows(t *testing.T) {
	f := newNoteFixture(t)
	ctx := context.Background()
	n := f.signed(t)
	draft := f.draft()
	draft.VisitDate = Date{2026, time.May, 1}
	if err := f.s.SaveDraft(ctx, draft); err != nil {
		t.Fatal(err)
	}
	text, err := f.s.ConsentText(ctx, ConsentGeneral)
	if err != nil {
		t.Fatal(err)
	}
	c := Consent{ClientID: f.client.ID, Kind: ConsentGeneral, TextVersionID: text.ID,
		SignedOn: Date{2026, time.May, 12}, SignaturePNG: signature(t, 300, 100, true)}
	if err := f.s.RecordConsent(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := f.s.WithdrawConsent(ctx, c.ID, "moved away"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.ReviewHealthHistory(ctx, f.client.ID, "no change"); err != nil {
		t.Fatal(err)
	}
	db := f.rawDB(t)
	before := snapshot(t, db)
	for _, tc := range []struct{ q, want string }{
		{`INSERT OR REPLACE INTO notes (id, client_id, visit_date, complaint, created_at, updated_at)
			SELECT id, client_id, visit_date, 'TAMPERED', created_at, updated_at FROM notes WHERE id = ?`, "signed note"},
		{`REPLACE INTO notes (id, client_id, visit_date, complaint, created_at, updated_at)
			SELECT id, client_id, visit_date, 'TAMPERED', created_at, updated_at FROM notes WHERE id = ?`, "signed note"},
		{`UPDATE OR REPLACE notes SET id = ? WHERE status = 'draft'`, "signed note"},
		{`REPLACE INTO note_marks (id, note_id, kind, view, x, y)
			SELECT id, ` + itoa(draft.ID) + `, 'pain', 'front', 0.1, 0.1 FROM note_marks WHERE note_id = ?`, "signed note"},
		{`UPDATE OR REPLACE note_marks SET id = (SELECT min(id) FROM note_marks WHERE note_id = ?)
			WHERE note_id = ` + itoa(draft.ID), "signed note"},
		{`REPLACE INTO note_amendments (id, note_id, reason, text, created_at)
			SELECT id, note_id, 'x', 'TAMPERED', created_at FROM note_amendments WHERE note_id = ?`, "signed note"},
		{`INSERT OR REPLACE INTO audit_log (id, at, action, entity, entity_id, client_id, summary)
			SELECT id, at, action, entity, entity_id, client_id, 'TAMPERED' FROM audit_log WHERE entity_id = ?`, "append-only"},
		{`REPLACE INTO consent_texts (kind, version, body, created_at)
			SELECT kind, version, 'TAMPERED', created_at FROM consent_texts WHERE id = ?`, "cannot be changed"},
		{`REPLACE INTO consent_texts (id, kind, version, body, created_at)
			SELECT id, kind, version + 100, 'TAMPERED', created_at FROM consent_texts WHERE id = ?`, "cannot be changed"},
		{`REPLACE INTO consents (id, client_id, kind, text_id, areas, signed_on, signature, recorded_at)
			SELECT id, client_id, kind, text_id, areas, '2020-01-01', signature, recorded_at FROM consents WHERE id = ?`,
			"cannot be changed"},
		{`REPLACE INTO consent_withdrawals (consent_id, withdrawn_on, reason, recorded_at)
			SELECT consent_id, withdrawn_on, 'TAMPERED', recorded_at FROM consent_withdrawals WHERE consent_id = ?`,
			"cannot be changed"},
		{`REPLACE INTO health_reviews (id, client_id, reviewed_on, reviewed_at, note)
			SELECT id, client_id, reviewed_on, reviewed_at, 'TAMPERED' FROM health_reviews WHERE client_id = ?`,
			"cannot be changed"},
	} {
		arg := n.ID
		switch {
		case strings.Contains(tc.q, "consent_texts"):
			arg = text.ID
		case strings.Contains(tc.q, "consent"):
			arg = c.ID
		case strings.Contains(tc.q, "health_reviews"):
			arg = f.client.ID
		}
		_, err := db.Exec(tc.q, arg)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s\n: err %v, want %q", tc.q, err, tc.want)
		}
		if tc.want == "signed note" {
			if m := mapLocked(err); !errors.Is(m, ErrSigned) {
				t.Errorf("%s: mapped to %v", tc.q, m)
			}
		}
		if tc.want == "append-only" {
			if m := mapLocked(err); !errors.Is(m, ErrAppendOnly) {
				t.Errorf("%s: mapped to %v", tc.q, m)
			}
		}
	}
	if after := snapshot(t, db); after != before {
		t.Errorf("a refused REPLACE changed the record:\nbefore\n%s\nafter\n%s", before, after)
	}
	got, err := f.s.Note(ctx, n.ID)
	if err != nil || !got.Signed() || got.Complaint != n.Complaint || len(got.Marks) != 2 {
		t.Fatalf("signed note after the REPLACEs: %+v, %v", got, err)
	}
	// Drafts are still the therapist's to change.
	draft.Complaint = "Sore lower back"
	if err := f.s.SaveDraft(ctx, draft); err != nil {
		t.Fatalf("save the draft again: %v", err)
	}
}

// A signed note held by an appointment cannot be replaced through the
// appointment_id unique index either (a row with a new id).
func TestReplaceByAppointmentRefused(t *testing.T) {
	f := newNoteFixture(t)
	db, err := sql.Open("sqlite3", "file:"+f.path+"?_busy_timeout=5000&_foreign_keys=off")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Exec(`INSERT INTO notes (client_id, appointment_id, visit_date, complaint, created_at, updated_at,
		status, signed_at, signed_by) VALUES (?, 77, '2026-05-11', 'original', 1, 1, 'signed', 1, 'Maya')`,
		f.client.ID); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, db)
	for _, q := range []string{
		`REPLACE INTO notes (client_id, appointment_id, visit_date, complaint, created_at, updated_at)
			VALUES (?, 77, '2026-05-11', 'TAMPERED', 1, 1)`,
		`INSERT INTO notes (client_id, appointment_id, visit_date, complaint, created_at, updated_at)
			VALUES (?, 78, '2026-05-11', 'draft', 1, 1)`,
	} {
		_, err := db.Exec(q, f.client.ID)
		if strings.Contains(q, "REPLACE") && (err == nil || !errors.Is(mapLocked(err), ErrSigned)) {
			t.Errorf("%s: err %v, want the signed-note refusal", q, err)
		}
		if !strings.Contains(q, "REPLACE") && err != nil {
			t.Fatalf("a draft for another appointment: %v", err)
		}
	}
	var draftID int64
	if err := db.QueryRow(`SELECT id FROM notes WHERE appointment_id = 78`).Scan(&draftID); err != nil {
		t.Fatal(err)
	}
	before = snapshot(t, db)
	if _, err := db.Exec(`UPDATE OR REPLACE notes SET appointment_id = 77 WHERE id = ?`, draftID); err == nil ||
		!errors.Is(mapLocked(err), ErrSigned) {
		t.Errorf("UPDATE OR REPLACE onto the signed note's appointment: %v", err)
	}
	if after := snapshot(t, db); after != before {
		t.Errorf("a refused REPLACE changed the notes:\n%s\n%s", before, after)
	}
}
