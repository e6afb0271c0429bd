package gui

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// loaderFunc loads the appointments overlapping [from, to) as calendar
// blocks. It runs off the UI goroutine.
type loaderFunc func(ctx context.Context, from, to time.Time) ([]calendarBlock, error)

// blockedFunc loads the blocked time overlapping [from, to). It runs off
// the UI goroutine, with each load of appointments.
type blockedFunc func(ctx context.Context, from, to time.Time) ([]blockedBand, error)

// workingHoursFunc loads the practice's working hours. It runs off the UI
// goroutine, with each load of appointments.
type workingHoursFunc func(ctx context.Context) (weekHours, error)

// calendarSource is where the Calendar screen gets what it shows. To wire
// it to the data layer (in shell.showMain, once appointments exist):
//
//	loc, _ := sh.store.Location(ctx)
//	cal := newCalendarScreen(sh, calendarSource{Loc: loc,
//		Load:  func(ctx context.Context, from, to time.Time) ([]calendarBlock, error) {
//			// sh.store's appointments in [from, to), each turned into a
//			// calendarBlock: client name, service name and colour,
//			// Faint for cancelled, Alert when the client has alerts
//		},
//		Hours: func(ctx context.Context) (weekHours, error) { /* practice settings */ },
//	})
//	cal.OnSlot = func(t time.Time) { /* open the booking form at t */ }
//	cal.OnBlock = func(id int64) { /* open appointment id */ }
//	sh.screens[sectionCalendar] = cal.obj
//
// and call cal.reload() after a booking changes.
type calendarSource struct {
	Load    loaderFunc
	Blocked blockedFunc      // nil: no blocked time drawn
	Hours   workingHoursFunc // nil: Monday–Friday 9–17
	Loc     *time.Location   // the practice's zone; nil: the machine's
	Now     func() time.Time // the clock; nil: time.Now
}

// calendarMode is the calendar's view: a day, a week or a month.
type calendarMode int

const (
	modeWeek calendarMode = iota
	modeDay
	modeMonth
)

// calendarScreen is the Calendar section: the week (by default), a day or
// a month, with previous/next/today, the dates shown and a date picker.
type calendarScreen struct {
	sh  *shell
	src calendarSource

	// OnSlot is told the start of a free slot that was tapped or chosen.
	OnSlot func(time.Time)
	// OnBlock is told the ID of an appointment that was tapped or chosen.
	OnBlock func(id int64)

	mode  calendarMode
	date  time.Time // the date in view, midnight in src.Loc
	gen   int       // bumped by each load; older results are dropped
	week  *weekView
	day   *dayView
	month *monthView

	title                     *widget.Label
	status                    *widget.Label
	prevBtn, nextBtn, nowBtn  *widget.Button
	pickBtn                   *widget.Button
	picker                    *widget.PopUp // the date picker, once opened
	dayBtn, weekBtn, monthBtn *widget.Button
	body                      *fyne.Container
	obj                       fyne.CanvasObject
}

