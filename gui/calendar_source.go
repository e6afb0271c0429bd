package gui

import (
	"context"
	"image/color"
	"strconv"
	"time"

	"fyne.io/fyne/v2"

	"github.com/stillpoint/stillpoint/data"
)

// scheduling holds the scheduling screens and dialogs of the open
// practice: the Calendar screen, and the booking or appointment dialog on
// screen, if any.
type scheduling struct {
	calendar    *calendarScreen
	booking     *bookingDialog
	appointment *appointmentDialog
}

// newAppointmentCalendar builds the Calendar screen on the store's
// appointments, in the practice's zone and over its working hours. A tap on
// an empty slot books there; a tap on a visit opens it.
func newAppointmentCalendar(sh *shell) *calendarScreen {
	loc, err := sh.store.Location(context.Background())
	if err != nil {
		fyne.LogError("read the practice's time zone", err)
		loc = time.Local
	}
	st := sh.store
	cal := newCalendarScreen(sh, calendarSource{
		Loc: loc,
		Now: st.Now,
		Load: func(ctx context.Context, from, to time.Time) ([]calendarBlock, error) {
			as, err := st.Appointments(ctx, from, to)
			if err != nil {
				return nil, err
			}
			blocks := make([]calendarBlock, len(as))
			for i, a := range as {
				blocks[i] = blockOf(a, loc)
			}
			return blocks, nil
		},
		Blocked: func(ctx context.Context, from, to time.Time) ([]blockedBand, error) {
			ivs, err := st.BlockedIntervals(ctx, from, to)
			if err != nil {
				return nil, err
			}
			bands := make([]blockedBand, len(ivs))
			for i, iv := range ivs {
				bands[i] = blockedBand{Start: iv.Start.In(loc), End: iv.End.In(loc), Label: iv.Label}
			}
			return bands, nil
		},
		Hours: func(ctx context.Context) (weekHours, error) {
			days, err := st.WorkingHours(ctx)
			if err != nil {
				return weekHours{}, err
			}
			return hoursOf(days), nil
		},
	})
	cal.OnSlot = func(t time.Time) { sh.openBooking(bookingStart{client: 0, at: t}) }
	cal.OnBlock = sh.openAppointment
	return cal
}

// blockOf is an appointment as the calendar draws it.
func blockOf(a data.Appointment, loc *time.Location) calendarBlock {
	sub := a.ServiceName
	if !a.Status.Occupies() || a.Status == data.StatusNoShow {
		sub += " · " + a.Status.Label()
	}
	return calendarBlock{ID: a.ID, Start: a.Start.In(loc), End: a.End.In(loc), Title: a.ClientName,
		Subtitle: sub, Color: hexColor(a.Color), Faint: !a.Status.Occupies(), Alert: a.ClientAlert}
}

// hoursOf turns the practice's working hours into the whole hours the grid
// shows: 08:30–17:15 is drawn 08:00–18:00.
func hoursOf(days []data.WorkingDay) weekHours {
	var h weekHours
	for _, d := range days {
		if d.Weekday < 0 || d.Weekday > time.Saturday || !d.Open {
			continue
		}
		h[d.Weekday] = dayHours{Start: d.Start.Hour, End: (d.End.Minutes() + 59) / 60}
	}
	return h
}

// hexColor reads "#RRGGBB"; anything else is nil (the theme's colour).
func hexColor(s string) color.Color {
	if len(s) != 7 || s[0] != '#' {
		return nil
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return nil
	}
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
}

// bookingChanged shows a booking change everywhere it appears: the
// calendar and the open client page.
func (sh *shell) bookingChanged() {
	if sh.sched.calendar != nil {
		sh.sched.calendar.reload()
	}
	if sh.clients != nil && sh.clients.page != nil && sh.clients.page.visits != nil {
		sh.clients.page.visits.reload()
	}
}

// zoneChanged rebuilds the calendar in the practice's new time zone and
// reloads what shows appointments (after Settings changed the zone).
func (sh *shell) zoneChanged() {
	if sh.screens == nil {
		return
	}
	sh.sched.calendar = newAppointmentCalendar(sh)
	sh.screens[sectionCalendar] = sh.sched.calendar.obj
	sh.bookingChanged()
	if sh.today != nil {
		sh.today.reload()
	}
}

// bookAppointment opens the booking dialog (Ctrl+B), for the client whose
// page is open, if any, or at the calendar's highlighted slot.
func (sh *shell) bookAppointment() {
	if sh.screens == nil {
		return
	}
	var start bookingStart
	if sh.current == sectionClients && sh.clients != nil && sh.clients.page != nil && sh.clients.form == nil {
		start.client = sh.clients.page.client.ID
	}
	if sh.current == sectionCalendar && sh.sched.calendar != nil {
		start.at = highlightedSlot(sh.sched.calendar)
	}
	sh.openBooking(start)
}

// highlightedSlot is the start of the slot the keyboard highlights in the
// calendar's day or week, or zero when none is highlighted.
func highlightedSlot(s *calendarScreen) time.Time {
	var v *calendarView
	switch s.mode {
	case modeWeek:
		v = &s.week.calendarView
	case modeDay:
		v = &s.day.calendarView
	default:
		return time.Time{}
	}
	if !v.grid.highlight {
		return time.Time{}
	}
	return v.Highlighted()
}

// showBooked moves the calendar to the first visit just booked.
func (sh *shell) showBooked(as []data.Appointment) {
	if sh.sched.calendar == nil || len(as) == 0 {
		return
	}
	sh.sched.calendar.setDate(as[0].Start.In(sh.sched.calendar.src.Loc))
}
