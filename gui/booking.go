package gui

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// bookingStart is what a booking dialog opens with: a client (0: none yet)
// and a start time (zero: none).
type bookingStart struct {
	client int64
	at     time.Time
}

// bookingDialog books a visit or a weekly series: client (found by the
// same search as the client list), service, date and time, notes and
// repeat. Before saving it checks for clashes and says what each one is;
// "Book anyway" books over them.
type bookingDialog struct {
	*form
	loc      *time.Location
	now      time.Time
	currency string
	services []data.Service // active ones, as offered
	clientID int64
	gen      int // search generation: only the newest result is shown
	shownGen int // the generation whose results are listed

	search                  *searchEntry
	results                 *fyne.Container
	newClientBtn            *widget.Button // "New client: …" under the results
	chosen                  *widget.Label
	service                 *focusSelect
	date                    *entry
	pickBtn                 *widget.Button
	clock                   *timeEntry
	minutes                 *entry
	end                     *widget.Label
	notes                   *entry
	repeat                  *focusCheck
	every, count, until     *entry
	findBtn                 *widget.Button
	slots                   *fyne.Container
	cancelBtn               *widget.Button
	dlg                     *dialog.CustomDialog
	booked                  []data.Appointment // what the last save booked
	lastConflict            string             // the last clash question, as shown
	onBooked                func([]data.Appointment)
	repeatBox, repeatFields *fyne.Container
}

// openBooking shows the booking dialog, filled from start.
func (sh *shell) openBooking(start bookingStart) {
	if sh.sched.booking != nil {
		return // one booking at a time
	}
	b, err := newBookingDialog(sh, start)
	if err != nil {
		showError(sh.win, err)
		return
	}
	sh.sched.booking = b
	buttons := container.NewHBox(layoutSpacer(), b.cancelBtn, b.saveBtn)
	b.dlg = dialog.NewCustomWithoutButtons("Book an appointment",
		container.NewBorder(nil, buttons, nil, nil, b.frame(container.NewVBox(), b.body())), sh.win)
	restore := b.escapeCancels(func() { b.guard(b.close) })
	b.dlg.SetOnClosed(func() { restore(); sh.sched.booking = nil })
	b.dlg.Resize(bookingDialogSize(sh.win))
	b.dlg.Show()
	if start.client == 0 {
		sh.win.Canvas().Focus(b.search)
	}
}

// bookingDialogSize fits the window with room around the dialog.
func bookingDialogSize(w fyne.Window) fyne.Size {
	s := w.Canvas().Size()
	return fyne.NewSize(min(720, s.Width-40), min(680, s.Height-40))
}

func newBookingDialog(sh *shell, start bookingStart) (*bookingDialog, error) {
	ctx := context.Background()
	m, err := sh.store.Moment(ctx)
	if err != nil {
		return nil, err
	}
	services, err := sh.store.Services(ctx, false)
	if err != nil {
		return nil, err
	}
	p, err := sh.store.Practice(ctx)
	if err != nil {
		return nil, err
	}
	b := &bookingDialog{loc: m.Loc, now: m.Now, currency: p.Currency, services: services}
	b.form = newForm(sh, "the booking you are making", b.save)
	b.validate = b.check
	b.saveBtn.SetText("Book")

	b.search = newSearchEntry()
	b.search.SetPlaceHolder("Type a name, phone or e-mail")
	b.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	b.search.OnChanged = func(string) { b.findClients() }
	b.search.OnSubmitted = func(string) { b.pickFirst() }
	b.search.onDown = func() { b.focusResult(0) }
	b.results = container.NewVBox()
	b.chosen = widget.NewLabel("No client chosen yet.")
	b.chosen.Wrapping = fyne.TextWrapWord

	b.service = newFocusSelect(b.serviceOptions(), func(string) { b.showEnd(); b.changed() })
	b.service.PlaceHolder = "Choose a service"
	b.date = newEntry("YYYY-MM-DD or 10 Mar 2026", capShort)
	b.pickBtn = widget.NewButtonWithIcon("", theme.CalendarIcon(), b.pickDate)
	b.clock = newTimeEntry(clock{Hour: 9})
	b.clock.OnChanged = func(clock) { b.showEnd(); b.changed() }
	b.minutes = newEntry("the service's length", 5)
	b.end = widget.NewLabel("")
	b.end.Importance = widget.LowImportance
	b.notes = newTextArea("For this visit, e.g. focus on the left shoulder", 2, capLong)
	b.repeat = newFocusCheck("Repeat this visit", func(on bool) { b.showRepeat(on); b.changed() })
	b.every, b.count, b.until = newEntry("1", 2), newEntry("e.g. 6", 3), newEntry("or until YYYY-MM-DD", capShort)
	b.watch(b.date, b.minutes, b.notes, b.every, b.count, b.until)
	b.minutes.OnChanged = func(string) { capText(&b.minutes.Entry, 5); b.checkMinutes(); b.showEnd(); b.changed() }
	b.findBtn = widget.NewButtonWithIcon("Find a time", theme.SearchIcon(), b.findTimes)
	b.slots = container.NewVBox()
	b.cancelBtn = widget.NewButton("Cancel", func() { b.guard(b.close) })
	b.submitOnEnter()

	b.form.load(func() { b.start(ctx, start, m) })
	return b, nil
}

