package gui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// field is one labelled input of a form, with room below it for a message
// in the error colour. Messages come from the data layer's validation, by
// field name, so the form and the database agree on what is wrong.
type field struct {
	name string // the data field it edits, e.g. "Email"
	err  *widget.Label
	obj  *fyne.Container
}

// newField lays out a label above input, a quiet hint and an error line.
func newField(name, label string, input fyne.CanvasObject, hint string) *field {
	f := &field{name: name}
	title := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameText
	hintLabel := widget.NewLabel(hint)
	hintLabel.Importance = widget.LowImportance
	hintLabel.Wrapping = fyne.TextWrapWord
	if hint == "" {
		hintLabel.Hide()
	}
	f.err = widget.NewLabel("")
	f.err.Importance = widget.DangerImportance
	f.err.Wrapping = fyne.TextWrapWord
	f.err.Hide()
	if label == "" {
		title.Hide()
	}
	f.obj = container.NewVBox(title, input, hintLabel, f.err)
	return f
}

// setError shows msg under the input, or hides the message when msg is "".
func (f *field) setError(msg string) {
	f.err.SetText(msg)
	if msg == "" {
		f.err.Hide()
	} else {
		f.err.Show()
	}
}

// fieldSet is the fields of one form, by data field name.
type fieldSet map[string]*field

// add registers f and returns its layout.
func (fs fieldSet) add(f *field) fyne.CanvasObject {
	fs[f.name] = f
	return f.obj
}

// show puts each problem under its field and clears the others. It returns
// the problems that belong to no field of this form.
func (fs fieldSet) show(ve *data.ValidationError) []data.FieldProblem {
	var rest []data.FieldProblem
	for _, f := range fs {
		f.setError("")
	}
	if ve == nil {
		return nil
	}
	for _, p := range ve.Problems {
		if f, ok := fs[p.Field]; ok {
			if f.err.Text == "" {
				f.setError(p.Message)
			}
		} else {
			rest = append(rest, p)
		}
	}
	return rest
}

// errorCount is the number of fields now showing an error.
func (fs fieldSet) errorCount() int {
	n := 0
	for _, f := range fs {
		if f.err.Text != "" {
			n++
		}
	}
	return n
}

// report shows the problems found while reading a form (probs) and those
// of its validation (err, a *data.ValidationError or nil) under their
// fields, and sums them up in summary. It reports whether all is well.
func (fs fieldSet) report(summary *widget.Label, probs []data.FieldProblem, err error) bool {
	ve := &data.ValidationError{Problems: probs}
	var more *data.ValidationError
	if errors.As(err, &more) {
		ve.Problems = append(ve.Problems, more.Problems...)
	}
	rest := fs.show(ve)
	n := fs.errorCount()
	if n == 0 && len(rest) == 0 {
		summary.Hide()
		return true
	}
	msg := "Please check the highlighted fields before saving."
	if n == 1 {
		msg = "Please check the highlighted field before saving."
	}
	for _, p := range rest {
		msg += " " + p.Message
	}
	summary.SetText(msg)
	summary.Show()
	return false
}

// newSummary is the red line at the top of a form that sums up its problems.
func newSummary() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// onEdit calls changed whenever one of the entries is edited.
func onEdit(changed func(), entries ...*widget.Entry) {
	for _, e := range entries {
		e.OnChanged = func(string) { changed() }
	}
}

// newEntry is a one-line entry with a placeholder.
func newEntry(placeholder string) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(placeholder)
	return e
}

// newTextArea is a multi-line, word-wrapping entry showing rows lines.
func newTextArea(placeholder string, rows int) *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.SetPlaceHolder(placeholder)
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	return e
}

// section is a titled group of a long form or page.
func section(title string, content ...fyne.CanvasObject) fyne.CanvasObject {
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameSubHeadingText
	return container.NewVBox(append([]fyne.CanvasObject{heading, widget.NewSeparator()}, content...)...)
}
