package gui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func newTestDay(t *testing.T, size fyne.Size) (*dayView, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(lightTheme{})
	v := newDayView(calLoc, fixedNow)
	v.SetHours(sampleHours())
	v.SetBlocks(sampleBlocks())
	w := test.NewTempWindow(t, v)
	w.Resize(size)
	return v, w
}

// gridTexts is every text the grid draws.
func gridTexts(g *timeGrid) []string {
	var out []string
	for _, o := range test.WidgetRenderer(g).Objects() {
		if t, ok := o.(*canvas.Text); ok {
			out = append(out, t.Text)
		}
	}
	return out
}

func TestDayViewShowsTimeRangesAndAFifteenMinuteVisitOnOneLine(t *testing.T) {
	v, _ := newTestDay(t, fyne.NewSize(800, 600))
	v.SetDate(calMonday)
	texts := strings.Join(gridTexts(v.grid), "|")
	for _, want := range []string{"09:00–10:00|Bea Okafor|Massage 60 min", "10:00–10:15|Bea Okafor-Lindqvist"} {
		if !strings.Contains(texts, want) {
			t.Errorf("the day shows %q, without %q", texts, want)
		}
	}
	if strings.Contains(texts, "Check-in 15 min") {
		t.Error("a 15-minute block squeezed in a second line")
	}
}

func TestWeekViewEllipsizesNamesInNarrowBlocks(t *testing.T) {
	v, _ := newTestWeek(t, fyne.NewSize(700, 600))
	texts := strings.Join(gridTexts(v.grid), "|")
	if strings.Contains(texts, "Bea Okafor-Lindqvist") || !strings.Contains(texts, "…") {
		t.Errorf("a long name in a narrow column is not shortened: %q", texts)
	}
}

func TestNowLineIsAtTheInjectedTimeInTodaysColumn(t *testing.T) {
	v, _ := newTestWeek(t, fyne.NewSize(1024, 600))
	geo := v.grid.geometry(v.grid.Size())
	var found bool
	for _, o := range test.WidgetRenderer(v.grid).Objects() {
		l, ok := o.(*canvas.Line)
		if !ok || l.StrokeWidth != 2 || l.StrokeColor != theme.Color(theme.ColorNameError) {
			continue
		}
		found = true
		if y := geo.y(10*60 + 40); abs(l.Position1.Y-y) > 1 || abs(l.Position1.X-geo.columnX(2)) > 1 {
			t.Errorf("the now-line is at %v, want Wednesday's column at y %v", l.Position1, y)
		}
	}
	if !found {
		t.Fatal("no now-line on today's week")
	}
	v.SetDate(addDays(calMonday, 7))
	for _, o := range test.WidgetRenderer(v.grid).Objects() {
		if l, ok := o.(*canvas.Line); ok && l.StrokeWidth == 2 {
			t.Error("a now-line is drawn on next week")
		}
	}
}

func TestDayViewArrowsStepOneDay(t *testing.T) {
	v, w := newTestDay(t, fyne.NewSize(800, 600))
	var moved int
	v.OnMove = func(time.Time) { moved++ }
	w.Canvas().Focus(v)
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if !v.Start().Equal(at(3, 0, 0)) || moved != 1 {
		t.Errorf("Right shows %v (moves %d), want Thursday", v.Start(), moved)
	}
}

func TestRenderDayView(t *testing.T) {
	for _, th := range []fyne.Theme{lightTheme{}, darkTheme{}} {
		v, w := newTestDay(t, fyne.NewSize(1024, 600))
		fyne.CurrentApp().Settings().SetTheme(th)
		v.SetDate(calMonday)
		w.Canvas().Focus(v)
		name := "day-light"
		if _, dark := th.(darkTheme); dark {
			name = "day-dark"
		}
		saveRender(t, name, w.Canvas())
	}
}
