package gui

import (
	"testing"
)

// Ctrl+1 … Ctrl+7 (and the Go menu) move between the sections in the
// sidebar's order, with the sidebar following.
func TestSectionShortcutsFollowTheSidebar(t *testing.T) {
	sh := newTestShell(t, true)
	if len(sh.nav.items) != len(sectionOrder) {
		t.Fatalf("sidebar has %d sections, the shortcuts %d", len(sh.nav.items), len(sectionOrder))
	}
	for i, it := range sh.nav.items {
		if it.section != sectionOrder[i] {
			t.Errorf("sidebar entry %d is %s, Ctrl+%d goes to %s", i, it.section, i+1, sectionOrder[i])
		}
	}
	for _, i := range []int{6, 0, 2, 4, 1, 5, 3} {
		pressShortcut(t, sh, sectionShortcut(i))
		if sh.current != sectionOrder[i] || sh.nav.selected != sectionOrder[i] {
			t.Errorf("Ctrl+%d: on %s (sidebar %s), want %s", i+1, sh.current, sh.nav.selected, sectionOrder[i])
		}
	}
	// With a dialog open the shortcut waits: the dialog stays with its screen.
	sh.show(sectionToday)
	showInfo("Saved", "Saved as a.pdf.", sh.win)
	pressShortcut(t, sh, sectionShortcut(5))
	if sh.current != sectionToday {
		t.Errorf("Ctrl+6 under an open dialog went to %s", sh.current)
	}
	sh.win.Canvas().Overlays().Top().Hide()
	sh.win.Canvas().Overlays().Remove(sh.win.Canvas().Overlays().Top())
	var goMenu []string
	for _, m := range sh.win.MainMenu().Items {
		if m.Label == "Go" {
			for _, it := range m.Items {
				if it.Shortcut == nil {
					t.Errorf("Go › %s has no shortcut", it.Label)
				}
				goMenu = append(goMenu, it.Label)
			}
			m.Items[2].Action()
		}
	}
	if len(goMenu) != len(sectionOrder) || sh.current != sectionClients {
		t.Errorf("Go menu %v; its third entry shows %s", goMenu, sh.current)
	}
}
