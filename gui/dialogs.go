package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// confirmDiscard asks whether to throw away unsaved changes; discard runs
// only when the therapist says so. The safe answer is the default.
func confirmDiscard(win fyne.Window, what string, discard func()) {
	d := dialog.NewConfirm("Discard changes?", what+"\nDiscard them?", func(ok bool) {
		if ok {
			discard()
		}
	}, win)
	d.SetConfirmText("Discard changes")
	d.SetDismissText("Keep editing")
	d.Show()
}
