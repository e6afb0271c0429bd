package gui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// field is one labelled input of a form, with room below it for a message
// in the error colour. Messages come from the data layer's validation, by
// field name, so the form and the database agree on what is wrong. A field
// with a problem is highlighted: a tinted, outlined band behind it.
type field struct {
	name  string // the data field it edits, e.g. "Email"
	input fyne.CanvasObject
	err   *widget.Label
	hint  *widget.Label     // the quiet line under the input ("" hides it)
	mark  *canvas.Rectangle // the highlight behind a field with a problem
	obj   *fyne.Container
}

// newField lays out a label above input, a quiet hint and an error line.
func newField(name, label string, input fyne.CanvasObject, hint string) *field {
	f := &field{name: name, input: input}
	title := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameText
	hintLabel := widget.NewLabel(hint)
	hintLabel.Importance = widget.LowImportance
	hintLabel.Wrapping = fyne.TextWrapWord
	if hint == "" {
		hintLabel.Hide()
	}
	f.hint = hintLabel
	f.err = widget.NewLabel("")
	f.err.Importance = widget.DangerImportance
	f.err.Wrapping = fyne.TextWrapWord
	f.err.Hide()
	if label == "" {
		title.Hide()
	}
	f.mark = canvas.NewRectangle(color.Transparent)
	f.mark.CornerRadius = theme.InputRadiusSize()
	f.mark.Hide()
	f.obj = container.NewStack(f.mark, container.NewVBox(title, input, hintLabel, f.err))
	return f
}

// setHint changes the quiet line under the input; "" hides it.
func (f *field) setHint(text string) {
	f.hint.SetText(text)
	if text == "" {
		f.hint.Hide()
	} else {
		f.hint.Show()
	}
}

// setError shows msg under the input and highlights the field, or hides
// both when msg is "".
func (f *field) setError(msg string) {
	f.err.SetText(msg)
	if msg == "" {
		f.err.Hide()
		f.mark.Hide()
		return
	}
	f.err.Show()
	errColor := theme.Color(theme.ColorNameError)
	r, g, b, _ := errColor.RGBA()
	f.mark.FillColor = color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x24}
	f.mark.StrokeColor = errColor
	f.mark.StrokeWidth = 2
	f.mark.Show()
	f.mark.Refresh()
}

// highlighted reports whether the field shows a problem.
func (f *field) highlighted() bool {
	return f.mark.Visible() && f.err.Visible()
}

// focusable is the input to put the cursor in: the input itself, or the
// first enabled input inside it; nil when none takes the cursor.
func (f *field) focusable() fyne.Focusable {
	return firstFocusable(f.input)
}

func firstFocusable(o fyne.CanvasObject) fyne.Focusable {
	if d, ok := o.(fyne.Disableable); ok && d.Disabled() {
		return nil
	}
	if fo, ok := o.(fyne.Focusable); ok {
		return fo
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, child := range c.Objects {
			if fo := firstFocusable(child); fo != nil {
				return fo
			}
		}
	}
	return nil
}

// newSummary is the red line at the top of a form that sums up its problems.
func newSummary() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// section is a titled group of a long form or page.
func section(title string, content ...fyne.CanvasObject) fyne.CanvasObject {
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameSubHeadingText
	return container.NewVBox(append([]fyne.CanvasObject{heading, widget.NewSeparator()}, content...)...)
}
