package gui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// headerLayout lays out the client page's header compactly, so the page's
// records start high even at 1024×600: the name and the actions on one row
// when the whole name fits beside them, else the name on a row of its own
// (where a long name wraps at word ends, never mid-word) with the actions
// under it, right-aligned; then the line about the client (legal name,
// pronouns, age, client since) across the full width.
//
// Objects: the name heading, the actions, the subtitle.
type headerLayout struct {
	name  *widget.Label
	width float32 // the width last laid out: a wrapping heading's height depends on it
}

// oneRow reports whether the whole name fits beside actions in width w.
func (l *headerLayout) oneRow(w float32, actions fyne.CanvasObject) bool {
	size := theme.Size(l.name.SizeName)
	if l.name.SizeName == "" {
		size = theme.TextSize()
	}
	text := fyne.MeasureText(strings.TrimSpace(l.name.Text), size, l.name.TextStyle)
	return text.Width+2*theme.InnerPadding()+theme.Padding()+actions.MinSize().Width <= w
}

// Layout places the three objects in size.
func (l *headerLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	name, actions, sub := objs[0], objs[1], objs[2]
	pad := theme.Padding()
	am := actions.MinSize()
	var y float32
	if l.oneRow(size.Width, actions) {
		nw := size.Width - am.Width - pad
		name.Resize(fyne.NewSize(nw, name.MinSize().Height))
		h := max(name.MinSize().Height, am.Height)
		name.Resize(fyne.NewSize(nw, h))
		name.Move(fyne.NewPos(0, 0))
		actions.Resize(am)
		actions.Move(fyne.NewPos(size.Width-am.Width, (h-am.Height)/2))
		y = h
	} else {
		name.Resize(fyne.NewSize(size.Width, name.MinSize().Height))
		nh := name.MinSize().Height
		name.Resize(fyne.NewSize(size.Width, nh))
		name.Move(fyne.NewPos(0, 0))
		actions.Resize(am)
		actions.Move(fyne.NewPos(max(0, size.Width-am.Width), nh+pad))
		y = nh + pad + am.Height
	}
	if !sub.Visible() {
		return
	}
	sub.Resize(fyne.NewSize(size.Width, sub.MinSize().Height))
	sh := sub.MinSize().Height
	sub.Resize(fyne.NewSize(size.Width, sh))
	sub.Move(fyne.NewPos(0, y))
}

// MinSize is as wide as the actions (the name and subtitle wrap) and as
// tall as the arrangement the last width gave.
func (l *headerLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	name, actions, sub := objs[0], objs[1], objs[2]
	am := actions.MinSize()
	w := max(am.Width, name.MinSize().Width, sub.MinSize().Width)
	var h float32
	if l.width > 0 && l.oneRow(l.width, actions) {
		h = max(name.MinSize().Height, am.Height)
	} else {
		h = name.MinSize().Height + theme.Padding() + am.Height
	}
	if sub.Visible() {
		h += sub.MinSize().Height
	}
	return fyne.NewSize(w, h)
}
