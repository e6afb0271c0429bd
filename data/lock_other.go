//go:build !unix

package data

// lockFile locks nothing where flock is not available (Windows builds rely
// on SQLite's own locking).
func lockFile(string) (func() error, error) {
	return func() error { return nil }, nil
}
