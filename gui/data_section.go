package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// newDataSection tells the therapist where their records live and how to
// back them up by hand.
func newDataSection(sh *shell) fyne.CanvasObject {
	path := widget.NewLabel(sh.store.Path())
	path.Selectable = true
	path.Wrapping = fyne.TextWrapBreak
	backup := widget.NewLabel("To back up by hand: quit Stillpoint, then copy this file (and any file beside it " +
		"with the same name ending in -wal) to a USB drive or another safe place.")
	backup.Wrapping = fyne.TextWrapWord
	version := widget.NewLabel("Stillpoint " + sh.opts.Version)
	version.Importance = widget.LowImportance
	return section("Your data", widget.NewLabel("Your records are kept on this computer, in:"), path, backup, version)
}
