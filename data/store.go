package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// sqliteMagic starts every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// Store is the practice's database: one SQLite file. All writes go through a
// single connection in immediate transactions; reads use a small pool of
// read-only connections, so a long read never blocks a save.
type Store struct {
	path     string
	w        *sql.DB // the one writer connection
	r        *sql.DB // read-only pool
	collator *Collator
	index    clientIndex      // in-memory client list for search as you type
	now      func() time.Time // the clock (WithClock); time.Now by default
}

// Open opens (creating when missing) the database at path and brings its
// schema up to date. A new file is created with mode 0600 and, when its
// folder does not exist, the folder with mode 0700.
//
// A file that is not an SQLite database gives ErrNotDatabase; a database
// written by a newer Stillpoint gives *NewerSchemaError. In both cases the
// file is left byte-for-byte untouched.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	return openAt(ctx, path, LatestSchema(), opts...)
}

// openAt opens the database migrating only up to schema version upTo (tests
// use it to build old-schema fixtures).
func openAt(ctx context.Context, path string, upTo int, opts ...Option) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := prepareFile(abs); err != nil {
		return nil, err
	}
	if err := refuseForeign(ctx, abs); err != nil {
		return nil, err
	}
	w, err := sql.Open("sqlite3", dsn(abs, false))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", abs, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, classifyOpenError(abs, err)
	}
	if err := migrate(ctx, w, upTo); err != nil {
		w.Close()
		return nil, classifyOpenError(abs, err)
	}
	r, err := sql.Open("sqlite3", dsn(abs, true))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s for reading: %w", abs, err)
	}
	r.SetMaxOpenConns(4)
	s := &Store{path: abs, w: w, r: r, collator: NewCollator(), now: time.Now}
	for _, o := range opts {
		o(s)
	}
	if upTo == LatestSchema() {
		if err := s.ensureKeys(ctx); err != nil {
			s.Close()
			return nil, err
		}
	}
	return s, nil
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
			return fmt.Errorf("create folder %s: %w", dir, err)
		}
	}
	f, err := os.OpenFile(path, os.O_RDONLY|os.O_CREATE|os.O_EXCL, 0o600)
	switch {
	case err == nil:
		return f.Close()
	case errors.Is(err, os.ErrExist):
		return nil
	default:
		return fmt.Errorf("create %s: %w", path, err)
	}
}

// refuseForeign looks at an existing file before SQLite writes anything to
// it: it must start like a database and its schema must not be newer than
// this build's. It opens SQLite read-only so nothing is changed.
func refuseForeign(ctx context.Context, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	head := make([]byte, 100)
	n, err := io.ReadFull(f, head)
	f.Close()
	switch {
	case n == 0:
		return nil // a new, empty file
	case err != nil || !bytes.Equal(head[:len(sqliteMagic)], sqliteMagic):
		return fmt.Errorf("%s: %w", path, ErrNotDatabase)
	}
	ro, err := sql.Open("sqlite3", fileURI(path, "mode=ro"))
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer ro.Close()
	var version int
	if err := ro.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return classifyOpenError(path, err)
	}
	if latest := LatestSchema(); version > latest {
		return &NewerSchemaError{Path: path, Found: version, Supported: latest}
	}
	return nil
}

// classifyOpenError maps SQLite's "not a database" family to ErrNotDatabase.
func classifyOpenError(path string, err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrNotADB || se.Code == sqlite3.ErrCorrupt) {
		return fmt.Errorf("%s: %w (%v)", path, ErrNotDatabase, err)
	}
	if strings.Contains(err.Error(), "file is not a database") || strings.Contains(err.Error(), "malformed") {
		return fmt.Errorf("%s: %w (%v)", path, ErrNotDatabase, err)
	}
	return fmt.Errorf("open %s: %w", path, err)
}

// Path returns the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// Close checkpoints and closes the database.
func (s *Store) Close() error {
	rerr := s.r.Close()
	if err := s.w.Close(); err != nil {
		return fmt.Errorf("close %s: %w", s.path, err)
	}
	if rerr != nil {
		return fmt.Errorf("close %s: %w", s.path, rerr)
	}
	return nil
}

// write runs fn in one immediate transaction on the writer connection and
// commits it; any error rolls everything back.
func (s *Store) write(ctx context.Context, what string, fn func(tx *sql.Tx) error) error {
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
