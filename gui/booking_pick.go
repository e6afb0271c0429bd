package gui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// bookingResults is how many clients the booking search lists.
const bookingResults = 6

// findSlots is how many free times "Find a time" offers.
const findSlots = 10

func layoutSpacer() fyne.CanvasObject { return layout.NewSpacer() }

// findClients runs the client search as the therapist types (the client
// list's accent-insensitive search); a newer keystroke wins. Editing the
// search after choosing a client un-chooses them.
func (b *bookingDialog) findClients() {
	b.gen++
	b.unchoose()
	gen, text, st := b.gen, b.search.Text, b.sh.store
	if data.Fold(text) == "" {
		b.results.RemoveAll()
		b.shownGen = gen
		return
	}
	b.sh.background(func(ctx context.Context) func() {
		rows, err := st.SearchClients(ctx, data.ClientQuery{Text: text, Limit: bookingResults})
		return func() {
			if gen != b.gen {
				return // a newer search, or a client chosen since
			}
			if err != nil {
				showError(b.sh.win, err)
				return
			}
			b.shownGen = gen
			b.showResults(rows)
		}
	})
}

// unchoose forgets the client chosen, and says so.
func (b *bookingDialog) unchoose() {
	if b.clientID == 0 {
		return
	}
	b.clientID = 0
	b.chosen.SetText("No client chosen yet.")
	b.chosen.Importance = widget.MediumImportance
	b.chosen.Refresh()
	b.changed()
}

// showResults lists the clients found as buttons: Tab or Down reaches
// them, Enter or Space picks one.
func (b *bookingDialog) showResults(rows []data.ClientSummary) {
	b.results.RemoveAll()
	b.newClientBtn = nil
	defer b.addNewClientOffer()
	if len(rows) == 0 {
		none := widget.NewLabel("No client matches this search.")
		none.Importance = widget.LowImportance
		b.results.Add(none)
		return
	}
	for _, r := range rows {
		r := r
		text := r.DisplayName()
		if m := resultDetail(r); m != "" {
			text += " · " + m
		}
		btn := widget.NewButton(text, func() { b.pick(r.ID, r.DisplayName(), r.Alerts) })
		btn.Alignment = widget.ButtonAlignLeading
		btn.Importance = widget.LowImportance
		b.results.Add(btn)
	}
}

// resultDetail tells clients of the same name apart: what the search
// matched, else the phone or e-mail.
func resultDetail(r data.ClientSummary) string {
	switch {
	case r.Matched() != "":
		return r.Matched()
	case r.Phone != "":
		return r.Phone
	default:
		return r.Email
	}
}

// resultButtons are the buttons of the clients found.
func (b *bookingDialog) resultButtons() []*widget.Button {
	var out []*widget.Button
	for _, o := range b.results.Objects {
		if btn, ok := o.(*widget.Button); ok && btn != b.newClientBtn { // Enter never adds a client
			out = append(out, btn)
		}
	}
	return out
}

// pickFirst chooses the first client found (Enter in the search); when
// the results of the text typed have not arrived yet, it searches now.
func (b *bookingDialog) pickFirst() {
	if b.shownGen != b.gen && data.Fold(b.search.Text) != "" {
		b.gen++
		rows, err := b.sh.store.SearchClients(context.Background(), data.ClientQuery{Text: b.search.Text, Limit: bookingResults})
		if err != nil {
			showError(b.sh.win, err)
			return
		}
		b.shownGen = b.gen
		b.showResults(rows)
	}
	if btns := b.resultButtons(); len(btns) > 0 {
		btns[0].OnTapped()
	}
}

// focusResult puts the keyboard on the i-th client found.
func (b *bookingDialog) focusResult(i int) {
	if btns := b.resultButtons(); i < len(btns) {
		b.sh.win.Canvas().Focus(btns[i])
	}
}

// choose makes a client the one booked; their alerts show in red.
func (b *bookingDialog) choose(id int64, name, alerts string) {
	b.clientID = id
	b.chosen.SetText("Booking for " + name)
	b.chosen.Importance = widget.MediumImportance
	if alerts != "" {
		b.chosen.SetText("Booking for " + name + "\nAlert: " + alerts)
		b.chosen.Importance = widget.DangerImportance
	}
	b.chosen.Refresh()
	b.gen++ // a search still running must not list results again
	b.shownGen = b.gen
	b.search.OnChanged = nil
	b.search.SetText(name)
	b.search.OnChanged = func(string) { b.findClients() }
	b.results.RemoveAll()
	b.changed()
	if b.summary.Visible() {
		b.check()
	}
}

// pickDate offers a month calendar; the date chosen fills the date field.
func (b *bookingDialog) pickDate() {
	c := fyne.CurrentApp().Driver().CanvasForObject(b.pickBtn)
	if c == nil {
		return
	}
	start := b.now.In(b.loc)
	if d, err := data.ParseDate(b.date.Text); err == nil && !d.IsZero() {
		start = d.Time(b.loc)
	}
	var pop *widget.PopUp
	cal := widget.NewCalendar(start, func(t time.Time) {
		pop.Hide()
		b.date.SetText(data.DateOf(t).String())
	})
	pop = widget.NewPopUp(cal, c)
	pop.ShowAtRelativePosition(fyne.NewPos(0, b.pickBtn.Size().Height), b.pickBtn)
}

// findTimes lists the next free times for the chosen service, from the
// date typed (or now); picking one fills the date and time.
func (b *bookingDialog) findTimes() {
	svc := b.chosenService()
	if svc == nil {
		b.report([]data.FieldProblem{{Field: "ServiceID", Message: "Choose a service first, to find a time that fits it."}}, nil)
		return
	}
	from := b.now
	if d, err := data.ParseDate(b.date.Text); err == nil && !d.IsZero() && d.Time(b.loc).After(from) {
		from = d.Time(b.loc)
	}
	id, st := svc.ID, b.sh.store
	b.findBtn.Disable()
	b.sh.background(func(ctx context.Context) func() {
		slots, err := st.FindTimes(ctx, id, from, findSlots)
		return func() {
			b.findBtn.Enable()
			if err != nil {
				showError(b.sh.win, err)
				return
			}
			b.showSlots(slots)
		}
	})
}

// showSlots lists free times as buttons.
func (b *bookingDialog) showSlots(slots []data.Slot) {
	b.slots.RemoveAll()
	if len(slots) == 0 {
		b.slots.Add(widget.NewLabel("No free time in the next year within your working hours."))
		return
	}
	grid := &fyne.Container{Layout: newColumnsLayout(2)}
	for _, s := range slots {
		s := s
		btn := widget.NewButton(s.When, func() { b.useSlot(s) })
		btn.Importance = widget.LowImportance
		grid.Add(btn)
	}
	b.slots.Add(grid)
}

// useSlot fills the date and time from a free time found.
func (b *bookingDialog) useSlot(s data.Slot) {
	t := s.Start.In(b.loc)
	b.date.SetText(data.DateOf(t).String())
	b.clock.SetValue(clock{Hour: t.Hour(), Minute: t.Minute()})
	b.slots.RemoveAll()
	b.showEnd()
}
