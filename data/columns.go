package data

import (
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// A table describes how one entity type T is stored: its SQL table, its
// primary key and every other column it owns, each once. The same
// description builds the INSERT, UPDATE, upsert and SELECT statements and
// their arguments and scan targets, so a column is added in exactly one
// place (plus the migration that creates it), never in four lists kept in
// step by hand.
//
// To store a new entity (appointments, notes, receipts), write one
// package-level table[T] next to the type, e.g.
//
//	var noteTable = table[Note]{name: "notes", key: idColumn(func(n *Note) *int64 { return &n.ID }),
//		autoKey: true, cols: []column[Note]{
//			textColumn("body", "Body", func(n *Note) *string { return &n.Body }),
//			dateColumn("visit_date", "VisitDate", func(n *Note) *Date { return &n.VisitDate }),
//			createdColumn("created_at", func(n *Note) *time.Time { return &n.CreatedAt }),
//			unixColumn("updated_at", func(n *Note) *time.Time { return &n.UpdatedAt }),
//		}}
//
// and use noteTable.insertSQL()/insertArgs, updateSQL()/updateArgs,
// selectSQL()/scanTargets. Columns written by other code (search keys kept
// by indexClient, say) are simply not listed. A table description is never
// modified after it is declared.
type table[T any] struct {
	name    string      // SQL table name
	key     column[T]   // the primary key: WHERE of UPDATE and ON CONFLICT target
	autoKey bool        // SQLite assigns the key on INSERT (an INTEGER PRIMARY KEY rowid)
	cols    []column[T] // every other column, in SELECT order
}

// A column is one stored value of a T.
type column[T any] struct {
	name  string       // SQL column name
	field string       // the Go field name validation reports for it ("" when never reported)
	get   func(*T) any // the value to store
	scan  func(*T) any // where database/sql scans it (a pointer or an sql.Scanner)
	keep  bool         // written by INSERT only; UPDATE keeps the first value (created_at)
}

// valueColumn stores a value that database/sql writes and scans as it is:
// string, bool, int, int64 or []byte.
func valueColumn[T, V any](name, field string, p func(*T) *V) column[T] {
	return column[T]{name: name, field: field,
		get:  func(v *T) any { return *p(v) },
		scan: func(v *T) any { return p(v) }}
}

// textColumn stores a string (or a named string type through p's conversion).
func textColumn[T any](name, field string, p func(*T) *string) column[T] {
	return valueColumn(name, field, p)
}

// idColumn is an INTEGER key column.
func idColumn[T any](p func(*T) *int64) column[T] { return valueColumn[T]("id", "", p) }

// dateColumn stores a Date as 'YYYY-MM-DD' (empty when not given) and scans it
// back through dateScanner, which refuses a stored value that is not a real
// date instead of turning it into "not given".
func dateColumn[T any](name, field string, p func(*T) *Date) column[T] {
	return column[T]{name: name, field: field,
		get:  func(v *T) any { return p(v).String() },
		scan: func(v *T) any { return dateScanner{p(v)} }}
}

// unixColumn stores an instant as unix seconds (UTC).
func unixColumn[T any](name string, p func(*T) *time.Time) column[T] {
	return column[T]{name: name,
		get:  func(v *T) any { return p(v).Unix() },
		scan: func(v *T) any { return unixScanner{p(v)} }}
}

// createdColumn is a unixColumn written only when the row is inserted.
func createdColumn[T any](name string, p func(*T) *time.Time) column[T] {
	c := unixColumn(name, p)
	c.keep = true
	return c
}

// selectSQL is "SELECT key, cols… FROM name" followed by rest (a WHERE or
// ORDER BY clause, or "").
func (t *table[T]) selectSQL(rest string) string {
	names := []string{t.key.name}
	for _, c := range t.cols {
		names = append(names, c.name)
	}
	return strings.TrimSpace("SELECT " + strings.Join(names, ", ") + " FROM " + t.name + " " + rest)
}

// scanTargets are the Scan arguments matching selectSQL for v.
func (t *table[T]) scanTargets(v *T) []any {
	out := []any{t.key.scan(v)}
	for _, c := range t.cols {
		out = append(out, c.scan(v))
	}
	return out
}

// inserted lists the columns an INSERT writes, key first unless SQLite assigns it.
func (t *table[T]) inserted() []column[T] {
	if t.autoKey {
		return t.cols
	}
	return append([]column[T]{t.key}, t.cols...)
}

// insertSQL is the INSERT of one row; insertArgs gives its arguments.
func (t *table[T]) insertSQL() string {
	cols := t.inserted()
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.name
	}
	return "INSERT INTO " + t.name + " (" + strings.Join(names, ", ") + ") VALUES (" +
		placeholders(len(cols)) + ")"
}

