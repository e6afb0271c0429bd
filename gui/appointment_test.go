package gui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// bookPast books a visit for the client days ago at 10:00 (outside hours
// allowed), so it can be marked completed or a no-show.
func bookPast(t *testing.T, w *schedWorld, days int) data.Appointment {
	t.Helper()
	ctx := context.Background()
	today, _ := w.sh.store.Today(ctx)
	d := data.DateOf(today.Time(time.UTC).AddDate(0, 0, -days))
	as, err := w.sh.store.Book(ctx, data.Booking{ClientID: w.zoe.ID, ServiceID: firstService(t, w.sh).ID,
		Date: d, Clock: data.Clock{Hour: 10}, Override: true})
	if err != nil {
		t.Fatal(err)
	}
	return as[0]
}

func TestAppointmentDialogStatusChangesWriteHistory(t *testing.T) {
	w := newSchedWorld(t)
	sh := w.sh
	done, missed := bookPast(t, w, 2), bookPast(t, w, 3)
	for _, c := range []struct {
		id   int64
		tap  func(*appointmentDialog)
		want data.Status
	}{
		{done.ID, func(d *appointmentDialog) { test.Tap(d.completeBtn) }, data.StatusCompleted},
		{missed.ID, func(d *appointmentDialog) { test.Tap(d.noShowBtn) }, data.StatusNoShow},
	} {
		sh.openAppointment(c.id)
		d := sh.sched.appointment
		c.tap(d)
		a, err := sh.store.Appointment(context.Background(), c.id)
		if err != nil || a.Status != c.want {
			t.Fatalf("status %s (%v), want %s", a.Status, err, c.want)
		}
		hist, err := sh.store.AppointmentHistory(context.Background(), c.id)
		if err != nil || len(hist) != 2 || hist[1].To != c.want {
			t.Errorf("history %+v (%v)", hist, err)
		}
		if got := allText(d.content); !strings.Contains(got, "Booked › "+c.want.Label()) {
			t.Errorf("the dialog's history does not show the change:\n%s", got)
		}
		if !d.completeBtn.Disabled() || !d.cancelBtn.Disabled() {
			t.Error("a visit no longer booked still offers its actions")
		}
	}
}

func TestAppointmentDialogShowsAlertsAndMovesWithClashCheck(t *testing.T) {
	w := newSchedWorld(t)
	sh := w.sh
	sh.openAppointment(w.beaVisit.ID)
	d := sh.sched.appointment
	if got := allText(d.content); !strings.Contains(got, "Allergic to nut oils") {
		t.Errorf("Bea's alert is not shown:\n%s", got)
	}
	// Zoë has 11:00 the same day: moving Bea to 11:15 clashes.
	if _, err := sh.store.Book(context.Background(), data.Booking{ClientID: w.zoe.ID,
		ServiceID: firstService(t, sh).ID, Date: w.tuesday, Clock: data.Clock{Hour: 12}}); err != nil {
		t.Fatal(err)
	}
	d.clock.SetValue(clock{Hour: 12, Minute: 15})
	test.Tap(d.moveBtn)
	if !strings.Contains(d.lastConflict, "Zoë Tremblay") {
		t.Fatalf("the move's clash is not named: %q", d.lastConflict)
	}
	answer(t, sh, "Change time")
	if a, _ := sh.store.Appointment(context.Background(), w.beaVisit.ID); a.Start != w.beaVisit.Start {
		t.Fatal("the visit moved before the therapist chose")
	}
	d.clock.SetValue(clock{Hour: 14})
	test.Tap(d.moveBtn)
	a, _ := sh.store.Appointment(context.Background(), w.beaVisit.ID)
	loc, _ := sh.store.Location(context.Background())
	if got := a.Start.In(loc).Format("15:04"); got != "14:00" {
		t.Errorf("moved to %s, want 14:00", got)
	}
	test.Tap(d.clientBtn)
	if sh.current != sectionClients || sh.clients.page == nil || sh.clients.page.client.ID != w.bea.ID {
		t.Error("Open client did not show Bea's page")
	}
}

// The booking dialog and the calendar fit a 1024×600 window in both
// themes; with STILLPOINT_RENDER set they are saved as PNGs for review.
func TestRenderBookingAndCalendarFit(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1024, Height: 600}, {Width: 1280, Height: 800}} {
		for _, variant := range []string{"light", "dark"} {
			w := newSchedWorld(t)
			sh := w.sh
			var th fyne.Theme = lightTheme{}
			if variant == "dark" {
				th = darkTheme{}
			}
			sh.app.Settings().SetTheme(th)
			sh.win.Resize(size)
			loc, _ := sh.store.Location(context.Background())
			sh.sched.calendar.setDate(w.tuesday.Time(loc))
			name := fmt.Sprintf("%s-%.0f", variant, size.Width)
			relayout := func() {
				sh.win.Resize(size.SubtractWidthHeight(1, 1))
				sh.win.Resize(size)
			}
			relayout()
			fits(t, "calendar", sh)
			for _, o := range settledOutside(sh.win, size) {
				t.Errorf("calendar %s: %s", name, o)
			}
			saveRender(t, "sched-calendar-"+name, sh.win.Canvas())

			b := w.slotAt(t, w.tuesday, 10, 30)
			pickClient(t, b, "zoe", "Zoë Tremblay")
			onScreen := func(objs ...fyne.CanvasObject) {
				for _, btn := range objs {
					pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(btn)
					s := btn.Size()
					if pos.X < 0 || pos.Y < 0 || pos.X+s.Width > size.Width || pos.Y+s.Height > size.Height || s.Width == 0 {
						t.Errorf("booking %s: %T at %v size %v is not on screen", name, btn, pos, s)
					}
				}
			}
			relayout()
			onScreen(b.search) // before Repeat scrolls its fields into view
			b.repeat.SetChecked(true)
			test.Tap(b.findBtn)
			relayout()
			onScreen(b.saveBtn, b.cancelBtn, b.findBtn)
			saveRender(t, "sched-booking-"+name, sh.win.Canvas())
			b.close()

			sh.openAppointment(w.beaVisit.ID)
			relayout()
			d := sh.sched.appointment
			for _, btn := range []fyne.CanvasObject{d.closeBtn, d.clientBtn} {
				pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(btn)
				if pos.Y+btn.Size().Height > size.Height || pos.X+btn.Size().Width > size.Width {
					t.Errorf("appointment %s: button off screen at %v", name, pos)
				}
			}
			saveRender(t, "sched-appointment-"+name, sh.win.Canvas())
		}
	}
}
