package gui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// closeOnKeys makes a dialog whose only answer is OK (information, an
// error) close when Enter, Return or Escape is pressed, as its OK button
// does, whatever had the focus behind it: a therapist working from the
// keyboard never has to reach for the mouse to dismiss "Saved". The keys
// go back to what handled them before when the dialog closes. It shows d
// and returns it.
func closeOnKeys(win fyne.Window, d dialog.Dialog) dialog.Dialog {
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

// showInfo shows an information dialog (title, message, OK) that Enter,
// Return and Escape close: use it instead of dialog.ShowInformation (it
// takes the same arguments).
func showInfo(title, message string, win fyne.Window) dialog.Dialog {
	return closeOnKeys(win, dialog.NewInformation(title, message, win))
}

// showErrorText shows msg (already in plain words) in an error dialog that
// Enter, Return and Escape close: use it instead of dialog.ShowError.
func showErrorText(win fyne.Window, msg string) dialog.Dialog {
	return closeOnKeys(win, dialog.NewError(errors.New(msg), win))
}
