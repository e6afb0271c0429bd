package gui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// appointmentDialog shows one visit (client and alerts, service, time,
// status, history) and what can be done with it: mark it completed or a
// no-show, cancel it with a reason, move it, or open the client's page.
type appointmentDialog struct {
	*form
	appt    data.Appointment
	alerts  string // the client's alerts
	history []data.StatusChange
	loc     *time.Location
	pending *data.ConflictError // a move refused for clashes, to ask about

	reason                          *entry
	late                            *widget.Check
	date                            *entry
	clock                           *timeEntry
	completeBtn, noShowBtn          *widget.Button
	cancelBtn, moveBtn, clientBtn   *widget.Button
	closeBtn                        *widget.Button
	statusLine                      *widget.Label
	lastConflict                    string
	content, buttons                *fyne.Container
	dlg                             *dialog.CustomDialog
	statusField, reasonField, dateF *field
	planSelect                      *widget.Select // the visit's care plan (nil: the client has none)
}

// openAppointment shows appointment id.
func (sh *shell) openAppointment(id int64) {
	if sh.sched.appointment != nil {
		sh.sched.appointment.dlg.Hide()
	}
	d := &appointmentDialog{}
	d.form = newForm(sh, "this appointment", func() {})
	d.doing = "moving"
	d.content = container.NewStack()
	d.buttons = container.NewStack()
	if err := d.load(id); err != nil {
		showError(sh.win, err)
		return
	}
	sh.sched.appointment = d
	d.dlg = dialog.NewCustomWithoutButtons("Appointment", container.NewBorder(nil, d.buttons, nil, nil, d.frame(container.NewVBox(), d.content)), sh.win)
	restore := d.escapeCancels(func() { d.guard(d.dlg.Hide) })
	d.dlg.SetOnClosed(func() {
		restore()
		if sh.sched.appointment == d {
			sh.sched.appointment = nil
		}
	})
	d.dlg.Resize(bookingDialogSize(sh.win))
	d.dlg.Show()
}

// load reads the appointment, its history and the client's alerts, and
// lays the dialog out afresh.
func (d *appointmentDialog) load(id int64) error {
	ctx := context.Background()
	st := d.sh.store
	a, err := st.Appointment(ctx, id)
	if err != nil {
		return err
	}
	hist, err := st.AppointmentHistory(ctx, id)
	if err != nil {
		return err
	}
	c, err := st.Client(ctx, a.ClientID)
	if err != nil {
		return err
	}
	loc, err := st.Location(ctx)
	if err != nil {
		return err
	}
	d.appt, d.history, d.alerts, d.loc = a, hist, c.Alerts, loc
	d.fields, d.order = map[string]*field{}, nil
	d.content.Objects = []fyne.CanvasObject{d.build()}
	d.content.Refresh()
	return nil
}

