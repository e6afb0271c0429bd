package gui

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// fakeCalendar is a loader over fixed blocks that records each range asked.
type fakeCalendar struct {
	blocks []calendarBlock
	err    error
	asked  []string
}

func (f *fakeCalendar) load(_ context.Context, from, to time.Time) ([]calendarBlock, error) {
	f.asked = append(f.asked, from.Format("Jan 2")+"–"+to.Format("Jan 2"))
	var out []calendarBlock
	for _, b := range f.blocks {
		if b.Start.Before(to) && b.End.After(from) {
			out = append(out, b)
		}
	}
	return out, f.err
}

// blocked is a lunch on Tuesday and a day off on Friday of the sample week.
func (f *fakeCalendar) blocked(context.Context, time.Time, time.Time) ([]blockedBand, error) {
	return []blockedBand{{Start: at(1, 12, 30), End: at(1, 13, 30), Label: "Lunch"},
		{Start: at(4, 0, 0), End: at(5, 0, 0), Label: "Holiday"}}, nil
}

func (f *fakeCalendar) hours(context.Context) (weekHours, error) { return sampleHours(), nil }

// newTestCalendar shows the Calendar screen in the test shell's window.
func newTestCalendar(t *testing.T, size fyne.Size) (*calendarScreen, *fakeCalendar) {
	t.Helper()
	sh := newTestShell(t, true)
	f := &fakeCalendar{blocks: sampleBlocks()}
	s := newCalendarScreen(sh, calendarSource{Load: f.load, Blocked: f.blocked, Hours: f.hours, Loc: calLoc, Now: fixedNow})
	sh.screens[sectionCalendar] = s.obj
	sh.show(sectionCalendar)
	sh.win.Resize(size)
	return s, f
}

func TestCalendarLoadsTheWeekThroughItsLoader(t *testing.T) {
	s, f := newTestCalendar(t, fyne.NewSize(1024, 600))
	if got := fmt.Sprint(f.asked); got != "[Nov 30–Dec 7]" {
		t.Errorf("loads asked %s, want this week", got)
	}
	if got := s.title.Text; got != "30 Nov – 6 Dec 2026" {
		t.Errorf("title %q", got)
	}
	if len(s.week.grid.placed) != len(sampleBlocks()) {
		t.Errorf("the week shows %d blocks, want %d", len(s.week.grid.placed), len(sampleBlocks()))
	}
	if s.week.grid.hours != sampleHours() {
		t.Error("the week is not drawn over the loaded working hours")
	}
}

func TestCalendarPreviousNextTodayAndModes(t *testing.T) {
	s, f := newTestCalendar(t, fyne.NewSize(1024, 600))
	test.Tap(s.nextBtn)
	if !s.week.Start().Equal(addDays(calMonday, 7)) || s.title.Text != "7 – 13 December 2026" {
		t.Errorf("next shows %v titled %q", s.week.Start(), s.title.Text)
	}
	test.Tap(s.prevBtn)
	test.Tap(s.prevBtn)
	if !s.week.Start().Equal(addDays(calMonday, -7)) || s.title.Text != "23 – 29 November 2026" {
		t.Errorf("previous twice shows %v titled %q", s.week.Start(), s.title.Text)
	}
	test.Tap(s.nowBtn)
	test.Tap(s.dayBtn)
	if s.body.Objects[0] != s.day || !s.day.Start().Equal(at(2, 0, 0)) || s.title.Text != "Wednesday 2 December 2026" {
		t.Errorf("Day shows %v titled %q", s.day.Start(), s.title.Text)
	}
	if len(s.day.grid.placed) != 2 {
		t.Errorf("today's day view shows %d blocks, want Zoë's and Nguyễn's", len(s.day.grid.placed))
	}
	test.Tap(s.monthBtn)
	if s.body.Objects[0] != s.month || s.title.Text != "December 2026" {
		t.Errorf("Month titled %q", s.title.Text)
	}
	if n := s.month.Count(at(2, 0, 0)); n != 2 {
		t.Errorf("the month counts %d visits on 2 December, want 2", n)
	}
	if n := s.month.Count(at(3, 0, 0)); n != 0 {
		t.Errorf("the month counts %d visits on 3 December (only a cancelled one), want 0", n)
	}
	test.Tap(s.nextBtn)
	if s.title.Text != "January 2027" {
		t.Errorf("next month titled %q", s.title.Text)
	}
	want := "[Nov 30–Dec 7 Dec 7–Dec 14 Nov 30–Dec 7 Nov 23–Nov 30 Nov 30–Dec 7 Dec 2–Dec 3 Nov 30–Jan 11 Dec 28–Feb 8]"
	if got := fmt.Sprint(f.asked); got != want {
		t.Errorf("loads asked\n%s\nwant\n%s", got, want)
	}
}

func TestCalendarMonthDayTapOpensThatDay(t *testing.T) {
	s, _ := newTestCalendar(t, fyne.NewSize(1024, 600))
	test.Tap(s.monthBtn)
	c := s.month.cell(s.month.Size())
	// 17 December 2026 is a Thursday in the third row (the grid starts on 30 November).
	test.TapAt(s.month, fyne.NewPos(3*c.Width+c.Width/2, s.month.headerHeight()+2*c.Height+c.Height/2))
	if s.mode != modeDay || !s.day.Start().Equal(time.Date(2026, 12, 17, 0, 0, 0, 0, calLoc)) {
		t.Errorf("tapping 17 December shows mode %v on %v", s.mode, s.day.Start())
	}
}

