package gui

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

func TestOpenFailureExplainsInPlainWords(t *testing.T) {
	a := test.NewTempApp(t)
	showOpenFailure(a, "/home/maya/notes.db", errors.Join(errors.New("x"), data.ErrNotDatabase))
	ws := a.Driver().AllWindows()
	text := allText(ws[len(ws)-1].Content())
	for _, want := range []string{"cannot open your practice file", "not a Stillpoint practice file",
		"/home/maya/notes.db", "[Quit]"} {
		if !strings.Contains(text, want) {
			t.Errorf("window does not say %q:\n%s", want, text)
		}
	}
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