// newCalendarScreen builds the Calendar screen on today's week and starts
// loading it.
func newCalendarScreen(sh *shell, src calendarSource) *calendarScreen {
	if src.Loc == nil {
		src.Loc = time.Local
	}
	if src.Now == nil {
		src.Now = time.Now
	}
	s := &calendarScreen{sh: sh, src: src, date: dayStart(src.Now(), src.Loc)}
	s.week = newWeekView(src.Loc, src.Now)
	s.day = newDayView(src.Loc, src.Now)
	s.month = newMonthView(src.Loc, src.Now)
	for _, v := range []*calendarView{&s.week.calendarView, &s.day.calendarView} {
		v.OnSlot = s.slot
		v.OnBlock = s.block
		v.OnMove = s.moved
	}
	s.month.OnDay = func(d time.Time) { s.date = d; s.setMode(modeDay) }

	s.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.title.Truncation = fyne.TextTruncateEllipsis
	s.status = widget.NewLabel("")
	s.status.Importance = widget.DangerImportance
	s.status.Wrapping = fyne.TextWrapWord
	s.status.Hide()
	s.prevBtn = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { s.step(-1) })
	s.nextBtn = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { s.step(1) })
	s.nowBtn = widget.NewButton("Today", s.today)
	s.pickBtn = widget.NewButtonWithIcon("", theme.CalendarIcon(), s.pickDate)
	s.dayBtn = widget.NewButton("Day", func() { s.setMode(modeDay) })
	s.weekBtn = widget.NewButton("Week", func() { s.setMode(modeWeek) })
	s.monthBtn = widget.NewButton("Month", func() { s.setMode(modeMonth) })

	nav := container.NewHBox(s.prevBtn, s.nowBtn, s.nextBtn, s.pickBtn)
	modes := container.NewHBox(s.dayBtn, s.weekBtn, s.monthBtn)
	bar := container.NewBorder(nil, nil, nav, modes, s.title)
	s.body = container.NewStack()
	s.obj = container.NewBorder(container.NewVBox(bar, s.status), nil, nil, nil, s.body)
	s.setMode(modeWeek)
	return s
}

// setMode shows the day, week or month holding s.date, and loads it.
func (s *calendarScreen) setMode(m calendarMode) {
	s.mode = m
	for mode, b := range map[calendarMode]*widget.Button{modeDay: s.dayBtn, modeWeek: s.weekBtn, modeMonth: s.monthBtn} {
		b.Importance = widget.MediumImportance
		if mode == m {
			b.Importance = widget.HighImportance
		}
		b.Refresh()
	}
	s.body.Objects = []fyne.CanvasObject{s.view()}
	s.body.Refresh()
	s.setDate(s.date)
	s.focusView()
}

// focusView gives the keyboard to the week or day view, so arrows, T and
// PageUp work at once (the month view has no keys). Called when the
// Calendar section is shown and when the mode changes; nothing happens
// while the screen is not in a window.
func (s *calendarScreen) focusView() {
	var v fyne.Focusable
	switch s.mode {
	case modeDay:
		v = s.day
	case modeWeek:
		v = s.week
	default:
		return
	}
	c := s.canvas()
	if c == nil || !s.obj.Visible() {
		return
	}
	if c.Focused() != v {
		c.Focus(v)
	}
}

// canvas is the canvas showing the screen, or nil. While the screen is the
// shell's current section that is the window's canvas: the driver only
// learns an object's canvas once it has been painted, which has not
// happened yet the first time the section is shown.
func (s *calendarScreen) canvas() fyne.Canvas {
	if sh := s.sh; sh != nil && sh.win != nil && sh.current == sectionCalendar && sh.screens[sectionCalendar] == s.obj {
		return sh.win.Canvas()
	}
	return fyne.CurrentApp().Driver().CanvasForObject(s.obj)
}

// view is the widget of the current mode.
func (s *calendarScreen) view() fyne.CanvasObject {
	switch s.mode {
	case modeDay:
		return s.day
	case modeMonth:
		return s.month
	}
	return s.week
}

// setDate shows the range holding date in the current mode and loads it.
func (s *calendarScreen) setDate(date time.Time) {
	s.date = dayStart(date, s.src.Loc)
	switch s.mode {
	case modeDay:
		s.day.SetDate(s.date)
	case modeMonth:
		s.month.SetDate(s.date)
	default:
		s.week.SetDate(s.date)
	}
	s.title.SetText(s.describe())
	s.reload()
}

// describe names what is shown: "30 Nov – 6 Dec 2026", "Wednesday 2
// December 2026", "December 2026".
func (s *calendarScreen) describe() string {
	switch s.mode {
	case modeDay:
		return s.date.Format("Monday 2 January 2006")
	case modeMonth:
		return s.date.Format("January 2006")
	}
	first := s.week.Start()
	last := addDays(first, 6)
	switch {
	case first.Year() != last.Year():
		return first.Format("2 Jan 2006") + " – " + last.Format("2 Jan 2006")
	case first.Month() != last.Month():
		return first.Format("2 Jan") + " – " + last.Format("2 Jan 2006")
	}
	return fmt.Sprintf("%d – %s", first.Day(), last.Format("2 January 2006"))
}

