package gui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Settings' tabs and the schedule dialogs fit a 1024×600 window and a
// 1280×800 one in both themes: nothing is cut off, the window does not
// grow. With STILLPOINT_RENDER set, each is saved as a PNG for review.
func TestSettingsScheduleFitsInBothThemes(t *testing.T) {
	for _, th := range []struct {
		name  string
		theme fyne.Theme
	}{{"light", lightTheme{}}, {"dark", darkTheme{}}} {
		for _, size := range []fyne.Size{fyne.NewSize(1024, 600), fyne.NewSize(1280, 800)} {
			sh := newTestShell(t, true)
			sh.app.Settings().SetTheme(th.theme)
			sh.win.Resize(size)
			sh.show(sectionSettings)
			s := sh.settings
			check := func(what string) {
				t.Helper()
				sh.win.Resize(size.SubtractWidthHeight(1, 1))
				sh.win.Resize(size)
				name := fmt.Sprintf("settings-%s-%s-%.0f", what, th.name, size.Width)
				if got := sh.win.Canvas().Size(); got != size {
					t.Errorf("%s: the window grew to %v", name, got)
				}
				for _, o := range settledOutside(sh.win, size) {
					t.Errorf("%s: %s", name, o)
				}
				fits(t, name, sh)
				saveRender(t, name, sh.win.Canvas())
			}
			check("practice")
			s.tabs.SelectIndex(1)
			check("schedule")
			s.schedule.hours.saveBtn.Refresh()
			s.schedule.hours.scroll.ScrollToBottom()
			check("schedule-bottom")
			test.Tap(s.schedule.services.addBtn)
			s.schedule.services.dialog.saveFn() // with every message
			check("service-dialog")
			s.schedule.services.dialog.dlg.Hide()
			test.Tap(s.schedule.blocked.addBtn)
			check("blocked-dialog")
			s.schedule.blocked.dialog.dlg.Hide()
			s.tabs.SelectIndex(2)
			check("data")
		}
	}
}
