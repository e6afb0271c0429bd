package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// columnsLayout lays its objects out in rows of up to max equal columns,
// and in fewer columns when the space is too narrow for every column's
// widest object: a form row of three fields becomes two rows, then one, as
// the window narrows, instead of pushing the window wider than the screen.
//
// Its minimum width is one column's; its minimum height follows the number
// of columns chosen by the last Layout, so a parent laid out again after a
// resize asks for the height the new arrangement needs.
type columnsLayout struct {
	max  int
	cols int // chosen by the last Layout; max until then
}

// newColumnsLayout lays objects out in at most max columns.
func newColumnsLayout(max int) *columnsLayout {
	if max < 1 {
		max = 1
	}
	return &columnsLayout{max: max, cols: max}
}

// widest is the largest minimum width among the visible objects.
func widest(objects []fyne.CanvasObject) float32 {
	var w float32
	for _, o := range objects {
		if o.Visible() {
			w = max(w, o.MinSize().Width)
		}
	}
	return w
}

// fit is how many columns fit in width.
func (l *columnsLayout) fit(objects []fyne.CanvasObject, width float32) int {
	pad := theme.Padding()
	col := widest(objects)
	n := l.max
	for n > 1 && float32(n)*col+float32(n-1)*pad > width {
		n--
	}
	return n
}

// rows groups the visible objects into rows of cols.
func rows(objects []fyne.CanvasObject, cols int) [][]fyne.CanvasObject {
	var out [][]fyne.CanvasObject
	var cur []fyne.CanvasObject
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		cur = append(cur, o)
		if len(cur) == cols {
			out = append(out, cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// rowHeight is the tallest minimum height in a row.
func rowHeight(row []fyne.CanvasObject) float32 {
	var h float32
	for _, o := range row {
		h = max(h, o.MinSize().Height)
	}
	return h
}

// Layout places the objects in as many columns as fit.
func (l *columnsLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.cols = l.fit(objects, size.Width)
	pad := theme.Padding()
	colW := (size.Width - float32(l.cols-1)*pad) / float32(l.cols)
	y := float32(0)
	for _, row := range rows(objects, l.cols) {
		h := rowHeight(row)
		for i, o := range row {
			o.Move(fyne.NewPos(float32(i)*(colW+pad), y))
			o.Resize(fyne.NewSize(colW, h))
		}
		y += h + pad
	}
}

// MinSize is one column wide and as tall as the current arrangement.
func (l *columnsLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	var h float32
	rs := rows(objects, l.cols)
	for i, row := range rs {
		if i > 0 {
			h += pad
		}
		h += rowHeight(row)
	}
	return fyne.NewSize(widest(objects), h)
}
