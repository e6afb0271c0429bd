package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// A check-in typed in the note editor is saved by Close, like any field
// of the note, well within the autosave's delay.
func TestNoteCheckInSavedByClose(t *testing.T) {
	sh := newTestShell(t, true)
	_, visits := outcomeClient(t, sh, 2)
	sh.writeNote(visits[0].ID)
	e := sh.noteEd
	typeInto(e.checkIn.stress, "6")
	test.Tap(e.closeBtn)
	if sh.noteEd != nil {
		t.Fatalf("Close asked or stayed open:\n%s", allText(sh.win.Canvas().Overlays().Top()))
	}
	got, _ := sh.store.CheckInForAppointment(context.Background(), visits[0].ID)
	if got.ID == 0 || got.Stress != 6 {
		t.Errorf("closing lost the check-in: %+v", got)
	}
}

// A check-in that cannot be saved keeps the note unsaved: Close asks, as
// for any field of the note.
func TestNoteCheckInNotSavedCloseAsks(t *testing.T) {
	sh := newTestShell(t, true)
	_, visits := outcomeClient(t, sh, 2)
	sh.writeNote(visits[0].ID)
	e := sh.noteEd
	typeInto(e.checkIn.stress, "12")
	test.Tap(e.closeBtn)
	if !hasDialog(sh) || !strings.Contains(allText(sh.win.Canvas().Overlays().Top()), "could not be saved") {
		t.Fatalf("Close left an unsaved check-in without asking:\n%s", allText(sh.win.Canvas().Overlays().Top()))
	}
	if got := e.checkIn.fields["Stress"].err.Text; !strings.Contains(got, "between 0 and 10") {
		t.Errorf("stress message %q", got)
	}
	answer(t, sh, "Keep editing")
	typeInto(e.checkIn.stress, "7")
	test.Tap(e.closeBtn)
	if sh.noteEd != nil {
		t.Fatal("the fixed check-in still kept the note open")
	}
	if got, _ := sh.store.CheckInForAppointment(context.Background(), visits[0].ID); got.Stress != 7 {
		t.Errorf("stress %d after the fix", got.Stress)
	}
}

// Signing stores the check-in typed with the note, a new activity too.
func TestNoteCheckInSavedBySign(t *testing.T) {
	sh := newTestShell(t, true)
	_, visits := outcomeClient(t, sh, 2)
	sh.writeNote(visits[0].ID)
	e := sh.noteEd
	typeInto(e.w.complaint, "Stiff neck")
	typeInto(e.checkIn.sleep, "4")
	typeInto(e.checkIn.psfs[0].name, "Reversing the car")
	typeInto(e.checkIn.psfs[0].score, "5")
	test.Tap(e.signBtn)
	answer(t, sh, "Sign note")
	if !e.note.Signed() {
		t.Fatalf("not signed:\n%s", allText(sh.win.Canvas().Overlays().Top()))
	}
	got, _ := sh.store.CheckInForAppointment(context.Background(), visits[0].ID)
	if got.Sleep != 4 || len(got.PSFS) != 1 || got.PSFS[0].Activity != "Reversing the car" || got.PSFS[0].Score != 5 {
		t.Errorf("signing lost the check-in: %+v", got)
	}
	if !e.ciSaveRow.Visible() {
		t.Error("a signed note's check-in has no Save button")
	}
	// After signing, the check-in is still recorded by its own button.
	typeInto(e.checkIn.stress, "3")
	test.Tap(e.checkIn.saveBtn)
	if got, _ := sh.store.CheckInForAppointment(context.Background(), visits[0].ID); got.Stress != 3 {
		t.Errorf("stress %d after saving on a signed note", got.Stress)
	}
}

