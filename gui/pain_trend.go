package gui

import "github.com/stillpoint/stillpoint/data"

// newPainTrend is the timeline's chart of the pain a client reported over
// their visits: a measureChart of the pain measure (0-10). Visits where pain
// was not recorded are left out.
func newPainTrend() *measureChart {
	c := newMeasureChart()
	c.measure, _ = data.MeasureByKey(data.MeasurePain)
	return c
}

// SetNotes plots the recorded pains of notes (in any order), oldest left.
func (p *measureChart) SetNotes(notes []data.Note) {
	var pts []data.Point
	for _, n := range notes {
		if n.Pain >= 0 && n.Pain <= 10 {
			pts = append(pts, data.Point{Date: n.VisitDate, Value: float64(n.Pain)})
		}
	}
	p.setPoints(chartPoints(pts))
}

// painTrend is the timeline's name for its pain chart.
type painTrend = measureChart
