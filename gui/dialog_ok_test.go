package gui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/stillpoint/stillpoint/data"
)

// A dialog whose only answer is OK or Close ("Saved", an error, About)
// closes on Enter, Return or Escape, as its button does; afterwards the
// keys go to what handled them before.
func TestOKOnlyDialogsCloseOnEnterAndEscape(t *testing.T) {
	sh := newTestShell(t, true)
	c := sh.win.Canvas()
	before := 0
	c.SetOnTypedKey(func(*fyne.KeyEvent) { before++ })
	shows := map[string]func(){
		"Saved":       func() { showInfo("Saved", "Saved as Receipt R-000042.pdf.", sh.win) },
		"error":       func() { showErrorMessage(sh.win, "The folder could not be opened.") },
		"folder":      func() { showErrorText(sh.win, "The backup folder could not be opened.") },
		"About":       sh.showAbout,
		"restored":    func() { showRestored(sh.win, "") },
		"no e-mail":   func() { showInfo("No e-mail address", "Zoë has no e-mail address on file.", sh.win) },
		"health list": func() { showHealthVersionsForTest(t, sh) },
	}
	for name, show := range shows {
		for _, key := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape} {
			show()
			if !hasDialog(sh) {
				t.Fatalf("%s: no dialog", name)
			}
			pressKey(sh, key)
			if hasDialog(sh) {
				t.Errorf("%s: %s did not close it", name, key)
				c.Overlays().Top().Hide()
			}
			n := before
			pressKey(sh, fyne.KeyTab)
			if before != n+1 {
				t.Errorf("%s: after %s the keys do not go back to the window", name, key)
			}
		}
	}
}

// showHealthVersionsForTest opens the health-history list of the shell's
// first client, a Close-only dialog.
func showHealthVersionsForTest(t *testing.T, sh *shell) {
	t.Helper()
	showHealthVersions(sh.win, "Zoë Ng", []data.HealthVersion{{RecordedAt: time.Date(2026, 3, 4, 15, 0, 0, 0, time.UTC)}}, time.UTC)
}

// No dialog of the app bypasses the helper: dialog.ShowInformation,
// dialog.ShowError and dialog.ShowCustom with one button ignore Enter.
func TestNoOKOnlyDialogBypassesTheKeys(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	bypass := regexp.MustCompile(`dialog\.(ShowInformation|ShowError|ShowCustom)\(`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range bypass.FindAllString(string(b), -1) {
			t.Errorf("%s calls %s: use showInfo, showErrorText or closeOnKeys so Enter and Escape close it", f, m)
		}
	}
}
