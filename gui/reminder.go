package gui

import (
	"context"
	"errors"

	"github.com/stillpoint/stillpoint/data"
)

// Reminders never leave the computer through Stillpoint: "E-mail" opens a
// draft in the therapist's own mail program (a mailto: link) and "Copy
// text" puts a short message on the clipboard for their phone.

// emailReminder fills in the reminder wording for the row's visit and opens
// it as a draft addressed to the client.
func (s *todayScreen) emailReminder(r *agendaRow) {
	s.withReminder(r, func(rem data.Reminder) {
		if rem.To == "" {
			showInfo("No e-mail address",
				r.visit.appt.ClientName+" has no e-mail address on file. Use Copy text to send the reminder "+
					"as a text message, or add an address on the client's page.", s.sh.win)
			return
		}
		if err := s.openURL(rem.MailtoURL()); err != nil {
			showError(s.sh.win, errors.New("Your mail program could not be opened. Use Copy text instead, "+
				"or check which program your computer uses for e-mail."))
			return
		}
		s.say("A reminder e-mail to " + r.visit.appt.ClientName + " is open in your mail program.")
	})
}

// copyReminder puts the short reminder text on the clipboard.
func (s *todayScreen) copyReminder(r *agendaRow) {
	s.withReminder(r, func(rem data.Reminder) {
		s.sh.app.Clipboard().SetContent(rem.SMS)
		s.say("Reminder for " + r.visit.appt.ClientName + " copied: paste it into a text message.")
	})
}

// withReminder reads the visit's reminder off the UI goroutine and hands it
// to use on the UI goroutine.
func (s *todayScreen) withReminder(r *agendaRow, use func(data.Reminder)) {
	st, id := s.sh.store, r.visit.appt.ID
	s.sh.background(func(ctx context.Context) func() {
		rem, err := st.AppointmentReminder(ctx, id)
		return func() {
			if s.sh.store != st {
				return
			}
			if err != nil {
				showError(s.sh.win, err)
				return
			}
			use(rem)
		}
	})
}

// say shows a short confirmation under the day's heading.
func (s *todayScreen) say(msg string) {
	s.notice.SetText(msg)
	s.notice.Show()
}
