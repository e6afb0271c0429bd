package data

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// ReadOnlyFileError is returned by Open when the practice file, or one of
// SQLite's working files beside it (-wal, -shm) that Stillpoint could not
// make writable again, cannot be written by this user. It is found before
// SQLite touches the file, so nothing is created or changed.
type ReadOnlyFileError struct {
	Path    string // the file that cannot be written
	Sidecar bool   // Path is SQLite's -wal or -shm beside the practice file
	Err     error
}

// Error names the file.
func (e *ReadOnlyFileError) Error() string {
	return fmt.Sprintf("%s is read-only: %v", e.Path, e.Err)
}

// Unwrap returns the underlying error.
func (e *ReadOnlyFileError) Unwrap() error { return e.Err }

// probeWrite opens path for writing (and closes it at once, writing
// nothing): the operating system's own answer to "may I write this file?".
func probeWrite(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	return f.Close()
}

// ensureWritable refuses a practice file this process cannot write, before
// SQLite opens it (SQLite would open it read-only, leave -wal and -shm
// files behind and fail at the first save). SQLite's working files left
// read-only by an earlier run (-wal, -shm) are made writable for the owner
// again when that is allowed; otherwise they are refused by name.
func ensureWritable(path string, probe func(string) error) error {
	err := probe(path)
	switch {
	case err == nil, errors.Is(err, fs.ErrNotExist):
	case errors.Is(err, fs.ErrPermission) || isReadOnlyFS(err):
		return &ReadOnlyFileError{Path: path, Err: err}
	default:
		return fmt.Errorf("open %s: %w", path, err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		side := path + suffix
		err := probe(side)
		if err == nil || errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if !errors.Is(err, fs.ErrPermission) {
			return fmt.Errorf("open %s: %w", side, err)
		}
		if fi, serr := os.Stat(side); serr == nil && os.Chmod(side, fi.Mode().Perm()|0o600) == nil {
			if err = probe(side); err == nil {
				continue
			}
		}
		return &ReadOnlyFileError{Path: side, Sidecar: true, Err: err}
	}
	return nil
}
