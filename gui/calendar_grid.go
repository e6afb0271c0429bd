package gui

import (
	"image/color"
	"sort"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// calendarBlock is one appointment as the calendar draws it. The calendar
// knows nothing of the data layer: the screen's loader turns appointments
// into blocks.
type calendarBlock struct {
	ID         int64
	Start, End time.Time
	Title      string      // the client's name
	Subtitle   string      // the service
	Color      color.Color // the service's colour; nil draws the theme's primary colour
	Faint      bool        // cancelled: drawn faint
	Alert      bool        // the client has an alert: a red mark
}

// blockedBand is blocked time (lunch, a holiday) as the week and day
// views draw it: a hatched band with its label, under the appointments.
type blockedBand struct {
	Start, End time.Time
	Label      string
}

// dayHours are one weekday's working hours in whole hours, Start to End
// (9 and 17 for 09:00–17:00). End ≤ Start means closed.
type dayHours struct{ Start, End int }

// open reports whether the practice works that day.
func (h dayHours) open() bool { return h.End > h.Start }

// weekHours are the working hours of each weekday, indexed by time.Weekday.
type weekHours [7]dayHours

// defaultWeekHours is Monday to Friday, 09:00 to 17:00: what the grid
// shows before the practice's own hours are loaded.
func defaultWeekHours() weekHours {
	var h weekHours
	for d := time.Monday; d <= time.Friday; d++ {
		h[d] = dayHours{9, 17}
	}
	return h
}

// slotMinutes is the grid's step: a tap or a key lands on a quarter hour.
const slotMinutes = 15

// minSlotHeight keeps a 15-minute block one legible line high.
func minSlotHeight() float32 {
	return blockTextSize() + 2*blockPad + 3
}

// blockTextSize is the text size inside appointment blocks.
func blockTextSize() float32 { return theme.CaptionTextSize() + 1 }

// blockPad is the room between a block's edge and its text.
const blockPad = 3

// dayStart is midnight at the start of t's date in loc.
func dayStart(t time.Time, loc *time.Location) time.Time {
	t = t.In(loc)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
}

// addDays moves a date by n calendar days (not n×24 hours: days across a
// daylight-saving change are 23 or 25 hours long).
func addDays(day time.Time, n int) time.Time {
	return time.Date(day.Year(), day.Month(), day.Day()+n, 0, 0, 0, 0, day.Location())
}

// sameDate reports whether a and b fall on the same date in a's zone.
func sameDate(a, b time.Time) bool {
	b = b.In(a.Location())
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// wallMinutes is how far into its date t is on the wall clock of loc.
func wallMinutes(t time.Time, loc *time.Location) int {
	t = t.In(loc)
	return t.Hour()*60 + t.Minute()
}

// atMinutes is the instant m minutes of wall-clock time into day.
func atMinutes(day time.Time, m int) time.Time {
	return time.Date(day.Year(), day.Month(), day.Day(), m/60, m%60, 0, 0, day.Location())
}

// gridGeometry maps a time grid's days and minutes to points and back.
// Columns are the days, left to right after a gutter of hour labels; rows
// run from From to To minutes after midnight, top to bottom.
type gridGeometry struct {
	days     []time.Time // midnight of each column, in the grid's zone
	from, to int         // minutes shown, a whole number of hours
	size     fyne.Size
	gutter   float32 // width of the hour labels on the left
}

// gutterWidth fits the hour labels ("20:00").
func gutterWidth() float32 {
	return fyne.MeasureText("00:00", theme.CaptionTextSize(), fyne.TextStyle{}).Width + 2*theme.Padding() + 4
}

// slots is how many 15-minute rows the grid has.
func (g gridGeometry) slots() int { return (g.to - g.from) / slotMinutes }

// slotHeight is the height of one 15-minute row.
func (g gridGeometry) slotHeight() float32 {
	return g.size.Height / float32(max(g.slots(), 1))
}

// columnWidth is the width of one day.
func (g gridGeometry) columnWidth() float32 {
	return (g.size.Width - g.gutter) / float32(max(len(g.days), 1))
}

// columnX is the left edge of day i.
func (g gridGeometry) columnX(i int) float32 { return g.gutter + float32(i)*g.columnWidth() }

// y is the height of minute m of the day.
func (g gridGeometry) y(m int) float32 {
	return float32(m-g.from) / slotMinutes * g.slotHeight()
}

// slotAt is the day column and quarter hour under pos; ok is false in the
// gutter or outside the grid.
func (g gridGeometry) slotAt(pos fyne.Position) (day, minute int, ok bool) {
	if pos.X < g.gutter || pos.Y < 0 || pos.X >= g.size.Width || pos.Y >= g.size.Height || len(g.days) == 0 {
		return 0, 0, false
	}
	day = min(int((pos.X-g.gutter)/g.columnWidth()), len(g.days)-1)
	slot := min(int(pos.Y/g.slotHeight()), g.slots()-1)
	return day, g.from + slot*slotMinutes, true
}

// gridRange is the span of hours to draw: from the earliest opening to the
// latest closing among days, widened to show every block and the
// highlighted slot. With no working hours at all it is 09:00–17:00.
func gridRange(days []time.Time, hours weekHours, blocks []calendarBlock, extra ...int) (from, to int) {
	from, to = 24*60, 0
	for _, d := range days {
		if h := hours[d.Weekday()]; h.open() {
			from, to = min(from, h.Start*60), max(to, h.End*60)
		}
	}
	if from >= to {
		from, to = 9*60, 17*60
	}
	if len(days) > 0 {
		loc := days[0].Location()
		first, end := days[0], addDays(days[len(days)-1], 1)
		for _, b := range blocks {
			if !b.End.After(first) || !b.Start.Before(end) {
				continue
			}
			s, e := wallMinutes(b.Start, loc), wallMinutes(b.End, loc)
			if !sameDate(dayStart(b.Start, loc), b.End) || e == 0 {
				e = 24 * 60 // runs past midnight: draw to the end of the day
			}
			from, to = min(from, s), max(to, e)
		}
	}
	for _, m := range extra {
		from, to = min(from, m), max(to, m+slotMinutes)
	}
	from = max(from/60*60, 0)
	to = min((to+59)/60*60, 24*60)
	return from, to
}

// placedBlock is a block with its day column and its place among the
// blocks it overlaps: lane of lanes, side by side.
type placedBlock struct {
	calendarBlock
	day          int
	start, end   int // wall-clock minutes within the day
	lane, lanes  int
	clippedStart bool // began the day before
}

// placeBlocks puts each block in its day column and gives overlapping
// blocks lanes side by side. Blocks of each day are grouped into clusters
// that overlap one another; a cluster's blocks share its width equally.
// A block running past midnight is cut at the end of its first day.
func placeBlocks(days []time.Time, blocks []calendarBlock) []placedBlock {
	if len(days) == 0 {
		return nil
	}
	loc := days[0].Location()
	var out []placedBlock
	for i, d := range days {
		next := addDays(d, 1)
		var todays []placedBlock
		for _, b := range blocks {
			if !b.Start.Before(next) || !b.End.After(d) || !b.End.After(b.Start) {
				continue
			}
			p := placedBlock{calendarBlock: b, day: i, start: 0, end: 24 * 60}
			if b.Start.After(d) || b.Start.Equal(d) {
				p.start = wallMinutes(b.Start, loc)
			} else {
				p.clippedStart = true
			}
			if b.End.Before(next) {
				p.end = wallMinutes(b.End, loc)
			}
			if p.end <= p.start { // a wall clock turned back (daylight saving)
				p.end = min(p.start+slotMinutes, 24*60)
			}
			todays = append(todays, p)
		}
		out = append(out, assignLanes(todays)...)
	}
	return out
}

// assignLanes gives each block of one day the first lane free at its
// start, and each cluster of overlapping blocks its number of lanes.
func assignLanes(bs []placedBlock) []placedBlock {
	sort.SliceStable(bs, func(i, j int) bool {
		if bs[i].start != bs[j].start {
			return bs[i].start < bs[j].start
		}
		return bs[i].end > bs[j].end
	})
	clusterStart, clusterEnd := 0, -1
	var laneEnds []int
	finish := func(upTo int) {
		for k := clusterStart; k < upTo; k++ {
			bs[k].lanes = len(laneEnds)
		}
	}
	for i := range bs {
		if bs[i].start >= clusterEnd { // a new cluster begins
			finish(i)
			clusterStart, laneEnds = i, nil
		}
		lane := -1
		for l, end := range laneEnds {
			if end <= bs[i].start {
				lane = l
				break
			}
		}
		if lane < 0 {
			lane = len(laneEnds)
			laneEnds = append(laneEnds, 0)
		}
		laneEnds[lane] = bs[i].end
		bs[i].lane = lane
		clusterEnd = max(clusterEnd, bs[i].end)
	}
	finish(len(bs))
	return bs
}
