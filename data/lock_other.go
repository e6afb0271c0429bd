//go:build !unix && !windows

package data

// lockFile locks nothing on systems with neither flock nor LockFileEx;
// SQLite's own locking still keeps the file consistent.
func lockFile(string) (func() error, error) {
	return func() error { return nil }, nil
}
