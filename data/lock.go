package data

import "errors"

// ErrInUse is returned by LockPractice when another Stillpoint window has
// the practice file open.
var ErrInUse = errors.New("the practice file is already open in another Stillpoint window")

// LockPractice takes an exclusive operating-system lock on a file beside the
// practice file (path + ".lock"), so that two Stillpoint windows never edit
// one practice at once. SQLite's own locking keeps the file consistent
// either way; this keeps two people from overwriting each other's edits.
// The lock goes with the process; unlock releases it sooner. Where the
// system offers no such lock the call succeeds and locks nothing.
func LockPractice(path string) (unlock func() error, err error) {
	return lockFile(path + ".lock")
}
