package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"

	"github.com/stillpoint/stillpoint/assets"
)

// Store is the practice's database: one SQLite file. All writes go through a
// single connection in immediate transactions; reads use a small pool of
// read-only connections, so a long read never blocks a save.
type Store struct {
	path     string
	w        *sql.DB // the one writer connection
	r        *sql.DB // read-only pool
	collator *Collator
	index    clientIndex             // in-memory client list for search as you type
	now      func() time.Time        // the clock (WithClock); time.Now by default
	lock     bool                    // WithLock: take the practice lock while open
	unlock   func() error            // releases the practice lock (nil when not held)
	version  int                     // schema version when opened
	probe    func(path string) error // may this process write the file? (probeWrite; tests emulate permissions)
	handouts fs.FS                   // the built-in handouts (assets.Handouts; WithHandouts in tests)
}

// Open opens (creating when missing) the database at path and brings its
// schema up to date. A new file is created with mode 0600 and, when its
// folder does not exist, the folder with mode 0700, and marked as
// Stillpoint's (ApplicationID).
//
// Before SQLite may write anything, the file is inspected read-only: a file
// that is not an SQLite database gives ErrNotDatabase, another program's
// database ErrForeign, a database written by a newer Stillpoint
// *NewerSchemaError, an interrupted sample practice ErrUnfinishedSample and
// a damaged one *DamagedError. In all these cases the file is left byte for
// byte untouched, and no lock file is left beside it.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	return openAt(ctx, path, LatestSchema(), opts...)
}

// openAt opens the database migrating only up to schema version upTo (tests
// use it to build old-schema fixtures).
func openAt(ctx context.Context, path string, upTo int, opts ...Option) (_ *Store, err error) {
	s := &Store{collator: NewCollator(), now: time.Now, probe: probeWrite, handouts: assets.Handouts}
	for _, o := range opts {
		o(s)
	}
	if s.path, err = ResolvePractice(path); err != nil {
		return nil, err
	}
	if s.lock {
		if s.unlock, err = LockPractice(s.path); err != nil {
			return nil, err
		}
	}
	defer func() {
		if err != nil && s.unlock != nil {
			s.unlock() //nolint:errcheck // the open error matters more
		}
	}()
	st, err := inspectFile(ctx, s.path, true)
	if err != nil {
		return nil, err
	}
	if err := ensureWritable(s.path, s.probe); err != nil {
		return nil, err
	}
	if err := prepareFile(s.path); err != nil {
		return nil, err
	}
	if s.lock && st.missing { // the new file now has an identity to lock (hard links)
		unlockID, err := lockIdentity(s.path)
		if err != nil {
			return nil, err
		}
		s.unlock = joinUnlocks(unlockID, s.unlock)
	}
	upgrading := !st.missing && !st.empty && st.version < upTo
	if s.w, err = sql.Open("sqlite3", dsn(s.path, false)); err != nil {
		return nil, fmt.Errorf("open %s: %w", s.path, err)
	}
	s.w.SetMaxOpenConns(1)
	s.w.SetMaxIdleConns(1)
	s.w.SetConnMaxLifetime(0)
	if err := s.w.PingContext(ctx); err != nil {
		s.w.Close()
		return nil, s.openError(ctx, err, upgrading)
	}
	if st.missing || st.empty || st.version < upTo { // a current file is not written to at open
		if err := migrate(ctx, s.w, upTo); err != nil {
			s.w.Close()
			return nil, s.openError(ctx, err, upgrading)
		}
	}
	if s.r, err = sql.Open("sqlite3", dsn(s.path, true)); err != nil {
		s.w.Close()
		return nil, fmt.Errorf("open %s for reading: %w", s.path, err)
	}
	s.r.SetMaxOpenConns(4)
	if err := s.w.QueryRowContext(ctx, "PRAGMA user_version").Scan(&s.version); err != nil {
		s.closeDBs()
		return nil, s.openError(ctx, err, false)
	}
	if err := s.verify(ctx); err != nil {
		s.closeDBs()
		return nil, err
	}
	if upTo == LatestSchema() {
		if err := s.ensureKeys(ctx); err != nil {
			s.closeDBs()
			return nil, s.openError(ctx, err, false)
		}
		if err := s.SyncHandouts(ctx, s.handouts); err != nil && !errors.Is(err, ErrHandoutFile) {
			s.closeDBs()
			return nil, s.openError(ctx, err, false)
		}
	}
	return s, nil
}

