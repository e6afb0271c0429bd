package gui

import (
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The calendar tests' fixed world: Toronto, Wednesday 2 December 2026 at
// 10:40, in a week from Monday 30 November.
var (
	calLoc     = mustZone("America/Toronto")
	calNow     = time.Date(2026, 12, 2, 10, 40, 0, 0, calLoc)
	calMonday  = time.Date(2026, 11, 30, 0, 0, 0, 0, calLoc)
	calMassage = color.NRGBA{R: 0x3e, G: 0x7c, B: 0x74, A: 0xff}
	calAssess  = color.NRGBA{R: 0x8e, G: 0x5b, B: 0xa8, A: 0xff}
	calShort   = color.NRGBA{R: 0xd0, G: 0x7a, B: 0x2c, A: 0xff}
)

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

func fixedNow() time.Time { return calNow }

// at is hh:mm on the day d days after calMonday.
func at(d, hh, mm int) time.Time { return time.Date(2026, 11, 30+d, hh, mm, 0, 0, calLoc) }

// sampleBlocks is a realistic week: full and short visits, an overlap, a
// cancelled one, a client with an alert.
func sampleBlocks() []calendarBlock {
	return []calendarBlock{
		{ID: 1, Start: at(0, 9, 0), End: at(0, 10, 0), Title: "Bea Okafor", Subtitle: "Massage 60 min", Color: calMassage},
		{ID: 2, Start: at(0, 10, 0), End: at(0, 10, 15), Title: "Bea Okafor-Lindqvist", Subtitle: "Check-in 15 min", Color: calShort},
		{ID: 3, Start: at(1, 13, 0), End: at(1, 14, 30), Title: "Łukasz Nowak", Subtitle: "Massage 90 min", Color: calMassage, Alert: true},
		{ID: 4, Start: at(2, 10, 0), End: at(2, 11, 0), Title: "Zoë Tremblay", Subtitle: "Massage 60 min", Color: calMassage},
		{ID: 5, Start: at(2, 10, 30), End: at(2, 11, 30), Title: "Nguyễn Văn An", Subtitle: "Initial assessment", Color: calAssess},
		{ID: 6, Start: at(3, 15, 0), End: at(3, 16, 0), Title: "Sam Carter", Subtitle: "Massage 60 min · cancelled", Color: calMassage, Faint: true},
		{ID: 7, Start: at(4, 8, 30), End: at(4, 9, 0), Title: "Ana Ivanova", Subtitle: "Massage 30 min", Color: calShort, Alert: true},
		{ID: 8, Start: at(4, 16, 0), End: at(4, 17, 30), Title: "Priya Raman", Subtitle: "Massage 90 min", Color: calMassage},
	}
}

// sampleHours: Monday–Friday 9–18, Saturday 10–14, Sunday closed.
func sampleHours() weekHours {
	var h weekHours
	for d := time.Monday; d <= time.Friday; d++ {
		h[d] = dayHours{9, 18}
	}
	h[time.Saturday] = dayHours{10, 14}
	return h
}

// darkTheme is the calm theme in its dark variant.
type darkTheme struct{ calmTheme }

func (darkTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return calmTheme{}.Color(n, theme.VariantDark)
}

// saveRender writes img to $STILLPOINT_RENDER/name.png when that is set.
func saveRender(t *testing.T, name string, c fyne.Canvas) {
	t.Helper()
	dir := os.Getenv("STILLPOINT_RENDER")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, c.Capture()); err != nil {
		t.Fatal(err)
	}
}
