package gui

import (
	"time"

	"fyne.io/fyne/v2"
)

// stopper is a pending timer: Stop cancels it (time.Timer has this method).
type stopper interface {
	Stop() bool
}

// uiAfter calls f on the UI goroutine once d has passed; the shell's
// default timer.
func uiAfter(d time.Duration, f func()) stopper {
	return time.AfterFunc(d, func() { fyne.Do(f) })
}
