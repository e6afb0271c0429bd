package gui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// checkInAhead is how long before a visit's start its check-in is offered:
// the client checks in on arrival, before the visit is marked as begun.
const checkInAhead = 30 * time.Minute

// agendaRow is one visit on the Today screen: its time, the client and
// service, its status, the client's alerts in red and the quick actions.
// A cancelled visit is drawn faint and offers no status actions.
type agendaRow struct {
	visit    agendaVisit
	when     *widget.Label
	name     *widget.Label
	detail   *widget.Label // "60-min massage · Booked"
	alerts   *widget.RichText
	complete *focusButton
	noShow   *focusButton
	client   *focusButton
	email    *focusButton
	copyText *focusButton
	note     *focusButton  // hidden for a cancelled visit: there is nothing to note
	checkIn  *focusButton  // the quick check-in (checkin.go); shown from checkInAhead before the start
	hint     *widget.Label // why Completed and No-show are off, when they are
	obj      fyne.CanvasObject
}

// newAgendaRow builds the row of v; now is the practice clock's instant
// and loc the practice's zone, in which the times are shown.
func newAgendaRow(s *todayScreen, v agendaVisit, now time.Time, loc *time.Location) *agendaRow {
	r := &agendaRow{visit: v}
	a := v.appt
	start, end := a.Start.In(loc), a.End.In(loc)
	r.when = widget.NewLabelWithStyle(start.Format("15:04")+"–"+end.Format("15:04"), fyne.TextAlignLeading,
		fyne.TextStyle{Bold: true, Monospace: true})
	r.name = widget.NewLabelWithStyle(a.ClientName, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.name.Truncation = fyne.TextTruncateEllipsis
	r.detail = widget.NewLabel(a.ServiceName + " · " + a.Status.Label())
	r.detail.Truncation = fyne.TextTruncateEllipsis

	r.complete = newFocusButton("Completed", theme.ConfirmIcon(), func() { s.setStatus(r, data.StatusCompleted) })
	r.noShow = newFocusButton("No-show", nil, func() { s.setStatus(r, data.StatusNoShow) })
	r.client = newFocusButton("Client", theme.AccountIcon(), func() { s.sh.openClientPage(a.ClientID) })
	r.email = newFocusButton("E-mail", theme.MailComposeIcon(), func() { s.emailReminder(r) })
	r.copyText = newFocusButton("Copy text", theme.ContentCopyIcon(), func() { s.copyReminder(r) })
	for _, b := range []*focusButton{r.noShow, r.client, r.email, r.copyText} {
		b.Importance = widget.LowImportance
	}

	switch {
	case !a.Status.Occupies():
		r.when.Importance = widget.LowImportance
		r.name.Importance = widget.LowImportance
		r.detail.Importance = widget.LowImportance
		r.complete.Hide()
		r.noShow.Hide()
		r.email.Hide()
		r.copyText.Hide()
	case a.Status != data.StatusBooked:
		r.complete.Hide()
		r.noShow.Hide()
		r.email.Hide()
		r.copyText.Hide()
	case a.Start.After(now):
		r.complete.Disable() // the data layer only closes visits that have begun
		r.noShow.Disable()
		r.complete.Importance = widget.LowImportance // no raised face: it must not look pressable
		r.hint = widget.NewLabelWithStyle("You can mark it once it has started", fyne.TextAlignTrailing,
			fyne.TextStyle{Italic: true})
		r.hint.Importance = widget.LowImportance
		r.hint.SizeName = theme.SizeNameCaptionText
	}
	if a.Status == data.StatusBooked && !a.Start.After(now) {
		r.email.Hide() // too late to remind
		r.copyText.Hide()
	}
	if v.email == "" {
		r.email.Disable()
	}
	if a.Status == data.StatusBooked {
		r.detail.Importance = widget.MediumImportance
	} else if a.Status == data.StatusCompleted {
		r.detail.Importance = widget.SuccessImportance
	} else if a.Status == data.StatusNoShow {
		r.detail.Importance = widget.WarningImportance
	}

	// The name and what is booked share the first line, the actions the
	// second (right-aligned), and the alerts below that have the row's
	// whole width: at 1024×600 the actions would otherwise squeeze the
	// name to a few letters.
	gutter := func(o fyne.CanvasObject) fyne.CanvasObject {
		return container.NewStack(fixedWidth(r.when.MinSize().Width), o)
	}
	r.note = newFocusButton("Note", theme.DocumentCreateIcon(), func() { s.sh.writeNote(a.ID) })
	if a.Status == data.StatusCancelled || a.Status == data.StatusLateCancelled {
		r.note.Hide()
	}
	r.checkIn = newFocusButton("Check-in", nil, func() { s.sh.openCheckIn(a.ID, a.ClientName) })
	if !a.Status.Occupies() || a.Status == data.StatusNoShow || a.Start.After(now.Add(checkInAhead)) {
		r.checkIn.Hide()
	}
	checkout := s.sh.checkOutButton(a, s.reload)
	actions := container.NewHBox(r.complete, r.noShow, r.checkIn, checkout, r.note, r.client, r.email, r.copyText)
	var hint fyne.CanvasObject
	if r.hint != nil {
		hint = r.hint
	}
	r.detail.Truncation = fyne.TextTruncateOff // the name gives way first
	who := newNameLine(r.name, r.detail)
	body := []fyne.CanvasObject{
		container.NewBorder(nil, nil, r.when, hint, who),
		container.NewBorder(nil, nil, gutter(layout.NewSpacer()), actions),
	}
	if alerts := alertLine(v.alerts); alerts != "" {
		r.alerts = widget.NewRichText(&widget.TextSegment{Text: alerts, Style: widget.RichTextStyle{
			ColorName: theme.ColorNameError, TextStyle: fyne.TextStyle{Bold: true}}})
		r.alerts.Wrapping = fyne.TextWrapWord
		icon := widget.NewIcon(theme.NewColoredResource(theme.WarningIcon(), theme.ColorNameError))
		body = append(body, container.NewBorder(nil, nil, gutter(container.NewHBox(layout.NewSpacer(), icon)), nil, r.alerts))
	}
	r.obj = container.NewVBox(body...)
	// Tab to a button of a row below the fold brings the row into view.
	for _, b := range []*focusButton{r.complete, r.noShow, r.checkIn, checkout, r.note, r.client, r.email, r.copyText} {
		b.watchFocus(func() { s.keepInView(r.obj) })
	}
	return r
}

// alertLine puts a client's alerts on one line: "Latex allergy · Bruises easily".
func alertLine(alerts string) string {
	var parts []string
	for _, l := range strings.Split(alerts, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, " · ")
}
