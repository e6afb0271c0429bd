package gui

import (
	"math"
	"sort"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// chartPoint is one value of a measure at a visit.
type chartPoint struct {
	day   int // days since the first plotted visit
	date  data.Date
	value float64
}

// measureChart is a small line chart of one measure across a client's
// visits (pain, stress, sleep, a PSFS activity, a range of motion): the
// measure's range up, visit dates across, drawn with canvas lines and
// circles in the theme's colours, so it reads in light and dark. It takes
// the page's width, whatever that is. The one chart widget of the app: the
// timeline's pain trend is a measureChart too (pain_trend.go).
type measureChart struct {
	widget.BaseWidget
	measure data.Measure
	points  []chartPoint
	marks   chartMarks // the care plan's start, reassessments and target (measure_marks.go)
	rev     int        // counts SetSeries/SetMarks: the renderer rebuilds its shapes only when it moves
}

func newMeasureChart() *measureChart {
	c := &measureChart{}
	c.ExtendBaseWidget(c)
	return c
}

// SetSeries plots a measure's points (oldest first, as data.Series has them).
func (p *measureChart) SetSeries(s data.Series) {
	p.measure = s.Measure
	p.setPoints(chartPoints(s.Points))
}

// setPoints plots pts, thinned to at most maxPlotted (every k-th and the
// last: a 300-point-wide chart cannot show more), and redraws.
func (p *measureChart) setPoints(pts []chartPoint) {
	if n := len(pts); n > maxPlotted {
		k := (n + maxPlotted - 1) / maxPlotted
		thin := make([]chartPoint, 0, maxPlotted+1)
		for i := 0; i < n-1; i += k {
			thin = append(thin, pts[i])
		}
		pts = append(thin, pts[n-1])
	}
	p.points = pts
	p.rev++
	p.Refresh()
}

// Points is how many visits are plotted.
func (p *measureChart) Points() int { return len(p.points) }

// chartPoints keeps the dated points in date order (the stable sort runs
// only when they come unsorted) and counts days from the first.
func chartPoints(pts []data.Point) []chartPoint {
	out := make([]chartPoint, 0, len(pts))
	for _, pt := range pts {
		if !pt.Date.IsZero() {
			out = append(out, chartPoint{date: pt.Date, value: pt.Value})
		}
	}
	key := func(d data.Date) int { return d.Year*10000 + int(d.Month)*100 + d.Day }
	less := func(i, j int) bool { return key(out[i].date) < key(out[j].date) }
	if !sort.SliceIsSorted(out, less) {
		sort.SliceStable(out, less)
	}
	if len(out) > 0 {
		first := out[0].date.Time(time.UTC)
		for i := range out {
			out[i].day = int(out[i].date.Time(time.UTC).Sub(first).Hours() / 24)
		}
	}
	return out
}

// CreateRenderer draws the chart.
func (p *measureChart) CreateRenderer() fyne.WidgetRenderer {
	r := &measureChartRenderer{p: p, built: -1}
	r.rebuild()
	return r
}

type measureChartRenderer struct {
	p       *measureChart
	axes    []*canvas.Line // left, bottom, and guides at 5 and 10
	ticks   []*canvas.Text // the range's low end, middle and top
	segs    []*canvas.Line
	dots    []*canvas.Circle
	first   *canvas.Text
	last    *canvas.Text
	objects []fyne.CanvasObject

	marks      []*canvas.Line // the plan's start and reassessments
	markDays   []int
	markStart  []bool
	target     *canvas.Line // the goal's target (nil: none)
	targetText *canvas.Text
	built      int // the chart's rev the shapes were made for
}

const (
	trendHeight = 110
	trendLeft   = 34 // room for the range labels (up to "200")
	trendBottom = 18 // room for the dates
	trendDot    = 7
	maxPlotted  = 100 // points drawn at most
	maxDots     = 40  // with more points the line is drawn without dots
)

// rebuild makes one dot per point and one segment between neighbours.
func (r *measureChartRenderer) rebuild() {
	r.built = r.p.rev
	fg := theme.Color(theme.ColorNameForeground)
	muted := theme.Color(theme.ColorNameDisabled)
	primary := theme.Color(theme.ColorNamePrimary)
	small := theme.CaptionTextSize()
	r.axes = make([]*canvas.Line, 4)
	for i := range r.axes {
		r.axes[i] = canvas.NewLine(muted)
		r.axes[i].StrokeWidth = 1
	}
	r.ticks = nil
	lo, hi := r.p.measure.Min, r.p.measure.Max
	if hi <= lo {
		hi = lo + 10
	}
	for _, v := range []float64{lo, (lo + hi) / 2, hi} {
		t := canvas.NewText(strconv.FormatFloat(math.Round(v), 'f', -1, 64), muted)
		t.TextSize = small
		r.ticks = append(r.ticks, t)
	}
	r.segs, r.dots = nil, nil
	for i := range r.p.points {
		if i > 0 {
			l := canvas.NewLine(primary)
			l.StrokeWidth = 2
			r.segs = append(r.segs, l)
		}
		if len(r.p.points) <= maxDots {
			d := canvas.NewCircle(primary)
			d.StrokeColor = fg
			r.dots = append(r.dots, d)
		}
	}
	r.first = canvas.NewText("", muted)
	r.last = canvas.NewText("", muted)
	r.first.TextSize, r.last.TextSize = small, small
	if n := len(r.p.points); n > 0 {
		r.first.Text = r.p.points[0].date.Format()
		if n > 1 {
			r.last.Text = r.p.points[n-1].date.Format()
		}
	}
	r.objects = nil
	for _, a := range r.axes {
		r.objects = append(r.objects, a)
	}
	for _, t := range r.ticks {
		r.objects = append(r.objects, t)
	}
	r.buildMarks() // under the line and dots
	for _, s := range r.segs {
		r.objects = append(r.objects, s)
	}
	for _, d := range r.dots {
		r.objects = append(r.objects, d)
	}
	r.objects = append(r.objects, r.first, r.last)
}

// at is where a value sits in a chart of size s.
func (r *measureChartRenderer) at(i int, s fyne.Size) fyne.Position {
	pts := r.p.points
	plotW := max(s.Width-trendLeft-trendDot, 1)
	x := trendLeft + plotW/2
	if span := pts[len(pts)-1].day; span > 0 {
		x = trendLeft + plotW*float32(pts[i].day)/float32(span)
	}
	return fyne.NewPos(x, r.valueY(pts[i].value, s))
}

// valueY is the height of a value in a chart of size s (clamped to the
// measure's range).
func (r *measureChartRenderer) valueY(v float64, s fyne.Size) float32 {
	plotH := max(s.Height-trendBottom-trendDot, 1)
	lo, hi := r.p.measure.Min, r.p.measure.Max
	if hi <= lo {
		hi = lo + 10
	}
	v = min(max(v, lo), hi)
	return trendDot/2 + plotH*(1-float32((v-lo)/(hi-lo)))
}

func (r *measureChartRenderer) Layout(s fyne.Size) {
	bottom := s.Height - trendBottom
	top := float32(trendDot / 2)
	mid := top + (bottom-top-trendDot/2)/2
	hline := func(l *canvas.Line, y float32) {
		l.Position1, l.Position2 = fyne.NewPos(trendLeft, y), fyne.NewPos(s.Width, y)
	}
	r.axes[0].Position1, r.axes[0].Position2 = fyne.NewPos(trendLeft, top), fyne.NewPos(trendLeft, bottom)
	hline(r.axes[1], bottom-trendDot/2)
	hline(r.axes[2], mid)
	hline(r.axes[3], top)
	for i, y := range []float32{bottom - trendDot/2, mid, top} {
		t := r.ticks[i]
		ts := t.MinSize()
		t.Move(fyne.NewPos(trendLeft-ts.Width-4, y-ts.Height/2))
	}
	r.layoutMarks(s)
	var prev fyne.Position
	for i := range r.p.points {
		c := r.at(i, s)
		if i > 0 {
			r.segs[i-1].Position1, r.segs[i-1].Position2 = prev, c
		}
		if i < len(r.dots) {
			r.dots[i].Resize(fyne.NewSquareSize(trendDot))
			r.dots[i].Move(c.SubtractXY(trendDot/2, trendDot/2))
		}
		prev = c
	}
	r.first.Move(fyne.NewPos(trendLeft, bottom+2))
	ls := r.last.MinSize()
	r.last.Move(fyne.NewPos(max(s.Width-ls.Width, trendLeft+r.first.MinSize().Width+8), bottom+2))
}

// MinSize is small: the chart stretches across whatever width it gets.
func (r *measureChartRenderer) MinSize() fyne.Size {
	return fyne.NewSize(trendLeft+r.first.MinSize().Width+r.last.MinSize().Width+16, trendHeight)
}

func (r *measureChartRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *measureChartRenderer) Destroy()                     {}

// Refresh redraws: new shapes when the points changed, otherwise the same
// shapes in the theme's current colours (a theme switch).
func (r *measureChartRenderer) Refresh() {
	if r.built != r.p.rev {
		r.rebuild()
	} else {
		r.recolor()
	}
	r.Layout(r.p.Size())
	canvas.Refresh(r.p)
}

// recolor gives the shapes the theme's current colours.
func (r *measureChartRenderer) recolor() {
	fg := theme.Color(theme.ColorNameForeground)
	muted := theme.Color(theme.ColorNameDisabled)
	primary := theme.Color(theme.ColorNamePrimary)
	for _, a := range r.axes {
		a.StrokeColor = muted
	}
	for _, t := range append(r.ticks, r.first, r.last) {
		t.Color = muted
	}
	for _, l := range r.segs {
		l.StrokeColor = primary
	}
	for _, d := range r.dots {
		d.FillColor, d.StrokeColor = primary, fg
	}
	r.recolorMarks()
}
