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
	showErrorMessage(win, data.UserMessage(err))
}

// showErrorMessage shows msg in an error dialog that Enter, Return or
// Escape dismiss as its OK button does, whatever has the focus behind it.
func showErrorMessage(win fyne.Window, msg string) dialog.Dialog {
	d := dialog.NewError(errors.New(msg), win)
	c := win.Canvas()
	prev := c.OnTypedKey()
	d.SetOnClosed(func() { c.SetOnTypedKey(prev) })
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape:
			d.Hide()
		default:
			if prev != nil {
				prev(ev)
			}
		}
	})
	d.Show()
	return d
}
