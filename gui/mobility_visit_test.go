package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// Mobility belongs to a visit: today's by default, linked to it; an
// earlier visit can be chosen, showing and saving that day's values.
func TestMobilityForAChosenVisit(t *testing.T) {
	sh := newTestShell(t, true)
	ctx := context.Background()
	c, visits := outcomeClient(t, sh, 7, 0) // a week ago, and today
	f := sh.openMobility(c.ID)
	if f == nil || f.visit == nil {
		t.Fatal("no visit choice")
	}
	today, _ := sh.store.Today(ctx)
	if !strings.HasPrefix(f.visit.Selected, today.Format()) || f.apptID != visits[1].ID {
		t.Fatalf("default visit %q (appointment %d), want today's (%d)", f.visit.Selected, f.apptID, visits[1].ID)
	}
	f.picks["cervical_rotation_right"].SetChecked(true)
	typeInto(f.values["cervical_rotation_right"], "60")
	test.Tap(f.saveBtn)
	got, err := sh.store.MobilityOn(ctx, c.ID, today)
	if err != nil || got.Values["cervical_rotation_right"] != 60 || got.AppointmentID != visits[1].ID {
		t.Fatalf("today's reading %+v %v: want 60° linked to today's visit", got, err)
	}

	f = sh.openMobility(c.ID)
	f.visit.SetSelectedIndex(1) // the visit a week ago
	if f.apptID != visits[0].ID || f.values["cervical_rotation_right"].Text != "" {
		t.Fatalf("after choosing last week's visit: appointment %d, value %q", f.apptID, f.values["cervical_rotation_right"].Text)
	}
	typeInto(f.values["cervical_rotation_right"], "45")
	test.Tap(f.saveBtn)
	week := data.DateOf(visits[0].Start.In(mustLoc(t, sh)))
	if got, _ := sh.store.MobilityOn(ctx, c.ID, week); got.Values["cervical_rotation_right"] != 45 || got.AppointmentID != visits[0].ID {
		t.Errorf("last week's reading %+v", got)
	}
	if got, _ := sh.store.MobilityOn(ctx, c.ID, today); got.Values["cervical_rotation_right"] != 60 {
		t.Errorf("today's reading changed: %+v", got)
	}
}
