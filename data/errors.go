package data

import (
	"errors"
	"fmt"
	"strings"
	"syscall"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// ErrNotFound is returned when a record asked for by ID does not exist.
var ErrNotFound = errors.New("record not found")

// ErrNotDatabase is returned by Open when the file exists but is not an SQLite
// database (a document, an image, a damaged file).
var ErrNotDatabase = errors.New("not a Stillpoint database")

// ErrForeign is returned when the file is an SQLite database made by
// another program. Stillpoint leaves it byte for byte untouched.
var ErrForeign = errors.New("another program's database, not a Stillpoint practice")

// ErrEmptyFile is returned by OpenReadOnly for a file that holds nothing
// yet (zero bytes, or a database without tables): there is nothing to read.
var ErrEmptyFile = errors.New("the file is empty")

// ErrUnfinishedSample is returned for a sample practice whose making was
// interrupted (it is marked as unfinished): it must be made again, not used.
var ErrUnfinishedSample = errors.New("an unfinished sample practice")

// ErrFolder is returned when the practice path names a folder (or ends in a
// path separator) instead of a file.
var ErrFolder = errors.New("names a folder, not a practice file")

// ErrPendingChanges is returned by OpenReadOnly when SQLite's -wal file
// beside the practice file holds changes but its -shm file is missing (a
// partial copy, or a program stopped mid-way): reading it would create the
// -shm, so a reader refuses; the app finishes the changes when it opens it.
var ErrPendingChanges = errors.New("changes wait in the -wal file beside it, without its -shm file")

// ErrNoPath is returned for an empty practice path.
var ErrNoPath = errors.New("no practice file given")

// ErrReadOnly is returned when a Store opened with OpenReadOnly is asked to
// write.
var ErrReadOnly = errors.New("the practice file was opened for reading only")

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

// OlderSchemaError is returned by Store.NeedsUpgrade for a file opened
// read-only whose schema is older than this build's: the app upgrades it
// when it opens it, a read command does not.
type OlderSchemaError struct {
	Path   string
	Found  int
	Latest int
}

// Error says which schema was found.
func (e *OlderSchemaError) Error() string {
	return fmt.Sprintf("%s has an older schema (%d; this version writes %d)", e.Path, e.Found, e.Latest)
}

// DamagedError is returned when SQLite finds the file damaged; Findings is
// what PRAGMA quick_check reported (at most a few lines).
type DamagedError struct {
	Path     string
	Findings string
	Err      error
}

// Error names the file and SQLite's findings.
func (e *DamagedError) Error() string {
	return fmt.Sprintf("%s is damaged: %v; quick_check: %s", e.Path, e.Err, e.Findings)
}

// Unwrap returns SQLite's error.
func (e *DamagedError) Unwrap() error { return e.Err }

// ReadOnlyFolderError is returned when the practice file's folder cannot be
// written to: SQLite keeps its journal (-wal, -shm) beside the file.
type ReadOnlyFolderError struct {
	Dir string
	Err error
}

// Error names the folder.
func (e *ReadOnlyFolderError) Error() string {
	return fmt.Sprintf("the folder %s cannot be written to: %v", e.Dir, e.Err)
}

// Unwrap returns the underlying error.
func (e *ReadOnlyFolderError) Unwrap() error { return e.Err }

// DiskFullError is returned by Open when the disk filled up while the
// practice file was being opened or upgraded to this version's schema.
// SQLite rolled the step back: the file is as it was.
type DiskFullError struct {
	Path      string
	Upgrading bool // the file's schema was being upgraded
	Err       error
}

// Error names the file and what was being done.
func (e *DiskFullError) Error() string {
	if e.Upgrading {
		return fmt.Sprintf("upgrade %s: the disk is full: %v", e.Path, e.Err)
	}
	return fmt.Sprintf("open %s: the disk is full: %v", e.Path, e.Err)
}

// Unwrap returns SQLite's error.
func (e *DiskFullError) Unwrap() error { return e.Err }

// IsDiskFull reports whether err is (or wraps) SQLite's "database or disk
// is full", or a write that failed for lack of space.
func IsDiskFull(err error) bool {
	var de *DiskFullError
	if errors.As(err, &de) {
		return true
	}
	var se sqlite3.Error
	return errors.As(err, &se) && isDiskFull(se)
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
// SQLite's errors are told apart by their result codes, not their text.
func UserMessage(err error) string {
	if err == nil {
		return ""
	}
	if msg, ok := fileMessage(err); ok {
		return msg
	}
	// Errors that carry their own explanation (a booking's conflicts).
	var own interface{ UserMessage() string }
	if errors.As(err, &own) {
		return own.UserMessage()
	}
	var ve *ValidationError
	switch {
	case errors.As(err, &ve):
		msgs := make([]string, 0, len(ve.Problems))
		for _, p := range ve.Problems {
			msgs = append(msgs, p.Message)
		}
		return "Please check the form: " + strings.Join(msgs, " ")
	case errors.Is(err, ErrNotFound):
		return "That record no longer exists. It may have been removed in another window."
	case errors.Is(err, ErrInUse):
		return "Stillpoint is already open on this practice file, in another window or a command. Switch to " +
			"that window or wait for the command to finish (two programs editing one practice could " +
			"overwrite each other's changes)."
	case errors.Is(err, ErrNotEmpty):
		return "This practice file already holds records, so sample data was not added."
	}
	if msg, ok := sqliteMessage(err); ok {
		return msg
	}
	return "Something went wrong: " + err.Error()
}

// fileMessage explains why a practice file cannot be used.
func fileMessage(err error) (string, bool) {
	var ne *NewerSchemaError
	var oe *OlderSchemaError
	var de *DamagedError
	var fe *ReadOnlyFolderError
	var re *ReadOnlyFileError
	var full *DiskFullError
	switch {
	case errors.As(err, &full) && full.Upgrading:
		return "This practice file could not be upgraded to this version of Stillpoint because the disk is " +
			"full; nothing was changed. Free some space, then open it again.\n\n" + full.Path, true
	case errors.As(err, &full):
		return "Stillpoint could not open this practice file because the disk is full; nothing was changed. " +
			"Free some space, then open it again.\n\n" + full.Path, true
	case errors.As(err, &re) && re.Sidecar:
		return fmt.Sprintf("Stillpoint keeps a working file beside the practice file, and it is read-only:\n%s\n"+
			"Stillpoint could not make it writable. Make it writable for your user (for example with "+
			"chmod 600), then open the practice again. Do not delete it: it may hold your latest changes. "+
			"Nothing was changed.", re.Path), true
	case errors.As(err, &re):
		return fmt.Sprintf("This practice file is read-only, so Stillpoint cannot save to it. Nothing was "+
			"changed. Make it writable (check its permissions), or copy it to a writable folder, then open "+
			"it again.\n\n%s", re.Path), true
	case errors.As(err, &ne):
		return fmt.Sprintf("This practice file was saved by a newer version of Stillpoint. "+
			"Please update Stillpoint to open it. The file has not been changed.\n\n%s", ne.Path), true
	case errors.As(err, &oe):
		return "This practice file was saved by an older version of Stillpoint. Stillpoint will upgrade it " +
			"when the app opens it; until then it cannot be listed here. The file has not been changed.", true
	case errors.As(err, &de):
		return "This practice file is damaged, so Stillpoint cannot use it. Nothing was changed. " +
			"Restore it from a backup.\n\nWhat SQLite found:\n" + de.Findings, true
	case errors.As(err, &fe):
		return fmt.Sprintf("Stillpoint cannot write in the folder %s (it may be on a read-only disk or "+
			"stick). Stillpoint keeps small working files beside the practice file, so the folder "+
			"must be writable. Copy the file to a writable folder, or check the folder's permissions.", fe.Dir), true
	case errors.Is(err, ErrNoPath):
		return "No practice file was given. Name a file, for example --db ~/practice.db.", true
	case errors.Is(err, ErrPendingChanges):
		return "This practice file has changes waiting in a working file beside it (its name ends in -wal), " +
			"and the second working file (-shm) is missing, perhaps because the file was copied without " +
			"it. Reading it now would create files, so nothing was read or changed. Open it in the " +
			"Stillpoint app once (that finishes the changes), then try again.", true
	case errors.Is(err, ErrNotRegular):
		return "That is not a practice file: it is a device, a pipe or another special file. Stillpoint has " +
			"not touched it. Name an ordinary file, for example practice.db.", true
	case errors.Is(err, ErrFolder):
		return "That is a folder, not a practice file. Name a file inside it, for example practice.db.", true
	case errors.Is(err, ErrEmptyFile):
		return "This practice file is empty: no practice has been set up in it yet. Open it in the " +
			"Stillpoint app to set one up. Nothing was changed.", true
	case errors.Is(err, ErrForeign):
		return "This file is a database made by another program, not a Stillpoint practice file. " +
			"Stillpoint has not changed it. Choose your practice file instead.", true
	case errors.Is(err, ErrUnfinishedSample):
		return "This file holds a sample practice that was never finished (making it was interrupted). " +
			"Delete it, or make the sample practice again; it holds no real records.", true
	case errors.Is(err, ErrNotDatabase):
		return "This file is not a Stillpoint practice file, or it is damaged. Nothing was changed. " +
			"Choose another file, or restore it from a backup.", true
	case errors.Is(err, ErrReadOnly):
		return "The practice file was opened for reading only, so nothing was saved.", true
	}
	return "", false
}

// sqliteMessage explains SQLite's errors by result code.
func sqliteMessage(err error) (string, bool) {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return "", false
	}
	switch {
	case isDiskFull(se):
		return "The disk is full, so the change was not saved. Free some space and try again; nothing was lost.", true
	case se.Code == sqlite3.ErrReadonly, se.Code == sqlite3.ErrPerm, se.Code == sqlite3.ErrCantOpen:
		return "Stillpoint is not allowed to write to the practice file. Check its permissions. Nothing was changed.\n\n" +
			err.Error(), true
	case se.Code == sqlite3.ErrBusy, se.Code == sqlite3.ErrLocked:
		return "The practice file is busy (perhaps Stillpoint is open twice). Please try again in a moment.", true
	case se.Code == sqlite3.ErrCorrupt, se.Code == sqlite3.ErrNotADB:
		return "The practice file is damaged. Stillpoint stopped before changing anything else. Restore it " +
			"from a backup.\n\n" + err.Error(), true
	}
	return "", false
}

// isDiskFull reports SQLite's "database or disk is full", and a write that
// failed because the disk had no space left (an I/O error with ENOSPC).
func isDiskFull(se sqlite3.Error) bool {
	return se.Code == sqlite3.ErrFull || (se.Code == sqlite3.ErrIoErr && se.SystemErrno == syscall.ENOSPC)
}