// insertArgs are the values insertSQL stores for v.
func (t *table[T]) insertArgs(v *T) []any {
	cols := t.inserted()
	out := make([]any, len(cols))
	for i, c := range cols {
		out[i] = c.get(v)
	}
	return out
}

// updated lists the columns an UPDATE rewrites.
func (t *table[T]) updated() []column[T] {
	var out []column[T]
	for _, c := range t.cols {
		if !c.keep {
			out = append(out, c)
		}
	}
	return out
}

// updateSQL rewrites every column but the key and the keep ones of the row
// with the given key; updateArgs gives its arguments.
func (t *table[T]) updateSQL() string {
	cols := t.updated()
	sets := make([]string, len(cols))
	for i, c := range cols {
		sets[i] = c.name + " = ?"
	}
	return "UPDATE " + t.name + " SET " + strings.Join(sets, ", ") + " WHERE " + t.key.name + " = ?"
}

// updateArgs are the values updateSQL stores for v, the key last.
func (t *table[T]) updateArgs(v *T) []any {
	var out []any
	for _, c := range t.updated() {
		out = append(out, c.get(v))
	}
	return append(out, t.key.get(v))
}

// upsertSQL inserts the row or, when its key exists, rewrites it as
// updateSQL would. It takes insertArgs. For single-row tables such as the
// practice profile.
func (t *table[T]) upsertSQL() string {
	cols := t.updated()
	sets := make([]string, len(cols))
	for i, c := range cols {
		sets[i] = c.name + " = excluded." + c.name
	}
	return t.insertSQL() + " ON CONFLICT (" + t.key.name + ") DO UPDATE SET " + strings.Join(sets, ", ")
}

// fieldNames lists the Go field names of the columns that validation reports on.
func (t *table[T]) fieldNames() []string {
	var out []string
	for _, c := range t.cols {
		if c.field != "" {
			out = append(out, c.field)
		}
	}
	return out
}

// dateScanner scans a stored 'YYYY-MM-DD' (or empty) column into a Date; any
// other value is an error, which database/sql reports with the column name.
type dateScanner struct{ d *Date }

// Scan implements sql.Scanner.
func (s dateScanner) Scan(src any) error {
	var text string
	switch v := src.(type) {
	case nil:
	case string:
		text = v
	case []byte:
		text = string(v)
	default:
		return fmt.Errorf("stored date is a %T, not text", src)
	}
	d, err := scanDate(text)
	if err != nil {
		return err
	}
	*s.d = d
	return nil
}

// unixScanner scans unix seconds into a UTC time.Time.
type unixScanner struct{ t *time.Time }

// Scan implements sql.Scanner.
func (s unixScanner) Scan(src any) error {
	var n sql.NullInt64
	if err := n.Scan(src); err != nil {
		return fmt.Errorf("stored time: %w", err)
	}
	if !n.Valid {
		return fmt.Errorf("stored time is missing")
	}
	*s.t = time.Unix(n.Int64, 0).UTC()
	return nil
}
