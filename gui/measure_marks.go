package gui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"github.com/stillpoint/stillpoint/data"
)

// chartMarks are a care plan's marks on a measure's chart: a line up at
// the plan's start and at each reassessment (within the plotted dates), and
// a line across at the goal's target for this measure.
type chartMarks struct {
	start     data.Date   // the plan's start (zero: no plan)
	reviews   []data.Date // its reassessments
	target    float64
	hasTarget bool
}

// planMarks are plan p's marks for the measure key.
func planMarks(p data.CarePlan, key string) chartMarks {
	m := chartMarks{start: p.StartDate}
	for _, r := range p.Reassessments {
		m.reviews = append(m.reviews, r.Due)
	}
	for _, g := range p.Goals {
		if g.MeasureKey == key {
			m.target, m.hasTarget = g.Target, true
		}
	}
	return m
}

// SetMarks marks the plan on the chart and redraws.
func (p *measureChart) SetMarks(m chartMarks) {
	p.marks = m
	p.rev++
	p.Refresh()
}

// markDays are the days (counted like the points) of the plan's start and
// reassessments that fall within the plotted dates, start first.
func (p *measureChart) markDays() (days []int, isStart []bool) {
	if len(p.points) < 2 || p.marks.start.IsZero() {
		return nil, nil
	}
	first := p.points[0].date.Time(time.UTC)
	span := p.points[len(p.points)-1].day
	add := func(d data.Date, start bool) {
		if d.IsZero() {
			return
		}
		day := int(d.Time(time.UTC).Sub(first).Hours() / 24)
		if day >= 0 && day <= span {
			days, isStart = append(days, day), append(isStart, start)
		}
	}
	add(p.marks.start, true)
	for _, r := range p.marks.reviews {
		add(r, false)
	}
	return days, isStart
}

// buildMarks makes the plan's lines: the start in the text colour, the
// reassessments muted, the target in the success colour with its label.
func (r *measureChartRenderer) buildMarks() {
	r.markDays, r.markStart = r.p.markDays()
	r.marks = make([]*canvas.Line, len(r.markDays))
	for i := range r.marks {
		r.marks[i] = canvas.NewLine(nil)
		r.marks[i].StrokeWidth = 1
		if r.markStart[i] {
			r.marks[i].StrokeWidth = 2
		}
		r.objects = append(r.objects, r.marks[i])
	}
	r.target, r.targetText = nil, nil
	if r.p.marks.hasTarget && len(r.p.points) > 0 {
		r.target = canvas.NewLine(nil)
		r.target.StrokeWidth = 2
		r.targetText = canvas.NewText("target", nil)
		r.targetText.TextSize = theme.CaptionTextSize()
		r.objects = append(r.objects, r.target, r.targetText)
	}
	r.recolorMarks()
}

// recolorMarks gives the marks the theme's current colours.
func (r *measureChartRenderer) recolorMarks() {
	for i, l := range r.marks {
		l.StrokeColor = theme.Color(theme.ColorNameDisabled)
		if r.markStart[i] {
			l.StrokeColor = theme.Color(theme.ColorNameForeground)
		}
	}
	if r.target != nil {
		r.target.StrokeColor = theme.Color(theme.ColorNameSuccess)
		r.targetText.Color = theme.Color(theme.ColorNameSuccess)
	}
}

// layoutMarks places the plan's lines in a chart of size s.
func (r *measureChartRenderer) layoutMarks(s fyne.Size) {
	bottom := s.Height - trendBottom
	top := float32(trendDot / 2)
	plotW := max(s.Width-trendLeft-trendDot, 1)
	span := float32(1)
	if n := len(r.p.points); n > 0 && r.p.points[n-1].day > 0 {
		span = float32(r.p.points[n-1].day)
	}
	for i, l := range r.marks {
		x := trendLeft + plotW*float32(r.markDays[i])/span
		l.Position1, l.Position2 = fyne.NewPos(x, top), fyne.NewPos(x, bottom-trendDot/2)
	}
	if r.target == nil {
		return
	}
	y := r.valueY(r.p.marks.target, s)
	r.target.Position1, r.target.Position2 = fyne.NewPos(trendLeft, y), fyne.NewPos(s.Width, y)
	ts := r.targetText.MinSize()
	ty := y - ts.Height
	if ty < 0 {
		ty = y + 1
	}
	r.targetText.Move(fyne.NewPos(s.Width-ts.Width, ty))
}

// marksKey says in words what the chart's plan lines are: "Lines: care
// plan from 3 Mar 2025 (dark), reviews (grey), target 3 or lower (green)".
func marksKey(p data.CarePlan, m chartMarks, me data.Measure) string {
	if p.StartDate.IsZero() {
		return ""
	}
	s := "Lines: care plan from " + p.StartDate.Format()
	if len(m.reviews) > 0 {
		s += ", reviews (grey)"
	}
	if m.hasTarget {
		way := "or more"
		if me.LowerIsBetter {
			way = "or lower"
		}
		s += ", target " + me.Unit.Format(m.target) + " " + way + " (green)"
	}
	return s
}
