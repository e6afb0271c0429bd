package gui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// TestRenderCalendarFits draws the Calendar screen's week, day and month
// at 1024×600 and 1280×800 in the light and dark themes, and checks that
// nothing is cut off and the navigation buttons are on screen. With
// STILLPOINT_RENDER naming a folder it saves each as a PNG for review.
func TestRenderCalendarFits(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1024, Height: 600}, {Width: 1280, Height: 800}} {
		for _, variant := range []string{"light", "dark"} {
			s, _ := newTestCalendar(t, size)
			sh := s.sh
			var th fyne.Theme = lightTheme{}
			if variant == "dark" {
				th = darkTheme{}
			}
			sh.app.Settings().SetTheme(th)
			sh.demo = true // the banner takes room too
			sh.updateBanner()
			for _, mode := range []calendarMode{modeWeek, modeDay, modeMonth} {
				s.setMode(mode)
				if mode == modeDay {
					s.setDate(at(0, 0, 0)) // Monday: a 15-minute visit
				}
				sh.win.Resize(size.SubtractWidthHeight(1, 1))
				sh.win.Resize(size)
				name := fmt.Sprintf("calendar-%s-%s-%.0f", []string{"week", "day", "month"}[mode], variant, size.Width)
				if got := sh.win.Canvas().Size(); got != size {
					t.Errorf("%s: the window grew to %v", name, got)
				}
				for _, o := range settledOutside(sh.win, size) {
					t.Errorf("%s: %s", name, o)
				}
				for _, b := range []*widget.Button{s.prevBtn, s.nextBtn, s.nowBtn, s.pickBtn, s.dayBtn, s.weekBtn, s.monthBtn} {
					pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
					if pos.X+b.Size().Width > size.Width || pos.Y+b.Size().Height > size.Height {
						t.Errorf("%s: button %q is off screen", name, b.Text)
					}
				}
				saveRender(t, name, sh.win.Canvas())
			}
		}
	}
}
