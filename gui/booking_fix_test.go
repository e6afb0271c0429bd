package gui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// A weekly series of 30 on Sundays (closed) lists a few of its visits
// and counts the rest, titled as hours outside working hours: the
// buttons stay inside a 1024×600 window.
func TestLongSeriesConflictKeepsButtonsOnScreen(t *testing.T) {
	w := newSchedWorld(t)
	sh := w.sh
	sh.win.Resize(fyne.NewSize(1024, 600))
	sunday := data.DateOf(w.tuesday.Time(time.UTC).AddDate(0, 0, 5))
	b := w.slotAt(t, sunday, 10, 0)
	pickClient(t, b, "zoe", "Zoë Tremblay")
	b.repeat.SetChecked(true)
	typeInto(b.count, "30")
	test.Tap(b.saveBtn)
	if !strings.Contains(b.lastConflict, "…and 22 more") || strings.Contains(b.lastConflict, "Visit 9,") {
		t.Errorf("the 30 clashes are not summarised: %q", b.lastConflict)
	}
	top := sh.win.Canvas().Overlays().Top()
	if got := allText(top); !strings.Contains(got, "Outside your working hours") || strings.Contains(got, "This time clashes") {
		t.Errorf("an outside-hours warning is titled as a clash:\n%s", got)
	}
	win := sh.win.Canvas().Size()
	for _, label := range []string{"Book anyway", "Change time"} {
		btn := dialogButton(t, sh, label)
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(btn)
		if pos.Y < 0 || pos.Y+btn.Size().Height > win.Height || pos.X+btn.Size().Width > win.Width || btn.Size().Height == 0 {
			t.Errorf("%q at %v size %v is outside the %v window", label, pos, btn.Size(), win)
		}
	}
	answer(t, sh, "Book anyway")
	if n := len(visitsOf(t, sh, w.zoe.ID)); n != 30 {
		t.Errorf("%d visits booked, want 30", n)
	}
}

// A visit within the buffer of another names whose visit it is and the
// buffer kept; moving says "move anyway", like its button.
func TestClashMessageSaysWhoseTimeAndTheBuffer(t *testing.T) {
	w := newSchedWorld(t)
	sh := w.sh
	b := w.slotAt(t, w.tuesday, 10, 40) // Bea has 10:00–10:30
	pickClient(t, b, "zoe", "Zoë Tremblay")
	test.Tap(b.saveBtn)
	want := "too close to Bea Okafor's"
	if !strings.Contains(b.lastConflict, want) || !strings.Contains(b.lastConflict, "(you keep 15 minutes between visits)") {
		t.Errorf("the clash does not say whose time it is and the buffer: %q", b.lastConflict)
	}
	if got := allText(sh.win.Canvas().Overlays().Top()); !strings.Contains(got, "This time clashes") {
		t.Errorf("a clash is not titled as one:\n%s", got)
	}
	answer(t, sh, "Change time")
	b.close()

	sh.openAppointment(w.beaVisit.ID)
	d := sh.sched.appointment
	if _, err := sh.store.Book(context.Background(), data.Booking{ClientID: w.zoe.ID,
		ServiceID: firstService(t, sh).ID, Date: w.tuesday, Clock: data.Clock{Hour: 12}}); err != nil {
		t.Fatal(err)
	}
	d.clock.SetValue(clock{Hour: 12, Minute: 15})
	test.Tap(d.moveBtn)
	if !strings.Contains(d.lastConflict, "overlaps Zoë Tremblay's") || !strings.Contains(d.lastConflict, "move anyway") ||
		strings.Contains(d.lastConflict, "book anyway") {
		t.Errorf("the move question: %q", d.lastConflict)
	}
	answer(t, sh, "Move anyway")
}

// Ticking "Repeat this visit" scrolls its fields into view in a
// 1024×600 window.
func TestBookingRepeatTickScrollsTheFieldsIntoView(t *testing.T) {
	w := newSchedWorld(t)
	w.sh.win.Resize(fyne.NewSize(1024, 600))
	b := w.slotAt(t, w.tuesday, 14, 0)
	test.Tap(b.repeat)
	if !b.repeat.Checked {
		t.Fatal("not ticked")
	}
	for _, name := range []string{"EveryWeeks", "Count", "Until"} {
		fd := b.fields[name]
		pos, ok := offsetIn(b.scroll.Content, fd.obj)
		top, bottom := b.scroll.Offset.Y, b.scroll.Offset.Y+b.scroll.Size().Height
		if !ok || fd.obj.Size().Height == 0 || pos.Y < top || pos.Y+fd.obj.Size().Height > bottom+1 {
			t.Errorf("%s at %v (height %v) is outside the view %v–%v", name, pos.Y, fd.obj.Size().Height, top, bottom)
		}
	}
}

// Ctrl+B on the Calendar books at the highlighted slot; after booking,
// the calendar shows the new visit's week.
func TestCtrlBBooksAtTheHighlightedSlotAndTheCalendarFollows(t *testing.T) {
	w := newSchedWorld(t)
	sh := w.sh
	cal := sh.sched.calendar
	loc := cal.src.Loc
	later := data.DateOf(w.tuesday.Time(time.UTC).AddDate(0, 0, 21)) // three weeks on
	sh.win.Canvas().Focus(cal.week)
	cal.week.moveTo(w.tuesday.Time(loc), 15*60)
	pressShortcut(t, sh, shortcutBook)
	b := sh.sched.booking
	if b == nil {
		t.Fatal("Ctrl+B opened nothing")
	}
	if b.date.Text != w.tuesday.String() || b.clock.Text() != "15:00" {
		t.Errorf("Ctrl+B filled %q at %q, want the highlighted %s 15:00", b.date.Text, b.clock.Text(), w.tuesday)
	}
	pickClient(t, b, "zoe", "Zoë Tremblay")
	typeInto(b.date, later.String())
	test.Tap(b.saveBtn)
	if sh.sched.booking != nil {
		t.Fatalf("not booked: %s", allText(b.scroll.Content))
	}
	if got := data.DateOf(cal.date); got.Time(time.UTC).After(later.Time(time.UTC)) ||
		later.Time(time.UTC).Sub(got.Time(time.UTC)) >= 7*24*time.Hour {
		t.Errorf("the calendar shows the week of %s, not of the visit on %s", got, later)
	}
}
