package gui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The Handouts screen at 1024x600 with a handout chosen: nothing outside
// the window, and New handout, Save as PDF…, Print… and Duplicate to edit
// on screen. With STILLPOINT_RENDER naming a folder it saves handouts.png.
func TestRenderHandoutsAtLaptopSize(t *testing.T) {
	size := fyne.NewSize(1024, 600)
	sh := newTestShell(t, true)
	sh.app.Settings().SetTheme(lightTheme{})
	sh.win.Resize(size)
	sh.show(sectionHandouts)
	s := sh.handouts
	for i, r := range s.rows {
		if r.BuiltinKey == "chin-tucks" {
			s.list.Select(i)
		}
	}
	if s.pdf == nil {
		t.Fatal("no handout chosen")
	}
	sh.win.Resize(size.SubtractWidthHeight(1, 1))
	sh.win.Resize(size)
	img := sh.win.Canvas().Capture()
	if got := sh.win.Canvas().Size(); got != size {
		t.Errorf("the window grew to %v", got)
	}
	for _, o := range settledOutside(sh.win, size) {
		t.Errorf("handouts in a %v window: %s", size, o)
	}
	for _, b := range []*widget.Button{s.newBtn, s.pdf.saveBtn, s.pdf.printBtn, s.dupBtn} {
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
		if !b.Visible() || pos.X < 0 || pos.Y < 0 || pos.X+b.Size().Width > size.Width || pos.Y+b.Size().Height > size.Height {
			t.Errorf("button %q at %v size %v is not on screen", b.Text, pos, b.Size())
		}
	}
	if dir := os.Getenv("STILLPOINT_RENDER"); dir != "" {
		f, err := os.Create(filepath.Join(dir, "handouts.png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, img); err != nil {
			t.Fatal(err)
		}
	}
}
