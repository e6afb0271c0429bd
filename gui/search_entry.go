package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// searchEntry is a one-line search box that hands the Down arrow to
// onDown, so the keyboard can move from the search into its results.
type searchEntry struct {
	widget.Entry
	onDown   func()
	onEscape func()
}

// setOnEscape makes Escape in the search box call f (in a dialog: Cancel).
func (e *searchEntry) setOnEscape(f func()) { e.onEscape = f }

var _ fyne.Focusable = (*searchEntry)(nil)

// newSearchEntry makes an empty search box.
func newSearchEntry() *searchEntry {
	e := &searchEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey moves into the results on Down, hands Escape to onEscape when
// set, and edits the text on other keys.
func (e *searchEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyDown && e.onDown != nil {
		e.onDown()
		return
	}
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}
