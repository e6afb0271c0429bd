package gui

import (
	"testing"

	"fyne.io/fyne/v2"

	"github.com/stillpoint/stillpoint/data/export"
)

// Escape closes the folder picker of Export record… (and Export
// everything) as Cancel does, and gives the window its keys back.
func TestEscapeClosesTheExportFolderPicker(t *testing.T) {
	sh := newTestShell(t, true)
	before := sh.win.Canvas().OnTypedKey()
	chooseExportFolder(sh, "everything", export.All)
	if !dialogShown(sh.win) {
		t.Fatal("the folder picker did not show")
	}
	h := sh.win.Canvas().OnTypedKey()
	if h == nil {
		t.Fatal("nothing handles Escape while the folder picker shows")
	}
	h(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if dialogShown(sh.win) {
		t.Fatal("Escape did not close the folder picker")
	}
	after := sh.win.Canvas().OnTypedKey()
	if (before == nil) != (after == nil) {
		t.Error("the window's key handler was not put back")
	}
}
