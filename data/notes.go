package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// NoteKind says what a note is for: an ordinary visit or the last one.
type NoteKind string

// The kinds of treatment note.
const (
	NoteRegular   NoteKind = "regular"
	NoteDischarge NoteKind = "discharge"
)

// NoteStatus says whether a note can still be edited.
type NoteStatus string

// A draft can be edited and deleted; a signed note never changes again
// (corrections are amendments).
const (
	NoteDraft  NoteStatus = "draft"
	NoteSigned NoteStatus = "signed"
)

// PainNotRecorded is Note.Pain when the client gave no pain rating.
const PainNotRecorded = -1

// Note is one SOAP treatment note. It belongs to a client and usually to an
// appointment, whose date, service and length it starts from.
type Note struct {
	ID            int64
	ClientID      int64
	AppointmentID int64 // 0 when written without an appointment
	VisitDate     Date
	ServiceName   string
	Kind          NoteKind

	// Subjective: what the client says.
	Complaint string // in the client's words
	Pain      int    // 0 (none) to 10 (worst imaginable); PainNotRecorded (-1) when not asked
	Changes   string // since the last visit
	Goals     string

	// Objective: what the therapist finds.
	Posture       string
	Palpation     string
	RangeOfMotion string
	Tests         string

	// Treatment given.
	Techniques []string
	Areas      []string
	Pressure   string
	Minutes    int

	// Assessment.
	Response string // to the treatment
	Progress string

	// Plan.
	NextFocus string
	Frequency string
	HomeCare  string
	Referrals string

	Marks []Mark // the body chart

	Status    NoteStatus
	SignedAt  time.Time // zero for a draft
	SignedBy  string    // the therapist's name when signed
	CreatedAt time.Time
	UpdatedAt time.Time

	// Read only, filled by the reads.
	ClientName string
	Amendments int // how many amendments the note has
}

// Signed reports whether the note is signed (and so can no longer change).
func (n *Note) Signed() bool { return n.Status == NoteSigned }

// noteTable describes the notes table: every stored field of a Note.
var noteTable = table[Note]{
	name:    "notes",
	key:     idColumn(func(n *Note) *int64 { return &n.ID }),
	autoKey: true,
	cols: []column[Note]{
		valueColumn("client_id", "ClientID", func(n *Note) *int64 { return &n.ClientID }),
		nullIDColumn("appointment_id", func(n *Note) *int64 { return &n.AppointmentID }),
		dateColumn("visit_date", "VisitDate", func(n *Note) *Date { return &n.VisitDate }),
		textColumn("service_name", "ServiceName", func(n *Note) *string { return &n.ServiceName }),
		textColumn("kind", "Kind", func(n *Note) *string { return (*string)(&n.Kind) }),
		textColumn("complaint", "Complaint", func(n *Note) *string { return &n.Complaint }),
		valueColumn("pain", "Pain", func(n *Note) *int { return &n.Pain }),
		textColumn("changes", "Changes", func(n *Note) *string { return &n.Changes }),
		textColumn("goals", "Goals", func(n *Note) *string { return &n.Goals }),
		textColumn("posture", "Posture", func(n *Note) *string { return &n.Posture }),
		textColumn("palpation", "Palpation", func(n *Note) *string { return &n.Palpation }),
		textColumn("range_of_motion", "RangeOfMotion", func(n *Note) *string { return &n.RangeOfMotion }),
		textColumn("tests", "Tests", func(n *Note) *string { return &n.Tests }),
		listColumn("techniques", "Techniques", func(n *Note) *[]string { return &n.Techniques }),
		listColumn("areas", "Areas", func(n *Note) *[]string { return &n.Areas }),
		textColumn("pressure", "Pressure", func(n *Note) *string { return &n.Pressure }),
		valueColumn("minutes", "Minutes", func(n *Note) *int { return &n.Minutes }),
		textColumn("response", "Response", func(n *Note) *string { return &n.Response }),
		textColumn("progress", "Progress", func(n *Note) *string { return &n.Progress }),
		textColumn("next_focus", "NextFocus", func(n *Note) *string { return &n.NextFocus }),
		textColumn("frequency", "Frequency", func(n *Note) *string { return &n.Frequency }),
		textColumn("home_care", "HomeCare", func(n *Note) *string { return &n.HomeCare }),
		textColumn("referrals", "Referrals", func(n *Note) *string { return &n.Referrals }),
		textColumn("status", "", func(n *Note) *string { return (*string)(&n.Status) }),
		optUnixColumn("signed_at", func(n *Note) *time.Time { return &n.SignedAt }),
		textColumn("signed_by", "", func(n *Note) *string { return &n.SignedBy }),
		createdColumn("created_at", func(n *Note) *time.Time { return &n.CreatedAt }),
		unixColumn("updated_at", func(n *Note) *time.Time { return &n.UpdatedAt }),
	},
}

