package gui

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// visitsShown is how many past visits the client page lists before "Show
// all".
const visitsShown = 5

// clientVisits is the client page's visits: upcoming ones soonest first,
// past ones most recent first, each a line that opens the visit. One query.
type clientVisits struct {
	sh       *shell
	clientID int64
	all      bool // show every past visit
	gen      int

	upcoming, past []data.Appointment
	loc            *time.Location
	box            *fyne.Container
	showAll        *widget.Button
	obj            fyne.CanvasObject
}

func newClientVisits(sh *shell, clientID int64) *clientVisits {
	v := &clientVisits{sh: sh, clientID: clientID, box: container.NewVBox()}
	v.showAll = widget.NewButton("Show all", func() { v.all = true; v.render() })
	v.showAll.Importance = widget.LowImportance
	v.obj = section("Visits", v.box)
	v.reload()
	return v
}

// reload reads the client's visits off the UI goroutine.
func (v *clientVisits) reload() {
	v.gen++
	gen, st, id := v.gen, v.sh.store, v.clientID
	v.sh.background(func(ctx context.Context) func() {
		as, err := st.ClientAppointments(ctx, id)
		var loc *time.Location
		if err == nil {
			loc, err = st.Location(ctx)
		}
		now := st.Now()
		return func() {
			if gen != v.gen || v.sh.store != st {
				return
			}
			if err != nil {
				v.box.Objects = []fyne.CanvasObject{widget.NewLabel("The visits could not be shown: " + data.UserMessage(err))}
				v.box.Refresh()
				return
			}
			v.loc = loc
			v.upcoming, v.past = splitVisits(as, now)
			v.render()
		}
	})
}

// splitVisits sorts visits (in start order) into upcoming, soonest first,
// and past, most recent first, by their start against now, whatever their
// status: a cancelled visit next week is still next week's.
func splitVisits(as []data.Appointment, now time.Time) (upcoming, past []data.Appointment) {
	for _, a := range as {
		if a.Start.After(now) {
			upcoming = append(upcoming, a)
		} else {
			past = append([]data.Appointment{a}, past...)
		}
	}
	return upcoming, past
}

// render lays out the lists.
func (v *clientVisits) render() {
	var objs []fyne.CanvasObject
	sub := func(text string) {
		l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		l.Importance = widget.LowImportance
		objs = append(objs, l)
	}
	if len(v.upcoming) == 0 && len(v.past) == 0 {
		sub("No visits yet. Book one with Book.")
	}
	if len(v.upcoming) > 0 {
		sub("Upcoming")
		for _, a := range v.upcoming {
			objs = append(objs, v.line(a))
		}
	}
	if len(v.past) > 0 {
		sub("Past")
		past := v.past
		if !v.all && len(past) > visitsShown {
			past = past[:visitsShown]
		}
		for _, a := range past {
			objs = append(objs, v.line(a))
		}
		if len(past) < len(v.past) {
			v.showAll.SetText(fmt.Sprintf("Show all %d past visits", len(v.past)))
			objs = append(objs, v.showAll)
		}
	}
	v.box.Objects = objs
	v.box.Refresh()
}

// line is one visit: when (start and end, so a visit of another length
// than its service's shows it), service, status; tapping opens it.
func (v *clientVisits) line(a data.Appointment) fyne.CanvasObject {
	text := a.Start.In(v.loc).Format("Mon 2 Jan 2006, 15:04") + "–" + a.End.In(v.loc).Format("15:04") +
		" · " + a.ServiceName + " · " + a.Status.Label()
	id := a.ID
	b := widget.NewButton(text, func() { v.sh.openAppointment(id) })
	b.Alignment = widget.ButtonAlignLeading
	b.Importance = widget.LowImportance
	if !a.Status.Occupies() || a.Status == data.StatusNoShow {
		b.Importance = widget.WarningImportance
	}
	// A completed visit without a receipt yet offers Check out on a line of
	// its own (beside the visit it would widen the page).
	if co := v.sh.checkOutButton(a, v.reload); co.Visible() && co.Text == "Check out" {
		return container.NewVBox(b, container.NewHBox(layout.NewSpacer(), co))
	}
	return b
}
