package gui

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/stillpoint/stillpoint/data"
)

// TestProgressScreenshot renders the client page's Progress section (eight
// visits, a care plan with goals on pain and neck rotation) for the README:
// STILLPOINT_README=docs/screenshots go test -run TestProgressScreenshot ./gui
func TestProgressScreenshot(t *testing.T) {
	dir := os.Getenv("STILLPOINT_README")
	if dir == "" {
		t.Skip("set STILLPOINT_README to a folder to write progress.png")
	}
	sh := newTestShell(t, true)
	sh.app.Settings().SetTheme(lightTheme{})
	c, visits := outcomeClient(t, sh, 56, 49, 42, 35, 28, 21, 14, 7)
	ctx := context.Background()
	m, _ := sh.store.Moment(ctx)
	ago := func(d int) data.Date { return data.DateOf(m.Now.In(m.Loc).AddDate(0, 0, -d)) }
	for i, v := range [][3]int{{7, 8, 3}, {7, 7, 4}, {6, 7, 4}, {5, 6, 5}, {5, 5, 6}, {4, 5, 6}, {3, 4, 7}, {3, 4, 7}} {
		ci, err := sh.store.CheckInForAppointment(ctx, visits[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		ci.Pain, ci.Stress, ci.Sleep = v[0], v[1], v[2]
		if err := sh.store.SaveCheckIn(ctx, &ci); err != nil {
			t.Fatal(err)
		}
	}
	for i, v := range []float64{48, 55, 62, 66} {
		mv := data.MobilityVisit{ClientID: c.ID, VisitDate: ago(56 - 14*i), Values: map[string]float64{"cervical_rotation_right": v}}
		if err := sh.store.SaveMobility(ctx, &mv); err != nil {
			t.Fatal(err)
		}
	}
	p := data.CarePlan{ClientID: c.ID, Condition: "Neck pain", StartDate: ago(42), PerWeek: 1, Weeks: 8,
		Reassessments: []data.Reassessment{{Due: ago(14)}, {Due: ago(-14)}},
		Goals: []data.Goal{{Description: "Pain 3 or lower", MeasureKey: data.MeasurePain, Target: 3},
			{Description: "Shoulder-check to the right", MeasureKey: "cervical_rotation_right", Target: 70}}}
	if err := sh.store.SaveCarePlan(ctx, &p); err != nil {
		t.Fatal(err)
	}
	size := fyne.NewSize(1024, 600)
	sh.win.Resize(size)
	sh.openClientPage(c.ID)
	sh.win.Resize(size.SubtractWidthHeight(1, 1))
	sh.win.Resize(size)
	for _, sc := range findScrolls(sh.clients.page.obj) {
		sc.ScrollToOffset(fyne.NewPos(0, offsetOf(t, sc.Content, sh.clients.page.obj)))
	}
	f, err := os.Create(filepath.Join(dir, "progress.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, sh.win.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}
