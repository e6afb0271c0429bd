package pdf

import (
	"math"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// colTarget is the target line's colour (the screens' success green).
var colTarget = rgb{43, 128, 78}

// chartMaxPoints is how many values a chart draws at most (every k-th and
// the last); chartMaxDots the most it marks with a dot.
const (
	chartMaxPoints = 120
	chartMaxDots   = 40
)

// lineChart is one measure drawn as a small line chart: the measure's
// range up (with its low end, middle and top labelled), the dates across
// from the first value to the last, each dated value joined by a line, and
// the goal's target as a dashed green line.
type lineChart struct {
	measure   data.Measure
	points    []data.Point // oldest first
	target    float64
	hasTarget bool
}

// chartLabelW is the room left of a chart for its range labels.
const chartLabelW = 9.0

// draw draws the chart in the box (x, y, w, h): the plot, then the first
// and last dates under it (inside h).
func (c lineChart) draw(d *Doc, x, y, w, h float64) {
	lo, hi := c.measure.Min, c.measure.Max
	if hi <= lo {
		hi = lo + 10
	}
	small := textStyle{7, false, colMuted}
	lh := small.lineHeight()
	px, pw := x+chartLabelW, w-chartLabelW
	py, ph := y+lh/2, h-lh-1.5-lh/2 // room for the dates under it
	yOf := func(v float64) float64 { return py + ph*(1-(min(max(v, lo), hi)-lo)/(hi-lo)) }
	// Guides at the low end, middle and top, labelled at the left.
	d.pdf.SetLineWidth(0.2)
	for _, v := range []float64{lo, (lo + hi) / 2, hi} {
		c := colRule
		if v == lo {
			c = colMuted
		}
		d.pdf.SetDrawColor(c.r, c.g, c.b)
		d.pdf.Line(px, yOf(v), px+pw, yOf(v))
		d.drawLine(x, yOf(v)-lh/2, chartLabelW-1.5, data.Number(math.Round(v)), small, AlignRight)
	}
	d.pdf.SetDrawColor(colMuted.r, colMuted.g, colMuted.b)
	d.pdf.Line(px, py, px, py+ph)
	pts := thinPoints(c.points)
	if len(pts) == 0 {
		return
	}
	first := pts[0].Date.Time(time.UTC)
	span := pts[len(pts)-1].Date.Time(time.UTC).Sub(first).Hours() / 24
	inset := 2.0 // keep the end dots off the axis
	xOf := func(p data.Point) float64 {
		if span <= 0 {
			return px + pw/2
		}
		return px + inset + (pw-2*inset)*(p.Date.Time(time.UTC).Sub(first).Hours()/24)/span
	}
	if c.hasTarget {
		ty := yOf(c.target)
		d.pdf.SetDrawColor(colTarget.r, colTarget.g, colTarget.b)
		d.pdf.SetLineWidth(0.4)
		d.pdf.SetDashPattern([]float64{1.6, 1.1}, 0)
		d.pdf.Line(px, ty, px+pw, ty)
		d.pdf.SetDashPattern(nil, 0)
		label := "target " + c.measure.Unit.Format(c.target)
		ly := ty - lh
		if ly < y {
			ly = ty + 0.3
		}
		d.drawLine(px, ly, pw-0.5, label, textStyle{7, false, colTarget}, AlignRight)
	}
	d.pdf.SetDrawColor(colAccent.r, colAccent.g, colAccent.b)
	d.pdf.SetLineWidth(0.5)
	d.pdf.SetLineJoinStyle("round")
	d.pdf.SetLineCapStyle("round")
	for i := 1; i < len(pts); i++ {
		d.pdf.Line(xOf(pts[i-1]), yOf(pts[i-1].Value), xOf(pts[i]), yOf(pts[i].Value))
	}
	if len(pts) <= chartMaxDots {
		d.pdf.SetFillColor(colAccent.r, colAccent.g, colAccent.b)
		for _, p := range pts {
			d.pdf.Circle(xOf(p), yOf(p.Value), 0.7, "F")
		}
	}
	dates := y + h - lh
	d.drawLine(px, dates, pw/2, pts[0].Date.Format(), small, AlignLeft)
	if len(pts) > 1 {
		d.drawLine(px+pw/2, dates, pw/2, pts[len(pts)-1].Date.Format(), small, AlignRight)
	}
}

// thinPoints keeps at most chartMaxPoints values: every k-th and the last.
func thinPoints(pts []data.Point) []data.Point {
	n := len(pts)
	if n <= chartMaxPoints {
		return pts
	}
	k := (n + chartMaxPoints - 1) / chartMaxPoints
	out := make([]data.Point, 0, chartMaxPoints+1)
	for i := 0; i < n-1; i += k {
		out = append(out, pts[i])
	}
	return append(out, pts[n-1])
}
