package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ErrInUse is returned by LockPractice when another Stillpoint window has
// the practice file open.
var ErrInUse = errors.New("the practice file is already open in another Stillpoint window")

// LockPractice takes an exclusive operating-system lock on a file beside the
// practice file (its real path + ".lock"), so that two Stillpoint windows or
// a window and a command-line writer never edit one practice at once.
// SQLite's own locking keeps the file consistent either way; this keeps two
// people from overwriting each other's edits.
//
// The lock follows the file, not the path: symbolic links (of the file and
// of its folders) and ".." are resolved first, so every path to one file
// takes the same lock. unlock removes the lock file (while still holding
// the lock) and releases it; the lock also goes with the process. On Unix
// it is flock(2), on Windows LockFileEx.
func LockPractice(path string) (unlock func() error, err error) {
	lp, err := lockPath(path)
	if err != nil {
		return nil, err
	}
	return lockFile(lp)
}

// lockPath is the lock file of the practice at path: beside the file the
// path finally names.
func lockPath(path string) (string, error) {
	if path == "" {
		return "", ErrNoPath
	}
	if !filepath.IsAbs(path) {
		wd, err := os.Getwd()
		if err != nil {
			return "", fmt.Errorf("lock %s: %w", path, err)
		}
		path = wd + string(filepath.Separator) + path // not Clean: ".." must follow links
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		return real + ".lock", nil
	}
	// The file does not exist yet: resolve its folder (made if missing).
	dir, base := filepath.Split(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("create folder %s: %w", dir, err)
	}
	realDir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", fmt.Errorf("lock %s: %w", path, err)
	}
	return filepath.Join(realDir, base) + ".lock", nil
}
