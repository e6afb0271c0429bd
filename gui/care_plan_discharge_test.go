package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// Marking a plan completed fills in today as its discharge date, asks for
// the summary under its field, and the client page then says when it
// ended.
func TestCompletedPlanNeedsDischarge(t *testing.T) {
	sh := newTestShell(t, true)
	c := planClient(t, sh)
	ctx := context.Background()
	today, _ := sh.store.Today(ctx)
	p := data.CarePlan{ClientID: c.ID, Condition: "Low-back pain", StartDate: planDays(today, -30)}
	if err := sh.store.SaveCarePlan(ctx, &p); err != nil {
		t.Fatal(err)
	}
	sh.openClientPage(c.ID)
	test.Tap(sh.clients.page.plans.opens[0])
	e := sh.planEd
	if e == nil {
		t.Fatal("no editor")
	}
	e.status.SetSelected("Completed")
	if e.dischargeDate.Text != today.String() {
		t.Errorf("discharge date %q after marking completed, want today %s", e.dischargeDate.Text, today)
	}
	test.Tap(e.saveBtn)
	if fd := e.fields["DischargeSummary"]; !fd.err.Visible() || !strings.Contains(fd.err.Text, "how the plan went") {
		t.Fatalf("no message under the summary: %q (%s)", fd.err.Text, e.summary.Text)
	}
	typeInto(e.dischargeSummary, "Goals met; home care continues.")
	test.Tap(e.saveBtn)
	if sh.planEd != nil {
		t.Fatalf("not saved: %s", e.summary.Text)
	}
	got := allText(sh.clients.page.plans.obj)
	if !strings.Contains(got, "Completed on "+today.Format()) || strings.Contains(got, "since") {
		t.Errorf("the page lists %q", got)
	}
	if !strings.Contains(got, "0 sessions") {
		t.Errorf("sessions missing from %q", got)
	}
}

// "1 session", not "1 sessions", in the plan list and the editor.
func TestPlanSessionsSingular(t *testing.T) {
	row := data.PlanRow{Status: data.PlanActive, StartDate: data.Date{Year: 2026, Month: 3, Day: 2}, SessionsDone: 1}
	if got := planLine(row); !strings.Contains(got, "1 session") || strings.Contains(got, "1 sessions") {
		t.Errorf("planLine %q", got)
	}
	if got := figuresText(data.PlanFigures{SessionsDone: 1}); !strings.HasPrefix(got, "1 session done") {
		t.Errorf("figuresText %q", got)
	}
}

// A date or number typed wrong is a plain message under its field, never
// "Something went wrong", with an example that fits the field.
func TestCarePlanTypingMistakesArePlainFieldMessages(t *testing.T) {
	sh := newTestShell(t, true)
	c := planClient(t, sh)
	sh.newCarePlan(c.ID, nil)
	e := sh.planEd
	typeInto(e.condition, "Neck stiffness")
	typeInto(e.minutes, "an hour")
	e.status.SetSelected("Completed")
	typeInto(e.dischargeDate, "2026-02-31")
	test.Tap(e.saveBtn)
	for field, want := range map[string]string{
		"SessionMinutes": "Minutes a session must be a whole number, like 60.",
		"DischargeDate":  `"2026-02-31" is not a real date`,
	} {
		got := e.fields[field].err.Text
		if !strings.Contains(got, want) || strings.Contains(got, "went wrong") {
			t.Errorf("%s: %q, want %q", field, got, want)
		}
	}
}

// Space on an add-row button puts the cursor in the new row's first field,
// so Tab goes on from there instead of jumping to the top.
func TestCarePlanAddRowFocusesTheNewRow(t *testing.T) {
	sh := newTestShell(t, true)
	c := planClient(t, sh)
	sh.newCarePlan(c.ID, nil)
	e := sh.planEd
	cv := sh.win.Canvas()
	cv.Focus(e.addGoalBtn)
	e.addGoalBtn.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if len(e.goals) != 1 || cv.Focused() != e.goals[0].desc {
		t.Errorf("after Add a goal the cursor is in %T", cv.Focused())
	}
	test.Tap(e.addHomeCareBtn)
	if cv.Focused() != e.homeCare[0].handout {
		t.Errorf("after Add home care the cursor is in %T", cv.Focused())
	}
}
