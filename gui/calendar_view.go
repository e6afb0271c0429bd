package gui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// calendarView is what the week and day views share: a header of dates
// over a time grid that scrolls vertically when the hours do not fit, the
// callbacks, and keyboard navigation. It is focusable: a tap on the grid
// focuses it, and then
//
//	Left/Right      the previous/next day
//	Up/Down         the previous/next quarter hour
//	PageUp/PageDown a week back/forward
//	T               today, at the current time
//	Enter           open the appointment at the highlighted slot, or book there
//
// Moving past the days shown moves the view (OnMove tells its owner, which
// loads that range's appointments).
type calendarView struct {
	widget.BaseWidget

	// OnSlot is told the start of a free quarter hour that was tapped or
	// chosen with Enter: book there.
	OnSlot func(time.Time)
	// OnBlock is told the ID of an appointment that was tapped or chosen.
	OnBlock func(id int64)
	// OnMove is told the date the keyboard moved to when the view now shows
	// other days (its new first day is Start()).
	OnMove func(day time.Time)

	loc     *time.Location
	now     func() time.Time
	span    int                       // days shown
	startOf func(time.Time) time.Time // the first day shown with a date

	self    focusableWidget // the week or day view embedding this
	grid    *timeGrid
	header  *gridHeader
	scroll  *container.Scroll
	focused bool
	hlDate  time.Time // the highlighted slot's date (midnight) and minute
	hlMin   int
}

var (
	_ fyne.Focusable = (*calendarView)(nil)
	_ fyne.Widget    = (*calendarView)(nil)
)

// initCalendarView sets up v to show span days in loc, with now as its
// clock (time.Now when nil); startOf picks the first day shown for a date.
// self is the widget that embeds v; it must call ExtendBaseWidget(self).
func initCalendarView(v *calendarView, self focusableWidget, loc *time.Location, now func() time.Time, span int,
	startOf func(time.Time) time.Time, formats ...string) {
	v.self = self
	if now == nil {
		now = time.Now
	}
	v.loc, v.now, v.span, v.startOf = loc, now, span, startOf
	v.grid = newTimeGrid()
	v.grid.now = now
	v.grid.onSlot = v.tappedSlot
	v.grid.onBlock = v.tappedBlock
	v.header = newGridHeader(formats...)
	v.header.now = now
	v.scroll = container.NewVScroll(v.grid)
	today := dayStart(now(), loc)
	v.hlDate, v.hlMin = today, 9*60
	v.SetDate(today)
}

// CreateRenderer stacks the header over the scrolling grid.
func (v *calendarView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(v.header, nil, nil, nil, v.scroll))
}

// Days are the dates shown, midnight in the view's zone.
func (v *calendarView) Days() []time.Time { return v.grid.days }

// Start is the first date shown.
func (v *calendarView) Start() time.Time { return v.grid.days[0] }

// End is the midnight after the last date shown: load [Start, End).
func (v *calendarView) End() time.Time { return addDays(v.Start(), v.span) }

// SetDate shows the days around date (the week holding it, or the day).
func (v *calendarView) SetDate(date time.Time) {
	first := v.startOf(dayStart(date, v.loc))
	days := make([]time.Time, v.span)
	for i := range days {
		days[i] = addDays(first, i)
	}
	v.grid.days, v.header.days = days, days
	if v.dayIndex(v.hlDate) < 0 {
		v.hlDate = dayStart(date, v.loc)
	}
	v.sync()
	v.header.Refresh()
}

// SetBlocks shows the appointments (those outside the days are ignored).
func (v *calendarView) SetBlocks(blocks []calendarBlock) {
	v.grid.blocks = blocks
	v.sync()
}

// SetBlocked sets the blocked time drawn under the appointments.
func (v *calendarView) SetBlocked(bands []blockedBand) {
	v.grid.bands = bands
	v.sync()
}

// SetHours sets the working hours the grid is drawn over.
func (v *calendarView) SetHours(h weekHours) {
	v.grid.hours = h
	v.sync()
}

