package gui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/backup"
)

// checkMarkShown reports whether an entry shows its validation check mark.
func checkMarkShown(e *widget.Entry) bool { return iconShown(e, theme.IconNameConfirm) }

// errorMarkShown reports whether an entry shows its red validation mark.
func errorMarkShown(e *widget.Entry) bool { return iconShown(e, theme.IconNameError) }

// iconShown reports whether the theme icon name is drawn, visible, in o.
func iconShown(o fyne.CanvasObject, name fyne.ThemeIconName) bool {
	want := theme.Icon(name).Name()
	var walk func(o fyne.CanvasObject) bool
	walk = func(o fyne.CanvasObject) bool {
		if o == nil || !o.Visible() {
			return false
		}
		switch v := o.(type) {
		case *canvas.Image:
			return v.Resource != nil && strings.Contains(v.Resource.Name(), want)
		case *fyne.Container:
			for _, c := range v.Objects {
				if walk(c) {
					return true
				}
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				if walk(c) {
					return true
				}
			}
		}
		return false
	}
	return walk(o)
}

func TestPassphraseCheckMarkOnlyWhenBothMatchAndAreLongEnough(t *testing.T) {
	sh := lockedShell(t)
	d := newDataSectionScreen(sh)
	d.onSetPassphrase()
	pass, again := d.passEntry, d.passAgain
	c := sh.win.Canvas()
	c.Focus(pass)
	test.Type(pass, "abc")
	c.Focus(again)
	test.Type(again, "abd")
	if checkMarkShown(again) {
		t.Error("a check mark beside a passphrase that does not match (while typing it)")
	}
	again.SetText("abc")
	if checkMarkShown(again) {
		t.Error("a check mark beside a passphrase shorter than 8 characters")
	}
	pass.SetText("a long passphrase")
	again.SetText("a long passphrase")
	if !checkMarkShown(again) {
		t.Error("no check mark when both match and are long enough")
	}
	c.Focus(pass)
	test.Type(pass, "!")
	if checkMarkShown(again) {
		t.Error("the check mark stayed after the first passphrase changed")
	}
}

func TestPassphraseDialogSaysWhereThePassphraseIsKept(t *testing.T) {
	for _, words := range []string{"keeps this passphrase in your practice file", "without asking", "can also read the passphrase"} {
		if !strings.Contains(passphraseWhere, words) {
			t.Errorf("the passphrase dialog does not say %q", words)
		}
	}
	sh := lockedShell(t)
	d := newDataSectionScreen(sh)
	d.onSetPassphrase()
	if !labelShown(sh.win.Canvas().Overlays().Top(), passphraseWhere) {
		t.Error("the dialog does not show where the passphrase is kept")
	}
}

// labelShown reports whether a label with text is in the object tree.
func labelShown(o fyne.CanvasObject, text string) bool {
	switch v := o.(type) {
	case *widget.Label:
		return v.Text == text
	case *fyne.Container:
		for _, c := range v.Objects {
			if labelShown(c, text) {
				return true
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			if labelShown(c, text) {
				return true
			}
		}
	}
	return false
}

func TestFileDialogsStartInTheUsersFolders(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	if l := startFolder(); l == nil || l.Path() != home {
		t.Errorf("with no Documents: %v", l)
	}
	for _, sub := range []string{"Downloads", "Documents"} {
		if err := os.Mkdir(filepath.Join(home, sub), 0o700); err != nil {
			t.Fatal(err)
		}
		if l := startFolder(); l == nil || l.Path() != filepath.Join(home, sub) {
			t.Errorf("with %s: %v", sub, l)
		}
	}
	backups := filepath.Join(home, "Stillpoint backups")
	if l := startFolder(backups); l == nil || l.Path() != filepath.Join(home, "Documents") {
		t.Errorf("a backup folder not made yet: %v", l)
	}
	os.Mkdir(backups, 0o700) //nolint:errcheck // checked below
	if l := startFolder(backups); l == nil || l.Path() != backups {
		t.Errorf("the backup folder: %v", l)
	}
}

func TestRestoreListsTheBackupsOfTheFolder(t *testing.T) {
	sh := lockedShell(t)
	d := newDataSectionScreen(sh)
	test.Tap(d.backupNow)
	d.onRestore()
	c := d.restorer().choose()
	if c == nil || len(c.entries) != 1 || c.list.Length() != 1 || !c.restore.Disabled() {
		t.Fatalf("chooser: %+v", c)
	}
	if !strings.Contains(c.where.Text, backup.DefaultFolder(sh.store.Path())) {
		t.Errorf("the folder is not named: %q", c.where.Text)
	}
	if row := c.rowText(c.entries[0]); !strings.Contains(row, "not protected") || !strings.Contains(row, "KB") {
		t.Errorf("row %q", row)
	}
	c.list.Select(0)
	if !strings.Contains(c.detail.Text, "It holds 1 clients") || c.restore.Disabled() {
		t.Errorf("detail %q", c.detail.Text)
	}
	test.Tap(c.restore)
	if top := sh.win.Canvas().Overlays().Top(); top == nil {
		t.Error("no confirmation after Restore this backup…")
	}
}

func TestWelcomeRestoresABackupOnANewComputer(t *testing.T) {
	// A backup made on the old computer.
	old := lockedShell(t)
	res, err := backup.Run(context.Background(), old.store, backup.RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// The new computer: an empty practice, on the welcome screen.
	a := test.NewTempApp(t)
	st, err := data.Open(context.Background(), filepath.Join(t.TempDir(), "stillpoint.db"), data.WithLock())
	if err != nil {
		t.Fatal(err)
	}
	w := a.NewWindow("Stillpoint")
	sh := newTestShellOn(a, w, st)
	sh.start()
	t.Cleanup(w.Close)
	wel := findWelcome(t, sh)
	if wel.restore == nil || wel.restore.Text != "Restore from a backup…" {
		t.Fatal("the welcome screen offers no restore")
	}
	test.Tap(wel.restore)
	if top := w.Canvas().Overlays().Top(); top == nil {
		t.Fatal("Restore from a backup… shows nothing")
	}
	wel.restorer().run(res.Path, "")
	if sh.welcome != nil || sh.clients == nil {
		t.Fatal("still on the welcome screen after the restore")
	}
	rows, err := sh.store.SearchClients(context.Background(), data.ClientQuery{})
	if err != nil || len(rows) != 1 {
		t.Errorf("clients after restore: %d, %v", len(rows), err)
	}
}
