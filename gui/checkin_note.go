package gui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// checkInSection is the check-in at the top of the note editor for a note
// of an appointment: stress, sleep and the activities (the note's own Pain
// field below is the visit's pain). While the note is a draft the check-in
// is part of the note: an edit starts the autosave, and autosave, Close,
// quitting and Sign save it with the note (checkInSave). Once the note is
// signed the check-in keeps its own Save button: stress, sleep and the
// activities can still be recorded. A note written without an appointment
// has no check-in: nothing is shown.
func (e *noteEditor) checkInSection() fyne.CanvasObject {
	if e.note.AppointmentID == 0 {
		return container.NewVBox()
	}
	c, err := e.st.CheckInForAppointment(context.Background(), e.note.AppointmentID)
	if err != nil {
		return widget.NewLabel("The check-in could not be shown: " + data.UserMessage(err))
	}
	e.checkIn = newCheckInForm(e.sh, c, true)
	saved := widget.NewLabel("")
	saved.Importance = widget.LowImportance
	e.checkIn.onSaved = func(data.CheckIn) { saved.SetText("Check-in saved") }
	e.checkIn.onChange = func() {
		saved.SetText("")
		e.ciRev++
		e.edited()
	}
	e.checkIn.saveFn = func() {
		if e.note.Signed() {
			e.checkIn.save()
			return
		}
		e.flushNow()
	}
	e.ciSaveRow = container.NewHBox(layoutSpacer(), saved, e.checkIn.saveBtn)
	if !e.note.Signed() {
		e.ciSaveRow.Hide()
	}
	return section("Check-in", container.NewVBox(e.checkIn.summary, e.checkIn.obj, e.ciSaveRow))
}

// checkInSave is the check-in's part of one save of the note.
type checkInSave struct {
	c   *data.CheckIn // what to store; nil when nothing is pending
	bad bool          // what is typed cannot be read: shown under its field, not saved
	rev int           // the check-in edit this is
	err error         // the store's answer
}

// pendingCheckIn reads the check-in when it has unsaved changes (on the UI
// goroutine): problems show under the check-in's fields.
func (e *noteEditor) pendingCheckIn() checkInSave {
	if e.checkIn == nil || !e.checkIn.dirty || e.note.Signed() {
		return checkInSave{}
	}
	c, ok := e.checkIn.read()
	if !ok {
		return checkInSave{bad: true, rev: e.ciRev}
	}
	return checkInSave{c: &c, rev: e.ciRev}
}

// writeCheckIn stores the pending check-in (off the UI goroutine is fine).
func (e *noteEditor) writeCheckIn(ctx context.Context, ci *checkInSave) {
	if ci.c != nil {
		ci.err = e.st.SaveCheckIn(ctx, ci.c)
	}
}

// checkInSaved shows the outcome of the check-in's part of a save and
// reports whether the check-in is saved (or had nothing to save); the
// message of a failure that is not a field's is returned.
func (e *noteEditor) checkInSaved(ci checkInSave) (ok bool, msg string) {
	var ve *data.ValidationError
	switch {
	case ci.bad:
		return false, ""
	case ci.c == nil:
		return true, ""
	case errors.As(ci.err, &ve):
		e.checkIn.report(nil, ci.err)
		return false, ""
	case ci.err != nil:
		return false, "check-in: " + data.UserMessage(ci.err)
	}
	e.checkIn.c = *ci.c
	e.checkIn.report(nil, nil)
	if ci.rev == e.ciRev {
		e.checkIn.dirty = false
	}
	return true, ""
}