// start fills the dialog from where it was opened.
func (b *bookingDialog) start(ctx context.Context, s bookingStart, m data.Moment) {
	day := m.Today
	if !s.at.IsZero() {
		at := s.at.In(b.loc)
		day = data.DateOf(at)
		b.clock.SetValue(clock{Hour: at.Hour(), Minute: at.Minute()})
	}
	b.date.SetText(day.String())
	if len(b.services) > 0 {
		b.service.SetSelectedIndex(0)
	}
	if s.client != 0 {
		if c, err := b.sh.store.Client(ctx, s.client); err == nil {
			b.choose(c.ID, c.DisplayName(), c.Alerts)
		}
	}
	b.showEnd()
}

// serviceOptions names each active service with its length and price.
func (b *bookingDialog) serviceOptions() []string {
	out := make([]string, len(b.services))
	for i, s := range b.services {
		out[i] = fmt.Sprintf("%s · %d min · %s", s.Name, s.Minutes, formatMoney(s.PriceCents, b.currency))
	}
	return out
}

// chosenService is the service selected, or nil.
func (b *bookingDialog) chosenService() *data.Service {
	i := b.service.SelectedIndex()
	if i < 0 || i >= len(b.services) {
		return nil
	}
	return &b.services[i]
}

// body lays the fields out.
func (b *bookingDialog) body() fyne.CanvasObject {
	client := newField("ClientID", "Client", container.NewVBox(b.search, b.results, b.chosen), "")
	svc := newField("ServiceID", "Service", b.service, "")
	date := newField("Date", "Date", container.NewBorder(nil, nil, nil, b.pickBtn, b.date), "")
	clk := newField("Clock", "Time", container.NewVBox(b.clock, b.end), "")
	mins := newField("Minutes", "Length (minutes)", b.minutes, "Leave empty (or 0) for the service's length; 5 to 720 minutes otherwise.")
	notes := newField("Notes", "Notes for this visit", b.notes, "")
	every := newField("EveryWeeks", "Every … weeks", b.every, "")
	count := newField("Count", "Number of visits", b.count, "")
	until := newField("Until", "Or until", b.until, "")
	b.repeatFields = container.NewVBox(b.row(every, count, until))
	b.repeatBox = container.NewVBox(b.repeat, b.repeatFields)
	b.repeat.watchFocus(func() { b.keepObjInView(b.repeat) })
	b.showRepeat(false)
	find := container.NewVBox(container.NewHBox(b.findBtn), b.slots)
	return container.NewVBox(b.add(client), b.row(svc, mins), b.row(date, clk), find, b.add(notes), b.repeatBox)
}

// showRepeat shows or hides the repeat fields.
func (b *bookingDialog) showRepeat(on bool) {
	if b.repeatFields == nil {
		return
	}
	if on {
		b.repeatFields.Show()
	} else {
		b.repeatFields.Hide()
	}
	if b.scroll == nil {
		return
	}
	b.scroll.Refresh() // the content grows or shrinks: lay it out again
	b.scroll.Content.Refresh()
	if on { // bring the fields just shown into view
		for _, name := range []string{"EveryWeeks", "Count", "Until"} {
			if fd := b.fields[name]; fd != nil {
				b.keepInView(fd)
			}
		}
	}
}

// showEnd shows when the visit ends, following the service and time.
func (b *bookingDialog) showEnd() {
	svc := b.chosenService()
	c, err := b.clock.Value()
	if svc == nil || err != nil {
		b.end.SetText("")
		return
	}
	n, whose := svc.Minutes, ", the service's length"
	if text := strings.TrimSpace(b.minutes.Text); text != "" {
		v, err := strconv.Atoi(text)
		if err != nil || data.VisitMinutesProblem(v) != "" {
			b.end.SetText("")
			return
		}
		if v > 0 {
			n, whose = v, ""
		}
	}
	e := c.minutes() + n
	ends := fmt.Sprintf("Ends %02d:%02d (%d min%s)", e/60%24, e%60, n, whose)
	if typed := strings.TrimSpace(b.clock.Text()); typed != c.String() {
		ends = fmt.Sprintf("Starts %02d:%02d · %s", c.Hour, c.Minute, ends) // how "2:30" was read
	}
	b.end.SetText(ends)
}

