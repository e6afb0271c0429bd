package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// sqliteMagic starts every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// fileState is what inspectFile found at a path.
type fileState struct {
	missing bool // no file there yet
	empty   bool // zero bytes, or a database with no tables and no marks
	version int  // user_version
}

// legacyTables are the tables every Stillpoint file had before it carried
// the application_id: a file with them (and user_version 1 or later) is a
// practice from an earlier version.
var legacyTables = []string{"meta", "practice", "clients"}

// inspectFile tells whether the file at path is a Stillpoint practice
// without writing anything: SQLite reads it read-only (see readOnlyURI).
// It refuses a file that is not a database (ErrNotDatabase), another
// program's database (ErrForeign), a newer schema (*NewerSchemaError), an
// unfinished sample practice (ErrUnfinishedSample), a folder (ErrFolder)
// and a damaged file (*DamagedError).
//
// writer says the caller will open the file for writing next: then a -wal
// without its -shm (a partial copy, a crash leftover) is read past with
// immutable=1 rather than refused, since SQLite recovers it when it opens
// the file to write.
func inspectFile(ctx context.Context, path string, writer bool) (fileState, error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fileState{missing: true}, nil
	case err != nil:
		return fileState{}, fmt.Errorf("open %s: %w", path, err)
	case fi.IsDir():
		return fileState{}, fmt.Errorf("%s: %w", path, ErrFolder)
	case !fi.Mode().IsRegular(): // never opened: a pipe would wait forever
		return fileState{}, fmt.Errorf("%s: %w", path, ErrNotRegular)
	}
	f, err := os.Open(path)
	if err != nil {
		return fileState{}, fmt.Errorf("open %s: %w", path, err)
	}
	head := make([]byte, 100)
	n, err := io.ReadFull(f, head)
	f.Close()
	switch {
	case n == 0 && pendingWAL(path):
		return fileState{}, fmt.Errorf("%s: %w", path, ErrPendingChanges)
	case n == 0:
		return fileState{empty: true}, nil
	case err != nil || !bytes.Equal(head[:len(sqliteMagic)], sqliteMagic):
		return fileState{}, fmt.Errorf("%s: %w", path, ErrNotDatabase)
	}
	uri, err := readOnlyURI(path)
	if writer && errors.Is(err, ErrPendingChanges) {
		uri, err = fileURI(path, "mode=ro&immutable=1"), nil
	}
	if err != nil {
		return fileState{}, err
	}
	ro, err := sql.Open("sqlite3", uri)
	if err != nil {
		return fileState{}, fmt.Errorf("open %s: %w", path, err)
	}
	defer ro.Close()
	st, err := classify(ctx, ro, path)
	if err != nil {
		return fileState{}, damaged(ctx, path, err)
	}
	return st, nil
}

// classify reads the marks of an SQLite database and decides whether it is
// Stillpoint's.
func classify(ctx context.Context, ro *sql.DB, path string) (fileState, error) {
	var appID, version int64
	if err := ro.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return fileState{}, fmt.Errorf("open %s: %w", path, err)
	}
	if err := ro.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fileState{}, fmt.Errorf("open %s: %w", path, err)
	}
	tables := map[string]bool{}
	entries := 0 // tables, views, indexes, triggers: anything makes the file not empty
	rows, err := ro.QueryContext(ctx, "SELECT type, name FROM sqlite_schema")
	if err != nil {
		return fileState{}, fmt.Errorf("open %s: %w", path, err)
	}
	for rows.Next() {
		var typ, name string
		if err := rows.Scan(&typ, &name); err != nil {
			rows.Close()
			return fileState{}, fmt.Errorf("open %s: %w", path, err)
		}
		entries++
		if typ == "table" {
			tables[name] = true
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fileState{}, fmt.Errorf("open %s: %w", path, err)
	}
	st := fileState{version: int(version)}
	switch {
	case appID != 0 && appID != ApplicationID:
		return st, fmt.Errorf("%s (application_id %#x): %w", path, appID, ErrForeign)
	case entries == 0 && version == 0:
		st.empty = true
		return st, nil
	case appID == 0 && (version < 1 || !hasAll(tables, legacyTables)):
		return st, fmt.Errorf("%s (user_version %d, tables %s): %w", path, version, names(tables), ErrForeign)
	case int(version) > LatestSchema():
		return st, &NewerSchemaError{Path: path, Found: int(version), Supported: LatestSchema()}
	}
	if tables["meta"] {
		var mark string
		err := ro.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, metaDemo).Scan(&mark)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return st, fmt.Errorf("open %s: read the sample mark: %w", path, err)
		}
		if mark == demoUnfinished {
			return st, fmt.Errorf("%s: %w", path, ErrUnfinishedSample)
		}
	}
	return st, nil
}

