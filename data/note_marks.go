package data

import (
	"context"
	"database/sql"
	"fmt"
)

// MarkKind is what a body-chart mark shows.
type MarkKind string

// The kinds of body-chart mark.
const (
	MarkPain         MarkKind = "pain"
	MarkTension      MarkKind = "tension" // tension / hypertonicity
	MarkTriggerPoint MarkKind = "trigger_point"
	MarkNumbness     MarkKind = "numbness" // numbness / tingling
	MarkInflammation MarkKind = "inflammation"
	MarkTreated      MarkKind = "treated" // area treated
)

// MarkKinds lists every kind, in the legend's order.
var MarkKinds = []MarkKind{MarkPain, MarkTension, MarkTriggerPoint, MarkNumbness, MarkInflammation, MarkTreated}

// Label is the kind in the legend's words: "Trigger point".
func (k MarkKind) Label() string {
	switch k {
	case MarkPain:
		return "Pain"
	case MarkTension:
		return "Tension / hypertonicity"
	case MarkTriggerPoint:
		return "Trigger point"
	case MarkNumbness:
		return "Numbness / tingling"
	case MarkInflammation:
		return "Inflammation"
	case MarkTreated:
		return "Treated area"
	}
	return string(k)
}

// Valid reports whether k is a known kind.
func (k MarkKind) Valid() bool {
	for _, v := range MarkKinds {
		if k == v {
			return true
		}
	}
	return false
}

// BodyView is which outline a mark is on.
type BodyView string

// The two outlines of the body chart.
const (
	ViewFront BodyView = "front"
	ViewBack  BodyView = "back"
)

// Mark is one mark on the body chart. X and Y are fractions (0..1) of the
// outline's width and height from its top-left corner, so a mark lands on
// the same spot at any size: on screen, in the history and in a PDF.
type Mark struct {
	ID    int64
	Kind  MarkKind
	Label string // optional: "L QL", "radiates to knee"
	View  BodyView
	X, Y  float64
}

// markTable describes note_marks; the note's ID is passed apart.
var markTable = table[Mark]{
	name:    "note_marks",
	key:     idColumn(func(m *Mark) *int64 { return &m.ID }),
	autoKey: true,
	cols: []column[Mark]{
		textColumn("kind", "Kind", func(m *Mark) *string { return (*string)(&m.Kind) }),
		textColumn("label", "Label", func(m *Mark) *string { return &m.Label }),
		textColumn("view", "View", func(m *Mark) *string { return (*string)(&m.View) }),
		valueColumn("x", "X", func(m *Mark) *float64 { return &m.X }),
		valueColumn("y", "Y", func(m *Mark) *float64 { return &m.Y }),
	},
}

// saveMarks replaces the marks of a draft note (the triggers refuse it for
// a signed note) and sets their IDs.
func saveMarks(ctx context.Context, tx *sql.Tx, noteID int64, marks []Mark) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM note_marks WHERE note_id = ?`, noteID); err != nil {
		return fmt.Errorf("save marks of note %d: %w", noteID, mapLocked(err))
	}
	if len(marks) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO note_marks (note_id, kind, label, view, x, y) VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("save marks of note %d: %w", noteID, err)
	}
	defer stmt.Close()
	for i := range marks {
		res, err := stmt.ExecContext(ctx, append([]any{noteID}, markTable.insertArgs(&marks[i])...)...)
		if err != nil {
			return fmt.Errorf("save marks of note %d: %w", noteID, mapLocked(err))
		}
		if marks[i].ID, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("save marks of note %d: %w", noteID, err)
		}
	}
	return nil
}

// sameMarks reports whether two lists hold the same marks in the same
// order (IDs aside).
func sameMarks(a, b []Mark) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		x.ID, y.ID = 0, 0
		if x != y {
			return false
		}
	}
	return true
}

// loadMarks fills the Marks of each note, in the order they were placed.
func loadMarks(ctx context.Context, q querier, notes []Note) error {
	byID := make(map[int64]*Note, len(notes))
	for i := range notes {
		byID[notes[i].ID] = &notes[i]
	}
	const chunk = 500
	for start := 0; start < len(notes); start += chunk {
		part := notes[start:min(start+chunk, len(notes))]
		args := make([]any, len(part))
		for i, n := range part {
			args[i] = n.ID
		}
		rows, err := q.QueryContext(ctx, "SELECT note_id, "+markTable.selectSQL("WHERE note_id IN (" +
			placeholders(len(part)) + ") ORDER BY note_id, id")[len("SELECT "):], args...)
		if err != nil {
			return fmt.Errorf("read marks: %w", err)
		}
		for rows.Next() {
			var noteID int64
			var m Mark
			if err := rows.Scan(append([]any{&noteID}, markTable.scanTargets(&m)...)...); err != nil {
				rows.Close()
				return fmt.Errorf("read marks: %w", err)
			}
			if n := byID[noteID]; n != nil {
				n.Marks = append(n.Marks, m)
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("read marks: %w", err)
		}
	}
	return nil
}
