package gui

import (
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Length caps, matching the data layer's limits (data/validate.go), so what
// the therapist types can never be refused as too long, and a huge paste
// cannot freeze the window while it lays out thousands of characters.
const (
	capName  = 100   // names
	capShort = 200   // phones, e-mail, city and other one-line fields
	capLong  = 20000 // notes, alerts and health-history text
)

// entry is a text input that holds at most max characters, and that lets
// Tab and Shift+Tab move to the next or previous field even when it has
// several lines (a plain multi-line widget.Entry types an invisible tab).
type entry struct {
	widget.Entry
	max      int
	onFocus  func() // told when the entry gains the focus (the form scrolls it into view)
	onEscape func() // when set, Escape calls it (a form in a dialog: Cancel)
}

// setOnEscape makes Escape in the entry call f.
func (e *entry) setOnEscape(f func()) { e.onEscape = f }

// TypedKey hands Escape to onEscape, when set.
func (e *entry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}

var (
	_ fyne.Tabbable     = (*entry)(nil)
	_ fyne.Shortcutable = (*entry)(nil)
	_ fyne.Focusable    = (*entry)(nil)
	_ fyne.Clipboard    = fixedClipboard("")
)

// newEntry is a one-line entry with a placeholder, holding at most max
// characters.
func newEntry(placeholder string, max int) *entry {
	e := &entry{max: max}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder(placeholder)
	return e
}

// newTextArea is a multi-line, word-wrapping entry showing rows lines and
// holding at most max characters.
func newTextArea(placeholder string, rows, max int) *entry {
	e := &entry{max: max}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder(placeholder)
	e.SetMinRowsVisible(rows)
	return e
}

// FocusGained also tells onFocus, so a form can bring the field into view
// when Tab moves to a field below (or above) what is on screen.
func (e *entry) FocusGained() {
	e.Entry.FocusGained()
	if e.onFocus != nil {
		e.onFocus()
	}
}

// AcceptsTab is false: Tab always moves the focus on.
func (e *entry) AcceptsTab() bool { return false }

// room is how many more characters fit, counting the selection (which
// what is typed replaces) as free.
func (e *entry) room() int {
	return e.max - utf8.RuneCountInString(e.Text) + utf8.RuneCountInString(e.SelectedText())
}

// TypedRune ignores a character that would not fit.
func (e *entry) TypedRune(r rune) {
	if e.room() <= 0 {
		return
	}
	e.Entry.TypedRune(r)
}

// TypedShortcut pastes only as much of the clipboard as fits.
func (e *entry) TypedShortcut(s fyne.Shortcut) {
	if p, ok := s.(*fyne.ShortcutPaste); ok && p.Clipboard != nil {
		text := p.Clipboard.Content()
		if room := max(e.room(), 0); utf8.RuneCountInString(text) > room {
			e.Entry.TypedShortcut(&fyne.ShortcutPaste{Clipboard: fixedClipboard(firstRunes(text, room))})
			return
		}
	}
	e.Entry.TypedShortcut(s)
}

// fixedClipboard is a clipboard that holds a fixed text: the part of a
// paste that fits.
type fixedClipboard string

func (c fixedClipboard) Content() string   { return string(c) }
func (c fixedClipboard) SetContent(string) {}

// capText cuts what was put in e (by code or any way the typing checks
// did not see) to its maximum; it reports whether it had to.
func capText(e *widget.Entry, max int) bool {
	if utf8.RuneCountInString(e.Text) <= max {
		return false
	}
	e.SetText(firstRunes(e.Text, max))
	return true
}

// firstRunes is the first n characters of s.
func firstRunes(s string, n int) string {
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos]
		}
		i++
	}
	return s
}
