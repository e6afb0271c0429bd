package gui

import (
	"fmt"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TestRenderScreensAtLaptopSize draws every screen in a 1024×600 window
// with the software painter and checks that nothing is cut off: the window
// keeps its size, every object outside a scroll container lies inside the
// window, and the buttons each screen is used through are on screen. With
// STILLPOINT_RENDER naming a folder it also saves each screen as a PNG for
// review: STILLPOINT_RENDER=/tmp/screens go test -run RenderScreens ./gui/
func TestRenderScreensAtLaptopSize(t *testing.T) {
	size := fyne.NewSize(1024, 600)
	sh := newTestShell(t, true)
	sh.app.Settings().SetTheme(lightTheme{})
	sh.demo = true // the demo banner takes room at the top too
	sh.showMain(sectionClients)
	sh.win.Resize(size)
	longClient(t, sh)
	s := sh.clients
	s.refresh()

	check := func(name string, buttons ...*widget.Button) {
		t.Helper()
		// Lay everything out again, as the desktop driver does on the next
		// frame after content changed.
		sh.win.Resize(size.SubtractWidthHeight(1, 1))
		sh.win.Resize(size)
		img := sh.win.Canvas().Capture()
		if got := sh.win.Canvas().Size(); got != size {
			t.Errorf("%s: the window grew to %v", name, got)
		}
		if b := img.Bounds(); b.Dx() < int(size.Width) || b.Dy() < int(size.Height) {
			t.Errorf("%s: rendered %v", name, b)
		}
		for _, o := range settledOutside(sh.win, size) {
			t.Errorf("%s in a %v window: %s", name, size, o)
		}
		for _, b := range buttons {
			pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
			if !b.Visible() || pos.X < 0 || pos.Y < 0 || pos.X+b.Size().Width > size.Width || pos.Y+b.Size().Height > size.Height {
				t.Errorf("%s: button %q at %v size %v is not on screen", name, b.Text, pos, b.Size())
			}
		}
		if dir := os.Getenv("STILLPOINT_RENDER"); dir != "" {
			f, err := os.Create(filepath.Join(dir, name+".png"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := png.Encode(f, img); err != nil {
				t.Fatal(err)
			}
		}
	}

	check("clients", s.newBtn)
	s.list.Select(0)
	check("client-page", s.newBtn, s.page.editBtn, s.page.bookBtn, s.page.more)
	s.edit(s.page.client)
	// The client form's rows wrap to fewer columns where the page side is
	// narrow, so Save is on screen without scrolling sideways.
	if room, need := s.split.Trailing.Size().Width, s.form.obj.MinSize().Width; need > room {
		t.Errorf("client form needs %v points of width, has %v", need, room)
	}
	formButtons := func() []*widget.Button { return []*widget.Button{s.form.saveBtn} }
	check("client-form", append(formButtons(), s.newBtn)...)
	s.newClient()
	s.form.save() // the messages of an empty form
	check("client-form-messages", formButtons()...)
	s.form.cancel()
	sh.show(sectionSettings)
	if room, need := sh.body.Size().Width, sh.settings.obj.MinSize().Width; need > room {
		t.Errorf("settings need %v points of width, have %v", need, room)
	}
	check("settings", sh.settings.saveBtn)
	sh.show(sectionToday)
	check("today")
}

// outside lists the visible objects under o, not inside a scroll
// container, that do not lie within the window or are smaller than their
// minimum size: what would be cut off.
func outside(o fyne.CanvasObject, origin fyne.Position, win fyne.Size) []string {
	if o == nil || !o.Visible() {
		return nil
	}
	pos := origin.Add(o.Position())
	var out []string
	const slack = 0.5 // rounding
	if pos.X < -slack || pos.Y < -slack || pos.X+o.Size().Width > win.Width+slack || pos.Y+o.Size().Height > win.Height+slack {
		return []string{"outside the window: " + describe(o, pos)}
	}
	// Given less than its minimum size, an object is squeezed: its text
	// is cut or it overlaps its neighbours.
	if m := o.MinSize(); o.Size().Width < m.Width-slack || o.Size().Height < m.Height-slack {
		return []string{"squeezed (needs " + fmt.Sprint(m) + ") " + describe(o, pos)}
	}
	switch w := o.(type) {
	case *container.Scroll:
		return nil // its content may be larger: it is reached by scrolling
	case *fyne.Container:
		for _, c := range w.Objects {
			out = append(out, outside(c, pos, win)...)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			out = append(out, outside(c, pos, win)...)
		}
	}
	return out
}

func describe(o fyne.CanvasObject, pos fyne.Position) string {
	text := ""
	if l, ok := o.(*widget.Label); ok {
		text = fmt.Sprintf(" %q", l.Text)
	}
	return fmt.Sprintf("%T%s at %v size %v", o, text, pos, o.Size())
}

// lightTheme is the calm theme in its light variant, whatever the test
// app's settings say.
type lightTheme struct{ calmTheme }

func (lightTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return calmTheme{}.Color(n, theme.VariantLight)
}

// settledOutside is outside for the window's content once its layout has
// settled: the window is nudged and measured again, for up to two seconds,
// until nothing is outside or squeezed. On a loaded machine a freshly built
// section can still be at size 0 for a moment (seen as a flaky "squeezed …
// {0 0}"); a real layout fault stays and is reported.
func settledOutside(w fyne.Window, size fyne.Size) []string {
	return settledOutsideOf(w, size, nil)
}

// settledOutsideOf is settledOutside for obj (a dialog's content) where it
// sits in the window; nil means the window's content.
func settledOutsideOf(w fyne.Window, size fyne.Size, obj fyne.CanvasObject) []string {
	var bad []string
	for try := 0; try < 20; try++ {
		w.Resize(size.SubtractWidthHeight(1, 1))
		w.Resize(size)
		root, at := w.Content(), fyne.NewPos(0, 0)
		if obj != nil {
			root = obj
			at = fyne.CurrentApp().Driver().AbsolutePositionForObject(obj).Subtract(obj.Position())
		}
		if bad = outside(root, at, size); len(bad) == 0 {
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return bad
}
