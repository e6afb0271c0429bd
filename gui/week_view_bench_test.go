package gui

import (
	"fmt"
	"image/color"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// BenchmarkWeekViewBuild measures what the Calendar does when a week's
// appointments arrive: hand the blocks to the week view, lay it out at
// 1280×800 and build every canvas object it draws. A week of the 10-year
// sample practice holds about 21 visits; "busy" is a fully booked week.
func BenchmarkWeekViewBuild(b *testing.B) {
	test.NewTempApp(b)
	loc, _ := time.LoadLocation("America/Toronto")
	monday := time.Date(2026, 11, 30, 0, 0, 0, 0, loc)
	now := func() time.Time { return monday.Add(12 * time.Hour) }
	for _, n := range []int{21, 45} {
		blocks := make([]calendarBlock, n)
		for i := range blocks {
			day := i % 5
			slot := i / 5
			start := monday.AddDate(0, 0, day).Add(time.Duration(9*60+slot*75) * time.Minute)
			blocks[i] = calendarBlock{ID: int64(i + 1), Start: start, End: start.Add(60 * time.Minute),
				Title: fmt.Sprintf("Client %d", i), Subtitle: "60-min massage",
				Color: color.NRGBA{R: 0x8f, G: 0xc1, B: 0x8a, A: 0xff}, Alert: i%7 == 0}
		}
		name := map[int]string{21: "sample-week", 45: "busy-week"}[n]
		b.Run(name, func(b *testing.B) {
			v := newWeekView(loc, now)
			w := test.NewTempWindow(b, v)
			w.Resize(fyne.NewSize(1280, 800))
			v.SetDate(monday)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				v.SetBlocks(blocks)
				buildAll(v)
			}
		})
	}
}

// buildAll lays out o and every widget under it and builds their canvas
// objects, as the first frame after a change does.
func buildAll(o fyne.CanvasObject) int {
	n := 1
	switch w := o.(type) {
	case fyne.Widget:
		r := test.WidgetRenderer(w)
		r.Layout(w.Size())
		for _, c := range r.Objects() {
			n += buildAll(c)
		}
	case *fyne.Container:
		for _, c := range w.Objects {
			n += buildAll(c)
		}
	}
	return n
}
