package gui

import (
	"fmt"
	"testing"
	"time"
)

func TestPlaceBlocksSharesWidthOnlyAmongOverlaps(t *testing.T) {
	days := []time.Time{calMonday}
	b := func(id int64, h1, m1, h2, m2 int) calendarBlock {
		return calendarBlock{ID: id, Start: at(0, h1, m1), End: at(0, h2, m2)}
	}
	placed := placeBlocks(days, []calendarBlock{
		b(1, 10, 0, 11, 0), b(2, 10, 30, 11, 30), b(3, 11, 0, 12, 0), // a chain: two lanes
		b(4, 13, 0, 14, 0), // alone: the full width
	})
	got := map[int64]string{}
	for _, p := range placed {
		got[p.ID] = fmt.Sprintf("lane %d of %d, %d–%d", p.lane, p.lanes, p.start, p.end)
	}
	want := map[int64]string{1: "lane 0 of 2, 600–660", 2: "lane 1 of 2, 630–690", 3: "lane 0 of 2, 660–720", 4: "lane 0 of 1, 780–840"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("placed %v\nwant   %v", got, want)
	}
}

func TestPlaceBlocksUsesTheWallClockAcrossDaylightSaving(t *testing.T) {
	// Toronto springs forward on Sunday 8 March 2026: the day has 23 hours,
	// and a 10:00 visit must still sit at the 10:00 row.
	sunday := time.Date(2026, 3, 8, 0, 0, 0, 0, calLoc)
	start := time.Date(2026, 3, 8, 10, 0, 0, 0, calLoc)
	placed := placeBlocks([]time.Time{sunday, addDays(sunday, 1)},
		[]calendarBlock{{ID: 1, Start: start, End: start.Add(time.Hour)}})
	if len(placed) != 1 || placed[0].day != 0 || placed[0].start != 600 || placed[0].end != 660 {
		t.Errorf("placed %+v, want day 0 from 600 to 660", placed)
	}
	if d := addDays(sunday, 1); d.Day() != 9 || d.Hour() != 0 {
		t.Errorf("the day after 8 March is %v", d)
	}
}

func TestGridRangeCoversHoursAndEveryBlock(t *testing.T) {
	days := []time.Time{calMonday, addDays(calMonday, 1)}
	from, to := gridRange(days, sampleHours(), nil)
	if from != 9*60 || to != 18*60 {
		t.Errorf("range %d–%d, want the working hours 540–1080", from, to)
	}
	early := calendarBlock{ID: 1, Start: at(1, 7, 15), End: at(1, 8, 0)}
	if from, _ := gridRange(days, sampleHours(), []calendarBlock{early}); from != 7*60 {
		t.Errorf("a 07:15 visit starts the grid at %d, want 420", from)
	}
	if from, to := gridRange(days, weekHours{}, nil); from != 9*60 || to != 17*60 {
		t.Errorf("with no hours the range is %d–%d, want 540–1020", from, to)
	}
}
