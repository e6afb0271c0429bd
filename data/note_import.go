package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// NoteImport is a note brought in with its history (the sample practice,
// later imports): written at WrittenAt, signed at SignedAt when that is not
// zero, then amended.
type NoteImport struct {
	Note       Note
	WrittenAt  time.Time // when the note was written (zero: now)
	SignedAt   time.Time // zero: the note stays a draft
	Amendments []Amendment
}

// ImportNotes validates and stores notes with their history in one
// transaction: all or none. Signed notes are signed by the practice's
// therapist; each note's create, sign and amend are in the audit log at
// their own times.
func (s *Store) ImportNotes(ctx context.Context, notes []NoteImport) error {
	m, err := s.Moment(ctx)
	if err != nil {
		return fmt.Errorf("import notes: %w", err)
	}
	for i := range notes {
		n := &notes[i].Note
		n.normalize()
		if err := n.Validate(m.Today); err != nil {
			return fmt.Errorf("note %d of %d: %w", i+1, len(notes), err)
		}
		for j := range notes[i].Amendments {
			if err := notes[i].Amendments[j].Validate(); err != nil {
				return fmt.Errorf("note %d of %d, amendment %d: %w", i+1, len(notes), j+1, err)
			}
		}
	}
	return s.write(ctx, "import notes", func(tx *sql.Tx) error {
		var therapist string
		if err := tx.QueryRowContext(ctx, `SELECT therapist_name FROM practice`).Scan(&therapist); err != nil && !errNoRows(err) {
			return fmt.Errorf("import notes: %w", err)
		}
		insert, err := tx.PrepareContext(ctx, noteTable.insertSQL())
		if err != nil {
			return fmt.Errorf("import notes: %w", err)
		}
		defer insert.Close()
		for i := range notes {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := importNote(ctx, tx, insert, &notes[i], therapist, m.Now); err != nil {
				return fmt.Errorf("import note %d of %d: %w", i+1, len(notes), err)
			}
		}
		return nil
	})
}

func importNote(ctx context.Context, tx *sql.Tx, insert *sql.Stmt, in *NoteImport, therapist string, now time.Time) error {
	row := in.Note
	written := createdAt(in.WrittenAt, now)
	row.Status, row.SignedAt, row.SignedBy, row.CreatedAt, row.UpdatedAt = NoteDraft, time.Time{}, "", written, written
	res, err := insert.ExecContext(ctx, noteTable.insertArgs(&row)...)
	if err != nil {
		return err
	}
	if row.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	if err := saveMarks(ctx, tx, row.ID, row.Marks); err != nil {
		return err
	}
	if err := recordAudit(ctx, tx, AuditEntry{At: written, Action: AuditCreate, Entity: AuditNote, EntityID: row.ID,
		ClientID: row.ClientID, Summary: "draft note for " + row.VisitDate.String()}); err != nil {
		return err
	}
	in.Note.ID = row.ID
	if in.SignedAt.IsZero() {
		return nil
	}
	if therapist == "" || row.isEmpty() {
		return row.validateForSigning(Date{9999, 12, 31}, therapist)
	}
	signed := createdAt(in.SignedAt, now)
	if _, err := tx.ExecContext(ctx, `UPDATE notes SET status = 'signed', signed_at = ?, signed_by = ?, updated_at = ?
		WHERE id = ?`, signed.Unix(), therapist, signed.Unix(), row.ID); err != nil {
		return mapLocked(err)
	}
	if err := recordAudit(ctx, tx, AuditEntry{At: signed, Action: AuditSign, Entity: AuditNote, EntityID: row.ID,
		ClientID: row.ClientID, Summary: "signed by " + therapist}); err != nil {
		return err
	}
	for _, a := range in.Amendments {
		a.NoteID, a.CreatedBy, a.CreatedAt = row.ID, therapist, createdAt(a.CreatedAt, now)
		if _, err := tx.ExecContext(ctx, amendmentTable.insertSQL(), amendmentTable.insertArgs(&a)...); err != nil {
			return mapLocked(err)
		}
		if err := recordAudit(ctx, tx, AuditEntry{At: a.CreatedAt, Action: AuditAmend, Entity: AuditNote,
			EntityID: row.ID, ClientID: row.ClientID, Summary: "amended: " + a.Reason}); err != nil {
			return err
		}
	}
	return nil
}
