package data

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ReplaceWith puts the database file at src in place of the Store's
// practice file and returns the practice reopened, all without letting go
// of the practice lock, which s must hold (opened WithLock; otherwise
// ErrNotLocked). src must be a verified Stillpoint file in the same folder
// as the practice (so the rename is atomic); it is moved, not copied.
//
// In order: the Store's connections are closed (SQLite checkpoints its
// -wal), the -wal and -shm left beside the practice file are removed (an old
// -wal must never be replayed into another file), src is renamed into
// place and the folder synced, the new file's identity lock is taken, and
// the practice is opened again (migrated when the file is from an older
// Stillpoint, search keys rebuilt when they are stale). After the call s is
// closed, whatever the result; on an error the lock is released too.
func (s *Store) ReplaceWith(ctx context.Context, src string) (*Store, error) {
	if s.unlock == nil || s.w == nil {
		return nil, fmt.Errorf("replace %s: %w", s.path, ErrNotLocked)
	}
	if filepath.Dir(src) != filepath.Dir(s.path) {
		return nil, fmt.Errorf("replace %s: %s is not in the same folder", s.path, src)
	}
	unlock := s.unlock
	s.unlock = nil
	fail := func(err error) (*Store, error) {
		return nil, errors.Join(err, unlock())
	}
	if err := s.closeDBs(); err != nil {
		return fail(fmt.Errorf("replace: %w", err))
	}
	for _, side := range []string{"-wal", "-shm"} {
		if err := os.Remove(s.path + side); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fail(fmt.Errorf("replace %s: remove %s: %w", s.path, side, err))
		}
	}
	if err := os.Rename(src, s.path); err != nil {
		return fail(fmt.Errorf("replace %s: %w", s.path, err))
	}
	if err := syncDir(filepath.Dir(s.path)); err != nil {
		return fail(fmt.Errorf("replace %s: %w", s.path, err))
	}
	unlockID, err := lockIdentity(s.path)
	if err != nil {
		return fail(fmt.Errorf("replace %s: %w", s.path, err))
	}
	held := joinUnlocks(unlockID, unlock)
	return Open(ctx, s.path, WithClock(s.now), withHeldLock(held))
}

// withHeldLock hands Open a practice lock the caller already holds: the
// Store releases it on Close (or when the open fails).
func withHeldLock(unlock func() error) Option {
	return func(s *Store) {
		s.lock = false
		s.unlock = unlock
	}
}

// syncDir flushes a folder's entries (a rename) to disk. Some systems
// (Windows) cannot open a folder for syncing: that is not an error.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return nil //nolint:nilerr // nothing to sync on such systems
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, fs.ErrInvalid) && !errors.Is(err, fs.ErrPermission) {
		return fmt.Errorf("sync folder %s: %w", dir, err)
	}
	return nil
}
