package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// tableColumns lays out rows of cells as a table: every row shares the
// column widths (each column as wide as its widest cell), and the width
// left over is shared equally. Unlike a grid, a column of short numbers
// does not take the width of the longest heading.
type tableColumns struct {
	rows []*fyne.Container
}

// row adds a row of cells to the table and returns it, to be placed in a
// VBox with the others.
func (t *tableColumns) row(cells ...fyne.CanvasObject) *fyne.Container {
	r := container.New(t, cells...)
	t.rows = append(t.rows, r)
	return r
}

// widths are the columns' minimum widths over all rows.
func (t *tableColumns) widths() []float32 {
	var w []float32
	for _, r := range t.rows {
		for i, o := range r.Objects {
			if i >= len(w) {
				w = append(w, 0)
			}
			w[i] = max(w[i], o.MinSize().Width)
		}
	}
	return w
}

// Layout places one row's cells in the shared columns.
func (t *tableColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := t.widths()
	pad := theme.Padding()
	total := pad * float32(max(len(w)-1, 0))
	for _, v := range w {
		total += v
	}
	extra := float32(0)
	if len(w) > 0 && size.Width > total {
		extra = (size.Width - total) / float32(len(w))
	}
	x := float32(0)
	for i, o := range objs {
		cw := extra
		if i < len(w) {
			cw += w[i]
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(cw, size.Height))
		x += cw + pad
	}
}

// MinSize is the sum of the shared widths and the row's tallest cell.
func (t *tableColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w := t.widths()
	width := theme.Padding() * float32(max(len(w)-1, 0))
	for _, v := range w {
		width += v
	}
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(width, h)
}
