package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// scheduleSettings is the Schedule tab of Settings: the services offered,
// the working hours with the buffer between visits, and blocked time.
type scheduleSettings struct {
	services  *servicesPanel
	hours     *hoursForm
	blocked   *blockedPanel
	reminders *reminderSection
	obj       fyne.CanvasObject
}

func newScheduleSettings(sh *shell) *scheduleSettings {
	s := &scheduleSettings{services: newServicesPanel(sh), hours: newHoursForm(sh), blocked: newBlockedPanel(sh),
		reminders: newReminderSection(sh)}
	intro := widget.NewLabel("Times are wall-clock times in the practice's time zone (set on the Practice tab).")
	intro.Importance = widget.LowImportance
	intro.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(container.NewPadded(container.NewVBox(
		section("Services", s.services.obj),
		section("Working hours", intro, s.hours.obj),
		section("Blocked time", s.blocked.obj),
		s.reminders.obj,
	)))
	s.hours.scroll = scroll // a failed save scrolls to its first problem
	s.reminders.scroll = scroll
	s.obj = scroll
	return s
}
