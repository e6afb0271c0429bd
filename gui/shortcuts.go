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

// installShortcuts adds the shortcuts to the canvas too, for when no text
// field has the focus and no menu bar is shown.
func (sh *shell) installShortcuts() {
	c := sh.win.Canvas()
	c.AddShortcut(shortcutNewClient, func(fyne.Shortcut) { sh.newClient() })
	c.AddShortcut(shortcutFind, func(fyne.Shortcut) { sh.findClient() })
	c.AddShortcut(shortcutSave, func(fyne.Shortcut) { sh.save() })
	c.AddShortcut(shortcutBook, func(fyne.Shortcut) { sh.bookAppointment() })
	c.AddShortcut(shortcutSearchAll, func(fyne.Shortcut) { sh.searchAll() })
	c.AddShortcut(shortcutQuit, func(fyne.Shortcut) { sh.confirmClose() })
}
