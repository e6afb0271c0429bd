package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// The window-wide keyboard shortcuts (Ctrl on Linux and Windows, Cmd on macOS).
var (
	shortcutNewClient = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutFind      = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSave      = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutBook      = &desktop.CustomShortcut{KeyName: fyne.KeyB, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutQuit      = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
)

// sectionOrder is the sidebar's order of sections; Ctrl+1 … Ctrl+7 go to them.
var sectionOrder = []string{sectionToday, sectionCalendar, sectionClients, sectionHandouts,
	sectionReceipts, sectionReports, sectionSettings}

// sectionShortcut is Ctrl+N (Cmd+N on macOS) for the section at index i of
// sectionOrder.
func sectionShortcut(i int) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: fyne.KeyName(string(rune('1' + i))), Modifier: fyne.KeyModifierShortcutDefault}
}

// goMenu lists the sections with their shortcuts, so a therapist on the
// keyboard moves between them without the mouse.
func (sh *shell) goMenu() *fyne.Menu {
	items := make([]*fyne.MenuItem, len(sectionOrder))
	for i, section := range sectionOrder {
		items[i] = fyne.NewMenuItem(section, func() { sh.goTo(section) })
		items[i].Shortcut = sectionShortcut(i)
	}
	return fyne.NewMenu("Go", items...)
}

// installShortcuts adds the shortcuts to the canvas too, for when no text
// field has the focus and no menu bar is shown.
func (sh *shell) installShortcuts() {
	c := sh.win.Canvas()
	// Shortcuts that change the screen wait while a dialog is open: it
	// would otherwise stay on top of a screen it no longer belongs to.
	screen := func(f func()) func(fyne.Shortcut) {
		return func(fyne.Shortcut) {
			if c.Overlays().Top() == nil {
				f()
			}
		}
	}
	c.AddShortcut(shortcutNewClient, screen(sh.newClient))
	c.AddShortcut(shortcutFind, screen(sh.findClient))
	c.AddShortcut(shortcutSave, func(fyne.Shortcut) { sh.save() })
	c.AddShortcut(shortcutBook, screen(sh.bookAppointment))
	c.AddShortcut(shortcutSearchAll, screen(func() { sh.searchAll() }))
	c.AddShortcut(shortcutQuit, func(fyne.Shortcut) { sh.confirmClose() })
	for i, section := range sectionOrder {
		c.AddShortcut(sectionShortcut(i), screen(func() { sh.goTo(section) }))
	}
}