// openError explains an error while opening: a full disk (while upgrading
// or not) becomes a *DiskFullError, the rest is classifyOpenError's.
func (s *Store) openError(ctx context.Context, err error, upgrading bool) error {
	var se sqlite3.Error
	if errors.As(err, &se) && isDiskFull(se) {
		return &DiskFullError{Path: s.path, Upgrading: upgrading, Err: err}
	}
	return classifyOpenError(ctx, s.path, err)
}

// WithLock makes Open take the practice lock (LockPractice) and Close
// release it: every program that writes to a practice opens it this way.
func WithLock() Option {
	return func(s *Store) { s.lock = true }
}

// dsn builds the connection string: WAL, foreign keys, a busy timeout,
// synchronous FULL (mattn's build otherwise means NORMAL under WAL) and
// immediate write transactions.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_foreign_keys", "on")
	q.Set("_busy_timeout", "5000")
	q.Set("_synchronous", "FULL")
	if readOnly {
		q.Set("mode", "ro")
	} else {
		q.Set("_txlock", "immediate")
	}
	return fileURI(path, q.Encode())
}

// fileURI is the SQLite URI of the file at path with the given query.
func fileURI(path, query string) string {
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + query
}

// prepareFile creates the folder (0700) and an empty file (0600) when they do
// not exist, so SQLite never creates them with looser modes.
func prepareFile(path string) error {
	dir := filepath.Dir(path)
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return folderError(dir, fmt.Errorf("create folder %s: %w", dir, err))
		}
	}
	f, err := os.OpenFile(path, os.O_RDONLY|os.O_CREATE|os.O_EXCL, 0o600)
	switch {
	case err == nil:
		return f.Close()
	case errors.Is(err, os.ErrExist):
		return nil
	default:
		return folderError(dir, fmt.Errorf("create %s: %w", path, err))
	}
}

// classifyOpenError explains an error SQLite gave while opening or
// migrating: a damaged file becomes a *DamagedError with quick_check's
// findings, and a file SQLite cannot write because its folder is read-only
// a *ReadOnlyFolderError naming the folder.
func classifyOpenError(ctx context.Context, path string, err error) error {
	return explainOpenError(ctx, path, err, dirWritable)
}

// explainOpenError is classifyOpenError with the folder test passed in, so
// tests reach the read-only folder case without a read-only disk.
func explainOpenError(ctx context.Context, path string, err error, writable func(dir string) bool) error {
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrCorrupt, sqlite3.ErrNotADB:
			return damaged(ctx, path, err)
		case sqlite3.ErrCantOpen, sqlite3.ErrReadonly, sqlite3.ErrPerm:
			if dir := filepath.Dir(path); !writable(dir) {
				return &ReadOnlyFolderError{Dir: dir, Err: err}
			}
			if perr := probeWrite(path); perr != nil && !errors.Is(perr, os.ErrNotExist) {
				return &ReadOnlyFileError{Path: path, Err: err}
			}
		}
	}
	return fmt.Errorf("open %s: %w", path, err)
}

// Path returns the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// SchemaVersion is the file's schema version (user_version) when opened.
func (s *Store) SchemaVersion() int { return s.version }

// NeedsUpgrade returns an *OlderSchemaError when the file's schema is older
// than this build's (only possible for a Store from OpenReadOnly).
func (s *Store) NeedsUpgrade() error {
	if latest := LatestSchema(); s.version < latest {
		return &OlderSchemaError{Path: s.path, Found: s.version, Latest: latest}
	}
	return nil
}

// Close checkpoints and closes the database, then releases the practice
// lock when the Store holds it.
func (s *Store) Close() error {
	err := s.closeDBs()
	if s.unlock != nil {
		if uerr := s.unlock(); err == nil && uerr != nil {
			err = uerr
		}
		s.unlock = nil
	}
	return err
}

func (s *Store) closeDBs() error {
	var rerr, werr error
	if s.r != nil {
		rerr = s.r.Close()
	}
	if s.w != nil {
		werr = s.w.Close()
	}
	if err := errors.Join(werr, rerr); err != nil {
		return fmt.Errorf("close %s: %w", s.path, err)
	}
	return nil
}

// write runs fn in one immediate transaction on the writer connection and
// commits it; any error rolls everything back.
func (s *Store) write(ctx context.Context, what string, fn func(tx *sql.Tx) error) error {
	if s.w == nil {
		return fmt.Errorf("%s: %w", what, ErrReadOnly)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: begin: %w", what, err)
	}
	defer tx.Rollback() //nolint:errcheck // no-op after commit
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: commit: %w", what, err)
	}
	return nil
}
