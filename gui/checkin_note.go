package gui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// checkInSection is the check-in at the top of the note editor for a note
// of an appointment: stress, sleep and the activities (the note's own Pain
// field below is the visit's pain), saved by its own button. A note
// written without an appointment has no check-in: nothing is shown.
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
	e.checkIn.onChange = func() { saved.SetText("") }
	return section("Check-in", container.NewVBox(e.checkIn.summary, e.checkIn.obj,
		container.NewHBox(layoutSpacer(), saved, e.checkIn.saveBtn)))
}
