package gui

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestNoteScreensFitALaptopInBothThemes draws the client page with its
// notes timeline, pain trend and opened history, a note, and the search
// with results in a 1024×600 window, light and dark, and checks nothing is
// cut off. STILLPOINT_RENDER=dir keeps the pictures.
func TestNoteScreensFitALaptopInBothThemes(t *testing.T) {
	size := fyne.NewSize(1024, 600)
	for _, th := range []struct {
		name  string
		theme fyne.Theme
	}{{"light", lightTheme{}}, {"dark", darkTheme{}}} {
		t.Run(th.name, func(t *testing.T) {
			sh := newTestShell(t, true)
			sh.app.Settings().SetTheme(th.theme)
			sh.win.Resize(size)
			c, notes := notesFixture(t, sh)
			longClient(t, sh)
			sh.clients.refresh()
			sh.clients.openClient(c.ID)

			check := func(name string, dialog fyne.CanvasObject) {
				t.Helper()
				settled := settledOutside(sh.win, size)
				img := sh.win.Canvas().Capture()
				if got := sh.win.Canvas().Size(); got != size {
					t.Errorf("%s: the window grew to %v", name, got)
				}
				for _, bad := range settled {
					t.Errorf("%s: %s", name, bad)
				}
				if dialog != nil { // its content, where it sits in the window
					at := fyne.CurrentApp().Driver().AbsolutePositionForObject(dialog).Subtract(dialog.Position())
					for _, bad := range outside(dialog, at, size) {
						t.Errorf("%s: %s", name, bad)
					}
				}
				if dir := os.Getenv("STILLPOINT_RENDER"); dir != "" {
					f, err := os.Create(filepath.Join(dir, name+"-"+th.name+".png"))
					if err != nil {
						t.Fatal(err)
					}
					defer f.Close()
					if err := png.Encode(f, img); err != nil {
						t.Fatal(err)
					}
				}
			}

			// Scroll the page down to the timeline and the opened history.
			for _, a := range findAccordions(sh.clients.page.obj) {
				a.OpenAll()
			}
			check("client-notes", nil)
			for _, sc := range findScrolls(sh.clients.page.obj) {
				sc.ScrollToBottom()
			}
			check("client-history", nil)
			v := sh.openNote(notes[0].ID)
			if v == nil {
				t.Fatal("the note did not open")
			}
			check("note-view", v.obj)
			v.dlg.Hide()
			g := sh.searchAll()
			test.Type(g.entry, "shoulder")
			if len(g.rows) == 0 {
				t.Fatal("no results to draw")
			}
			check("search", g.content)
			if !strings.Contains(allText(g.content), "Shoulder") {
				t.Error("results lack the matched word")
			}
		})
	}
}

// findAccordions and findScrolls find the accordions and scrolls under o.
func findAccordions(o fyne.CanvasObject) []*widget.Accordion {
	var out []*widget.Accordion
	walkObjects(o, func(o fyne.CanvasObject) {
		if a, ok := o.(*widget.Accordion); ok {
			out = append(out, a)
		}
	})
	return out
}

func findScrolls(o fyne.CanvasObject) []*container.Scroll {
	var out []*container.Scroll
	walkObjects(o, func(o fyne.CanvasObject) {
		if s, ok := o.(*container.Scroll); ok {
			out = append(out, s)
		}
	})
	return out
}

func walkObjects(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	f(o)
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			walkObjects(c, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			walkObjects(c, f)
		}
	}
}
