package gui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// BenchmarkProgressCharts builds and lays out the client page's Progress
// section for a busy client (the sizes below). Together with BenchmarkClientOutcomes it is the "outcome
// history and charts under 10 ms" budget.
func BenchmarkProgressCharts(b *testing.B) {
	test.NewTempApp(b)
	measures := data.Measures()
	for i := int64(1); i <= 3; i++ {
		measures = append(measures, data.PSFSMeasure(data.PSFSActivity{ID: i, Name: "Activity"}))
	}
	// "7x208": the 10-year sample's busiest client (7 measures, 208 visits);
	// "17x200": every measure of the catalogue and three activities.
	for _, size := range []struct {
		name           string
		series, visits int
	}{{"7x208", 7, 208}, {"17x200", len(measures), 200}} {
		b.Run(size.name, func(b *testing.B) {
			var o data.Outcomes
			start := time.Date(2017, 1, 2, 0, 0, 0, 0, time.UTC)
			for _, me := range measures[:size.series] {
				var pts []data.Point
				for v := range size.visits {
					pts = append(pts, data.Point{Date: data.DateOf(start.AddDate(0, 0, 14*v)),
						Value: me.Min + float64(v%10)*(me.Max-me.Min)/10})
				}
				o.Series = append(o.Series, data.Summarize(me, pts, data.Date{}))
			}
			m := &clientMeasures{grid: newMeasureGrid(), outcomes: o}
			w := test.NewTempWindow(b, m.grid)
			w.Resize(fyne.NewSize(700, 600))
			for b.Loop() {
				m.render()
				for _, c := range m.charts {
					test.WidgetRenderer(c).Layout(c.Size())
				}
			}
		})
	}
}
