package gui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// headerLayout lays out the client page's header compactly, so the page's
// records start high even at 1024×600: the name and the actions on one row
// when the name fits beside them — at heading size, else a size smaller,
// else that smaller size cut short with "…" when most of it still shows —
// and otherwise the name on a row of its own (where a long name wraps at
// word ends, never mid-word) with the actions under it, right-aligned; then
// the line about the client (legal name, pronouns, age, client since)
// across the full width.
//
// Objects: the name heading, the actions, the subtitle.
type headerLayout struct {
	name  *widget.Label
	width float32 // the width last laid out: a wrapping heading's height depends on it
	big   fyne.ThemeSizeName
}

// fitShare is how much of the name (at the smaller size) must show for it
// to be cut short with "…" rather than given a row of its own.
const fitShare = 0.75

// nameWidth is the name's text width at size name sz.
func (l *headerLayout) nameWidth(sz fyne.ThemeSizeName) float32 {
	return fyne.MeasureText(strings.TrimSpace(l.name.Text), theme.Size(sz), l.name.TextStyle).Width
}

// fit chooses the name's size and whether it shares the row with the
// actions in width w.
func (l *headerLayout) fit(w float32, actions fyne.CanvasObject) (size fyne.ThemeSizeName, oneRow, cut bool) {
	if l.big == "" {
		l.big = l.name.SizeName
		if l.big == "" {
			l.big = theme.SizeNameText
		}
	}
	room := w - 2*theme.InnerPadding() - theme.Padding() - actions.MinSize().Width
	switch small := theme.SizeNameSubHeadingText; {
	case l.nameWidth(l.big) <= room:
		return l.big, true, false
	case l.nameWidth(small) <= room:
		return small, true, false
	case room >= fitShare*l.nameWidth(small):
		return small, true, true
	}
	return l.big, false, false
}

// oneRow reports whether the name shares its row with actions in width w.
func (l *headerLayout) oneRow(w float32, actions fyne.CanvasObject) bool {
	_, one, _ := l.fit(w, actions)
	return one
}

// style sets the name's size, wrapping and truncation, refreshing it only
// when something changed.
func (l *headerLayout) style(size fyne.ThemeSizeName, cut bool) {
	wrap, trunc := fyne.TextWrapWord, fyne.TextTruncateOff
	if cut {
		wrap, trunc = fyne.TextWrapOff, fyne.TextTruncateEllipsis
	}
	if l.name.SizeName == size && l.name.Wrapping == wrap && l.name.Truncation == trunc {
		return
	}
	l.name.SizeName, l.name.Wrapping, l.name.Truncation = size, wrap, trunc
	l.name.Refresh()
}

// Layout places the three objects in size.
func (l *headerLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	name, actions, sub := objs[0], objs[1], objs[2]
	pad := theme.Padding()
	am := actions.MinSize()
	var y float32
	nameSize, one, cut := l.fit(size.Width, actions)
	l.style(nameSize, cut)
	if one {
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

// showMenuUnder opens menu under the button at the window's right edge,
// right-aligned with it, so the menu stays inside the window.
func showMenuUnder(menu *fyne.Menu, c fyne.Canvas, button fyne.CanvasObject) {
	m := widget.NewPopUpMenu(menu, c)
	x := min(0, button.Size().Width-m.MinSize().Width)
	m.ShowAtRelativePosition(fyne.NewPos(x, button.Size().Height), button)
}
