package gui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// movedPrefix opens the reason the data layer records for a move, followed
// by the old wall-clock start as "2006-01-02T15:04".
const movedPrefix = "Moved from "

// historyReason is a history line's reason in plain words: a move names
// the old time as "moved from Tue 8 Dec, 10:00" (with the year when it is
// not the year of the change).
func historyReason(reason string, changed time.Time) string {
	rest, ok := strings.CutPrefix(reason, movedPrefix)
	if !ok {
		return reason
	}
	old, err := time.Parse("2006-01-02T15:04", rest)
	if err != nil {
		return "moved from " + rest
	}
	layout := "Mon 2 Jan, 15:04"
	if old.Year() != changed.Year() {
		layout = "Mon 2 Jan 2006, 15:04"
	}
	return "moved from " + old.Format(layout)
}

// cancelVisit asks before cancelling, keeping the visit by default
// (Enter, Escape); with no reason typed it says one may be given, and
// keeping the visit puts the cursor in the reason.
func (d *appointmentDialog) cancelVisit() {
	msg := "It stays in the history as cancelled, and the time can be booked again."
	noReason := strings.TrimSpace(d.reason.Text) == ""
	if noReason {
		msg = "No reason is given. You can keep the visit and type one first (optional).\n" + msg
	}
	keepFn := func() {}
	if noReason {
		keepFn = func() { d.sh.win.Canvas().Focus(d.reason) }
	}
	keep := choice{"Keep the visit", widget.HighImportance, keepFn}
	ask(d.sh.win, "Cancel this visit?", msg, keep, keep, choice{"Cancel the visit", widget.DangerImportance, d.cancelNow})
}

// moveDateProblem is the data layer's word on a Move date that cannot be
// read (err), with today's date as the example rather than a birthdate.
func (d *appointmentDialog) moveDateProblem(err error) string {
	msg := strings.TrimSuffix(err.Error(), ".")
	if i := strings.Index(msg, "e.g. "); i >= 0 {
		msg = msg[:i] + "e.g. " + data.DateOf(d.sh.store.Now().In(d.loc)).String()
	}
	return msg + "."
}

// dateEdited clears the Move date's message once the date is edited; the
// summary goes too when no other field has a problem.
func (d *appointmentDialog) dateEdited() {
	d.dateF.setError("")
	for _, fd := range d.order {
		if fd.err.Text != "" {
			return
		}
	}
	d.summary.Hide()
}
