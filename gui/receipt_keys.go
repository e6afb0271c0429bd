package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// escapeCloses shows d and makes Escape close it while may() allows (a
// dialog at work, such as statements being written, stays open), whatever
// had the focus behind it. The keys go back to what handled them before
// when the dialog closes.
func escapeCloses(win fyne.Window, d dialog.Dialog, may func() bool) {
	c := win.Canvas()
	prev := c.OnTypedKey()
	d.SetOnClosed(func() { c.SetOnTypedKey(prev) })
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape && may() {
			d.Hide()
			return
		}
		if prev != nil {
			prev(ev)
		}
	})
	d.Show()
}