func hasAll(have map[string]bool, want []string) bool {
	for _, w := range want {
		if !have[w] {
			return false
		}
	}
	return true
}

func names(tables map[string]bool) string {
	var ns []string
	for n := range tables {
		ns = append(ns, n)
	}
	if len(ns) > 5 {
		ns = append(ns[:5], "…")
	}
	return strings.Join(ns, ", ")
}

// readOnlyURI is the URI that reads path without creating or changing any
// file. SQLite needs the -shm file to read a database in WAL mode; when no
// -wal file exists (no program has the file open and nothing waits to be
// checkpointed), or an empty one, immutable=1 reads the file as it is
// without any journal file, also in a read-only folder. When a -wal and its
// -shm exist, another program is using the file (or left committed changes
// in it): then SQLite must read it too, in the ordinary read-only mode,
// which uses the existing -shm. A -wal with changes but without its -shm
// cannot be read without creating the -shm: ErrPendingChanges.
func readOnlyURI(path string) (string, error) {
	if !pendingWAL(path) {
		return fileURI(path, "mode=ro&immutable=1"), nil
	}
	if _, err := os.Lstat(path + "-shm"); err != nil {
		return "", fmt.Errorf("%s: %w", path, ErrPendingChanges)
	}
	return fileURI(path, "mode=ro&_busy_timeout=5000"), nil
}

// pendingWAL reports whether a -wal file with something in it is beside path.
func pendingWAL(path string) bool {
	fi, err := os.Lstat(path + "-wal")
	return err == nil && fi.Size() > 0
}

// maxFindings is how many lines of quick_check a DamagedError keeps.
const maxFindings = 8

// damaged turns SQLite's "corrupt" error into a *DamagedError carrying
// quick_check's findings and "not a database" (a damaged header) into
// ErrNotDatabase; other errors pass through.
func damaged(ctx context.Context, path string, err error) error {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return err
	}
	if se.Code == sqlite3.ErrNotADB { // a damaged header: nothing to check
		return fmt.Errorf("%s: %w (%v)", path, ErrNotDatabase, err)
	}
	if se.Code != sqlite3.ErrCorrupt {
		return err
	}
	return &DamagedError{Path: path, Findings: quickCheck(ctx, path), Err: err}
}

// quickCheck runs PRAGMA quick_check read-only and returns its first lines,
// or why it could not run.
func quickCheck(ctx context.Context, path string) string {
	uri, err := readOnlyURI(path)
	if err != nil {
		return err.Error()
	}
	ro, err := sql.Open("sqlite3", uri)
	if err != nil {
		return err.Error()
	}
	defer ro.Close()
	rows, err := ro.QueryContext(ctx, fmt.Sprintf("PRAGMA quick_check(%d)", maxFindings))
	if err != nil {
		return err.Error()
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var l string
		if err := rows.Scan(&l); err != nil {
			return err.Error()
		}
		lines = append(lines, l)
	}
	if err := rows.Err(); err != nil {
		lines = append(lines, err.Error())
	}
	return strings.Join(lines, "\n")
}
