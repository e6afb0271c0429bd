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
)

func TestOpenFailureExplainsInPlainWords(t *testing.T) {
	a := test.NewTempApp(t)
	showOpenFailure(a, Options{DBPath: "/home/maya/notes.db"}, errors.Join(errors.New("x"), data.ErrNotDatabase))
	ws := a.Driver().AllWindows()
	text := allText(ws[len(ws)-1].Content())
	for _, want := range []string{"cannot open your practice file", "not a Stillpoint practice file",
		"/home/maya/notes.db", "[Quit]", "[Open another practice file…]"} {
		if !strings.Contains(text, want) {
			t.Errorf("window does not say %q:\n%s", want, text)
		}
	}
}

func TestOpenAnotherPracticeFile(t *testing.T) {
	a := test.NewTempApp(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "letter.db")
	os.WriteFile(bad, []byte("Dear client"), 0o600)
	f := showOpenFailure(a, Options{DBPath: bad, Version: "test"}, data.ErrNotDatabase)
	f.mainWindow = func(a fyne.App, st *data.Store, _ Options) fyne.Window {
		w := a.NewWindow("Stillpoint")
		newTestShellOn(a, w, st).start() // its work on this goroutine, not beside the test
		return w
	}

	test.Tap(f.other)
	if ov := f.win.Canvas().Overlays().Top(); ov == nil {
		t.Fatal("Open another practice file… shows no file dialog")
	}
	f.win.Canvas().Overlays().Top().Hide()

	// A second bad choice: the window stays and says why.
	other := filepath.Join(dir, "recipes.db")
	os.WriteFile(other, []byte("SQLite format 3\x00 but not really"), 0o600)
	f.open(other)
	if f.opened || !strings.Contains(f.file.Text, "recipes.db") {
		t.Errorf("after a bad choice: opened %v, file %q", f.opened, f.file.Text)
	}

	good := filepath.Join(dir, "practice.db")
	f.open(good)
	if !f.opened {
		t.Fatalf("the chosen file did not open: %s", f.msg.Text)
	}
	var main fyne.Window
	for _, w := range a.Driver().AllWindows() {
		if w != f.win {
			main = w
		}
	}
	if main == nil || !strings.Contains(allText(main.Content()), "Welcome to Stillpoint") {
		t.Fatal("no main window on the chosen practice")
	}
	// The chosen practice is locked while it is open.
	if _, err := data.Open(context.Background(), good, data.WithLock()); !errors.Is(err, data.ErrInUse) {
		t.Errorf("a second open of the chosen practice: %v, want ErrInUse", err)
	}
	main.Close()
}

func TestWindowTitleNamesThePractice(t *testing.T) {
	sh := newTestShell(t, true)
	if got := sh.win.Title(); got != "Stillpoint — Maya Lindqvist" {
		t.Errorf("title %q", got)
	}
	sh.show(sectionSettings)
	typeInto(sh.settings.business, "Cedar & Stone Massage")
	sh.settings.save()
	if got := sh.win.Title(); got != "Stillpoint — Cedar & Stone Massage" {
		t.Errorf("title after saving %q", got)
	}
}
