package gui

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// sampleMarks has one mark of every kind, some labelled, on both views.
func sampleMarks() []bodyMark {
	return []bodyMark{
		{View: bodyFront, X: 0.30, Y: 0.22, Kind: markPain, Label: "R shoulder"},
		{View: bodyFront, X: 0.62, Y: 0.40, Kind: markTension},
		{View: bodyFront, X: 0.40, Y: 0.70, Kind: markNumbness, Label: "tingling"},
		{View: bodyBack, X: 0.40, Y: 0.24, Kind: markTriggerPoint, Label: "upper trap"},
		{View: bodyBack, X: 0.58, Y: 0.45, Kind: markInflammation},
		{View: bodyBack, X: 0.5, Y: 0.36, Kind: markTreated},
		{View: bodyBack, X: 0.62, Y: 0.75, Kind: markTreated, Label: "calf"},
	}
}

// TestBodyChartRenders draws the chart with marks at several sizes in both
// themes and checks the outline was rasterised (the figure's own fill is
// drawn); with STILLPOINT_RENDER set it keeps the pictures to look at.
func TestBodyChartRenders(t *testing.T) {
	for _, th := range []struct {
		name  string
		theme fyne.Theme
	}{{"light", lightTheme{}}, {"dark", darkTheme{}}} {
		for _, size := range []fyne.Size{{Width: 360, Height: 330}, {Width: 480, Height: 620}, {Width: 300, Height: 560}, {Width: 900, Height: 1000}} {
			for _, ro := range []bool{false, true} {
				name := fmt.Sprintf("bodychart-%s-%.0fx%.0f", th.name, size.Width, size.Height)
				if ro {
					name += "-readonly"
				}
				a := test.NewTempApp(t)
				a.Settings().SetTheme(th.theme)
				c := newBodyChart(sampleMarks(), ro)
				c.selected = 0
				c.sync()
				w := test.NewTempWindow(t, c)
				w.Resize(size)
				img := w.Canvas().Capture()
				p := c.figures.panels(c.figures.Size())[0]
				abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(c.figures)
				// The front of the thigh is the figure's fill colour (on a small
				// figure a mark covers it).
				at := p.fromImage(0.42, 0.58).Add(abs)
				want := "#e9eef0"
				if th.name == "dark" {
					want = "#2c3437"
				}
				if got := hexAt(img, at, w.Canvas().Scale()); p.imgSize.Height > 250 && got != want {
					t.Errorf("%s: thigh pixel %s, want the figure fill %s", name, got, want)
				}
				if dir := os.Getenv("STILLPOINT_RENDER"); dir != "" {
					f, err := os.Create(filepath.Join(dir, name+".png"))
					if err != nil {
						t.Fatal(err)
					}
					if err := png.Encode(f, img); err != nil {
						t.Fatal(err)
					}
					f.Close()
				}
			}
		}
	}
}

func hexAt(img image.Image, pos fyne.Position, scale float32) string {
	r, g, b, _ := img.At(int(pos.X*scale), int(pos.Y*scale)).RGBA()
	return fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8)
}

// TestBodyChartFollowsThemeChange switches from light to dark with the
// chart on screen: the outline is recoloured, not left light.
func TestBodyChartFollowsThemeChange(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(lightTheme{})
	c := newBodyChart(nil, false)
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(600, 700))
	p := c.figures.panels(c.figures.Size())[0]
	at := p.fromImage(0.42, 0.58).Add(fyne.CurrentApp().Driver().AbsolutePositionForObject(c.figures))
	if got := hexAt(w.Canvas().Capture(), at, w.Canvas().Scale()); got != "#e9eef0" {
		t.Fatalf("light thigh pixel %s", got)
	}
	a.Settings().SetTheme(darkTheme{})
	if got := hexAt(w.Canvas().Capture(), at, w.Canvas().Scale()); got != "#2c3437" {
		t.Errorf("after switching to dark the thigh pixel is %s, want #2c3437", got)
	}
	saveRender(t, "bodychart-switched-dark", w.Canvas())
}

// TestBodyChartNarrowRenders shows one view at a time on a tall, narrow
// chart, with a caption saying how to see the other.
func TestBodyChartNarrowRenders(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(lightTheme{})
	c := newBodyChart(sampleMarks(), false)
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(260, 760))
	ps := c.figures.panels(c.figures.Size())
	if len(ps) != 1 || ps[0].view != bodyFront {
		t.Fatalf("a narrow chart shows %d views", len(ps))
	}
	saveRender(t, "bodychart-narrow-light-260x760", w.Canvas())
}
