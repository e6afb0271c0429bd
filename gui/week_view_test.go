package gui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func newTestWeek(t *testing.T, size fyne.Size) (*weekView, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(lightTheme{})
	v := newWeekView(calLoc, fixedNow)
	v.SetHours(sampleHours())
	v.SetBlocks(sampleBlocks())
	w := test.NewTempWindow(t, v)
	w.Resize(size)
	return v, w
}

func TestRenderWeekView(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1024, Height: 600}, {Width: 1280, Height: 800}} {
		for name, th := range map[string]fyne.Theme{"light": lightTheme{}, "dark": darkTheme{}} {
			v, w := newTestWeek(t, size)
			fyne.CurrentApp().Settings().SetTheme(th)
			w.Canvas().Focus(v)
			v.Refresh()
			saveRender(t, fmt.Sprintf("week-%s-%.0f", name, size.Width), w.Canvas())
		}
	}
}

// slotCentre is the middle of the quarter hour at hh:mm on column day, in
// the grid's coordinates.
func slotCentre(v *calendarView, day, hh, mm int) fyne.Position {
	geo := v.grid.geometry(v.grid.Size())
	return fyne.NewPos(geo.columnX(day)+geo.columnWidth()/2, geo.y(hh*60+mm)+geo.slotHeight()/2)
}

func TestWeekViewTapOnAnEmptySlotOffersItsQuarterHour(t *testing.T) {
	v, _ := newTestWeek(t, fyne.NewSize(1024, 600))
	var got []time.Time
	v.OnSlot = func(t time.Time) { got = append(got, t) }
	v.OnBlock = func(id int64) { t.Errorf("tapping a free slot opened block %d", id) }
	test.TapAt(v.grid, slotCentre(&v.calendarView, 3, 14, 30)) // Thursday 14:30
	geo := v.grid.geometry(v.grid.Size())
	// Near the bottom edge of the 11:00 slot still means 11:00.
	test.TapAt(v.grid, fyne.NewPos(geo.columnX(1)+5, geo.y(11*60+15)-1))
	want := []time.Time{at(3, 14, 30), at(1, 11, 0)}
	if len(got) != 2 || !got[0].Equal(want[0]) || !got[1].Equal(want[1]) {
		t.Fatalf("OnSlot got %v, want %v", got, want)
	}
	if got[0].Location() != calLoc {
		t.Errorf("slot time in %v, want the practice's zone", got[0].Location())
	}
}

func TestWeekViewTapOnABlockOpensIt(t *testing.T) {
	v, _ := newTestWeek(t, fyne.NewSize(1024, 600))
	var got []int64
	v.OnBlock = func(id int64) { got = append(got, id) }
	v.OnSlot = func(t time.Time) { got = append(got, -1) }
	test.TapAt(v.grid, slotCentre(&v.calendarView, 1, 13, 45)) // inside Łukasz's 13:00–14:30
	test.TapAt(v.grid, slotCentre(&v.calendarView, 0, 10, 0))  // the 15-minute visit
	if fmt.Sprint(got) != "[3 2]" {
		t.Errorf("taps opened %v, want [3 2]", got)
	}
}

func TestWeekViewPlacesBlocksAtTheirTimesAndOverlapsSideBySide(t *testing.T) {
	v, _ := newTestWeek(t, fyne.NewSize(1024, 600))
	geo := v.grid.geometry(v.grid.Size())
	rects := map[int64][4]float32{}
	for _, p := range v.grid.placed {
		x, y, w, h := blockRect(geo, p)
		rects[p.ID] = [4]float32{x, y, w, h}
	}
	// Zoë's 10:00 block starts at the 10:00 row of Wednesday.
	if r := rects[4]; abs(r[1]-geo.y(10*60)) > 1.5 || r[0] < geo.columnX(2) || r[0] > geo.columnX(2)+2 {
		t.Errorf("the 10:00 block is at %v; the 10:00 row of Wednesday is at x %v y %v", r, geo.columnX(2), geo.y(600))
	}
	// One hour tall.
	if r := rects[4]; abs(r[3]-4*geo.slotHeight()) > 3 {
		t.Errorf("a one-hour block is %v tall, want about %v", r[3], 4*geo.slotHeight())
	}
	// Nguyễn's 10:30 overlaps it: side by side, each about half the column.
	z, n := rects[4], rects[5]
	if n[0] < z[0]+z[2] || n[2] > geo.columnWidth()/2 || z[2] > geo.columnWidth()/2 {
		t.Errorf("overlapping blocks are not side by side: %v and %v (column %v wide)", z, n, geo.columnWidth())
	}
	// A 15-minute block is still a legible line high.
	if r := rects[2]; r[3] < blockTextSize()+2 {
		t.Errorf("a 15-minute block is %v high, less than a line of text", r[3])
	}
}

func TestWeekViewKeysMoveTheHighlightAndBook(t *testing.T) {
	v, w := newTestWeek(t, fyne.NewSize(1024, 600))
	var booked []time.Time
	var moved []time.Time
	var opened []int64
	v.OnSlot = func(t time.Time) { booked = append(booked, t) }
	v.OnMove = func(d time.Time) { moved = append(moved, d) }
	v.OnBlock = func(id int64) { opened = append(opened, id) }
	w.Canvas().Focus(v)
	key := func(names ...fyne.KeyName) {
		for _, n := range names {
			w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: n})
		}
	}
	test.TapAt(v.grid, slotCentre(&v.calendarView, 3, 9, 0)) // Thursday 09:00
	booked = nil
	key(fyne.KeyDown, fyne.KeyDown, fyne.KeyRight, fyne.KeyUp)
	if got := v.Highlighted(); !got.Equal(at(4, 9, 15)) {
		t.Fatalf("after Down Down Right Up the highlight is %v, want Friday 09:15", got)
	}
	key(fyne.KeyReturn)
	if len(booked) != 1 || !booked[0].Equal(at(4, 9, 15)) {
		t.Errorf("Enter booked %v", booked)
	}
	key(fyne.KeyUp, fyne.KeyUp, fyne.KeyReturn) // 08:45 is inside Ana's 08:30 visit
	if fmt.Sprint(opened) != "[7]" {
		t.Errorf("Enter on a visit opened %v, want [7]", opened)
	}
	key(fyne.KeyPageDown)
	if !v.Start().Equal(addDays(calMonday, 7)) || len(moved) != 1 {
		t.Errorf("PageDown shows the week of %v (moves told %v)", v.Start(), moved)
	}
	key(fyne.KeyRight, fyne.KeyRight, fyne.KeyRight) // Friday → Monday of the week after
	if !v.Start().Equal(addDays(calMonday, 14)) || !sameDate(v.Highlighted(), addDays(calMonday, 14)) {
		t.Errorf("Right past Sunday shows the week of %v, highlight %v", v.Start(), v.Highlighted())
	}
	w.Canvas().Focused().TypedRune('t')
	if !v.Start().Equal(calMonday) || !v.Highlighted().Equal(at(2, 10, 30)) {
		t.Errorf("T shows the week of %v with %v highlighted, want this week and today 10:30", v.Start(), v.Highlighted())
	}
	key(fyne.KeyPageUp)
	if !v.Start().Equal(addDays(calMonday, -7)) {
		t.Errorf("PageUp shows the week of %v", v.Start())
	}
}

func abs(f float32) float32 {
	if f < 0 {
		return -f
	}
	return f
}
