package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// searchEntry is a one-line search box that hands the Down arrow to
// onDown, so the keyboard can move from the search into its results.
type searchEntry struct {
	widget.Entry
	onDown func()
}

var _ fyne.Focusable = (*searchEntry)(nil)

// newSearchEntry makes an empty search box.
func newSearchEntry() *searchEntry {
	e := &searchEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey moves into the results on Down; other keys edit the text.
func (e *searchEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyDown && e.onDown != nil {
		e.onDown()
		return
	}
	e.Entry.TypedKey(k)
}
