package data

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrInUse is returned by LockPractice when another Stillpoint program (the
// app or a command) has the practice file open.
var ErrInUse = errors.New("the practice file is already open in another Stillpoint program")

// LockPractice takes an exclusive operating-system lock on a file beside the
// practice file (its real path + ".lock"), so that two Stillpoint windows or
// a window and a command-line writer never edit one practice at once.
// SQLite's own locking keeps the file consistent either way; this keeps two
// people from overwriting each other's edits.
//
// The lock follows the file, not the path: symbolic links (of the file, also
// one to a file not made yet, and of its folders) and ".." are resolved
// first (ResolvePractice), so every path to one file takes the same lock.
// When the file exists, a second lock named after its identity (device and
// inode, see identityLockPath) is taken in its folder too, so two hard links
// in one folder are one practice. unlock removes the lock files (while still
// holding them) and releases them; the locks also go with the process. On
// Unix it is flock(2), on Windows LockFileEx.
//
// A folder that cannot be created or written to gives a
// *ReadOnlyFolderError naming it.
func LockPractice(path string) (unlock func() error, err error) {
	real, err := ResolvePractice(path)
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(real)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, folderError(dir, fmt.Errorf("create folder %s: %w", dir, err))
	}
	unlockPath, err := lockFile(real + ".lock")
	if err != nil {
		return nil, folderError(dir, err)
	}
	unlockID, err := lockIdentity(real)
	if err != nil {
		unlockPath() //nolint:errcheck // the identity lock's error matters more
		return nil, err
	}
	return joinUnlocks(unlockID, unlockPath), nil
}

// lockIdentity takes the identity lock of the existing file at real (see
// identityLockPath); for a missing file it locks nothing and returns a
// no-op. Open calls it again once it has created the file.
func lockIdentity(real string) (func() error, error) {
	idPath, ok, err := identityLockPath(real)
	if err != nil || !ok {
		return func() error { return nil }, err
	}
	unlock, err := lockFile(idPath)
	if err != nil {
		return nil, folderError(filepath.Dir(real), err)
	}
	return unlock, nil
}

// joinUnlocks releases first, then second.
func joinUnlocks(first, second func() error) func() error {
	return func() error { return errors.Join(first(), second()) }
}

// folderError turns a permission error while making or locking files in dir
// into a *ReadOnlyFolderError naming dir; other errors pass through.
func folderError(dir string, err error) error {
	if errors.Is(err, fs.ErrPermission) || isReadOnlyFS(err) {
		return &ReadOnlyFolderError{Dir: dir, Err: err}
	}
	return err
}
