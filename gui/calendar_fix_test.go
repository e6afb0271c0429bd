package gui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// The first time the Calendar is shown the week takes the keyboard: Right
// moves the highlight at once. The driver does not yet know which canvas
// an object never painted is on (the test driver guesses the newest
// window, so a second window stands in for that).
func TestCalendarTakesTheKeyboardOnFirstShow(t *testing.T) {
	sh := newTestShell(t, true)
	other := test.NewWindow(nil) // the driver's guess is now wrong
	defer other.Close()
	sh.showMain(sectionClients)
	sh.show(sectionCalendar)
	cal := sh.sched.calendar
	c := sh.win.Canvas()
	if c.Focused() != cal.week {
		t.Fatalf("focused %T, want the week view", c.Focused())
	}
	before := cal.week.Highlighted()
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if got := cal.week.Highlighted(); !got.Equal(before.AddDate(0, 0, 1)) {
		t.Errorf("Right moved the highlight from %v to %v", before, got)
	}
}

// A blocked time saved in Settings shows in the calendar at once, without
// changing week; deleting it takes it away again.
func TestBlockedTimeSavedShowsInTheCalendarAtOnce(t *testing.T) {
	sh := newTestShell(t, true)
	sh.showMain(sectionCalendar)
	cal := sh.sched.calendar
	if n := len(cal.week.grid.bands); n != 0 {
		t.Fatalf("%d bands before", n)
	}
	sh.show(sectionSettings)
	sh.settings.tabs.SelectIndex(1)
	p := sh.settings.schedule.blocked
	test.Tap(p.addBtn)
	d := p.dialog
	typeInto(d.label, "Lunch")
	typeInto(d.first, cal.week.Start().Format("2006-01-02"))
	d.kind.SetSelected(blockedWeekly)
	typeInto(d.start.input, "12:00")
	typeInto(d.end.input, "13:00")
	test.Tap(d.saveBtn)
	if n := len(cal.week.grid.bands); n != 1 {
		t.Fatalf("after saving, the calendar shows %d bands, want 1", n)
	}
	test.Tap(p.deletes[0])
	test.Tap(dialogButton(t, sh, "Delete"))
	if n := len(cal.week.grid.bands); n != 0 {
		t.Errorf("after deleting, the calendar shows %d bands, want 0", n)
	}
}

// The band's label shows below a visit that runs into the blocked time,
// and ends with "…" when the column is narrow.
func TestBlockedBandLabelShowsBelowAVisit(t *testing.T) {
	test.NewTempApp(t)
	w := newWeekView(calLoc, fixedNow)
	w.SetDate(at(0, 0, 0))
	w.SetHours(sampleHours())
	w.SetBlocks([]calendarBlock{{ID: 1, Start: at(0, 11, 0), End: at(0, 12, 30), Title: "Bea Okafor", Color: calMassage}})
	w.SetBlocked([]blockedBand{{Start: at(0, 12, 0), End: at(0, 13, 0), Label: "Lunch with the accountant"}})
	label := func(width float32) *canvas.Text {
		w.Resize(fyne.NewSize(width, 700))
		for _, o := range test.WidgetRenderer(w.grid).Objects() {
			if tx, ok := o.(*canvas.Text); ok && strings.HasPrefix(tx.Text, "Lunch") {
				return tx
			}
		}
		return nil
	}
	tx := label(1600)
	if tx == nil {
		t.Fatal("no label drawn for the band")
	}
	geo := w.grid.geometry(w.grid.Size())
	if tx.Position().Y < geo.y(12*60+30) {
		t.Errorf("label at y=%v, under the visit that ends at y=%v", tx.Position().Y, geo.y(12*60+30))
	}
	if tx = label(700); tx == nil || !strings.HasSuffix(tx.Text, "…") {
		t.Errorf("narrow: label %v, want it cut with …", tx)
	}
}

// The message after saving blocked time over booked visits opens with the
// label in plain quotes (the curly opening quote read as a closing one).
func TestBlockedSavedMessageQuotes(t *testing.T) {
	msg := bookedInBlock(data.BlockedTime{Label: "Lunch"}, []data.Appointment{{ClientName: "Bea"}}, time.UTC)
	if !strings.HasPrefix(msg, `"Lunch" is saved.`) {
		t.Errorf("message starts %q", msg[:20])
	}
}
