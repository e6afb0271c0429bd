//go:build unix

package data

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// lockAttempts bounds the retries when the lock file is replaced between
// opening and locking it (another program removing it as it unlocks).
const lockAttempts = 10

// lockFile takes flock(2) on path (created 0600 when missing). After
// locking it checks that path still names the locked file: a program that
// unlocked meanwhile may have removed it, and a lock on a removed file
// guards nothing; then it tries again.
func lockFile(path string) (func() error, error) {
	for range lockAttempts {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				return nil, ErrInUse
			}
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		held, err := f.Stat()
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if now, err := os.Stat(path); err != nil || !os.SameFile(held, now) {
			f.Close()
			continue
		}
		return func() error {
			// Remove while still holding the lock, then release it.
			rerr := os.Remove(path)
			if errors.Is(rerr, os.ErrNotExist) {
				rerr = nil
			}
			if cerr := f.Close(); cerr != nil {
				return fmt.Errorf("unlock %s: %w", path, cerr)
			}
			if rerr != nil {
				return fmt.Errorf("unlock %s: %w", path, rerr)
			}
			return nil
		}, nil
	}
	return nil, fmt.Errorf("lock %s: the lock file kept changing", path)
}
