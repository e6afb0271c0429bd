package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// menuItem finds an item by label in a window's main menu.
func menuItem(t *testing.T, m *fyne.MainMenu, menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, mm := range m.Items {
		if mm.Label != menu {
			continue
		}
		for _, it := range mm.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no %s › %s in the main menu", menu, label)
	return nil
}

func TestHelpMenuOpensAbout(t *testing.T) {
	sh := newTestShell(t, true)
	sh.opts.Version, sh.opts.Commit, sh.opts.BuildDate = "9.8.7", "0123456789ab", "2026-11-30T04:00:00Z"

	menuItem(t, sh.mainMenu(), "Help", "About Stillpoint").Action()

	top := sh.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("About Stillpoint opened no dialog")
	}
	text := allText(top)
	for _, want := range []string{"About Stillpoint", "Stillpoint 9.8.7", "0123456789ab", "2026-11-30T04:00:00Z",
		sh.store.Path(), "Licence: MIT License", "[Close]"} {
		if !strings.Contains(text, want) {
			t.Errorf("the About dialog does not show %q:\n%s", want, text)
		}
	}
}

func TestAboutShowsTheWholeLicenceAndUnknowns(t *testing.T) {
	sh := newTestShell(t, false) // the welcome screen: About works before set-up too
	sh.opts = Options{}
	content := sh.aboutContent()
	text := allText(content)
	if strings.Count(text, "unknown") != 3 {
		t.Errorf("version, commit and date not recorded should each read unknown:\n%s", text)
	}
	var licence *widget.Accordion
	var find func(fyne.CanvasObject)
	find = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Accordion:
			licence = w
		case *fyne.Container:
			for _, c := range w.Objects {
				find(c)
			}
		}
	}
	find(content)
	if licence == nil || len(licence.Items) != 1 {
		t.Fatal("the About dialog has no licence section")
	}
	licence.Open(0)
	if full := allText(licence.Items[0].Detail); !strings.Contains(full, "Permission is hereby granted, free of charge") {
		t.Errorf("the licence section does not hold the licence text:\n%s", full)
	}
}
