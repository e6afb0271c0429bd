package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// chartsIn finds the measure charts under o (containers and widgets).
func chartsIn(o fyne.CanvasObject) []*measureChart {
	var out []*measureChart
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *measureChart:
			out = append(out, w)
			return
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
			return
		}
		if wid, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(wid).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// The client page charts pain once (in Progress, not also in the notes),
// and marks the care plan on it: a line at the start and at the review
// already past (the one to come is beyond the chart), the target across at
// 4, with the lines named in words.
func TestProgressChartsMarkThePlan(t *testing.T) {
	sh := newTestShell(t, true)
	c, visits := outcomeClient(t, sh, 28, 21, 14, 7)
	ctx := context.Background()
	for i, pain := range []int{7, 6, 5, 3} {
		ci, err := sh.store.CheckInForAppointment(ctx, visits[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		ci.Pain = pain
		if err := sh.store.SaveCheckIn(ctx, &ci); err != nil {
			t.Fatal(err)
		}
	}
	m, _ := sh.store.Moment(ctx)
	ago := func(d int) data.Date { return data.DateOf(m.Now.In(m.Loc).AddDate(0, 0, -d)) }
	p := data.CarePlan{ClientID: c.ID, Condition: "Neck pain", StartDate: ago(21), PerWeek: 1, Weeks: 6,
		Reassessments: []data.Reassessment{{Due: ago(14)}, {Due: ago(-14)}},
		Goals:         []data.Goal{{Description: "Pain down to 4", MeasureKey: data.MeasurePain, Target: 4}}}
	if err := sh.store.SaveCarePlan(ctx, &p); err != nil {
		t.Fatal(err)
	}
	sh.openClientPage(c.ID)
	page := sh.clients.page.obj
	var pain []*measureChart
	for _, ch := range chartsIn(page) {
		if ch.measure.Key == data.MeasurePain {
			pain = append(pain, ch)
		}
	}
	if len(pain) != 1 {
		t.Fatalf("%d pain charts on the client page; want one", len(pain))
	}
	ch := pain[0]
	w := test.NewTempWindow(t, ch)
	w.Resize(fyne.NewSize(300, 140))
	r := test.WidgetRenderer(ch).(*measureChartRenderer)
	if len(r.marks) != 2 || !r.markStart[0] || r.markStart[1] {
		t.Fatalf("%d plan lines (start %v); want the start and the past review", len(r.marks), r.markStart)
	}
	// The start (21 days ago) sits over the second visit's dot, the review over the third's.
	for i, dot := range []int{1, 2} {
		x := r.dots[dot].Position().X + trendDot/2
		if got := r.marks[i].Position1.X; got < x-1 || got > x+1 {
			t.Errorf("plan line %d at x=%v, want over visit %d at %v", i, got, dot+1, x)
		}
	}
	if r.target == nil {
		t.Fatal("no target line")
	}
	if got, want := r.target.Position1.Y, r.valueY(4, ch.Size()); got != want || r.target.Position2.Y != want {
		t.Errorf("target line at y=%v, want %v (pain 4)", got, want)
	}
	text := allText(page)
	if want := "Lines: care plan from " + ago(21).Format() + ", reviews (grey), target 4 or lower (green)"; !strings.Contains(text, want) {
		t.Errorf("the page lacks %q:\n%s", want, text)
	}
	if !strings.Contains(text, "Pain down 4 points since") {
		t.Errorf("the change in words is gone:\n%s", text)
	}
}
