package pdf

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// NotLoggedError is WriteFile's error when record (the audit line) failed:
// the document was made but, unlogged, it was removed again.
type NotLoggedError struct{ Err error }

// Error says the audit line failed.
func (e *NotLoggedError) Error() string { return "record the export: " + e.Err.Error() }

// Unwrap returns record's error.
func (e *NotLoggedError) Unwrap() error { return e.Err }

// FolderError is WriteFile's error when nothing could be written in the
// folder at all (it is missing, read-only or full).
type FolderError struct {
	Dir string
	Err error
}

// Error names the folder.
func (e *FolderError) Error() string { return "write in " + e.Dir + ": " + e.Err.Error() }

// Unwrap returns the cause.
func (e *FolderError) Unwrap() error { return e.Err }

// staleAfter is how old a partial file must be before WriteFile takes it
// for the leftover of an interrupted run: older than any write under way.
const staleAfter = time.Hour

// WriteFile writes a document to path so that the file is complete or
// absent, never half written, and exists only once record (the audit line)
// has succeeded: write fills a hidden ".NAME.*.partial" file beside path,
// which is synced, then record runs, then the file is renamed over path.
// Any failure removes the partial file; a failure of record is a
// *NotLoggedError, and a folder nothing can be written in a *FolderError.
// Partial files of path that an interrupted run (a kill,
// a power cut) left behind are swept first once they are stale.
func WriteFile(path string, write func(io.Writer) error, record func() error) error {
	sweepPartials(path, time.Now())
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.partial")
	if err != nil {
		return &FolderError{Dir: filepath.Dir(path), Err: err}
	}
	tmp := f.Name()
	err = write(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp) //nolint:errcheck // the write's own error matters more
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := record(); err != nil {
		os.Remove(tmp) //nolint:errcheck // the audit's error matters more
		return &NotLoggedError{Err: err}
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp) //nolint:errcheck // the rename's error matters more
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// sweepPartials removes the partial files of path left beside it older than
// staleAfter. Nothing else is touched, and a failure to remove one is no
// reason not to write the document.
func sweepPartials(path string, now time.Time) {
	dir, prefix := filepath.Dir(path), "."+filepath.Base(path)+"."
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, en := range entries {
		name := en.Name()
		if !en.Type().IsRegular() || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, ".partial") {
			continue
		}
		if fi, err := en.Info(); err == nil && now.Sub(fi.ModTime()) > staleAfter {
			os.Remove(filepath.Join(dir, name)) //nolint:errcheck // best effort: an old leftover
		}
	}
}