// step moves a day, week or month back (−1) or forward (+1).
func (s *calendarScreen) step(n int) {
	switch s.mode {
	case modeDay:
		s.setDate(addDays(s.date, n))
	case modeMonth:
		first := time.Date(s.date.Year(), s.date.Month()+time.Month(n), 1, 0, 0, 0, 0, s.src.Loc)
		s.setDate(first)
	default:
		s.setDate(addDays(s.date, 7*n))
	}
}

// today goes back to today.
func (s *calendarScreen) today() { s.setDate(s.src.Now()) }

// pickDate offers a month calendar in a pop-up; the date chosen is shown.
func (s *calendarScreen) pickDate() {
	c := fyne.CurrentApp().Driver().CanvasForObject(s.pickBtn)
	if c == nil {
		return
	}
	var pop *widget.PopUp
	cal := widget.NewCalendar(s.date, func(d time.Time) {
		pop.Hide()
		s.setDate(time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, s.src.Loc))
	})
	pop = widget.NewPopUp(cal, c)
	s.picker = pop
	pop.ShowAtRelativePosition(fyne.NewPos(0, s.pickBtn.Size().Height), s.pickBtn)
}

// moved follows the keyboard to another week or day.
func (s *calendarScreen) moved(day time.Time) {
	s.date = day
	s.title.SetText(s.describe())
	s.reload()
}

func (s *calendarScreen) slot(t time.Time) {
	if s.OnSlot != nil {
		s.OnSlot(t)
	}
}

func (s *calendarScreen) block(id int64) {
	if s.OnBlock != nil {
		s.OnBlock(id)
	}
}

// span is the range the current view shows.
func (s *calendarScreen) span() (from, to time.Time) {
	switch s.mode {
	case modeDay:
		return s.day.Start(), s.day.End()
	case modeMonth:
		return s.month.Start(), s.month.End()
	}
	return s.week.Start(), s.week.End()
}

// reload loads the range shown off the UI goroutine; a result overtaken by
// a newer load is dropped.
func (s *calendarScreen) reload() {
	s.gen++
	gen, mode := s.gen, s.mode
	from, to := s.span()
	load, hoursOf, blockedOf := s.src.Load, s.src.Hours, s.src.Blocked
	s.sh.background(func(ctx context.Context) func() {
		var blocks []calendarBlock
		var bands []blockedBand
		var err error
		if load != nil {
			blocks, err = load(ctx, from, to)
		}
		if err == nil && blockedOf != nil && mode != modeMonth {
			bands, err = blockedOf(ctx, from, to)
		}
		hours := defaultWeekHours()
		if err == nil && hoursOf != nil {
			hours, err = hoursOf(ctx)
		}
		return func() {
			if gen != s.gen {
				return
			}
			if err != nil {
				fyne.LogError("load the calendar", err)
				s.status.SetText("The appointments could not be shown: " + data.UserMessage(err))
				s.status.Show()
				return
			}
			s.status.Hide()
			s.show(mode, blocks, bands, hours)
		}
	})
}

// show puts loaded blocks and hours in the view of mode.
func (s *calendarScreen) show(mode calendarMode, blocks []calendarBlock, bands []blockedBand, hours weekHours) {
	switch mode {
	case modeDay:
		s.day.SetBlocked(bands)
		s.day.SetHours(hours)
		s.day.SetBlocks(blocks)
	case modeMonth:
		s.month.SetHours(hours)
		s.month.SetBlocks(blocks)
	default:
		s.week.SetBlocked(bands)
		s.week.SetHours(hours)
		s.week.SetBlocks(blocks)
	}
}