// checkMinutes shows a length no visit can have under its field while it
// is typed.
func (b *bookingDialog) checkMinutes() {
	fd := b.fields["Minutes"]
	if fd == nil {
		return
	}
	msg := ""
	if text := strings.TrimSpace(b.minutes.Text); text != "" {
		if v, err := strconv.Atoi(text); err != nil {
			msg = fmt.Sprintf("“%s” is not a number.", firstRunes(text, 20))
		} else {
			msg = data.VisitMinutesProblem(v)
		}
	}
	fd.setError(msg)
}

// read builds the booking from what is typed; unreadable text becomes a
// problem of its field.
func (b *bookingDialog) read() (data.Booking, []data.FieldProblem) {
	var probs []data.FieldProblem
	bad := func(field, msg string) { probs = append(probs, data.FieldProblem{Field: field, Message: msg}) }
	bk := data.Booking{ClientID: b.clientID, Notes: b.notes.Text}
	if svc := b.chosenService(); svc != nil {
		bk.ServiceID = svc.ID
	}
	d, err := data.ParseDate(b.date.Text)
	if err != nil {
		bad("Date", b.dateProblem(b.date.Text))
	}
	bk.Date = d
	if c, err := b.clock.Value(); err != nil {
		bad("Clock", fmt.Sprintf("“%s” is not a time: %s.", b.clock.Text(), err))
	} else {
		bk.Clock = data.Clock{Hour: c.Hour, Minute: c.Minute}
	}
	bk.Minutes = b.number("Minutes", b.minutes.Text, bad)
	if msg := data.VisitMinutesProblem(bk.Minutes); msg != "" {
		bad("Minutes", msg)
	}
	if b.repeat.Checked {
		r := &data.Repeat{EveryWeeks: b.number("EveryWeeks", b.every.Text, bad), Count: b.number("Count", b.count.Text, bad)}
		if r.EveryWeeks == 0 && strings.TrimSpace(b.every.Text) == "" {
			r.EveryWeeks = 1
		}
		if u, err := data.ParseDate(b.until.Text); err != nil {
			bad("Until", b.dateProblem(b.until.Text))
		} else {
			r.Until = u
		}
		bk.Repeat = r
	}
	return bk, probs
}

// dateProblem says a visit date typed cannot be read, with today's date
// as the example (not a birthdate).
func (b *bookingDialog) dateProblem(text string) string {
	return fmt.Sprintf("“%s” is not a date Stillpoint understands; write it as YYYY-MM-DD, e.g. %s.",
		firstRunes(strings.TrimSpace(text), 20), data.DateOf(b.now.In(b.loc)))
}

// number reads a whole number; empty is 0.
func (b *bookingDialog) number(field, text string, bad func(field, msg string)) int {
	text = strings.TrimSpace(text)
	if text == "" {
		return 0
	}
	n, err := strconv.Atoi(text)
	if err != nil {
		bad(field, fmt.Sprintf("“%s” is not a number.", firstRunes(text, 20)))
	}
	return n
}

// check reports what can be told without the database.
func (b *bookingDialog) check() bool {
	_, probs := b.read()
	return b.report(probs, nil)
}

// save checks the booking for clashes first; with none it books, with
// some it asks.
func (b *bookingDialog) save() {
	if !b.ready() {
		return
	}
	bk, _ := b.read()
	st := b.sh.store
	b.sh.background(func(ctx context.Context) func() {
		_, ce, err := st.CheckBooking(ctx, bk)
		return func() {
			var ve *data.ValidationError
			switch {
			case errors.As(err, &ve):
				b.report(nil, err)
				b.revealFirst()
			case err != nil:
				showError(b.sh.win, err)
			case ce != nil:
				b.lastConflict = askConflicts(b.sh.win, ce, "book", func() { bk.Override = true; b.book(bk) }, b.backToTime)
			default:
				b.book(bk)
			}
		}
	})
}

// book saves the booking (the whole series or nothing) and closes.
func (b *bookingDialog) book(bk data.Booking) {
	b.submit(func(ctx context.Context, st *data.Store) error {
		as, err := st.Book(ctx, bk)
		b.booked = as
		return err
	}, func() {
		b.close()
		b.sh.showBooked(b.booked)
		b.sh.bookingChanged()
		if b.onBooked != nil {
			b.onBooked(b.booked)
		}
	})
}

// close hides the dialog.
func (b *bookingDialog) close() {
	b.dirty = false
	b.dlg.Hide()
}
