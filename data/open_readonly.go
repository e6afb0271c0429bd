package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"
)

// OpenReadOnly opens the practice at path for reading only: it never
// creates, migrates or writes anything, also not SQLite's -wal and -shm
// files when no other program has the file open (see readOnlyURI), so it
// works on a read-only file and in a read-only folder (a backup on a
// read-only stick). Read commands (check, list) use it.
//
// A missing file gives an error wrapping fs.ErrNotExist and an empty file
// ErrEmptyFile; a file that is not Stillpoint's is refused as by Open. An
// older schema is opened as it is: NeedsUpgrade says whether it is older
// than this build's. Writing through the Store gives ErrReadOnly.
func OpenReadOnly(ctx context.Context, path string, opts ...Option) (*Store, error) {
	abs, err := PracticePath(path)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(abs); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("no practice file at %s: %w", abs, err)
	}
	st, err := inspectFile(ctx, abs)
	if err != nil {
		return nil, err
	}
	if st.empty {
		return nil, fmt.Errorf("%s: %w", abs, ErrEmptyFile)
	}
	r, err := sql.Open("sqlite3", readOnlyURI(abs))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", abs, err)
	}
	r.SetMaxOpenConns(4)
	s := &Store{path: abs, r: r, collator: NewCollator(), now: time.Now, version: st.version}
	for _, o := range opts {
		o(s)
	}
	s.lock = false // a reader never takes the practice lock
	return s, nil
}
