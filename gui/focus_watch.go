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

// focusButton is a button that tells onFocus when it gains the focus, so
// a long list can bring the row of the button Tab reached into view.
type focusButton struct {
	widget.Button
	onFocus func()
}

// newFocusButton is widget.NewButtonWithIcon as a focusButton (icon may be nil).
func newFocusButton(label string, icon fyne.Resource, tapped func()) *focusButton {
	b := &focusButton{}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

func (b *focusButton) watchFocus(f func()) { b.onFocus = f }

// FocusGained shows the focus and tells onFocus.
func (b *focusButton) FocusGained() {
	b.Button.FocusGained()
	if b.onFocus != nil {
		b.onFocus()
	}
}

// inputsIn finds the widgets of type T in a field's input, looking inside
// containers (a field may hold several, e.g. a tick box and a date): the
// inputs that can tell when they gain the focus, or take Escape.
func inputsIn[T any](o fyne.CanvasObject) []T {
	if w, ok := o.(T); ok {
		return []T{w}
	}
	var out []T
	if c, ok := o.(*fyne.Container); ok {
		for _, child := range c.Objects {
			out = append(out, inputsIn[T](child)...)
		}
	}
	return out
}