// build lays out the visit and its actions.
func (d *appointmentDialog) build() fyne.CanvasObject {
	a := d.appt
	top := container.NewVBox(oneLine(heading(a.ClientName)))
	if d.alerts != "" {
		top.Add(newAlertBanner(d.alerts))
	}
	start, end := a.Start.In(d.loc), a.End.In(d.loc)
	info := infoSection("Visit", [][2]string{
		{"Service", fmt.Sprintf("%s · %d min", a.ServiceName, a.Minutes)},
		{"When", start.Format("Monday 2 January 2006, 15:04") + "–" + end.Format("15:04")},
		{"Series", seriesText(a)},
		{"Notes", a.Notes},
	})
	d.statusLine = widget.NewLabelWithStyle(statusText(a), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.statusLine.Wrapping = fyne.TextWrapWord
	d.completeBtn = widget.NewButtonWithIcon("Completed", theme.ConfirmIcon(), func() { d.setStatus(data.StatusCompleted) })
	d.noShowBtn = widget.NewButton("No-show", func() { d.setStatus(data.StatusNoShow) })
	status := container.NewVBox(d.statusLine, container.NewHBox(d.completeBtn, d.noShowBtn))
	d.statusField = newField("Status", "Status", status, d.statusHint())

	d.reason = newEntry("e.g. unwell, travelling", capShort)
	d.late = widget.NewCheck("Late cancellation (short notice)", nil)
	d.cancelBtn = widget.NewButton("Cancel visit", d.cancelVisit)
	d.reasonField = newField("CancelReason", "Cancel with a reason", container.NewVBox(d.reason,
		container.NewHBox(d.late, d.cancelBtn)), "")

	d.date = newEntry("YYYY-MM-DD", capShort)
	d.date.SetText(data.DateOf(start).String())
	d.date.OnChanged = func(string) { capText(&d.date.Entry, capShort); d.dateEdited() }
	d.clock = newTimeEntry(clock{Hour: start.Hour(), Minute: start.Minute()})
	d.moveBtn = widget.NewButton("Move", d.move)
	d.dateF = newField("Date", "Move to", d.date, "")
	clk := newField("Clock", "At", container.NewHBox(d.clock, d.moveBtn), "")

	if a.Status != data.StatusBooked {
		for _, b := range []*widget.Button{d.completeBtn, d.noShowBtn, d.cancelBtn, d.moveBtn} {
			b.Disable()
		}
	} else if !d.started() {
		d.completeBtn.Disable() // the data layer refuses it before the start
		d.noShowBtn.Disable()
	}
	d.clientBtn = widget.NewButtonWithIcon("Open client", theme.AccountIcon(), d.openClient)
	d.closeBtn = widget.NewButton("Close", func() { d.dlg.Hide() })
	d.closeBtn.Importance = widget.HighImportance
	note := widget.NewButtonWithIcon("Write note", theme.DocumentCreateIcon(), func() { d.dlg.Hide(); d.sh.writeNote(a.ID) })
	checkout := d.sh.checkOutButton(a, func() { d.dlg.Hide() })
	redeem := d.sh.checkOutOtherButton(a, func() { d.dlg.Hide() })
	d.buttons.Objects = []fyne.CanvasObject{container.NewHBox(d.clientBtn, note, checkout, redeem, layoutSpacer(), d.closeBtn)}
	d.buttons.Refresh()
	body := container.NewVBox(top, info)
	for _, fd := range d.withPlan() {
		body.Add(d.add(fd))
	}
	body.Add(container.NewVBox(d.add(d.statusField), d.add(d.reasonField), d.row(d.dateF, clk),
		section("History", historyLines(d.history, d.loc))))
	return body
}

// started reports whether the visit's start has come.
func (d *appointmentDialog) started() bool {
	return !d.appt.Start.After(d.sh.store.Now())
}

// statusHint says why the status buttons are off, if they are.
func (d *appointmentDialog) statusHint() string {
	switch {
	case d.appt.Status != data.StatusBooked:
		return "Only a booked visit can be marked, cancelled or moved."
	case !d.started():
		return "You can mark it completed or a no-show once it has started."
	}
	return ""
}

// seriesText says whether a visit repeats.
func seriesText(a data.Appointment) string {
	if a.SeriesID == 0 {
		return ""
	}
	return "One of a repeating series"
}

// statusText is the visit's status, with its cancellation reason.
func statusText(a data.Appointment) string {
	s := a.Status.Label()
	if a.CancelReason != "" {
		s += ": " + a.CancelReason
	}
	return s
}

// historyLines lists an appointment's changes, oldest first.
func historyLines(hist []data.StatusChange, loc *time.Location) fyne.CanvasObject {
	var lines []string
	for _, h := range hist {
		what := h.To.Label()
		if h.From == "" {
			what = "Booked"
		} else if h.From != h.To {
			what = h.From.Label() + " › " + h.To.Label()
		}
		if h.Reason != "" {
			what += " (" + historyReason(h.Reason, h.ChangedAt.In(loc)) + ")"
		}
		lines = append(lines, h.ChangedAt.In(loc).Format("2 Jan 2006 15:04")+" · "+what)
	}
	if len(lines) == 0 {
		lines = []string{"No changes recorded."}
	}
	l := widget.NewLabel(strings.Join(lines, "\n"))
	l.Wrapping = fyne.TextWrapWord
	return l
}

// withScope runs run for this visit only, or, for a visit of a series,
// after asking whether the following visits change too.
func (d *appointmentDialog) withScope(title string, run func(data.Scope)) {
	if d.appt.SeriesID == 0 {
		run(data.ThisVisit)
		return
	}
	back := choice{"Back", widget.MediumImportance, nil}
	ask(d.sh.win, title, "This visit is one of a repeating series. Change only this visit, or this one and every later booked visit?",
		back, choice{"This visit", widget.HighImportance, func() { run(data.ThisVisit) }},
		back, choice{"This and following", widget.MediumImportance, func() { run(data.ThisAndFollowing) }})
}

// setStatus marks the visit completed or a no-show.
func (d *appointmentDialog) setStatus(to data.Status) {
	id := d.appt.ID
	d.submit(func(ctx context.Context, st *data.Store) error {
		_, err := st.SetAppointmentStatus(ctx, id, to, "")
		return err
	}, d.changedDone)
}

// cancelNow cancels with the reason typed (after asking, cancelVisit).
func (d *appointmentDialog) cancelNow() {
	id, reason, late := d.appt.ID, d.reason.Text, d.late.Checked
	d.withScope("Cancel which visits?", func(scope data.Scope) {
		d.submit(func(ctx context.Context, st *data.Store) error {
			_, err := st.CancelAppointment(ctx, id, reason, late, scope)
			return err
		}, d.changedDone)
	})
}

// move reschedules to the date and time typed; clashes are named and
// may be accepted with "Move anyway".
func (d *appointmentDialog) move() {
	day, err := data.ParseDate(d.date.Text)
	if err == nil && day.IsZero() {
		err = errors.New("choose the date to move the visit to")
	}
	c, cerr := d.clock.Value()
	var probs []data.FieldProblem
	if err != nil {
		probs = append(probs, data.FieldProblem{Field: "Date", Message: d.moveDateProblem(err)})
	}
	if cerr != nil {
		probs = append(probs, data.FieldProblem{Field: "Clock", Message: "That is not a time: " + cerr.Error() + "."})
	}
	if !d.report(probs, nil) {
		d.revealFirst()
		return
	}
	at := data.Clock{Hour: c.Hour, Minute: c.Minute}
	d.withScope("Move which visits?", func(scope data.Scope) { d.reschedule(day, at, scope, false) })
}

func (d *appointmentDialog) reschedule(day data.Date, at data.Clock, scope data.Scope, override bool) {
	id := d.appt.ID
	d.pending = nil
	d.submit(func(ctx context.Context, st *data.Store) error {
		_, err := st.Reschedule(ctx, id, day, at, scope, override)
		var ce *data.ConflictError
		if errors.As(err, &ce) {
			d.pending = ce
			return nil
		}
		return err
	}, func() {
		if ce := d.pending; ce != nil {
			d.pending = nil
			d.lastConflict = askConflicts(d.sh.win, ce, "move", func() { d.reschedule(day, at, scope, true) },
				func() { d.sh.win.Canvas().Focus(d.date) })
			return
		}
		d.changedDone()
	})
}

// changedDone shows the visit as it now is, and the change everywhere.
func (d *appointmentDialog) changedDone() {
	d.summary.Hide() // an earlier objection no longer applies
	if err := d.load(d.appt.ID); err != nil {
		showError(d.sh.win, err)
	}
	d.sh.bookingChanged()
}

// openClient shows the client's page, asking first about an unsaved
// client form.
func (d *appointmentDialog) openClient() {
	sh, id := d.sh, d.appt.ClientID
	d.dlg.Hide()
	sh.show(sectionClients)
	if sh.current != sectionClients || sh.clients == nil {
		return
	}
	open := func() { sh.clients.form = nil; sh.clients.openClient(id); sh.clients.refresh() }
	if sh.clients.dirty() {
		confirmDiscard(sh.win, "You have unsaved changes to the client you are editing.", open)
		return
	}
	open()
}
