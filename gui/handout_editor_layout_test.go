package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// The handout editor shows every field and the picture's buttons whole,
// without scrolling, in a 1024x600 and a 1280x800 window, with and without
// a picture chosen: the "Choose a picture…" button was cut off at the
// bottom of the dialog, under a ten-row text box. In the window a 1024x600
// screen really leaves (992x535 under Xvfb) the buttons are still in view.
func TestHandoutEditorPictureButtonsInViewAtLaptopSizes(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1024, Height: 600}, {Width: 1280, Height: 800}, {Width: 992, Height: 535}} {
		for _, withPicture := range []bool{false, true} {
			sh := newTestShell(t, true)
			sh.win.Resize(size)
			sh.show(sectionHandouts)
			e := sh.openHandoutEditor(data.Handout{Kind: data.HandoutExercise}, nil)
			if withPicture {
				pick(e, "foam-roller-photo-from-the-clinic.png", smallPNG(t))
				e.onChoose()
			}
			sh.win.Resize(size.SubtractWidthHeight(1, 1))
			sh.win.Resize(size)
			if got, view := e.scroll.Content.MinSize().Height, e.scroll.Size().Height; got > view && size.Height >= 600 {
				t.Errorf("%v, picture %v: the editor needs %.0f px but shows %.0f: it has to be scrolled", size, withPicture, got, view)
			}
			d := fyne.CurrentApp().Driver()
			top := d.AbsolutePositionForObject(e.scroll)
			bottom := top.Y + e.scroll.Size().Height
			for _, b := range []*widget.Button{e.chooseBtn, e.removeBtn, e.saveBtn, e.closeBtn} {
				pos := d.AbsolutePositionForObject(b)
				if !b.Visible() || b.Size().Width < b.MinSize().Width || b.Size().Height < b.MinSize().Height {
					t.Errorf("%v, picture %v: %q is hidden or squeezed: size %v, needs %v", size, withPicture, b.Text, b.Size(), b.MinSize())
				}
				if pos.X < 0 || pos.X+b.Size().Width > size.Width || pos.Y+b.Size().Height > size.Height {
					t.Errorf("%v, picture %v: %q at %v is outside the window", size, withPicture, b.Text, pos)
				}
				if (b == e.chooseBtn || b == e.removeBtn) && (pos.Y < top.Y || pos.Y+b.Size().Height > bottom+0.5) {
					t.Errorf("%v, picture %v: %q at y %.0f–%.0f is cut by the form's edge (%.0f–%.0f)",
						size, withPicture, b.Text, pos.Y, pos.Y+b.Size().Height, top.Y, bottom)
				}
			}
		}
	}
}