// NoteFieldNames lists every field name the note checks can report, in form
// order ("Marks" for the body chart last).
func NoteFieldNames() []string { return append(noteTable.fieldNames(), "Marks") }

// ErrSigned is returned (wrapped) when a change would alter a signed note,
// its marks or its amendments. UserMessage explains it.
var ErrSigned = errors.New("the note is signed and can no longer be changed")

// ErrNotSigned is returned (wrapped) when an amendment is added to a draft.
var ErrNotSigned = errors.New("only a signed note takes amendments")

// ErrAppendOnly is returned (wrapped) when something tries to change or
// remove a line of the audit log.
var ErrAppendOnly = errors.New("the audit log cannot be changed")

// lockedError is a refusal by the schema's triggers, told apart by the
// message the trigger raises (the schema's own words, not SQLite's).
type lockedError struct {
	kind error // ErrSigned, ErrNotSigned or ErrAppendOnly
	err  error // SQLite's error
}

func (e *lockedError) Error() string   { return e.kind.Error() + ": " + e.err.Error() }
func (e *lockedError) Unwrap() []error { return []error{e.kind, e.err} }

// UserMessage says in plain words why nothing changed.
func (e *lockedError) UserMessage() string {
	switch e.kind {
	case ErrSigned:
		return "This note is signed, so it can no longer be changed or deleted. To correct it, add an " +
			"amendment: it is kept with the note, dated, with your reason."
	case ErrNotSigned:
		return "This note is still a draft: edit it directly. Amendments are for notes that are signed."
	}
	return "The audit log keeps every entry for good: its lines cannot be changed or removed."
}

// mapLocked turns the triggers' RAISE(ABORT) into ErrSigned, ErrNotSigned
// or ErrAppendOnly; any other error is returned as it is.
func mapLocked(err error) error {
	var se sqlite3.Error
	if err == nil || !errors.As(err, &se) || se.Code != sqlite3.ErrConstraint {
		return err
	}
	msg := se.Error()
	switch {
	case strings.Contains(msg, "unsigned note"):
		return &lockedError{ErrNotSigned, err}
	case strings.Contains(msg, "signed note"):
		return &lockedError{ErrSigned, err}
	case strings.Contains(msg, "audit log is append-only"):
		return &lockedError{ErrAppendOnly, err}
	}
	return err
}

// SaveDraft validates n and stores it as a draft: a new note when n.ID is 0
// (n.ID is set), otherwise over the stored draft with that ID, marks
// included. A signed note is refused with ErrSigned. Each save leaves an
// audit line ("create", or "edit" naming the fields that changed, at most
// one a minute per note).
func (s *Store) SaveDraft(ctx context.Context, n *Note) error {
	m, err := s.Moment(ctx)
	if err != nil {
		return fmt.Errorf("save note: %w", err)
	}
	n.normalize()
	if err := n.Validate(m.Today); err != nil {
		return err
	}
	row := *n
	row.Status, row.SignedAt, row.SignedBy, row.UpdatedAt = NoteDraft, time.Time{}, "", m.Now
	err = s.write(ctx, "save note", func(tx *sql.Tx) error {
		if n.ID == 0 {
			row.CreatedAt = m.Now
			res, err := tx.ExecContext(ctx, noteTable.insertSQL(), noteTable.insertArgs(&row)...)
			if err != nil {
				return fmt.Errorf("save note: %w", err)
			}
			if row.ID, err = res.LastInsertId(); err != nil {
				return fmt.Errorf("save note: %w", err)
			}
			if err := saveMarks(ctx, tx, row.ID, row.Marks); err != nil {
				return err
			}
			return recordAudit(ctx, tx, AuditEntry{At: m.Now, Action: AuditCreate, Entity: AuditNote,
				EntityID: row.ID, ClientID: row.ClientID, Summary: "draft note for " + row.VisitDate.String()})
		}
		old, err := getNote(ctx, tx, n.ID)
		if err != nil {
			return err
		}
		if old.Signed() {
			return fmt.Errorf("save note %d: %w", n.ID, &lockedError{ErrSigned, errors.New("already signed")})
		}
		row.CreatedAt = old.CreatedAt
		if _, err := tx.ExecContext(ctx, noteTable.updateSQL(), noteTable.updateArgs(&row)...); err != nil {
			return fmt.Errorf("save note %d: %w", n.ID, mapLocked(err))
		}
		changed := changedFields(&noteTable, &old, &row)
		if !sameMarks(old.Marks, row.Marks) {
			if err := saveMarks(ctx, tx, row.ID, row.Marks); err != nil {
				return err
			}
			changed = append(changed, "Marks")
		}
		if len(changed) == 0 {
			return nil
		}
		return recordEdit(ctx, tx, AuditEntry{At: m.Now, Action: AuditEdit, Entity: AuditNote,
			EntityID: row.ID, ClientID: row.ClientID}, changed)
	})
	if err != nil {
		return err
	}
	n.ID, n.Status, n.SignedAt, n.SignedBy = row.ID, NoteDraft, time.Time{}, ""
	n.CreatedAt, n.UpdatedAt = row.CreatedAt, row.UpdatedAt
	return nil
}

