package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Saving the Mobility form builds the client page again (its measures
// changed); the page stays where the therapist had scrolled it, although
// its sections fill in off the UI goroutine after it shows.
func TestMobilitySaveKeepsThePageScrolled(t *testing.T) {
	sh := newTestShell(t, true)
	size := fyne.NewSize(1024, 600)
	sh.win.Resize(size)
	c, _ := outcomeClient(t, sh, 28, 21, 14, 7, 0)
	sh.openClientPage(c.ID)
	s := sh.clients
	layout := func() {
		sh.win.Resize(size.SubtractWidthHeight(1, 1))
		sh.win.Resize(size)
		test.WidgetRenderer(s.split).Layout(s.split.Size())
	}
	layout()
	p := s.page
	room := p.scroll.Content.Size().Height - p.scroll.Size().Height
	if room < 200 {
		t.Fatalf("the page scrolls only %v points: too short for this test", room)
	}
	want := fyne.NewPos(0, 180)
	p.scroll.ScrollToOffset(want)
	if p.scroll.Offset != want {
		t.Fatalf("scrolled to %v, want %v", p.scroll.Offset, want)
	}

	q := queueAsync(sh)
	defer runQueued(q) // the window's close waits for background work
	f := sh.openMobility(c.ID)
	f.picks["cervical_rotation_right"].SetChecked(true)
	typeInto(f.values["cervical_rotation_right"], "60")
	test.Tap(f.saveBtn)
	// Run the save, then each section's loading, laying the window out
	// after each step as the desktop driver does on its next frame.
	for len(*q) > 0 {
		next := (*q)[0]
		*q = (*q)[1:]
		next()
		layout()
	}
	if s.page == p {
		t.Fatal("the page was not built again after the save")
	}
	if got := s.page.scroll.Offset; got != want {
		t.Errorf("after saving Mobility the page is scrolled to %v, want %v", got, want)
	}
	// A page opened afresh starts at the top.
	sh.clients.openClient(c.ID)
	layout()
	if got := s.page.scroll.Offset; got.Y != 0 {
		t.Errorf("a client's page opened afresh is scrolled to %v", got)
	}
}
