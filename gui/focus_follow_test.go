package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
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
