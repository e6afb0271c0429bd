package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// focusWatcher is a form widget that tells a func when it gains the
// keyboard focus, so the form can scroll it into view (Tab to a tick box
// or a list below the fold brings it up).
type focusWatcher interface {
	watchFocus(func())
}

// watchFocus makes an entry tell f when it gains the focus.
func (e *entry) watchFocus(f func()) { e.onFocus = f }

// focusCheck is a tick box that tells onFocus when it gains the focus.
type focusCheck struct {
	widget.Check
	onFocus func()
}

// newFocusCheck is widget.NewCheck as a focusCheck.
func newFocusCheck(label string, changed func(bool)) *focusCheck {
	c := &focusCheck{}
	c.Text = label
	c.OnChanged = changed
	c.ExtendBaseWidget(c)
	return c
}

func (c *focusCheck) watchFocus(f func()) { c.onFocus = f }

// FocusGained shows the focus and tells onFocus.
func (c *focusCheck) FocusGained() {
	c.Check.FocusGained()
	if c.onFocus != nil {
		c.onFocus()
	}
}

// focusSelect is a drop-down list that tells onFocus when it gains the
// focus.
type focusSelect struct {
	widget.Select
	onFocus func()
}

// newFocusSelect is widget.NewSelect as a focusSelect.
func newFocusSelect(options []string, changed func(string)) *focusSelect {
	s := &focusSelect{}
	s.Options = options
	s.OnChanged = changed
	s.ExtendBaseWidget(s)
	return s
}

func (s *focusSelect) watchFocus(f func()) { s.onFocus = f }

// FocusGained shows the focus and tells onFocus.
func (s *focusSelect) FocusGained() {
	s.Select.FocusGained()
	if s.onFocus != nil {
		s.onFocus()
	}
}

// focusWatchersIn finds the widgets in an input that can tell when they
// gain the focus (a field may hold several, e.g. a tick box and a date).
func focusWatchersIn(o fyne.CanvasObject) []focusWatcher {
	switch w := o.(type) {
	case focusWatcher:
		return []focusWatcher{w}
	case *fyne.Container:
		var out []focusWatcher
		for _, c := range w.Objects {
			out = append(out, focusWatchersIn(c)...)
		}
		return out
	}
	return nil
}
