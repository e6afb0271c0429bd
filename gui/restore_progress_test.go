package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/backup"
)

// movingBar reports whether a visible infinite progress bar is under o.
func movingBar(o fyne.CanvasObject) bool {
	if o == nil || !o.Visible() {
		return false
	}
	switch v := o.(type) {
	case *widget.ProgressBarInfinite:
		return true
	case *fyne.Container:
		for _, c := range v.Objects {
			if movingBar(c) {
				return true
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			if movingBar(c) {
				return true
			}
		}
	}
	return false
}

// Settings › Restore from a backup… with a protected backup: "Restore this
// backup…" stays off while the backup is read, and both waits (opening the
// backup, restoring it) show a moving bar and a line saying what happens.
func TestRestoreOfAProtectedBackupShowsProgress(t *testing.T) {
	sh := lockedShell(t)
	ctx := context.Background()
	c0 := data.Client{FirstName: "Zoë", LastName: "Ng"}
	if err := sh.store.CreateClient(ctx, &c0); err != nil {
		t.Fatal(err)
	}
	if err := backup.SetPassphrase(ctx, sh.store, "a long passphrase"); err != nil {
		t.Fatal(err)
	}
	if _, err := backup.Run(ctx, sh.store, backup.RunOptions{WorkFactor: 10}); err != nil {
		t.Fatal(err)
	}
	var pending []func()
	sh.async = func(f func()) { pending = append(pending, f) }
	finish := func() {
		for len(pending) > 0 {
			f := pending[0]
			pending = pending[1:]
			f()
		}
	}
	d := newDataSectionScreen(sh)
	c := d.restorer().choose()
	if c == nil || len(c.entries) != 1 || !c.entries[0].Encrypted {
		t.Fatalf("chooser: %+v", c)
	}
	c.list.Select(0)
	if !c.restore.Disabled() {
		t.Error("Restore this backup… is on while the backup is still being read")
	}
	if !c.reading.Visible() || !strings.Contains(c.detail.Text, "Reading the backup") {
		t.Error("no progress while the backup is read")
	}
	finish()
	if c.restore.Disabled() || c.reading.Visible() {
		t.Error("once read, Restore this backup… is off or the bar still shows")
	}
	test.Tap(c.restore)
	top := sh.win.Canvas().Overlays().Top()
	if !movingBar(top) || !strings.Contains(allText(top), "Reading the backup to see what it holds") {
		t.Error("no progress while the backup is opened")
	}
	finish()
	confirm := sh.win.Canvas().Overlays().Top()
	if confirm == nil || movingBar(confirm) || buttonIn(confirm, "Restore") == nil {
		t.Fatal("no confirmation after the backup was opened")
	}
	test.Tap(buttonIn(confirm, "Restore"))
	top = sh.win.Canvas().Overlays().Top()
	if !movingBar(top) || !strings.Contains(allText(top), "backed up first") {
		t.Error("no progress while the backup is restored")
	}
	finish()
	top = sh.win.Canvas().Overlays().Top()
	if top == nil || movingBar(top) || !strings.Contains(allText(top), "Your records are back") {
		t.Error("the restore did not end with Backup restored")
	}
}
