package gui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// carePlanEditor creates or edits a client's care plan in a dialog sized to
// the window: reason for care, goals with their progress, treatment, the
// body chart, reassessments, home care from the handout library, advice,
// referrals and the status with the discharge. The body scrolls; Save and
// Close stay at the bottom.
type carePlanEditor struct {
	*form
	plan     data.CarePlan // as loaded (IDs, client)
	handouts []data.Handout
	today    data.Date
	onSaved  func(data.CarePlan)
	outcomes *data.Outcomes // the client's readings, for goals on measures (read once)

	condition, start, techniques, areas, minutes *entry
	perWeek, everyWeeks, weeks, advice           *entry
	dischargeDate, dischargeSummary              *entry
	status                                       *widget.Select
	figures                                      *widget.Label
	chart                                        *bodyChart // the plan's body chart (care_plan_marks.go)
	goals                                        []*goalRow
	reassess                                     []*reassessRow
	homeCare                                     []*homeCareRow
	referrals                                    []*referralRow
	goalBox, reassessBox, homeCareBox            *fyne.Container
	referralBox                                  *fyne.Container
	static                                       []*field // the plan's own fields, in order
	closeBtn                                     *widget.Button
	addGoalBtn, addHomeCareBtn                   *widget.Button
	content                                      fyne.CanvasObject // the dialog\'s content
	pdf                                          *carePlanPDF      // a saved plan: Save as PDF… and Print…
	dlg                                          *dialog.CustomDialog
}

var planStatusLabels = []string{"Active", "Completed", "Discontinued"}

// openCarePlan opens plan p in the editor (ID 0: a new plan, perhaps
// filled in from a note); onSaved is told of each save.
func (sh *shell) openCarePlan(p data.CarePlan, onSaved func(data.CarePlan)) *carePlanEditor {
	e, err := newCarePlanEditor(sh, p)
	if err != nil {
		showError(sh.win, err)
		return nil
	}
	e.onSaved = onSaved
	title := "Care plan"
	if p.ID == 0 {
		title = "New care plan"
	}
	buttons := container.NewHBox(layoutSpacer(), e.closeBtn, e.saveBtn)
	if p.ID != 0 {
		e.pdf = newCarePlanPDF(sh, p)
		buttons.Objects = append([]fyne.CanvasObject{e.pdf.obj}, buttons.Objects...)
	}
	head := container.NewVBox(oneLine(heading(p.ClientName)), e.figures)
	e.content = container.NewBorder(nil, buttons, nil, nil, e.frame(head, e.body()))
	e.dlg = dialog.NewCustomWithoutButtons(title, e.content, sh.win)
	restore := e.escapeCancels(e.close)
	e.dlg.SetOnClosed(func() {
		restore()
		if sh.planEd == e {
			sh.planEd = nil
		}
	})
	sh.planEd = e
	size := sh.win.Canvas().Size()
	e.dlg.Resize(fyne.NewSize(min(900, size.Width-40), size.Height-40))
	e.dlg.Show()
	if p.ID == 0 {
		sh.win.Canvas().Focus(e.condition)
	}
	return e
}

// newCarePlan opens the editor on a new plan for a client, starting today.
func (sh *shell) newCarePlan(clientID int64, onSaved func(data.CarePlan)) {
	p, err := sh.planFor(clientID)
	if err != nil {
		showError(sh.win, err)
		return
	}
	sh.openCarePlan(p, onSaved)
}

// planFor is a new plan for the client, starting today.
func (sh *shell) planFor(clientID int64) (data.CarePlan, error) {
	ctx := context.Background()
	c, err := sh.store.Client(ctx, clientID)
	if err != nil {
		return data.CarePlan{}, err
	}
	today, err := sh.store.Today(ctx)
	if err != nil {
		return data.CarePlan{}, err
	}
	return data.CarePlan{ClientID: c.ID, ClientName: c.DisplayName(), StartDate: today, Status: data.PlanActive}, nil
}

func newCarePlanEditor(sh *shell, p data.CarePlan) (*carePlanEditor, error) {
	ctx := context.Background()
	e := &carePlanEditor{plan: p}
	e.form = newForm(sh, "this care plan", e.save)
	var err error
	if e.handouts, err = sh.store.Handouts(ctx, true); err != nil {
		return nil, err
	}
	if e.today, err = sh.store.Today(ctx); err != nil {
		return nil, err
	}
	e.figures = widget.NewLabel("")
	e.figures.Importance = widget.LowImportance
	e.figures.Wrapping = fyne.TextWrapWord
	e.figures.Hide() // a new plan has no figures: no empty line under the name
	if p.ID != 0 {
		f, err := sh.store.CarePlanFigures(ctx, &p)
		if err != nil {
			return nil, err
		}
		e.figures.SetText(figuresText(f))
		e.figures.Show()
	}
	e.validate = e.check
	e.closeBtn = widget.NewButton("Close", e.close)
	return e, nil
}

