package gui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/backup"
)

// inline runs background work at once on the test's goroutine.
func inline(work func(ctx context.Context) func()) {
	if apply := work(context.Background()); apply != nil {
		apply()
	}
}

// The cannot-open window of a damaged practice offers "Restore from a
// backup…": it lists the backups beside the file, restores the chosen one
// in its place (the damaged file kept aside, never deleted) and opens the
// restored practice in the main window, which says so.
func TestCannotOpenWindowRestoresABackup(t *testing.T) {
	ctx := context.Background()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(calmTheme{})
	path := filepath.Join(t.TempDir(), "stillpoint.db")
	st, err := data.Open(ctx, path, data.WithLock())
	if err != nil {
		t.Fatal(err)
	}
	c := data.Client{FirstName: "Zoë", LastName: "Ng"}
	if err := st.CreateClient(ctx, &c); err != nil {
		t.Fatal(err)
	}
	res, err := backup.Run(ctx, st, backup.RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(res.Path) != backup.DefaultFolder(path) {
		t.Fatalf("the backup went to %s, not the default folder", res.Path)
	}
	damaged := []byte("not a database any more")
	if err := os.WriteFile(path, damaged, 0o600); err != nil {
		t.Fatal(err)
	}
	_, openErr := data.Open(ctx, path, data.WithLock())
	if openErr == nil {
		t.Fatal("the damaged file opened")
	}

	f := showOpenFailure(a, Options{DBPath: path, Version: "test"}, openErr)
	f.background = inline
	f.mainWindow = func(a fyne.App, st *data.Store, _ Options) fyne.Window {
		w := a.NewWindow("Stillpoint")
		newTestShellOn(a, w, st).start() // its work on this goroutine
		return w
	}
	if f.restore == nil || f.restore.Text != "Restore from a backup…" || !strings.Contains(allText(f.win.Content()), "[Restore from a backup…]") {
		t.Fatal("the cannot-open window offers no restore")
	}
	test.Tap(f.restore)
	top := f.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(allText(top), backup.DefaultFolder(path)) {
		t.Fatal("Restore from a backup… does not list the backups beside the practice file")
	}
	c2 := f.restorer().choose()
	if c2 == nil || len(c2.entries) != 1 {
		t.Fatalf("chooser: %+v", c2)
	}
	c2.list.Select(0)
	if !strings.Contains(c2.detail.Text, "It holds 1 clients") {
		t.Errorf("detail %q", c2.detail.Text)
	}
	test.Tap(c2.restore)
	confirm := f.win.Canvas().Overlays().Top()
	if confirm == nil || !strings.Contains(allText(confirm), "kept aside") {
		t.Fatal("no confirmation saying the damaged file is kept")
	}
	restore := buttonIn(confirm, "Restore")
	if restore == nil {
		t.Fatal("no Restore button in the confirmation")
	}
	test.Tap(restore)

	if !f.opened {
		t.Fatalf("the restored practice did not open: %s", f.msg.Text)
	}
	var main fyne.Window
	for _, w := range a.Driver().AllWindows() {
		if w != f.win {
			main = w
		}
	}
	if main == nil {
		t.Fatal("no main window on the restored practice")
	}
	t.Cleanup(main.Close)
	info := main.Canvas().Overlays().Top()
	if info == nil || !strings.Contains(allText(info), "Your records are back") || !strings.Contains(allText(info), ".unopenable-") {
		t.Error("the main window does not say the backup was restored and where the damaged file is")
	}
	asides, _ := filepath.Glob(path + ".unopenable-*")
	if len(asides) != 1 {
		t.Fatalf("the damaged file was not kept aside: %v", asides)
	}
	if b, _ := os.ReadFile(asides[0]); string(b) != string(damaged) {
		t.Error("the file kept aside is not the damaged file")
	}
	// The practice is open and locked: a second writer is refused.
	if _, err := data.Open(ctx, path, data.WithLock()); !errors.Is(err, data.ErrInUse) {
		t.Errorf("a second open of the restored practice: %v, want ErrInUse", err)
	}
}
