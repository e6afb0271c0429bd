package gui

import (
	"time"

	"fyne.io/fyne/v2"
)

// weekView is the calendar's default view: Monday to Sunday side by side
// over the practice's working hours (calendarView has the details, the
// callbacks and the keys).
type weekView struct {
	calendarView
}

var _ fyne.Focusable = (*weekView)(nil)

// newWeekView shows the week holding today in loc; now is its clock
// (time.Now when nil).
func newWeekView(loc *time.Location, now func() time.Time) *weekView {
	v := &weekView{}
	v.ExtendBaseWidget(v)
	initCalendarView(&v.calendarView, v, loc, now, 7, weekStart, "Mon 2 Jan", "Mon 2", "Mon")
	return v
}

// weekStart is the Monday of day's week.
func weekStart(day time.Time) time.Time {
	return addDays(day, -((int(day.Weekday()) + 6) % 7))
}