// The check-in of a visit whose note is signed shows the note's pain,
// read-only, and saves stress, sleep and the activities.
func TestCheckInOfASignedNote(t *testing.T) {
	sh := newTestShell(t, true)
	ctx := context.Background()
	c, visits := outcomeClient(t, sh, 1)
	n, err := sh.store.NoteForAppointment(ctx, visits[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	n.Complaint, n.Pain = "Low back", 4
	if err := sh.store.SaveDraft(ctx, &n); err != nil {
		t.Fatal(err)
	}
	if _, err := sh.store.SignNote(ctx, n.ID); err != nil {
		t.Fatal(err)
	}
	f := sh.openCheckIn(visits[0].ID, c.DisplayName())
	if !f.pain.Disabled() || f.pain.Text != "4" {
		t.Errorf("pain of a signed note: %q, disabled %v; want 4, read-only", f.pain.Text, f.pain.Disabled())
	}
	if sh.win.Canvas().Focused() != f.stress {
		t.Error("the cursor is not in Stress")
	}
	typeInto(f.stress, "6")
	typeInto(f.sleep, "7")
	typeInto(f.psfs[0].name, "Reversing the car")
	typeInto(f.psfs[0].score, "5")
	test.Tap(f.saveBtn)
	if hasDialog(sh) && strings.Contains(allText(sh.win.Canvas().Overlays().Top()), "signed") {
		t.Fatalf("refused:\n%s", allText(sh.win.Canvas().Overlays().Top()))
	}
	got, _ := sh.store.CheckInForAppointment(ctx, visits[0].ID)
	if got.ID == 0 || got.Stress != 6 || got.Sleep != 7 || got.Pain != 4 || len(got.PSFS) != 1 {
		t.Errorf("stored %+v", got)
	}
}

// A booked visit of today offers its check-in from half an hour before
// its start (the client checks in on arrival); a later one does not yet.
func TestTodayOffersCheckInOnArrival(t *testing.T) {
	f := newTodayFixture(t)
	ctx := context.Background()
	book := func(hour, minute int) int64 {
		as, err := f.sh.store.Book(ctx, data.Booking{ClientID: f.beaClient, ServiceID: 2,
			Date: data.Date{Year: 2026, Month: 3, Day: 3}, Clock: data.Clock{Hour: hour, Minute: minute}, Override: true})
		if err != nil {
			t.Fatal(err)
		}
		return as[0].ID
	}
	soon, later := book(10, 45), book(11, 30) // the clock reads 10:30 in Toronto
	f.sh.today.reload()
	if r := f.row(t, soon); !r.checkIn.Visible() || !r.complete.Disabled() {
		t.Errorf("a visit starting in 15 minutes: check-in shown %v (want shown, Completed still off)", r.checkIn.Visible())
	}
	if f.row(t, later).checkIn.Visible() {
		t.Error("check-in offered an hour before the visit")
	}
	test.Tap(f.row(t, soon).checkIn)
	if !hasDialog(f.sh) {
		t.Fatal("the check-in did not open")
	}
	pain, ok := f.sh.win.Canvas().Focused().(*entry)
	if !ok {
		t.Fatal("no cursor in the check-in")
	}
	test.Type(pain, "5")
	pain.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if c, err := f.sh.store.CheckInForAppointment(ctx, soon); err != nil || c.ID == 0 || c.Pain != 5 {
		t.Errorf("a check-in on arrival was not stored: %+v %v", c, err)
	}
}

// A new note of a visit opens at the top, the cursor in the check-in; a
// note being resumed opens where its writing stopped.
func TestNewNoteOpensAtTheCheckIn(t *testing.T) {
	sh := newTestShell(t, true)
	_, visits := outcomeClient(t, sh, 2)
	sh.writeNote(visits[0].ID)
	e := sh.noteEd
	if got := sh.win.Canvas().Focused(); got != e.checkIn.stress {
		t.Errorf("the cursor is in %T, not the check-in's Stress", got)
	}
	if e.scroll.Offset.Y != 0 {
		t.Errorf("the note opened scrolled %v down, past the check-in", e.scroll.Offset.Y)
	}
	typeInto(e.w.complaint, "Sore calves")
	test.Tap(e.closeBtn)
	sh.writeNote(visits[0].ID)
	if e = sh.noteEd; sh.win.Canvas().Focused() != e.w.changes {
		t.Errorf("a resumed note put the cursor in %T, not the first empty field", sh.win.Canvas().Focused())
	}
}

// Escape in the note editor's check-in does what it does in the note's
// own fields: it closes the note, asking when the check-in could not be
// saved (it did nothing there).
func TestNoteCheckInEscapeCloses(t *testing.T) {
	sh := newTestShell(t, true)
	_, visits := outcomeClient(t, sh, 1)
	sh.writeNote(visits[0].ID)
	e := sh.noteEd
	typeInto(e.checkIn.stress, "12")
	e.autosave()
	e.checkIn.stress.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !strings.Contains(allText(sh.win.Canvas().Overlays().Top()), "could not be saved") {
		t.Fatalf("Escape in the check-in did not offer to leave:\n%s", allText(sh.win.Canvas().Overlays().Top()))
	}
	answer(t, sh, "Keep editing")
	typeInto(e.checkIn.stress, "2")
	e.checkIn.sleep.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if sh.noteEd != nil {
		t.Error("Escape in the check-in left the note open")
	}
}
