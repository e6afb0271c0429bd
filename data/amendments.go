package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Amendment is a dated correction appended to a signed note. It never
// changes and is never removed.
type Amendment struct {
	ID        int64
	NoteID    int64
	Reason    string // why the note is corrected
	Text      string // the correction
	CreatedBy string // the therapist's name
	CreatedAt time.Time
}

// amendmentTable describes note_amendments. Rows are only ever inserted.
var amendmentTable = table[Amendment]{
	name:    "note_amendments",
	key:     idColumn(func(a *Amendment) *int64 { return &a.ID }),
	autoKey: true,
	cols: []column[Amendment]{
		valueColumn("note_id", "", func(a *Amendment) *int64 { return &a.NoteID }),
		textColumn("reason", "Reason", func(a *Amendment) *string { return &a.Reason }),
		textColumn("text", "Text", func(a *Amendment) *string { return &a.Text }),
		textColumn("created_by", "", func(a *Amendment) *string { return &a.CreatedBy }),
		createdColumn("created_at", func(a *Amendment) *time.Time { return &a.CreatedAt }),
	},
}

// AmendmentFieldNames lists the fields the amendment checks can report.
func AmendmentFieldNames() []string { return amendmentTable.fieldNames() }

// Validate checks an amendment: a reason and a text, not too long.
func (a *Amendment) Validate() error {
	var p problems
	if a.Reason == "" {
		p.add("Reason", "Say why the note is being corrected.")
	}
	if a.Text == "" {
		p.add("Text", "Write the correction.")
	}
	p.checkLen("Reason", "The reason", a.Reason, maxNoteShort)
	p.checkLen("Text", "The correction", a.Text, maxNoteText)
	return p.err()
}

// AddAmendment appends a correction to a signed note and returns it. A
// draft is refused with ErrNotSigned (edit it instead).
func (s *Store) AddAmendment(ctx context.Context, noteID int64, reason, text string) (Amendment, error) {
	now := s.Now()
	a := Amendment{NoteID: noteID, Reason: clean(reason), Text: cleanText(text), CreatedAt: now}
	if err := a.Validate(); err != nil {
		return Amendment{}, err
	}
	err := s.write(ctx, "amend note", func(tx *sql.Tx) error {
		n, err := getNote(ctx, tx, noteID)
		if err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `SELECT therapist_name FROM practice`).Scan(&a.CreatedBy); err != nil &&
			!errNoRows(err) {
			return fmt.Errorf("amend note %d: %w", noteID, err)
		}
		res, err := tx.ExecContext(ctx, amendmentTable.insertSQL(), amendmentTable.insertArgs(&a)...)
		if err != nil {
			return fmt.Errorf("amend note %d: %w", noteID, mapLocked(err))
		}
		if a.ID, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("amend note %d: %w", noteID, err)
		}
		return recordAudit(ctx, tx, AuditEntry{At: now, Action: AuditAmend, Entity: AuditNote, EntityID: noteID,
			ClientID: n.ClientID, Summary: "amended: " + a.Reason})
	})
	if err != nil {
		return Amendment{}, err
	}
	return a, nil
}

// Amendments returns a note's amendments, oldest first (shown under it).
func (s *Store) Amendments(ctx context.Context, noteID int64) ([]Amendment, error) {
	rows, err := s.r.QueryContext(ctx, amendmentTable.selectSQL(`WHERE note_id = ? ORDER BY created_at, id`), noteID)
	if err != nil {
		return nil, fmt.Errorf("read amendments of note %d: %w", noteID, err)
	}
	defer rows.Close()
	var out []Amendment
	for rows.Next() {
		var a Amendment
		if err := rows.Scan(amendmentTable.scanTargets(&a)...); err != nil {
			return nil, fmt.Errorf("read amendments of note %d: %w", noteID, err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
