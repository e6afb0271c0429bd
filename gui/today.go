package gui

import (
	"context"
	"fmt"
	"net/url"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// todayScreen is the Today section: one day's agenda in time order, each
// visit with its client's alerts in red and quick actions (mark completed,
// no-show, open the client, remind). It reloads each time it is shown and
// after every action.
type todayScreen struct {
	sh      *shell
	day     data.Date // the day shown; zero until the first load picks today
	gen     int       // load generation: only the newest result is shown
	openURL func(*url.URL) error

	title  *widget.Label
	counts *widget.Label
	notice *widget.Label // "Reminder for Bea copied…"
	prev   *widget.Button
	next   *widget.Button
	today  *widget.Button
	agenda *fyne.Container
	rows   []*agendaRow
	scroll *container.Scroll // the agenda
	obj    fyne.CanvasObject
}

// agendaDay is what one load of the agenda found.
type agendaDay struct {
	day     data.Date
	isToday bool
	now     time.Time
	loc     *time.Location
	visits  []agendaVisit
}

// agendaVisit is one appointment with what its row shows of the client.
type agendaVisit struct {
	appt   data.Appointment
	alerts string
	email  string
}

func newTodayScreen(sh *shell) *todayScreen {
	s := &todayScreen{sh: sh, openURL: sh.app.OpenURL}
	s.title = oneLine(heading(""))
	s.counts = widget.NewLabel("")
	s.counts.Truncation = fyne.TextTruncateEllipsis
	// The notice line is always there, one line high, empty until there
	// is something to confirm: showing it must not move the rows (a
	// therapist about to tap No-show would hit the next client's).
	s.notice = widget.NewLabel("")
	s.notice.Importance = widget.SuccessImportance
	s.notice.Truncation = fyne.TextTruncateEllipsis
	s.prev = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { s.step(-1) })
	s.next = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { s.step(1) })
	s.today = widget.NewButton("Today", func() { s.day = data.Date{}; s.reload() })
	nav := container.NewHBox(s.prev, s.today, s.next)
	top := container.NewBorder(nil, nil, nil, container.NewVBox(layout.NewSpacer(), nav, layout.NewSpacer()),
		container.NewVBox(s.title, s.counts))
	s.agenda = container.NewVBox()
	s.scroll = container.NewVScroll(container.NewPadded(s.agenda))
	s.obj = container.NewBorder(container.NewPadded(container.NewVBox(top, s.notice, widget.NewSeparator())),
		nil, nil, nil, s.scroll)
	return s
}

// keepInView scrolls the agenda so a row the keyboard reached is shown.
func (s *todayScreen) keepInView(row fyne.CanvasObject) { scrollIntoView(s.scroll, row) }

// step shows the day n days from the one shown.
func (s *todayScreen) step(n int) {
	if s.day.IsZero() {
		return // not loaded yet
	}
	s.day = data.DateOf(s.day.Time(time.UTC).AddDate(0, 0, n))
	s.notice.SetText("")
	s.reload()
}

// reload reads the day's appointments off the UI goroutine and shows them.
func (s *todayScreen) reload() {
	s.gen++
	gen, want, st := s.gen, s.day, s.sh.store
	s.sh.background(func(ctx context.Context) func() {
		d, err := loadAgenda(ctx, st, want)
		return func() {
			if gen != s.gen || s.sh.store != st {
				return
			}
			if err != nil {
				showError(s.sh.win, err)
				return
			}
			s.show(d)
		}
	})
}

// loadAgenda reads the appointments of day (today in the practice's zone
// when zero) with each client's alerts and e-mail address.
func loadAgenda(ctx context.Context, st *data.Store, day data.Date) (agendaDay, error) {
	m, err := st.Moment(ctx)
	if err != nil {
		return agendaDay{}, err
	}
	if day.IsZero() {
		day = m.Today
	}
	from := day.Time(m.Loc)
	to := data.DateOf(from.AddDate(0, 0, 1)).Time(m.Loc)
	appts, err := st.Appointments(ctx, from, to)
	if err != nil {
		return agendaDay{}, err
	}
	d := agendaDay{day: day, isToday: day == m.Today, now: m.Now, loc: m.Loc}
	clients := map[int64]data.Client{}
	for _, a := range appts {
		if a.Start.Before(from) {
			continue // began the evening before
		}
		c, ok := clients[a.ClientID]
		if !ok {
			if c, err = st.Client(ctx, a.ClientID); err != nil {
				return agendaDay{}, err
			}
			clients[a.ClientID] = c
		}
		d.visits = append(d.visits, agendaVisit{appt: a, alerts: c.Alerts, email: c.Email})
	}
	return d, nil
}

// show lays out a loaded day.
func (s *todayScreen) show(d agendaDay) {
	s.day = d.day
	date := d.day.Time(d.loc)
	if d.isToday {
		s.title.SetText("Today · " + date.Format("Monday 2 January 2006"))
	} else {
		s.title.SetText(date.Format("Monday 2 January 2006"))
	}
	s.today.Importance = widget.MediumImportance
	if d.isToday {
		s.today.Importance = widget.LowImportance
	}
	s.today.Refresh()
	s.counts.SetText(countLine(d))
	s.rows = nil
	var objs []fyne.CanvasObject
	for i, v := range d.visits {
		if i > 0 {
			objs = append(objs, widget.NewSeparator())
		}
		r := newAgendaRow(s, v, d.now, d.loc)
		s.rows = append(s.rows, r)
		objs = append(objs, r.obj)
	}
	if len(objs) == 0 {
		msg := widget.NewLabelWithStyle("Nothing is booked for this day.", fyne.TextAlignCenter, fyne.TextStyle{})
		if d.isToday {
			msg.SetText("Nothing is booked today. A quiet day: time for notes, or for yourself.")
		}
		msg.Importance = widget.LowImportance
		msg.Wrapping = fyne.TextWrapWord
		objs = append(objs, layout.NewSpacer(), msg)
	}
	s.agenda.Objects = objs
	s.agenda.Refresh()
}

// countLine sums the day up: "5 visits, next at 14:00 (1 cancelled)".
func countLine(d agendaDay) string {
	visits, cancelled := 0, 0
	var next time.Time
	for _, v := range d.visits {
		if !v.appt.Status.Occupies() {
			cancelled++
			continue
		}
		visits++
		if v.appt.Status == data.StatusBooked && !v.appt.Start.Before(d.now) && next.IsZero() {
			next = v.appt.Start
		}
	}
	text := plural(visits, "visit", "visits")
	switch {
	case visits == 0 && cancelled == 0:
		text = "No visits"
	case !next.IsZero() && d.isToday:
		text += ", next at " + next.In(d.loc).Format("15:04")
	case !next.IsZero():
		text += ", first at " + next.In(d.loc).Format("15:04")
	}
	if cancelled > 0 {
		text += fmt.Sprintf(" (%d cancelled)", cancelled)
	}
	return text
}

// plural writes a count with its noun: "1 visit", "3 visits".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// setStatus marks a visit completed or no-show off the UI goroutine, then
// reloads the day.
func (s *todayScreen) setStatus(r *agendaRow, status data.Status) {
	r.complete.Disable()
	r.noShow.Disable()
	st := s.sh.store
	id := r.visit.appt.ID
	s.sh.background(func(ctx context.Context) func() {
		_, err := st.SetAppointmentStatus(ctx, id, status, "")
		return func() {
			if s.sh.store != st {
				return
			}
			if err != nil {
				showError(s.sh.win, err)
			}
			s.reload()
		}
	})
}
