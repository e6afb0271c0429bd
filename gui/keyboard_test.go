package gui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// pressTab does with Tab (or Shift+Tab) what the desktop driver does: a
// focused widget that accepts Tab gets it as a key, typing a tab;
// otherwise the focus moves to the next (or previous) field.
func pressTab(c fyne.Canvas, shift bool) {
	if tb, ok := c.Focused().(fyne.Tabbable); ok && tb.AcceptsTab() {
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		return
	}
	if shift {
		c.FocusPrevious()
	} else {
		c.FocusNext()
	}
}

func TestTabLeavesMultiLineFields(t *testing.T) {
	sh := newTestShell(t, true)
	test.Tap(sh.clients.newBtn)
	f := sh.clients.form
	c := sh.win.Canvas()
	for name, e := range map[string]*entry{"Alerts": f.alerts, "Notes": f.notes,
		"Medications": f.health.medications, "ConditionNotes": f.health.condNotes} {
		c.Focus(e)
		test.Type(e, "Latex allergy")
		pressTab(c, false)
		if c.Focused() == e || strings.Contains(e.Text, "\t") {
			t.Errorf("%s: Tab typed %q and kept the focus %v", name, e.Text, c.Focused() == e)
		}
		pressTab(c, true)
		if c.Focused() != e {
			t.Errorf("%s: Shift+Tab did not come back (focus on %T)", name, c.Focused())
		}
		pressTab(c, true)
		if c.Focused() == e || strings.Contains(e.Text, "\t") {
			t.Errorf("%s: Shift+Tab typed %q", name, e.Text)
		}
	}
	sh.show(sectionSettings)
	c.Focus(sh.settings.address)
	pressTab(c, false)
	if c.Focused() == sh.settings.address || strings.Contains(sh.settings.address.Text, "\t") {
		t.Error("Tab stays in the practice address")
	}
}

// menuShortcut runs the File menu item bound to sc, as the desktop driver
// does even while a text field has the focus.
func menuShortcut(t *testing.T, sh *shell, sc fyne.Shortcut) {
	t.Helper()
	for _, it := range sh.win.MainMenu().Items[0].Items {
		if it.Shortcut == sc {
			it.Action()
			return
		}
	}
	t.Fatalf("no menu item for %s", sc.ShortcutName())
}

func TestFindWhileAFormIsOpenTypesIntoTheSearch(t *testing.T) {
	sh := newTestShell(t, true)
	if err := sh.store.CreateClient(context.Background(), &data.Client{FirstName: "Ann", LastName: "Lee"}); err != nil {
		t.Fatal(err)
	}
	s := sh.clients
	s.refresh()
	menuShortcut(t, sh, shortcutNewClient)
	f := s.form
	test.Type(f.first, "Zoë")
	menuShortcut(t, sh, shortcutFind)
	focused := sh.win.Canvas().Focused()
	if focused == nil {
		t.Fatal("nothing has the focus after Ctrl+F")
	}
	test.Type(focused, "lee")
	if f.first.Text != "Zoë" {
		t.Errorf("the search landed in the first name: %q", f.first.Text)
	}
	if s.search.Text != "lee" || len(s.rows) != 1 {
		t.Errorf("search %q found %d", s.search.Text, len(s.rows))
	}
	if s.form != f || !f.dirty {
		t.Error("Ctrl+F threw away the draft")
	}
	// Opening what was found asks about the draft.
	s.list.Select(0)
	if s.form != f || !hasDialog(sh) {
		t.Error("opening a client found left the draft without asking")
	}
}

func TestLongPastesAreCappedAtTheDataLimits(t *testing.T) {
	sh := newTestShell(t, true)
	test.Tap(sh.clients.newBtn)
	f := sh.clients.form
	huge := strings.Repeat("é", 5000)
	test.Type(f.first, huge)
	if n := utf8.RuneCountInString(f.first.Text); n != capName {
		t.Errorf("typed first name holds %d characters, want %d", n, capName)
	}
	sh.app.Clipboard().SetContent(huge)
	sh.win.Canvas().Focus(f.last)
	f.last.TypedShortcut(&fyne.ShortcutPaste{Clipboard: sh.app.Clipboard()})
	if n := utf8.RuneCountInString(f.last.Text); n != capName {
		t.Errorf("pasted last name holds %d characters, want %d", n, capName)
	}
	f.city.SetText(huge)
	if n := utf8.RuneCountInString(f.city.Text); n != capShort {
		t.Errorf("city holds %d characters, want %d", n, capShort)
	}
	f.notes.SetText(strings.Repeat("word ", 5000))
	if n := utf8.RuneCountInString(f.notes.Text); n != capLong {
		t.Errorf("notes hold %d characters, want %d", n, capLong)
	}
	sh.settings.timeZone.SetText(huge)
	if n := utf8.RuneCountInString(sh.settings.timeZone.Text); n > capShort {
		t.Errorf("time zone holds %d characters", n)
	}
	// What fits is kept whole, and the form still saves.
	typeInto(f.first, "Ada")
	typeInto(f.last, "Byrne")
	f.city.SetText("")
	test.Tap(f.saveBtn)
	if sh.clients.form != nil {
		t.Errorf("capped form did not save: %q", f.summary.Text)
	}
}

