package gui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// monthView is the month at a glance, to spot free days: six weeks of
// days, Monday first, each with how many visits it holds (cancelled ones
// not counted), busier days tinted deeper, open days with none marked
// "Free" and days the practice is closed marked "Closed". Tapping a day
// tells OnDay.
type monthView struct {
	widget.BaseWidget

	// OnDay is told the date (midnight in the view's zone) of a tapped day.
	OnDay func(time.Time)

	loc    *time.Location
	now    func() time.Time
	month  time.Time // the first of the month shown
	hours  weekHours
	counts map[string]int // visits by date, "2006-01-02"
}

var _ fyne.Tappable = (*monthView)(nil)

// newMonthView shows the month holding today in loc; now is its clock
// (time.Now when nil).
func newMonthView(loc *time.Location, now func() time.Time) *monthView {
	if now == nil {
		now = time.Now
	}
	v := &monthView{loc: loc, now: now, hours: defaultWeekHours(), counts: map[string]int{}}
	v.ExtendBaseWidget(v)
	v.SetDate(now())
	return v
}

// SetDate shows the month holding date.
func (v *monthView) SetDate(date time.Time) {
	d := date.In(v.loc)
	v.month = time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, v.loc)
	v.Refresh()
}

// Start is the first date shown: the Monday on or before the first.
func (v *monthView) Start() time.Time { return weekStart(v.month) }

// End is the midnight after the last date shown (six weeks on).
func (v *monthView) End() time.Time { return addDays(v.Start(), 42) }

// SetBlocks counts the visits of each day; cancelled (faint) ones do not
// count.
func (v *monthView) SetBlocks(blocks []calendarBlock) {
	v.counts = map[string]int{}
	for _, b := range blocks {
		if !b.Faint {
			v.counts[b.Start.In(v.loc).Format(time.DateOnly)]++
		}
	}
	v.Refresh()
}

// SetHours sets the working hours, to tell free days from closed ones.
func (v *monthView) SetHours(h weekHours) { v.hours = h; v.Refresh() }

// Count is the number of visits on date.
func (v *monthView) Count(date time.Time) int { return v.counts[date.In(v.loc).Format(time.DateOnly)] }

// headerHeight is the height of the weekday names row.
func (v *monthView) headerHeight() float32 { return theme.CaptionTextSize() + 2*theme.InnerPadding() }

// cell is the size of one day.
func (v *monthView) cell(size fyne.Size) fyne.Size {
	return fyne.NewSize(size.Width/7, (size.Height-v.headerHeight())/6)
}

// dateAt is the date under pos.
func (v *monthView) dateAt(pos fyne.Position) (time.Time, bool) {
	c := v.cell(v.Size())
	if pos.Y < v.headerHeight() || pos.X < 0 || c.Width <= 0 || c.Height <= 0 {
		return time.Time{}, false
	}
	col, row := int(pos.X/c.Width), int((pos.Y-v.headerHeight())/c.Height)
	if col > 6 || row > 5 {
		return time.Time{}, false
	}
	return addDays(v.Start(), row*7+col), true
}

// Tapped tells OnDay the day tapped.
func (v *monthView) Tapped(ev *fyne.PointEvent) {
	if d, ok := v.dateAt(ev.Position); ok && v.OnDay != nil {
		v.OnDay(d)
	}
}

// MinSize leaves each day two lines of text.
func (v *monthView) MinSize() fyne.Size {
	return fyne.NewSize(7*72, v.headerHeight()+6*(2*theme.TextSize()+3*theme.Padding()))
}

// CreateRenderer draws the month afresh on each layout.
func (v *monthView) CreateRenderer() fyne.WidgetRenderer { return &monthRenderer{v: v} }

type monthRenderer struct {
	v       *monthView
	objects []fyne.CanvasObject
}

func (r *monthRenderer) Destroy()                     {}
func (r *monthRenderer) MinSize() fyne.Size           { return r.v.MinSize() }
func (r *monthRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *monthRenderer) Refresh()                     { r.Layout(r.v.Size()) }

func (r *monthRenderer) Layout(size fyne.Size) {
	v := r.v
	c := v.cell(size)
	hh := v.headerHeight()
	fg := theme.Color(theme.ColorNameForeground)
	quiet := theme.Color(theme.ColorNamePlaceHolder)
	primary := theme.Color(theme.ColorNamePrimary)
	pad := theme.Padding()
	var objs []fyne.CanvasObject
	for i := 0; i < 7; i++ {
		name := addDays(v.Start(), i).Format("Monday")
		if fyne.MeasureText(name, theme.CaptionTextSize(), fyne.TextStyle{}).Width > c.Width-2*pad {
			name = name[:3]
		}
		t := text(name, quiet, theme.CaptionTextSize(), fyne.TextStyle{}, float32(i)*c.Width, 0)
		t.Alignment = fyne.TextAlignCenter
		t.Resize(fyne.NewSize(c.Width, hh))
		objs = append(objs, t)
	}
	now := v.now()
	for i := 0; i < 42; i++ {
		day := addDays(v.Start(), i)
		x, y := float32(i%7)*c.Width, hh+float32(i/7)*c.Height
		inMonth := day.Month() == v.month.Month()
		n := v.Count(day)
		if n > 0 && inMonth {
			objs = append(objs, rect(withAlpha(primary, uint8(0x14+0x12*min(n, 7))), x, y, c.Width, c.Height))
		}
		numColor, style := fg, fyne.TextStyle{}
		switch {
		case sameDate(day, now):
			numColor, style = primary, fyne.TextStyle{Bold: true}
		case !inMonth:
			numColor = quiet
		}
		objs = append(objs, text(fmt.Sprint(day.Day()), numColor, theme.TextSize(), style, x+pad+2, y+pad))
		if !inMonth && n == 0 {
			continue
		}
		note, noteColor := "", fg
		if !inMonth {
			noteColor = quiet
		}
		switch {
		case n == 1:
			note = "1 visit"
		case n > 1:
			note = fmt.Sprintf("%d visits", n)
		case v.hours[day.Weekday()].open():
			note, noteColor = "Free", theme.Color(theme.ColorNameSuccess)
		default:
			note, noteColor = "Closed", quiet
		}
		note = ellipsize(note, theme.CaptionTextSize(), fyne.TextStyle{}, c.Width-2*pad-4)
		objs = append(objs, text(note, noteColor, theme.CaptionTextSize(), fyne.TextStyle{Bold: n > 0},
			x+pad+2, y+c.Height-theme.CaptionTextSize()-2*pad))
	}
	lines := withAlpha(fg, 0x30)
	for row := 0; row <= 6; row++ {
		y := hh + float32(row)*c.Height
		objs = append(objs, line(lines, 0, y, size.Width, y))
	}
	for col := 1; col < 7; col++ {
		x := float32(col) * c.Width
		objs = append(objs, line(lines, x, hh, x, size.Height))
	}
	r.objects = objs
	canvas.Refresh(v)
}
