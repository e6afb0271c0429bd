package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// A 1366×768 laptop at 125 % leaves about 1024×600; the window must never
// need more than an 800×600 screen, whatever it shows.
var smallScreenLimit = fyne.NewSize(800, 600)

// longName is a 100-character name made of real words.
var longName = strings.TrimSpace(strings.Repeat("Featherstonehaugh ", 6))[:100]

// longClient has a 100-character name and long alerts and notes: the worst
// case for the client page.
func longClient(t *testing.T, sh *shell) data.Client {
	t.Helper()
	c := &data.Client{FirstName: "Bartholomew-Maximilian", LastName: longName, PreferredName: "Bart",
		Pronouns: "he/him", Occupation: strings.Repeat("Senior structural engineer ", 4),
		Alerts: strings.Repeat("Blood thinners: no deep pressure. ", 5),
		Notes:  strings.Repeat("Prefers the late slot on Thursdays. ", 12),
		Health: data.HealthHistory{Conditions: []string{"blood_thinners"}, Allergies: strings.Repeat("Latex ", 30)}}
	if err := sh.store.CreateClient(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	return *c
}

// dividerAt lays the Clients split out again, as the desktop driver does
// on the next frame after its content changed, and returns the list's width.
func dividerAt(s *clientsScreen) float32 {
	test.WidgetRenderer(s.split).Layout(s.split.Size())
	return s.split.Leading.Size().Width
}

func fits(t *testing.T, what string, sh *shell) {
	t.Helper()
	if m := sh.win.Content().MinSize(); m.Width > smallScreenLimit.Width || m.Height > smallScreenLimit.Height {
		t.Errorf("%s: the window needs %v, more than a %v screen", what, m, smallScreenLimit)
	}
}

// Every screen fits a small laptop: long content scrolls or wraps instead
// of widening the window, and the divider between list and page holds
// still when a client or a form opens.
func TestScreensFitASmallLaptop(t *testing.T) {
	sh := newTestShell(t, true)
	sh.win.Resize(fyne.NewSize(1024, 600))
	c := longClient(t, sh)
	s := sh.clients
	s.refresh()
	fits(t, "client list", sh)
	divider := dividerAt(s)
	if divider <= 0 {
		t.Fatalf("list width %v", divider)
	}

	s.list.Select(0)
	if s.page == nil {
		t.Fatal("no client page")
	}
	fits(t, "client page", sh)
	if got := dividerAt(s); got != divider {
		t.Errorf("opening a client moved the divider from %v to %v", divider, got)
	}
	s.edit(c)
	fits(t, "client form", sh)
	if got := dividerAt(s); got != divider {
		t.Errorf("opening the form moved the divider from %v to %v", divider, got)
	}
	s.form.save() // the form with its messages, if any
	fits(t, "client form after save", sh)
	s.newClient()
	if s.form != nil {
		s.form.save() // an empty form shows every message
	}
	fits(t, "empty client form with messages", sh)
	if got := dividerAt(s); got != divider {
		t.Errorf("the new-client form moved the divider from %v to %v", divider, got)
	}
	for _, section := range []string{sectionToday, sectionCalendar, sectionReceipts, sectionReports, sectionSettings} {
		sh.show(section)
		fits(t, section, sh)
	}
}

// The demo banner and the welcome screen fit too.
func TestWelcomeAndDemoBannerFitASmallLaptop(t *testing.T) {
	sh := newTestShell(t, false)
	if sh.welcome == nil {
		t.Fatal("no welcome screen on an empty practice")
	}
	fits(t, "welcome", sh)
	sh.demo = true
	sh.showMain(sectionClients)
	fits(t, "demo practice", sh)
}

func TestFirstWindowFitsTheScreen(t *testing.T) {
	for _, tc := range []struct{ screen, want fyne.Size }{
		{fyne.NewSize(1920, 1080), fyne.NewSize(1180, 760)},
		{fyne.NewSize(1024, 600), fyne.NewSize(992, 536)},
		{fyne.NewSize(1280, 720), fyne.NewSize(1180, 656)},
		{fyne.Size{}, fyne.NewSize(992, 536)}, // unknown: fit the smallest screen
	} {
		if got := firstWindowSize(tc.screen); got != tc.want {
			t.Errorf("screen %v: window %v, want %v", tc.screen, got, tc.want)
		}
	}
	// The window NewMainWindow makes (here on the test driver, where the
	// screen is unknown) fits the smallest screen.
	a := test.NewTempApp(t)
	st, err := data.Open(context.Background(), t.TempDir()+"/p.db")
	if err != nil {
		t.Fatal(err)
	}
	w := NewMainWindow(a, st, Options{})
	defer w.Close()
	if got := w.Canvas().Size(); got.Width > 1024 || got.Height > 600 {
		t.Errorf("the first window is %v, larger than a 1024×600 screen", got)
	}
}
