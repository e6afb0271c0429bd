package gui

import (
	"time"

	"fyne.io/fyne/v2"
)

// dayView is one day over the practice's working hours, wide enough to
// show each appointment's time as a range and its service (calendarView
// has the details, the callbacks and the keys: Left/Right step a day).
type dayView struct {
	calendarView
}

var _ fyne.Focusable = (*dayView)(nil)

// newDayView shows today in loc; now is its clock (time.Now when nil).
func newDayView(loc *time.Location, now func() time.Time) *dayView {
	v := &dayView{}
	v.ExtendBaseWidget(v)
	initCalendarView(&v.calendarView, v, loc, now, 1, func(d time.Time) time.Time { return d },
		"Monday 2 January 2006", "Monday 2 January", "Mon 2 Jan")
	v.grid.detailed = true
	return v
}
