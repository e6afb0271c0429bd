package gui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// schedWorld is a test practice with two clients and a visit for Bea
// next Tuesday at 10:00 (the practice opens 09:00–18:00 on Tuesdays).
type schedWorld struct {
	sh       *shell
	bea, zoe data.Client
	tuesday  data.Date
	beaVisit data.Appointment
}

func newSchedWorld(t *testing.T) *schedWorld {
	t.Helper()
	sh := newTestShell(t, true)
	ctx := context.Background()
	w := &schedWorld{sh: sh}
	w.bea = data.Client{FirstName: "Bea", LastName: "Okafor", Alerts: "Allergic to nut oils"}
	w.zoe = data.Client{FirstName: "Zoë", LastName: "Tremblay"}
	for _, c := range []*data.Client{&w.bea, &w.zoe} {
		if err := sh.store.CreateClient(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	today, err := sh.store.Today(ctx)
	if err != nil {
		t.Fatal(err)
	}
	d := today.Time(time.UTC)
	d = d.AddDate(0, 0, 7+(int(time.Tuesday)-int(d.Weekday())+7)%7)
	w.tuesday = data.DateOf(d)
	as, err := sh.store.Book(ctx, data.Booking{ClientID: w.bea.ID, ServiceID: firstService(t, sh).ID,
		Date: w.tuesday, Clock: data.Clock{Hour: 10}})
	if err != nil {
		t.Fatal(err)
	}
	w.beaVisit = as[0]
	sh.showMain(sectionCalendar)
	return w
}

func firstService(t *testing.T, sh *shell) data.Service {
	t.Helper()
	svcs, err := sh.store.Services(context.Background(), false)
	if err != nil || len(svcs) == 0 {
		t.Fatalf("services: %v %v", svcs, err)
	}
	return svcs[0]
}

// visitsOf is what the store holds for a client.
func visitsOf(t *testing.T, sh *shell, id int64) []data.Appointment {
	t.Helper()
	as, err := sh.store.ClientAppointments(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return as
}

// buttonIn finds the visible button labelled label inside o.
func buttonIn(o fyne.CanvasObject, label string) *widget.Button {
	if o == nil || !o.Visible() {
		return nil
	}
	switch w := o.(type) {
	case *widget.Button:
		if w.Text == label {
			return w
		}
	case *focusButton:
		if w.Text == label {
			return &w.Button
		}
	case *fyne.Container:
		for _, c := range w.Objects {
			if b := buttonIn(c, label); b != nil {
				return b
			}
		}
		return nil
	}
	if wid, ok := o.(fyne.Widget); ok {
		for _, c := range test.WidgetRenderer(wid).Objects() {
			if b := buttonIn(c, label); b != nil {
				return b
			}
		}
	}
	return nil
}

// slotAt opens the booking dialog from the calendar at hh:mm on date d.
func (w *schedWorld) slotAt(t *testing.T, d data.Date, hh, mm int) *bookingDialog {
	t.Helper()
	loc, _ := w.sh.store.Location(context.Background())
	at, err := data.WallTime(loc, d, data.Clock{Hour: hh, Minute: mm})
	if err != nil {
		t.Fatal(err)
	}
	w.sh.sched.calendar.setDate(at) // the week tapped in
	w.sh.sched.calendar.OnSlot(at)
	b := w.sh.sched.booking
	if b == nil {
		t.Fatal("a tap on a free slot opened no booking dialog")
	}
	return b
}

// pickClient searches the way the therapist types and taps the result.
func pickClient(t *testing.T, b *bookingDialog, typed, name string) {
	t.Helper()
	typeInto(b.search, typed)
	for _, btn := range b.resultButtons() {
		if strings.HasPrefix(btn.Text, name) {
			test.Tap(btn)
			return
		}
	}
	t.Fatalf("searching %q did not list %s: %s", typed, name, allText(b.results))
}

func TestBookingFlowNamesTheClashBooksAnywayThenCancels(t *testing.T) {
	w := newSchedWorld(t)
	sh := w.sh
	b := w.slotAt(t, w.tuesday, 10, 30)
	if b.date.Text != w.tuesday.String() || b.clock.Text() != "10:30" {
		t.Errorf("the slot filled %q at %q", b.date.Text, b.clock.Text())
	}
	pickClient(t, b, "zoe trem", "Zoë Tremblay") // no accent typed
	if b.clientID != w.zoe.ID {
		t.Fatalf("client %d chosen, want Zoë %d", b.clientID, w.zoe.ID)
	}
	if !strings.Contains(b.end.Text, "Ends") {
		t.Errorf("end not shown: %q", b.end.Text)
	}
	test.Tap(b.saveBtn)
	if !strings.Contains(b.lastConflict, "Bea Okafor") {
		t.Fatalf("the clash question does not name Bea's visit: %q", b.lastConflict)
	}
	if got := allText(sh.win.Canvas().Overlays().Top()); !strings.Contains(got, "Bea Okafor") || !strings.Contains(got, "Book anyway") {
		t.Errorf("question on screen: %s", got)
	}
	if n := len(visitsOf(t, sh, w.zoe.ID)); n != 0 {
		t.Fatalf("%d visits booked before the therapist chose", n)
	}
	answer(t, sh, "Book anyway")
	got := visitsOf(t, sh, w.zoe.ID)
	if len(got) != 1 || got[0].Status != data.StatusBooked {
		t.Fatalf("after Book anyway: %+v", got)
	}
	if sh.sched.booking != nil {
		t.Error("the booking dialog stayed open")
	}
	if !slices.ContainsFunc(sh.sched.calendar.week.grid.placed, func(p placedBlock) bool { return p.ID == got[0].ID }) {
		t.Error("the calendar does not show the new visit")
	}

	sh.sched.calendar.OnBlock(got[0].ID)
	d := sh.sched.appointment
	if d == nil {
		t.Fatal("tapping the visit opened nothing")
	}
	typeInto(d.reason, "Unwell")
	d.late.SetChecked(true)
	test.Tap(d.cancelBtn)
	answer(t, sh, "Cancel the visit")
	after := visitsOf(t, sh, w.zoe.ID)[0]
	if after.Status != data.StatusLateCancelled || after.CancelReason != "Unwell" {
		t.Errorf("after cancelling: %s %q", after.Status, after.CancelReason)
	}
	if !strings.Contains(d.statusLine.Text, "Late cancellation") {
		t.Errorf("the dialog shows %q", d.statusLine.Text)
	}
}

func TestBookingSeriesWithOneClashBooksNothingUntilOverridden(t *testing.T) {
	w := newSchedWorld(t)
	sh := w.sh
	// The series starts two weeks before Bea's visit: its third visit clashes.
	start := data.DateOf(w.tuesday.Time(time.UTC).AddDate(0, 0, -14))
	b := w.slotAt(t, start, 10, 0)
	pickClient(t, b, "zoe", "Zoë Tremblay")
	b.repeat.SetChecked(true)
	typeInto(b.every, "1")
	typeInto(b.count, "4")
	test.Tap(b.saveBtn)
	if !strings.Contains(b.lastConflict, "Visit 3") || !strings.Contains(b.lastConflict, "Bea Okafor") {
		t.Fatalf("the question does not say which visit clashes: %q", b.lastConflict)
	}
	if strings.Contains(b.lastConflict, "Visit 1,") || strings.Contains(b.lastConflict, "Visit 4,") {
		t.Errorf("free visits listed as clashes: %q", b.lastConflict)
	}
	answer(t, sh, "Change time")
	if n := len(visitsOf(t, sh, w.zoe.ID)); n != 0 {
		t.Fatalf("%d visits booked after Change time", n)
	}
	if sh.sched.booking != b {
		t.Fatal("Change time closed the booking")
	}
	test.Tap(b.saveBtn)
	answer(t, sh, "Book anyway")
	got := visitsOf(t, sh, w.zoe.ID)
	if len(got) != 4 || got[0].SeriesID == 0 {
		t.Fatalf("booked %d visits (series %d), want a series of 4", len(got), got[0].SeriesID)
	}
}

func TestCtrlBFromAClientPagePrefillsTheClient(t *testing.T) {
	w := newSchedWorld(t)
	sh := w.sh
	sh.show(sectionClients)
	sh.clients.openClient(w.bea.ID)
	pressShortcut(t, sh, shortcutBook)
	b := sh.sched.booking
	if b == nil {
		t.Fatal("Ctrl+B opened nothing")
	}
	if b.clientID != w.bea.ID || !strings.Contains(b.chosen.Text, "Bea Okafor") {
		t.Errorf("Ctrl+B chose client %d (%q), want Bea", b.clientID, b.chosen.Text)
	}
	if !strings.Contains(b.chosen.Text, "nut oils") || b.chosen.Importance != widget.DangerImportance {
		t.Errorf("Bea's alert is not shown in red: %q", b.chosen.Text)
	}
	b.close()
	test.Tap(sh.clients.page.bookBtn)
	if b := sh.sched.booking; b == nil || b.clientID != w.bea.ID {
		t.Error("the client page's Book button did not book for Bea")
	}
	// The page lists Bea's visit.
	if got := allText(sh.clients.page.visits.obj); !strings.Contains(got, "Upcoming") || !strings.Contains(got, "Booked") {
		t.Errorf("visits section: %s", got)
	}
}

func TestBookingFormHasAWidgetForEveryAppointmentField(t *testing.T) {
	w := newSchedWorld(t)
	b := w.slotAt(t, w.tuesday, 14, 0)
	w.sh.openAppointment(w.beaVisit.ID)
	d := w.sh.sched.appointment
	for _, n := range data.AppointmentFieldNames() {
		fd, ok := b.fields[n]
		f := b.form
		if n == "Status" || n == "CancelReason" { // set after booking, in the appointment dialog
			fd, ok = d.fields[n]
			f = d.form
		}
		if !ok {
			t.Errorf("no widget for %s", n)
			continue
		}
		if !slices.Contains(f.order, fd) || fd.input == nil {
			t.Errorf("%s is not laid out", n)
		}
	}
}