// Highlighted is the start of the keyboard's slot.
func (v *calendarView) Highlighted() time.Time { return atMinutes(v.hlDate, v.hlMin) }

// sync hands the highlight to the grid and redraws it.
func (v *calendarView) sync() {
	v.grid.highlight = v.focused
	v.grid.hlDay, v.grid.hlMin = max(v.dayIndex(v.hlDate), 0), v.hlMin
	v.grid.update()
	v.scroll.Refresh() // the hours shown, and so the grid's height, may have changed
}

// dayIndex is the column of date, or -1 when it is not shown.
func (v *calendarView) dayIndex(date time.Time) int {
	for i, d := range v.grid.days {
		if sameDate(d, date) {
			return i
		}
	}
	return -1
}

func (v *calendarView) tappedSlot(day, minute int) {
	v.hlDate, v.hlMin = v.grid.days[day], minute
	v.focus()
	if v.OnSlot != nil {
		v.OnSlot(atMinutes(v.hlDate, minute))
	}
}

func (v *calendarView) tappedBlock(id int64) {
	v.focus()
	if v.OnBlock != nil {
		v.OnBlock(id)
	}
}

// focus takes the keyboard focus, so arrows move from what was tapped.
func (v *calendarView) focus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(v.self); c != nil && c.Focused() != v.self {
		c.Focus(v.self)
		return
	}
	v.sync()
}

// FocusGained shows the highlighted slot.
func (v *calendarView) FocusGained() { v.focused = true; v.sync(); v.reveal() }

// FocusLost hides it.
func (v *calendarView) FocusLost() { v.focused = false; v.sync() }

// TypedRune: T goes to today.
func (v *calendarView) TypedRune(r rune) {
	if r == 't' || r == 'T' {
		now := v.now().In(v.loc)
		v.moveTo(dayStart(now, v.loc), wallMinutes(now, v.loc)/slotMinutes*slotMinutes)
	}
}

// TypedKey moves the highlighted slot, or books or opens at it.
func (v *calendarView) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyLeft:
		v.moveTo(addDays(v.hlDate, -1), v.hlMin)
	case fyne.KeyRight:
		v.moveTo(addDays(v.hlDate, 1), v.hlMin)
	case fyne.KeyUp:
		v.moveTo(v.hlDate, max(v.hlMin-slotMinutes, 0))
	case fyne.KeyDown:
		v.moveTo(v.hlDate, min(v.hlMin+slotMinutes, 24*60-slotMinutes))
	case fyne.KeyPageUp:
		v.moveTo(addDays(v.hlDate, -7), v.hlMin)
	case fyne.KeyPageDown:
		v.moveTo(addDays(v.hlDate, 7), v.hlMin)
	case fyne.KeyReturn, fyne.KeyEnter:
		if id, ok := v.grid.blockCovering(max(v.dayIndex(v.hlDate), 0), v.hlMin); ok {
			if v.OnBlock != nil {
				v.OnBlock(id)
			}
		} else if v.OnSlot != nil {
			v.OnSlot(v.Highlighted())
		}
	}
}

// moveTo highlights minute m of date, moving the view when date is not
// shown.
func (v *calendarView) moveTo(date time.Time, m int) {
	v.hlDate, v.hlMin = date, m
	if v.dayIndex(date) < 0 {
		v.SetDate(date)
		if v.OnMove != nil {
			v.OnMove(date)
		}
	} else {
		v.sync()
	}
	v.reveal()
}

// reveal scrolls the highlighted slot into view.
func (v *calendarView) reveal() {
	geo := v.grid.geometry(v.grid.Size())
	top, bottom := geo.y(v.hlMin), geo.y(v.hlMin+slotMinutes)
	off, height := v.scroll.Offset.Y, v.scroll.Size().Height
	switch {
	case top < off:
		v.scroll.ScrollToOffset(fyne.NewPos(0, top))
	case bottom > off+height:
		v.scroll.ScrollToOffset(fyne.NewPos(0, bottom-height))
	}
}

// focusableWidget is a widget that takes the keyboard focus.
type focusableWidget interface {
	fyne.Widget
	fyne.Focusable
}