func TestUnsavedClientAskedDiscardOrKeepEditing(t *testing.T) {
	sh := newTestShell(t, true)
	ctx := context.Background()
	for _, n := range []string{"Ann", "Ben"} {
		if err := sh.store.CreateClient(ctx, &data.Client{FirstName: n, LastName: "Lee"}); err != nil {
			t.Fatal(err)
		}
	}
	s := sh.clients
	s.refresh()
	test.Tap(s.newBtn)
	f := s.form
	test.Type(f.first, "Half-typed")

	s.list.Select(1)
	if b := dialogButton(t, sh, "Discard changes"); b.Importance == widget.HighImportance {
		t.Error("Discard is the highlighted default")
	}
	if b := dialogButton(t, sh, "Keep editing"); b.Importance != widget.HighImportance {
		t.Error("Keep editing is not the default")
	}
	answer(t, sh, "Keep editing")
	if s.form != f || f.first.Text != "Half-typed" || hasDialog(sh) {
		t.Fatal("Keep editing lost the form")
	}
	for _, key := range []fyne.KeyName{fyne.KeyEscape, fyne.KeyReturn} {
		test.Tap(f.cancelBtn)
		if !hasDialog(sh) {
			t.Fatal("Cancel did not ask")
		}
		pressKey(sh, key)
		if s.form != f || f.first.Text != "Half-typed" || hasDialog(sh) {
			t.Fatalf("%s lost the form", key)
		}
	}
	s.list.UnselectAll() // Keep editing left Ben highlighted in the list
	s.list.Select(1)
	answer(t, sh, "Discard changes")
	if s.form != nil || s.page == nil || s.page.client.FirstName != "Ben" {
		t.Fatalf("Discard: form %v, page %+v", s.form != nil, s.page)
	}
	if all, _ := sh.store.SearchClients(ctx, data.ClientQuery{}); len(all) != 2 {
		t.Errorf("%d clients after discarding", len(all))
	}
}

// closeRecorder is the shell's window, except that Close only notes that
// the window was closed (the test closes it for real when it ends).
type closeRecorder struct {
	fyne.Window
	closed bool
}

func (w *closeRecorder) Close() { w.closed = true }

// recordClose makes sh's window note being closed instead of closing.
func recordClose(sh *shell) {
	sh.win = &closeRecorder{Window: sh.win}
}

func windowOpen(sh *shell) bool {
	return !sh.win.(*closeRecorder).closed && slices.Contains(sh.app.Driver().AllWindows(), sh.win.(*closeRecorder).Window)
}

func TestQuitWithUnsavedChangesOffersSave(t *testing.T) {
	// Keep editing, then Discard.
	sh := newTestShell(t, true)
	recordClose(sh)
	s := sh.clients
	test.Tap(s.newBtn)
	test.Type(s.form.first, "Ada")
	sh.confirmClose()
	if b := dialogButton(t, sh, "Save"); b.Importance != widget.HighImportance {
		t.Error("Save is not the default when quitting")
	}
	if b := dialogButton(t, sh, "Discard changes"); b.Importance == widget.HighImportance {
		t.Error("Discard is the default when quitting")
	}
	answer(t, sh, "Keep editing")
	if !windowOpen(sh) || s.form == nil || s.form.first.Text != "Ada" {
		t.Fatal("Keep editing closed the window or lost the form")
	}
	sh.confirmClose()
	pressKey(sh, fyne.KeyEscape)
	if !windowOpen(sh) || s.form == nil {
		t.Fatal("Escape closed the window")
	}
	sh.confirmClose()
	answer(t, sh, "Discard changes")
	if windowOpen(sh) {
		t.Fatal("Discard did not close the window")
	}

	// Save: a form with a problem keeps the window open on it; once fixed,
	// Save stores both unsaved forms and closes.
	sh = newTestShell(t, true)
	recordClose(sh)
	s = sh.clients
	test.Tap(s.newBtn)
	f := s.form
	test.Type(f.first, "Ada")
	sh.show(sectionSettings)
	typeInto(sh.settings.business, "Cedar & Stone")
	sh.confirmClose()
	pressKey(sh, fyne.KeyReturn) // Enter takes Save
	if p, _ := sh.store.Practice(context.Background()); p.BusinessName != "Cedar & Stone" {
		t.Errorf("settings not saved: %q", p.BusinessName)
	}
	if !windowOpen(sh) || sh.current != sectionClients || !f.fields["LastName"].highlighted() {
		t.Fatalf("a client without a last name: window open %v, section %s", windowOpen(sh), sh.current)
	}
	test.Type(f.last, "Byrne")
	test.Tap(f.saveBtn) // a later save alone does not close the window
	if !windowOpen(sh) {
		t.Fatal("the window closed on an ordinary save after a failed quit")
	}
	test.Tap(s.newBtn)
	test.Type(s.form.first, "Ben")
	test.Type(s.form.last, "Lee")
	sh.confirmClose()
	answer(t, sh, "Save")
	if windowOpen(sh) {
		t.Error("Save did not close the window")
	}
	if all, _ := sh.store.SearchClients(context.Background(), data.ClientQuery{}); len(all) != 2 {
		t.Errorf("%d clients stored", len(all))
	}
}
