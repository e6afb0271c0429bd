package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestColumnsWrapWhenNarrow(t *testing.T) {
	test.NewTempApp(t)
	box := func() fyne.CanvasObject {
		r := canvas.NewRectangle(nil)
		r.SetMinSize(fyne.NewSize(200, 40))
		return r
	}
	objs := []fyne.CanvasObject{box(), box(), box()}
	l := newColumnsLayout(3)
	c := container.New(l, objs...)
	pad := theme.Padding()
	for _, tc := range []struct {
		width      float32
		cols, rows int
	}{
		{700, 3, 1}, {450, 2, 2}, {300, 1, 3}, {100, 1, 3},
	} {
		c.Resize(fyne.NewSize(tc.width, 500))
		if l.cols != tc.cols {
			t.Errorf("at %v wide: %d columns, want %d", tc.width, l.cols, tc.cols)
		}
		wantH := float32(tc.rows)*40 + float32(tc.rows-1)*pad
		if got := c.MinSize(); got.Height != wantH || got.Width != 200 {
			t.Errorf("at %v wide: MinSize %v, want 200x%v", tc.width, got, wantH)
		}
		last := objs[2]
		if tc.cols == 3 && last.Position().Y != 0 {
			t.Errorf("at %v wide: the third box is on a second row", tc.width)
		}
		if tc.cols < 3 && last.Position().Y == 0 {
			t.Errorf("at %v wide: the third box did not wrap", tc.width)
		}
		for _, o := range objs {
			if o.Position().X+o.Size().Width > tc.width+0.5 && tc.width >= 200 {
				t.Errorf("at %v wide: a box ends at %v", tc.width, o.Position().X+o.Size().Width)
			}
		}
	}
}