func TestCalendarSlotAndBlockReachTheScreen(t *testing.T) {
	s, _ := newTestCalendar(t, fyne.NewSize(1024, 600))
	var slot time.Time
	var block int64
	s.OnSlot = func(t time.Time) { slot = t }
	s.OnBlock = func(id int64) { block = id }
	test.TapAt(s.week.grid, slotCentre(&s.week.calendarView, 5, 11, 45))
	test.TapAt(s.week.grid, slotCentre(&s.week.calendarView, 4, 8, 30))
	if !slot.Equal(at(5, 11, 45)) || block != 7 {
		t.Errorf("slot %v block %d, want Saturday 11:45 and 7", slot, block)
	}
}

func TestCalendarSaysWhenLoadingFails(t *testing.T) {
	s, f := newTestCalendar(t, fyne.NewSize(1024, 600))
	f.err = errors.New("disk on fire")
	test.Tap(s.nextBtn)
	if !s.status.Visible() || s.status.Text == "" {
		t.Fatal("a failed load says nothing")
	}
	f.err = nil
	test.Tap(s.prevBtn)
	if s.status.Visible() {
		t.Errorf("the message %q stays after a load that worked", s.status.Text)
	}
}

func TestCalendarDropsALoadOvertakenByANewerOne(t *testing.T) {
	s, f := newTestCalendar(t, fyne.NewSize(1024, 600))
	var queued []func()
	s.sh.async = func(fn func()) { queued = append(queued, fn) }
	test.Tap(s.nextBtn) // next week
	test.Tap(s.prevBtn) // back to this week
	f.blocks = nil      // this week is empty now
	queued[1]()
	nextWeek := calendarBlock{ID: 99, Start: at(8, 10, 0), End: at(8, 11, 0), Title: "Late"}
	f.blocks = append(sampleBlocks(), nextWeek)
	queued[0]() // the older load, of next week, finishes last
	if n := len(s.week.grid.blocks); n != 0 {
		t.Errorf("an overtaken load put %d blocks in the view", n)
	}
}

func TestCalendarDatePickerOpensAMonthCalendar(t *testing.T) {
	s, _ := newTestCalendar(t, fyne.NewSize(1024, 600))
	test.Tap(s.pickBtn)
	pop := s.picker
	if pop == nil || !pop.Visible() {
		t.Fatal("the date button shows no pop-up")
	}
	cal, ok := pop.Content.(*widget.Calendar)
	if !ok {
		t.Fatalf("the pop-up holds %T, want a calendar", pop.Content)
	}
	cal.OnChanged(time.Date(2027, 1, 14, 0, 0, 0, 0, time.UTC)) // as a tap on 14 January does
	if pop.Visible() || !s.week.Start().Equal(time.Date(2027, 1, 11, 0, 0, 0, 0, calLoc)) {
		t.Errorf("choosing 14 January shows the week of %v (pop-up still shown: %v)", s.week.Start(), pop.Visible())
	}
}

// Showing the Calendar section gives the keyboard to the week at once,
// and switching to the day view gives it to the day: arrows, T and
// PageUp work without a click first.
func TestCalendarTakesTheKeyboardWhenShown(t *testing.T) {
	sh := newTestShell(t, true)
	sh.show(sectionToday)
	sh.show(sectionCalendar)
	cal := sh.sched.calendar
	c := sh.win.Canvas()
	if c.Focused() != cal.week {
		t.Fatalf("focused %T, want the week view", c.Focused())
	}
	before := cal.week.Highlighted()
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if got := cal.week.Highlighted(); !got.Equal(addDays(dayStart(before, cal.src.Loc), 1).Add(before.Sub(dayStart(before, cal.src.Loc)))) {
		t.Errorf("Right moved the highlight from %v to %v", before, got)
	}
	test.Tap(cal.dayBtn)
	if c.Focused() != cal.day {
		t.Errorf("after Day, focused %T, want the day view", c.Focused())
	}
	test.Tap(cal.weekBtn)
	if c.Focused() != cal.week {
		t.Errorf("after Week, focused %T, want the week view", c.Focused())
	}
}

// Blocked time (a weekly lunch) is drawn in the week and the day with its
// label, loaded from the store with the appointments.
func TestCalendarDrawsBlockedTime(t *testing.T) {
	sh := newTestShell(t, true)
	ctx := context.Background()
	today, err := sh.store.Today(ctx)
	if err != nil {
		t.Fatal(err)
	}
	lunch := data.BlockedTime{Label: "Lunch", FirstDate: today, Start: data.Clock{Hour: 12}, End: data.Clock{Hour: 13}, Weekly: true}
	if err := sh.store.SaveBlockedTime(ctx, &lunch); err != nil {
		t.Fatal(err)
	}
	sh.show(sectionCalendar)
	cal := sh.sched.calendar
	cal.reload()
	drawn := func(g *timeGrid) bool {
		for _, o := range test.WidgetRenderer(g).Objects() {
			if tx, ok := o.(*canvas.Text); ok && tx.Text == "Lunch" {
				return true
			}
		}
		return false
	}
	if len(cal.week.grid.bands) != 1 || !drawn(cal.week.grid) {
		t.Errorf("the week shows %d blocked bands, label drawn: %v", len(cal.week.grid.bands), drawn(cal.week.grid))
	}
	test.Tap(cal.dayBtn)
	if len(cal.day.grid.bands) != 1 || !drawn(cal.day.grid) {
		t.Errorf("the day shows %d blocked bands", len(cal.day.grid.bands))
	}
}
