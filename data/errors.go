package data

import (
	"errors"
	"fmt"
	"strings"
)

// ErrNotFound is returned when a record asked for by ID does not exist.
var ErrNotFound = errors.New("record not found")

// ErrNotDatabase is returned by Open when the file exists but is not an SQLite
// database (a document, an image, a damaged file).
var ErrNotDatabase = errors.New("not a Stillpoint database")

// ErrNotEmpty is returned when an operation that needs an empty database (such
// as filling it with demo data) is given one that already holds records.
var ErrNotEmpty = errors.New("database is not empty")

// NewerSchemaError is returned by Open when the database was written by a newer
// version of Stillpoint than this one. The file is left untouched.
type NewerSchemaError struct {
	Path      string
	Found     int
	Supported int
}

// Error says which schema was found and which this build supports.
func (e *NewerSchemaError) Error() string {
	return fmt.Sprintf("%s was written by a newer version of Stillpoint (schema %d, this version understands up to %d)",
		e.Path, e.Found, e.Supported)
}

// FieldProblem is one thing wrong with one field of a form.
type FieldProblem struct {
	Field   string // the Go field name, e.g. "Email"
	Message string // plain words, e.g. "This doesn't look like an e-mail address."
}

// ValidationError lists everything wrong with a record that was not saved.
// Nothing is written to the database when it is returned.
type ValidationError struct {
	Problems []FieldProblem
}

// Error lists every problem, field by field.
func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.Field + ": " + p.Message
	}
	return "invalid input: " + strings.Join(parts, "; ")
}

// For returns the message for one field, or "" when that field is fine.
func (e *ValidationError) For(field string) string {
	for _, p := range e.Problems {
		if p.Field == field {
			return p.Message
		}
	}
	return ""
}

// problems collects field problems while validating a record.
type problems []FieldProblem

func (p *problems) add(field, format string, args ...any) {
	*p = append(*p, FieldProblem{Field: field, Message: fmt.Sprintf(format, args...)})
}

func (p problems) err() error {
	if len(p) == 0 {
		return nil
	}
	return &ValidationError{Problems: p}
}

// UserMessage turns an error from this package into a sentence a therapist can
// act on. Unknown errors keep their text, prefixed with a calm explanation.
func UserMessage(err error) string {
	if err == nil {
		return ""
	}
	var ve *ValidationError
	var ne *NewerSchemaError
	switch {
	case errors.As(err, &ve):
		msgs := make([]string, 0, len(ve.Problems))
		for _, p := range ve.Problems {
			msgs = append(msgs, p.Message)
		}
		return "Please check the form: " + strings.Join(msgs, " ")
	case errors.As(err, &ne):
		return fmt.Sprintf("This practice file was saved by a newer version of Stillpoint. "+
			"Please update Stillpoint to open it. The file has not been changed.\n\n%s", ne.Path)
	case errors.Is(err, ErrNotDatabase):
		return "This file is not a Stillpoint practice file, or it is damaged. Nothing was changed. " +
			"Choose another file, or restore it from a backup."
	case errors.Is(err, ErrNotFound):
		return "That record no longer exists. It may have been removed in another window."
	case errors.Is(err, ErrInUse):
		return "Stillpoint is already open on this practice file. Switch to that window (two windows " +
			"editing one practice could overwrite each other's changes)."
	case errors.Is(err, ErrNotEmpty):
		return "This practice file already holds records, so sample data was not added."
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "database or disk is full"):
		return "The disk is full, so the change was not saved. Free some space and try again; nothing was lost."
	case strings.Contains(msg, "readonly database"), strings.Contains(msg, "permission denied"):
		return "Stillpoint is not allowed to write to the practice file. Check its permissions. Nothing was changed.\n\n" + msg
	case strings.Contains(msg, "database is locked"):
		return "The practice file is busy (perhaps Stillpoint is open twice). Please try again in a moment."
	}
	return "Something went wrong: " + msg
}
