package gui

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Defect: the real file dialogs (not the tests' seams) were resized before
// Show, which dereferences nil in Fyne 2.8 and crashed the app on "Save as
// PDF…" and on the year-end statements' "Choose folder…". Each real dialog
// opens on a test window without a panic.
func TestRealFileDialogsOpen(t *testing.T) {
	sh := newTestShell(t, true)
	sh.win.Resize(fyne.NewSize(1024, 600))
	a := &pdfActions{sh: sh}
	a.saveDialog("Treatment note - Zoë Müller.pdf", func(string) {})
	if !dialogShown(sh.win) {
		t.Fatal("the save dialog did not show")
	}
	e := &handoutEditor{form: &form{sh: sh}}
	e.pictureDialog(func(string, []byte, error) {})
	r := &statementsRun{sh: sh}
	r.folderDialog(func(string) {})
	(&incomeReport{sh: sh}).saveDialog("Income 2026.csv", func(string) {})
}

// dialogShown reports whether an overlay (a dialog) is on the window.
func dialogShown(w fyne.Window) bool {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return false
	}
	_, isLabel := top.(*widget.Label)
	return !isLabel
}

// A whole path typed into the save dialog's name box asks for a folder
// that does not exist: the message says what to do, not "open …: no such
// file or directory".
func TestSaveFileProblemsInPlainWords(t *testing.T) {
	_, err := os.Create(filepath.Join(t.TempDir(), "tmp", "someone", "receipt.pdf"))
	if got := saveFileProblem(err); !strings.Contains(got, "That folder does not exist") {
		t.Errorf("missing folder: %q", got)
	}
	if got := saveFileProblem(fmt.Errorf("open x: %w", fs.ErrPermission)); !strings.Contains(got, "may not write") {
		t.Errorf("no permission: %q", got)
	}
}
