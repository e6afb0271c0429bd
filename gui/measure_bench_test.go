package gui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// BenchmarkProgressCharts builds and lays out the client page's Progress
// section for a busy client: every measure of the catalogue plus three
// activities, 200 visits each (more than the 10-year sample's busiest
// client). Together with BenchmarkClientOutcomes it is the "outcome
// history and charts under 10 ms" budget.
func BenchmarkProgressCharts(b *testing.B) {
	test.NewTempApp(b)
	var o data.Outcomes
	start := time.Date(2017, 1, 2, 0, 0, 0, 0, time.UTC)
	measures := data.Measures()
	for i := int64(1); i <= 3; i++ {
		measures = append(measures, data.PSFSMeasure(data.PSFSActivity{ID: i, Name: "Activity"}))
	}
	for _, me := range measures {
		var pts []data.Point
		for v := range 200 {
			pts = append(pts, data.Point{Date: data.DateOf(start.AddDate(0, 0, 14*v)),
				Value: me.Min + float64(v%10)*(me.Max-me.Min)/10})
		}
		o.Series = append(o.Series, data.Summarize(me, pts, data.Date{}))
	}
	m := &clientMeasures{grid: newMeasureGrid()}
	w := test.NewTempWindow(b, m.grid)
	w.Resize(fyne.NewSize(700, 600))
	m.outcomes = o
	for b.Loop() {
		m.render()
		m.grid.Refresh()
		for _, c := range m.charts {
			test.WidgetRenderer(c).Layout(c.Size())
		}
	}
}
