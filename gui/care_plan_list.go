package gui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// clientPlans is the client page's "Care plans" section: each plan's
// condition and status, sessions done against planned and the next
// reassessment, each opening the plan; and "Start a care plan".
type clientPlans struct {
	sh       *shell
	clientID int64
	box      *fyne.Container
	rows     []data.PlanRow
	opens    []*widget.Button // one per plan, in list order
	startBtn *widget.Button
	gen      int
	obj      fyne.CanvasObject
}

func newClientPlans(sh *shell, clientID int64) *clientPlans {
	c := &clientPlans{sh: sh, clientID: clientID, box: container.NewVBox()}
	c.startBtn = widget.NewButtonWithIcon("Start a care plan", theme.ContentAddIcon(), func() {
		sh.newCarePlan(clientID, func(data.CarePlan) { c.saved() })
	})
	c.obj = section("Care plans", c.box, container.NewHBox(c.startBtn))
	c.reload()
	return c
}

// saved refreshes the list and the client's history after a plan was saved.
func (c *clientPlans) saved() {
	c.reload()
	c.sh.clientRecordChanged(c.clientID)
}

// reload reads the client's plans off the UI goroutine.
func (c *clientPlans) reload() {
	c.gen++
	gen, st, id := c.gen, c.sh.store, c.clientID
	c.sh.background(func(ctx context.Context) func() {
		rows, err := st.ClientCarePlans(ctx, id)
		return func() {
			if gen != c.gen || c.sh.store != st {
				return
			}
			if err != nil {
				c.box.Objects = []fyne.CanvasObject{widget.NewLabel("The care plans could not be shown: " + data.UserMessage(err))}
				c.box.Refresh()
				return
			}
			c.rows = rows
			c.render()
		}
	})
}

func (c *clientPlans) render() {
	c.box.Objects, c.opens = nil, nil
	if len(c.rows) == 0 {
		none := widget.NewLabel("No care plan yet.")
		none.Importance = widget.LowImportance
		c.box.Add(none)
	}
	for _, r := range c.rows {
		id := r.ID
		open := widget.NewButton("Open", func() { c.open(id) })
		c.opens = append(c.opens, open)
		title := widget.NewLabelWithStyle(r.Condition, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Wrapping = fyne.TextWrapWord
		line := widget.NewLabel(planLine(r))
		line.Importance = widget.LowImportance
		line.Wrapping = fyne.TextWrapWord
		c.box.Add(container.NewBorder(nil, nil, nil, open, container.NewVBox(title, line)))
	}
	c.box.Refresh()
}

// planLine is a plan's status and figures: "Active since 1 Dec 2025 ·
// sessions 2 of 6 · next reassessment 8 Jan 2026", or for a plan that
// ended "Completed on 9 Mar 2026 · sessions 6 of 6".
func planLine(r data.PlanRow) string {
	when := r.Status.Label() + " since " + r.StartDate.Format()
	if r.Status != data.PlanActive && !r.DischargeDate.IsZero() {
		when = r.Status.Label() + " on " + r.DischargeDate.Format()
	}
	s := fmt.Sprintf("%s · sessions %d of %d", when, r.SessionsDone, r.SessionsPlanned)
	if r.SessionsPlanned == 0 {
		s = when + " · " + plural(r.SessionsDone, "session", "sessions")
	}
	if !r.NextReassessment.IsZero() && r.Status == data.PlanActive {
		s += " · next reassessment " + r.NextReassessment.Format()
	}
	return s
}

// open shows a plan in the editor.
func (c *clientPlans) open(id int64) {
	p, err := c.sh.store.CarePlan(context.Background(), id)
	if err != nil {
		showError(c.sh.win, err)
		return
	}
	c.sh.openCarePlan(p, func(data.CarePlan) { c.saved() })
}