// figuresText sums a plan up: "Sessions 3 of 6 done · 2 booked · next
// reassessment 8 Jan 2026".
func figuresText(f data.PlanFigures) string {
	parts := []string{fmt.Sprintf("Sessions %d of %d done", f.SessionsDone, f.SessionsPlanned)}
	if f.SessionsPlanned == 0 {
		parts[0] = plural(f.SessionsDone, "session", "sessions") + " done"
	}
	if f.SessionsBooked > 0 {
		parts = append(parts, fmt.Sprintf("%d booked", f.SessionsBooked))
	}
	if !f.NextReassessment.IsZero() {
		parts = append(parts, "next reassessment "+f.NextReassessment.Format())
	}
	return strings.Join(parts, " · ")
}

// body builds the sections and puts the plan in them.
func (e *carePlanEditor) body() fyne.CanvasObject {
	p := e.plan
	e.condition = newEntry("e.g. Low-back pain after a fall", capShort)
	e.start = newEntry("YYYY-MM-DD", 20)
	e.techniques = newTextArea("One a line, e.g. Myofascial release", 2, capLong)
	e.areas = newTextArea("One a line, e.g. Low back", 2, capLong)
	e.minutes, e.perWeek, e.everyWeeks, e.weeks = newEntry("e.g. 60", 4), newEntry("e.g. 1", 3), newEntry("e.g. 2", 3), newEntry("e.g. 6", 4)
	e.advice = newTextArea("Heat or ice, posture, staying active…", 3, capLong)
	e.dischargeDate = newEntry("YYYY-MM-DD", 20)
	e.dischargeSummary = newTextArea("How it went, and why the plan ended", 3, capLong)
	e.status = widget.NewSelect(planStatusLabels, func(string) { e.statusChanged() })
	e.watch(e.condition, e.start, e.techniques, e.areas, e.minutes, e.perWeek, e.everyWeeks, e.weeks, e.advice,
		e.dischargeDate, e.dischargeSummary)
	fd := func(name, label string, in fyne.CanvasObject, hint string) *field {
		f := newField(name, label, in, hint)
		e.static = append(e.static, f)
		return f
	}
	e.goalBox, e.reassessBox = container.NewVBox(), container.NewVBox()
	e.homeCareBox, e.referralBox = container.NewVBox(), container.NewVBox()
	addGoal := widget.NewButtonWithIcon("Add a goal", theme.ContentAddIcon(), func() {
		e.addGoal(data.Goal{Direction: data.LowerIsBetter})
		e.changed()
		e.focusNew(e.goals[len(e.goals)-1].desc)
	})
	addReassess := widget.NewButtonWithIcon("Add a reassessment", theme.ContentAddIcon(), func() {
		addItem(e, &e.reassess, e.newReassessRow(data.Reassessment{}), e.reassessBox)
		e.focusNew(e.reassess[len(e.reassess)-1].due)
	})
	e.addGoalBtn = addGoal
	addHomeCare := widget.NewButtonWithIcon("Add home care", theme.ContentAddIcon(), func() {
		addItem(e, &e.homeCare, e.newHomeCareRow(data.HomeCareItem{}), e.homeCareBox)
		e.focusNew(e.homeCare[len(e.homeCare)-1].handout)
	})
	e.addHomeCareBtn = addHomeCare
	addReferral := widget.NewButtonWithIcon("Add a referral", theme.ContentAddIcon(), func() {
		addItem(e, &e.referrals, e.newReferralRow(data.Referral{}), e.referralBox)
		e.focusNew(e.referrals[len(e.referrals)-1].to)
	})
	obj := container.NewVBox(
		section("Reason for care",
			e.row(fd("Condition", "Condition or reason", e.condition, ""), fd("StartDate", "Starts on", e.start, ""))),
		section("Goals", e.goalBox, container.NewHBox(addGoal)),
		section("Treatment",
			e.row(fd("Techniques", "Techniques", e.techniques, ""), fd("Areas", "Areas", e.areas, "")),
			e.row(fd("SessionMinutes", "Minutes a session", e.minutes, ""), fd("PerWeek", "Sessions a week", e.perWeek, ""),
				fd("EveryWeeks", "Or every … weeks", e.everyWeeks, ""), fd("Weeks", "For … weeks", e.weeks, ""))),
		e.chartSection(),
		section("Reassessments", e.reassessBox, container.NewHBox(addReassess)),
		section("Home care", e.homeCareBox, container.NewHBox(addHomeCare), e.add(fd("Advice", "Advice", e.advice, ""))),
		section("Referrals", e.referralBox, container.NewHBox(addReferral)),
		section("Status and discharge",
			e.row(fd("Status", "Status", e.status, ""), fd("DischargeDate", "Discharged on", e.dischargeDate, "")),
			e.add(fd("DischargeSummary", "Discharge summary", e.dischargeSummary, ""))),
	)
	e.load(func() { e.put(p) })
	if p.ID == 0 && (p.Condition != "" || len(p.Goals) > 0) {
		e.dirty = true // filled in from a note: not saved yet
	}
	return obj
}