// SignNote signs the draft with the given ID as the practice's therapist
// (Practice.TherapistName) and returns it. From then on the note, its marks
// and its amendments never change. An empty note is refused with a
// *ValidationError; signing twice with ErrSigned.
func (s *Store) SignNote(ctx context.Context, id int64) (Note, error) {
	m, err := s.Moment(ctx)
	if err != nil {
		return Note{}, fmt.Errorf("sign note: %w", err)
	}
	var out Note
	err = s.write(ctx, "sign note", func(tx *sql.Tx) error {
		n, err := getNote(ctx, tx, id)
		if err != nil {
			return err
		}
		if n.Signed() {
			return fmt.Errorf("sign note %d: %w", id, &lockedError{ErrSigned, errors.New("already signed")})
		}
		var therapist string
		if err := tx.QueryRowContext(ctx, `SELECT therapist_name FROM practice`).Scan(&therapist); err != nil &&
			!errNoRows(err) {
			return fmt.Errorf("sign note %d: %w", id, err)
		}
		if err := n.validateForSigning(m.Today, therapist); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE notes SET status = 'signed', signed_at = ?, signed_by = ?,
			updated_at = ? WHERE id = ?`, m.Now.Unix(), therapist, m.Now.Unix(), id); err != nil {
			return fmt.Errorf("sign note %d: %w", id, mapLocked(err))
		}
		n.Status, n.SignedAt, n.SignedBy, n.UpdatedAt = NoteSigned, m.Now, therapist, m.Now
		out = n
		return recordAudit(ctx, tx, AuditEntry{At: m.Now, Action: AuditSign, Entity: AuditNote,
			EntityID: id, ClientID: n.ClientID, Summary: "signed by " + therapist})
	})
	return out, err
}

// DeleteDraft removes a draft note and its marks (an audit line stays). A
// signed note is refused with ErrSigned.
func (s *Store) DeleteDraft(ctx context.Context, id int64) error {
	now := s.Now()
	return s.write(ctx, "delete note", func(tx *sql.Tx) error {
		n, err := getNote(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM notes WHERE id = ?`, id); err != nil {
			return fmt.Errorf("delete note %d: %w", id, mapLocked(err))
		}
		return recordAudit(ctx, tx, AuditEntry{At: now, Action: AuditDelete, Entity: AuditNote,
			EntityID: id, ClientID: n.ClientID, Summary: "draft note for " + n.VisitDate.String() + " deleted"})
	})
}

// NoteForAppointment returns the appointment's note when it has one, or a
// new unsaved draft (ID 0) filled from the appointment: client, date in
// the practice's zone, service and minutes, pain not recorded.
func (s *Store) NoteForAppointment(ctx context.Context, appointmentID int64) (Note, error) {
	var id int64
	err := s.r.QueryRowContext(ctx, `SELECT id FROM notes WHERE appointment_id = ?`, appointmentID).Scan(&id)
	switch {
	case err == nil:
		return s.Note(ctx, id)
	case !errNoRows(err):
		return Note{}, fmt.Errorf("note for appointment %d: %w", appointmentID, err)
	}
	a, err := s.Appointment(ctx, appointmentID)
	if err != nil {
		return Note{}, err
	}
	loc, err := s.Location(ctx)
	if err != nil {
		return Note{}, err
	}
	t := a.Start.In(loc)
	return Note{ClientID: a.ClientID, AppointmentID: a.ID, ClientName: a.ClientName,
		VisitDate:   Date{Year: t.Year(), Month: t.Month(), Day: t.Day()},
		ServiceName: a.ServiceName, Minutes: a.Minutes, Kind: NoteRegular, Pain: PainNotRecorded,
		Status: NoteDraft}, nil
}
