package data

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"strings"
	"time"
)

// listColumn stores a list of short texts one a line (the form's one-tap
// techniques and areas); an empty list is "".
func listColumn[T any](name, field string, p func(*T) *[]string) column[T] {
	return column[T]{name: name, field: field,
		get:  func(v *T) any { return strings.Join(*p(v), "\n") },
		scan: func(v *T) any { return listScanner{p(v)} }}
}

// listScanner scans one-a-line text into a list.
type listScanner struct{ l *[]string }

// Scan implements sql.Scanner.
func (s listScanner) Scan(src any) error {
	var text sql.NullString
	if err := text.Scan(src); err != nil {
		return fmt.Errorf("stored list: %w", err)
	}
	*s.l = nil
	if text.String != "" {
		*s.l = strings.Split(text.String, "\n")
	}
	return nil
}

// optUnixColumn stores an optional instant: NULL when zero.
func optUnixColumn[T any](name string, p func(*T) *time.Time) column[T] {
	return column[T]{name: name,
		get: func(v *T) any {
			if t := *p(v); !t.IsZero() {
				return t.Unix()
			}
			return nil
		},
		scan: func(v *T) any { return optUnixScanner{p(v)} }}
}

// optUnixScanner scans unix seconds or NULL (the zero time).
type optUnixScanner struct{ t *time.Time }

// Scan implements sql.Scanner.
func (s optUnixScanner) Scan(src any) error {
	var n sql.NullInt64
	if err := n.Scan(src); err != nil {
		return fmt.Errorf("stored time: %w", err)
	}
	*s.t = time.Time{}
	if n.Valid {
		*s.t = time.Unix(n.Int64, 0).UTC()
	}
	return nil
}

// changedFields names the reported fields whose stored value differs
// between old and new.
func changedFields[T any](t *table[T], old, new *T) []string {
	var out []string
	for _, c := range t.cols {
		if c.field != "" && !reflect.DeepEqual(c.get(old), c.get(new)) {
			out = append(out, c.field)
		}
	}
	return out
}

// noteListTable reads notes with the client's name and the number of
// amendments; it is never written.
var noteListTable = table[Note]{
	name: `notes JOIN clients c ON c.id = notes.client_id`,
	key:  column[Note]{name: "notes.id", scan: func(n *Note) any { return &n.ID }},
	cols: append(qualified(noteTable.cols, "notes."),
		textColumn(`CASE WHEN c.preferred_name <> '' THEN c.preferred_name ELSE c.first_name END || ' ' || c.last_name`,
			"", func(n *Note) *string { return &n.ClientName }),
		valueColumn(`(SELECT count(*) FROM note_amendments a WHERE a.note_id = notes.id)`, "",
			func(n *Note) *int { return &n.Amendments })),
}

// qualified copies cols with their names prefixed (for a join).
func qualified[T any](cols []column[T], prefix string) []column[T] {
	out := make([]column[T], len(cols))
	for i, c := range cols {
		c.name = prefix + c.name
		out[i] = c
	}
	return out
}

// Note returns the note with the given ID, marks, client name and
// amendment count included, or ErrNotFound.
func (s *Store) Note(ctx context.Context, id int64) (Note, error) {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return Note{}, fmt.Errorf("read note %d: %w", id, err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	return getNote(ctx, tx, id)
}

// getNote reads one whole note in q.
func getNote(ctx context.Context, q querier, id int64) (Note, error) {
	notes, err := queryNotes(ctx, q, `WHERE notes.id = ?`, id)
	if err != nil {
		return Note{}, err
	}
	if len(notes) == 0 {
		return Note{}, fmt.Errorf("note %d: %w", id, ErrNotFound)
	}
	return notes[0], nil
}

// ClientNotes returns every note of the client, newest visit first, each
// with its marks and amendment count: the client page's timeline.
func (s *Store) ClientNotes(ctx context.Context, clientID int64) ([]Note, error) {
	return queryNotes(ctx, s.r, `WHERE notes.client_id = ? ORDER BY notes.visit_date DESC, notes.id DESC`, clientID)
}

// LastNote returns the client's latest note for a visit before the given
// date (the "last visit" shown beside a new note), or ErrNotFound.
func (s *Store) LastNote(ctx context.Context, clientID int64, before Date) (Note, error) {
	notes, err := queryNotes(ctx, s.r, `WHERE notes.client_id = ? AND notes.visit_date < ?
		ORDER BY notes.visit_date DESC, notes.id DESC LIMIT 1`, clientID, before.String())
	if err != nil {
		return Note{}, err
	}
	if len(notes) == 0 {
		return Note{}, fmt.Errorf("last note of client %d before %s: %w", clientID, before, ErrNotFound)
	}
	return notes[0], nil
}

// queryNotes reads notes (where: a WHERE clause over notes and c) and then
// their marks with one more query.
func queryNotes(ctx context.Context, q querier, where string, args ...any) ([]Note, error) {
	rows, err := q.QueryContext(ctx, noteListTable.selectSQL(where), args...)
	if err != nil {
		return nil, fmt.Errorf("read notes: %w", err)
	}
	defer rows.Close()
	var out []Note
	for rows.Next() {
		var n Note
		if err := rows.Scan(noteListTable.scanTargets(&n)...); err != nil {
			return nil, fmt.Errorf("read notes: %w", err)
		}
		out = append(out, n)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read notes: %w", err)
	}
	rows.Close()
	if err := loadMarks(ctx, q, out); err != nil {
		return nil, err
	}
	return out, nil
}

// NoteRow is one line of a list of notes.
type NoteRow struct {
	ID         int64
	ClientID   int64
	ClientName string
	VisitDate  Date
	Status     NoteStatus
	Amendments int
}

// NoteRows lists notes, oldest visit first: every note, or only one
// client's when clientID is not 0 (the command line's `list notes`).
func (s *Store) NoteRows(ctx context.Context, clientID int64) ([]NoteRow, error) {
	rows, err := s.r.QueryContext(ctx, `
		SELECT n.id, n.client_id,
		       CASE WHEN c.preferred_name <> '' THEN c.preferred_name ELSE c.first_name END || ' ' || c.last_name,
		       n.visit_date, n.status, (SELECT count(*) FROM note_amendments a WHERE a.note_id = n.id)
		FROM notes n JOIN clients c ON c.id = n.client_id
		WHERE ? = 0 OR n.client_id = ?
		ORDER BY n.visit_date, n.id`, clientID, clientID)
	if err != nil {
		return nil, fmt.Errorf("list notes: %w", err)
	}
	defer rows.Close()
	var out []NoteRow
	for rows.Next() {
		var r NoteRow
		if err := rows.Scan(&r.ID, &r.ClientID, &r.ClientName, dateScanner{&r.VisitDate}, (*string)(&r.Status),
			&r.Amendments); err != nil {
			return nil, fmt.Errorf("list notes: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
