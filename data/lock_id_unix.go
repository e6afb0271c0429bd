//go:build unix

package data

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// identityLockPath is the second lock file of the existing practice file at
// path: ".stillpoint-<device>-<inode>.lock" in its folder, the same for
// every hard link to the file in that folder. ok is false when the file does
// not exist yet (then it has no other names).
func identityLockPath(path string) (lock string, ok bool, err error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("lock %s: %w", path, err)
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return "", false, nil
	}
	name := fmt.Sprintf(".stillpoint-%d-%d.lock", uint64(st.Dev), uint64(st.Ino)) //nolint:unconvert // types differ by system
	return filepath.Join(filepath.Dir(path), name), true, nil
}

// isReadOnlyFS reports a write refused because the file system is mounted
// read-only.
func isReadOnlyFS(err error) bool { return errors.Is(err, syscall.EROFS) }