// put shows p in the widgets.
func (e *carePlanEditor) put(p data.CarePlan) {
	e.condition.SetText(p.Condition)
	e.start.SetText(p.StartDate.String())
	e.techniques.SetText(p.Techniques)
	e.areas.SetText(p.Areas)
	e.minutes.SetText(optInt(p.SessionMinutes))
	e.perWeek.SetText(optInt(p.PerWeek))
	e.everyWeeks.SetText(optInt(p.EveryWeeks))
	e.weeks.SetText(optInt(p.Weeks))
	e.advice.SetText(p.Advice)
	e.dischargeDate.SetText(p.DischargeDate.String())
	e.dischargeSummary.SetText(p.DischargeSummary)
	e.status.SetSelected(p.Status.Label())
	e.chart.SetMarks(bodyChartMarks(p.Marks))
	for _, g := range p.Goals {
		e.addGoal(g)
	}
	for _, r := range p.Reassessments {
		addItem(e, &e.reassess, e.newReassessRow(r), e.reassessBox)
	}
	for _, h := range p.HomeCare {
		addItem(e, &e.homeCare, e.newHomeCareRow(h), e.homeCareBox)
	}
	for _, r := range p.Referrals {
		addItem(e, &e.referrals, e.newReferralRow(r), e.referralBox)
	}
	e.relink()
}

func (e *carePlanEditor) addGoal(g data.Goal) {
	r := e.newGoalRow(g)
	e.goals = append(e.goals, r)
	e.goalBox.Add(r.obj)
	e.relink()
}

func (e *carePlanEditor) removeGoal(r *goalRow) {
	for i, x := range e.goals {
		if x == r {
			e.goals = append(e.goals[:i], e.goals[i+1:]...)
		}
	}
	e.goalBox.Remove(r.obj)
	e.relink()
	e.changed()
}

// listItem is a reassessment, home-care item or referral row.
type listItem interface {
	comparable
	base() *planRow
}

func (r *planRow) base() *planRow { return r }

// addItem puts a row on its list and its box.
func addItem[R listItem](e *carePlanEditor, list *[]R, r R, box *fyne.Container) {
	*list = append(*list, r)
	box.Add(r.base().obj)
	e.relink()
	if !e.loading {
		e.changed()
	}
}

// removeItem takes a row off its list and its box.
func removeItem[R listItem](e *carePlanEditor, list *[]R, r R, box *fyne.Container) {
	for i, x := range *list {
		if x == r {
			*list = append((*list)[:i], (*list)[i+1:]...)
			break
		}
	}
	box.Remove(r.base().obj)
	e.relink()
	e.changed()
}

// relink names every field after its place ("Goals[1].Target",
// "HomeCare[0].Sets"), so the data layer's problems land under the right
// input after items were added or removed, and lists the fields in the
// order shown.
func (e *carePlanEditor) relink() {
	e.fields, e.order = map[string]*field{}, nil
	put := func(fd *field, name string) {
		fd.name = name
		e.fields[name] = fd
		e.order = append(e.order, fd)
	}
	item := func(prefix string, r *planRow) {
		for _, n := range r.names {
			put(r.fields[n], prefix+n)
		}
	}
	byName := map[string]*field{}
	for _, f := range e.static {
		byName[f.name] = f
	}
	for _, n := range []string{"Condition", "StartDate"} {
		put(byName[n], n)
	}
	for i, g := range e.goals {
		item(fmt.Sprintf("Goals[%d].", i), g.planRow)
		for j, p := range g.progress {
			item(fmt.Sprintf("Goals[%d].Progress[%d].", i, j), p.planRow)
		}
	}
	for _, n := range []string{"Techniques", "Areas", "SessionMinutes", "PerWeek", "EveryWeeks", "Weeks", "Marks"} {
		put(byName[n], n)
	}
	for i, r := range e.reassess {
		item(fmt.Sprintf("Reassessments[%d].", i), r.planRow)
	}
	for i, r := range e.homeCare {
		item(fmt.Sprintf("HomeCare[%d].", i), r.planRow)
	}
	put(byName["Advice"], "Advice")
	for i, r := range e.referrals {
		item(fmt.Sprintf("Referrals[%d].", i), r.planRow)
	}
	for _, n := range []string{"Status", "DischargeDate", "DischargeSummary"} {
		put(byName[n], n)
	}
}
