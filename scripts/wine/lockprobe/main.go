// Command lockprobe is a test helper for scripts/wine-smoke.sh, built for
// Windows and run under Wine: it tries to take the practice lock the app
// takes (data.LockPractice, LockFileEx on Windows) on the file given, while
// the app holds it in another process.
//
//	lockprobe FILE
//
// Exit status: 0 the lock was refused as in use (what the test expects while
// the app is open), 1 the lock was taken, 2 any other error.
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/stillpoint/stillpoint/data"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: lockprobe FILE")
		os.Exit(2)
	}
	os.Exit(probe(os.Args[1]))
}

// probe tries the lock on path and reports what happened.
func probe(path string) int {
	unlock, err := data.LockPractice(path)
	switch {
	case errors.Is(err, data.ErrInUse):
		fmt.Println("refused:", err)
		return 0
	case err != nil:
		fmt.Fprintln(os.Stderr, "lockprobe:", err)
		return 2
	}
	fmt.Println("locked: nobody else held the lock")
	if err := unlock(); err != nil {
		fmt.Fprintln(os.Stderr, "lockprobe: unlock:", err)
	}
	return 1
}
