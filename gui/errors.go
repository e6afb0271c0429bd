package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/stillpoint/stillpoint/data"
)

// showError tells the therapist, in plain words, that something failed. The
// technical detail stays in the log.
func showError(win fyne.Window, err error) {
	if err == nil {
		return
	}
	fyne.LogError("stillpoint", err)
	showErrorMessage(win, data.UserMessage(err))
}

// showErrorMessage shows msg in an error dialog that Enter, Return or
// Escape dismiss as its OK button does, whatever has the focus behind it.
func showErrorMessage(win fyne.Window, msg string) dialog.Dialog {
	return showErrorText(win, msg)
}
