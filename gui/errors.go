package gui

import (
	"errors"

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
	dialog.ShowError(errors.New(data.UserMessage(err)), win)
}
