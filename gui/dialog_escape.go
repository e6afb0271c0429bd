package gui

import "fyne.io/fyne/v2"

// escaper is an input that can hand Escape to its form.
type escaper interface{ setOnEscape(func()) }

// escapeCancels makes Escape cancel a form shown in a dialog, wherever the
// cursor is: in any of its text fields (which otherwise keep the key), or
// nowhere (the window's canvas). cancel asks about unsaved changes itself.
// The returned restore must be called when the dialog closes.
func (f *form) escapeCancels(cancel func()) (restore func()) {
	for _, fd := range f.order {
		for _, e := range inputsIn[escaper](fd.input) {
			e.setOnEscape(cancel)
		}
	}
	c := f.sh.win.Canvas()
	prev := c.OnTypedKey()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			cancel()
			return
		}
		if prev != nil {
			prev(ev)
		}
	})
	return func() { c.SetOnTypedKey(prev) }
}
