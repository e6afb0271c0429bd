package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// visibleIn reports whether fd lies wholly inside the form's scrolled view.
func visibleIn(f *form, fd *field) bool {
	pos, ok := offsetIn(f.scroll.Content, fd.obj)
	top := f.scroll.Offset.Y
	return ok && pos.Y >= top-0.5 && pos.Y+fd.obj.Size().Height <= top+f.scroll.Size().Height+0.5
}

func TestTabScrollsTheNextFieldIntoView(t *testing.T) {
	sh := newTestShell(t, true)
	sh.win.Resize(fyne.NewSize(1024, 600))
	test.Tap(sh.clients.newBtn)
	f := sh.clients.form
	c := sh.win.Canvas()
	mobile := f.fields["MobilePhone"]
	if visibleIn(f.form, mobile) {
		t.Fatal("the mobile field is already on screen at 1024x600; the test needs it below the fold")
	}
	c.Focus(f.alerts)
	pressTab(c, false)
	if c.Focused() != f.mobile {
		t.Fatalf("Tab from Alerts went to %T", c.Focused())
	}
	if !visibleIn(f.form, mobile) {
		t.Errorf("Tab to Mobile left it off screen (offset %v)", f.scroll.Offset)
	}
	// And back up: Shift+Tab to the first name brings the top into view.
	c.Focus(f.first)
	if !visibleIn(f.form, f.fields["FirstName"]) {
		t.Errorf("focusing the first name left it off screen (offset %v)", f.scroll.Offset)
	}
}

func TestCtrlQAsksAboutUnsavedChanges(t *testing.T) {
	sh := newTestShell(t, true)
	recordClose(sh)
	test.Tap(sh.clients.newBtn)
	test.Type(sh.clients.form.first, "Ada")
	menuShortcut(t, sh, shortcutQuit)
	if !hasDialog(sh) || !windowOpen(sh) {
		t.Fatal("Ctrl+Q closed the window over unsaved changes, or asked nothing")
	}
	answer(t, sh, "Keep editing")
	if !windowOpen(sh) {
		t.Fatal("Keep editing closed the window")
	}
}

func TestQuitNamesEveryUnsavedForm(t *testing.T) {
	sh := newTestShell(t, true)
	test.Tap(sh.clients.newBtn)
	test.Type(sh.clients.form.first, "Ada")
	sh.show(sectionSettings)
	typeInto(sh.settings.business, "Cedar & Stone")
	got := sh.unsaved()
	if !strings.Contains(got, "client") || !strings.Contains(got, "settings") {
		t.Errorf("the question names %q, not both unsaved forms", got)
	}
}

func TestDownFromSearchMovesIntoTheResults(t *testing.T) {
	sh := newTestShell(t, true)
	s := sh.clients
	for _, n := range []string{"Lee", "Leeds"} {
		if err := sh.store.CreateClient(context.Background(), &data.Client{FirstName: "Ann", LastName: n}); err != nil {
			t.Fatal(err)
		}
	}
	s.refresh()
	sh.win.Canvas().Focus(s.search)
	typeInto(s.search, "lee")
	s.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if sh.win.Canvas().Focused() != s.list {
		t.Fatalf("Down left the focus on %T", sh.win.Canvas().Focused())
	}
	s.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	s.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if s.page == nil || s.page.client.LastName != "Leeds" {
		t.Errorf("Down, Space did not open the second client found")
	}
}

func TestEditTitleOfALongNameStaysOneLine(t *testing.T) {
	sh := newTestShell(t, true)
	sh.win.Resize(fyne.NewSize(1024, 600))
	longClient(t, sh)
	s := sh.clients
	s.refresh()
	s.list.Select(0)
	s.edit(s.page.client)
	if room := s.form.scroll.Size().Height; room < 450 { // 600 less the window's frame and a one-line title
		t.Errorf("the form keeps %v points of height under a long name's title", room)
	}
}
