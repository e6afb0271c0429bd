package gui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// painPoint is one recorded pain rating at a visit.
type painPoint struct {
	day  int // days since the first plotted visit
	date data.Date
	pain int // 0..10
}

// painTrend is a small line chart of the pain a client reported over their
// visits: 0–10 up, visit dates across, drawn with canvas lines and circles.
// Visits where pain was not recorded are left out. It takes the page's
// width, whatever that is.
type painTrend struct {
	widget.BaseWidget
	points []painPoint
}

func newPainTrend() *painTrend {
	p := &painTrend{}
	p.ExtendBaseWidget(p)
	return p
}

// SetNotes plots the recorded pains of notes (in any order), oldest left.
func (p *painTrend) SetNotes(notes []data.Note) {
	p.points = painPoints(notes)
	p.Refresh()
}

// Points is how many visits are plotted.
func (p *painTrend) Points() int { return len(p.points) }

// painPoints keeps the notes with a recorded pain, oldest visit first.
func painPoints(notes []data.Note) []painPoint {
	var out []painPoint
	for i := len(notes) - 1; i >= 0; i-- { // ClientNotes is newest first
		n := notes[i]
		if n.Pain < 0 || n.Pain > 10 || n.VisitDate.IsZero() {
			continue
		}
		out = append(out, painPoint{date: n.VisitDate, pain: n.Pain})
	}
	// Sort defensively by date (insertion sort: a handful of visits).
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].date.Before(out[j-1].date); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
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
func (p *painTrend) CreateRenderer() fyne.WidgetRenderer {
	r := &painTrendRenderer{p: p}
	r.rebuild()
	return r
}

type painTrendRenderer struct {
	p       *painTrend
	axes    []*canvas.Line // left, bottom, and guides at 5 and 10
	ticks   []*canvas.Text // 0, 5, 10
	segs    []*canvas.Line
	dots    []*canvas.Circle
	first   *canvas.Text
	last    *canvas.Text
	objects []fyne.CanvasObject
}

const (
	trendHeight = 110
	trendLeft   = 26 // room for the 0/5/10 labels
	trendBottom = 18 // room for the dates
	trendDot    = 7
)

// rebuild makes one dot per point and one segment between neighbours.
func (r *painTrendRenderer) rebuild() {
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
	for _, v := range []int{0, 5, 10} {
		t := canvas.NewText(fmt.Sprint(v), muted)
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
		d := canvas.NewCircle(primary)
		d.StrokeColor = fg
		r.dots = append(r.dots, d)
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
	for _, s := range r.segs {
		r.objects = append(r.objects, s)
	}
	for _, d := range r.dots {
		r.objects = append(r.objects, d)
	}
	r.objects = append(r.objects, r.first, r.last)
}

// at is where a pain rating sits in a chart of size s.
func (r *painTrendRenderer) at(i int, s fyne.Size) fyne.Position {
	pts := r.p.points
	plotW := max(s.Width-trendLeft-trendDot, 1)
	plotH := max(s.Height-trendBottom-trendDot, 1)
	x := trendLeft + plotW/2
	if span := pts[len(pts)-1].day; span > 0 {
		x = trendLeft + plotW*float32(pts[i].day)/float32(span)
	}
	y := trendDot/2 + plotH*(1-float32(pts[i].pain)/10)
	return fyne.NewPos(x, y)
}

func (r *painTrendRenderer) Layout(s fyne.Size) {
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
	for i := range r.dots {
		c := r.at(i, s)
		if i > 0 {
			r.segs[i-1].Position1, r.segs[i-1].Position2 = r.at(i-1, s), c
		}
		r.dots[i].Resize(fyne.NewSquareSize(trendDot))
		r.dots[i].Move(c.SubtractXY(trendDot/2, trendDot/2))
	}
	r.first.Move(fyne.NewPos(trendLeft, bottom+2))
	ls := r.last.MinSize()
	r.last.Move(fyne.NewPos(max(s.Width-ls.Width, trendLeft+r.first.MinSize().Width+8), bottom+2))
}

// MinSize is small: the chart stretches across whatever width it gets.
func (r *painTrendRenderer) MinSize() fyne.Size {
	return fyne.NewSize(trendLeft+r.first.MinSize().Width+r.last.MinSize().Width+16, trendHeight)
}

func (r *painTrendRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *painTrendRenderer) Destroy()                     {}

// Refresh redraws with the current points and theme colours.
func (r *painTrendRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.p.Size())
	canvas.Refresh(r.p)
}
