package gui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/backup"
)

// masterApp is the test app with the desktop driver's rule the test driver
// leaves out: closing the window set as master quits the app.
type masterApp struct {
	fyne.App
	quit bool
}

func (a *masterApp) NewWindow(title string) fyne.Window {
	return &masterWindow{Window: a.App.NewWindow(title), app: a}
}

func (a *masterApp) Quit() { a.quit = true }

// masterWindow is a test window that remembers SetMaster.
type masterWindow struct {
	fyne.Window
	app    *masterApp
	master bool
}

func (w *masterWindow) SetMaster() { w.master = true }

func (w *masterWindow) Close() {
	if w.master {
		w.app.quit = true
	}
	w.Window.Close()
}

// After "Restore from a backup…" in the cannot-open window, the restored
// practice stays open: the cannot-open window closes without quitting the
// app (on the desktop, closing the master window quits), and the main
// window says the backup was restored and where the damaged file is.
func TestRestoreFromCannotOpenWindowKeepsTheAppRunning(t *testing.T) {
	ctx := context.Background()
	ta := test.NewTempApp(t)
	ta.Settings().SetTheme(calmTheme{})
	a := &masterApp{App: ta}
	path := filepath.Join(t.TempDir(), "bad.db")
	st, err := data.Open(ctx, path, data.WithLock())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := backup.Run(ctx, st, backup.RunOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("damaged beyond reading"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, openErr := data.Open(ctx, path, data.WithLock())
	if openErr == nil {
		t.Fatal("the damaged file opened")
	}
	f := showOpenFailure(a, Options{DBPath: path, Version: "test"}, openErr)
	f.background = inline
	var main fyne.Window
	f.mainWindow = func(a fyne.App, st *data.Store, _ Options) fyne.Window {
		main = a.NewWindow("Stillpoint")
		newTestShellOn(a, main, st).start()
		return main
	}
	c := f.restorer().choose()
	if c == nil || len(c.entries) != 1 {
		t.Fatalf("chooser: %+v", c)
	}
	c.list.Select(0)
	test.Tap(c.restore)
	confirm := f.win.Canvas().Overlays().Top()
	if confirm == nil {
		t.Fatal("no confirmation")
	}
	test.Tap(buttonIn(confirm, "Restore"))
	if main == nil {
		t.Fatalf("the restored practice did not open: %s", f.msg.Text)
	}
	t.Cleanup(main.Close)
	if a.quit {
		t.Fatal("the app quits when the cannot-open window closes after the restore")
	}
	info := main.Canvas().Overlays().Top()
	if info == nil || !strings.Contains(allText(info), "Backup restored") || !strings.Contains(allText(info), ".unopenable-") {
		t.Error("the main window does not say the backup was restored and where the damaged file is")
	}
	if !main.(*masterWindow).master {
		t.Error("the main window is not the master: closing it would leave the app running")
	}
}
