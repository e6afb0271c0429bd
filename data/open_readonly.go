package data

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"time"
)

// OpenReadOnly opens the practice at path for reading only: it never
// creates, migrates or writes anything, also not SQLite's -wal and -shm
// files (see readOnlyURI), so it works on a read-only file and in a
// read-only folder (a backup on a read-only stick). Read commands (check,
// list) use it.
//
// The path is resolved as by Open (ResolvePractice): a folder, a device or
// a pipe is refused without being opened. A missing file gives an error
// wrapping fs.ErrNotExist and an empty file ErrEmptyFile; a file that is
// not Stillpoint's is refused as by Open; changes waiting in a -wal without
// its -shm give ErrPendingChanges. An older schema is opened as it is:
// NeedsUpgrade says whether it is older than this build's. Writing through
// the Store gives ErrReadOnly.
func OpenReadOnly(ctx context.Context, path string, opts ...Option) (*Store, error) {
	abs, err := ResolvePractice(path)
	if err != nil {
		return nil, err
	}
	st, err := inspectFile(ctx, abs, false)
	if err != nil {
		return nil, err
	}
	if st.missing {
		return nil, fmt.Errorf("no practice file at %s: %w", abs, os.ErrNotExist)
	}
	if st.empty {
		return nil, fmt.Errorf("%s: %w", abs, ErrEmptyFile)
	}
	uri, err := readOnlyURI(abs)
	if err != nil {
		return nil, err
	}
	r, err := sql.Open("sqlite3", uri)
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
