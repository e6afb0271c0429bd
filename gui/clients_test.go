package gui

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

func TestAddClientThenFindByAccentFreeSearchAndSeeAlert(t *testing.T) {
	sh := newTestShell(t, true)
	s := sh.clients
	test.Tap(s.newBtn)
	f := s.form
	if f == nil {
		t.Fatal("New client did not open the form")
	}
	test.Type(f.first, "Zoë")
	test.Type(f.last, "Łukaszewska")
	test.Type(f.mobile, "416-555-0134")
	test.Type(f.email, "zoe@example.com")
	test.Type(f.alerts, "Latex allergy: use vinyl gloves")
	test.Tap(f.health.checks["blood_thinners"])
	f.pressure.SetSelected("Light")
	test.Tap(f.saveBtn)

	if s.form != nil || s.page == nil {
		t.Fatalf("after Save: form %v, page %v; summary %q", s.form != nil, s.page != nil, f.summary.Text)
	}
	stored, err := sh.store.SearchClients(context.Background(), data.ClientQuery{})
	if err != nil || len(stored) != 1 || stored[0].LastName != "Łukaszewska" {
		t.Fatalf("stored clients: %v %+v", err, stored)
	}

	// Find her again without typing any accent.
	s.showEmpty()
	typeInto(s.search, "zoe lukasz")
	if len(s.rows) != 1 || s.rows[0].FirstName != "Zoë" {
		t.Fatalf("search rows %+v", s.rows)
	}
	if got := s.count.Text; got != "1 client found" {
		t.Errorf("count %q", got)
	}
	row := newClientRow()
	s.updateRow(0, row)
	if text := allText(row); !strings.Contains(text, "Łukaszewska, Zoë") || !strings.Contains(text, "416-555-0134") {
		t.Errorf("row text %q", text)
	}
	if alert := row.(*fyne.Container).Objects[1]; !alert.Visible() {
		t.Error("the list row does not mark the client's alert")
	}
	s.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter opens the first client found
	if s.page == nil || s.page.alerts == nil {
		t.Fatal("client page without the alert banner")
	}
	if text := allText(s.page.alerts); !strings.Contains(text, "Latex allergy: use vinyl gloves") {
		t.Errorf("alert banner says %q", text)
	}
	if text := allText(s.page.obj); !strings.Contains(text, "Takes blood thinners") || !strings.Contains(text, "Light") {
		t.Errorf("page does not show cautions and pressure:\n%s", text)
	}
}

func TestBadEmailShowsMessageAndKeepsForm(t *testing.T) {
	sh := newTestShell(t, true)
	s := sh.clients
	test.Tap(s.newBtn)
	f := s.form
	test.Type(f.first, "Søren")
	test.Type(f.last, "Ørsted")
	test.Type(f.email, "soren@example")
	test.Type(f.notes, "Prefers the late slot.")
	test.Type(f.birth, "2999-01-01")
	test.Tap(f.saveBtn)

	if s.form != f {
		t.Fatal("the form closed on bad input")
	}
	if msg := f.fields["Email"].err.Text; !strings.Contains(msg, "doesn't look like an e-mail address") || !f.fields["Email"].err.Visible() {
		t.Errorf("e-mail message %q", msg)
	}
	if msg := f.fields["BirthDate"].err.Text; !strings.Contains(msg, "future") {
		t.Errorf("birth date message %q", msg)
	}
	if !f.summary.Visible() || !strings.Contains(f.summary.Text, "highlighted fields") {
		t.Errorf("summary %q", f.summary.Text)
	}
	if f.first.Text != "Søren" || f.email.Text != "soren@example" || f.notes.Text != "Prefers the late slot." {
		t.Errorf("typed text lost: %q %q %q", f.first.Text, f.email.Text, f.notes.Text)
	}
	if all := storedClients(t, sh, data.ClientQuery{IncludeArchived: true}); len(all) != 0 {
		t.Fatalf("invalid client stored: %+v", all)
	}

	// Fixing the fields clears their messages as they are typed; then Save works.
	typeInto(f.email, "soren@example.dk")
	if f.fields["Email"].err.Visible() {
		t.Errorf("e-mail message still shown: %q", f.fields["Email"].err.Text)
	}
	typeInto(f.birth, "1979-08-14")
	test.Tap(f.saveBtn)
	if s.form != nil {
		t.Fatalf("corrected form did not save: %q", f.summary.Text)
	}
	c, err := sh.store.Client(context.Background(), s.selected)
	if err != nil || c.Email != "soren@example.dk" || c.BirthDate != (data.Date{Year: 1979, Month: 8, Day: 14}) {
		t.Errorf("saved %+v %v", c, err)
	}
}

func TestEditArchiveAndUnarchive(t *testing.T) {
	sh := newTestShell(t, true)
	ctx := context.Background()
	c := &data.Client{FirstName: "Beatrice", LastName: "Okafor", Tags: []string{"runner"}}
	if err := sh.store.CreateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	s := sh.clients
	s.refresh()
	s.list.Select(0)
	test.Tap(s.page.editBtn)
	f := s.form
	if f.first.Text != "Beatrice" || f.tags.Text != "runner" || f.dirty {
		t.Fatalf("form not loaded: %q %q dirty=%v", f.first.Text, f.tags.Text, f.dirty)
	}
	test.Type(f.preferred, "Bea")
	if !sh.clients.dirty() || sh.unsaved() == "" {
		t.Error("typing did not mark the form unsaved")
	}
	test.Tap(f.saveBtn)
	if got, err := sh.store.Client(ctx, c.ID); err != nil || got.PreferredName != "Bea" {
		t.Errorf("edit not saved: %+v %v", got, err)
	}
	if !strings.Contains(allText(s.page.obj), "Bea Okafor") {
		t.Error("page does not show the new name")
	}

	tapArchive(t, s.page)
	if len(s.rows) != 0 {
		t.Errorf("archived client still listed: %+v", s.rows)
	}
	test.Tap(s.archived)
	if len(s.rows) != 1 || !s.rows[0].Archived {
		t.Fatalf("archived list %+v", s.rows)
	}
	if s.page.archive.Label != "Unarchive client" {
		t.Fatalf("archive item says %q", s.page.archive.Label)
	}
	tapArchive(t, s.page)
	test.Tap(s.archived)
	if len(s.rows) != 1 || s.rows[0].Archived {
		t.Errorf("after unarchive: %+v", s.rows)
	}
}

func TestShortcutsNewClientAndFind(t *testing.T) {
	sh := newTestShell(t, true)
	sh.show(sectionSettings)
	pressShortcut(t, sh, shortcutNewClient)
	if sh.current != sectionClients || sh.clients.form == nil {
		t.Fatalf("Ctrl+N: section %s, form %v", sh.current, sh.clients.form != nil)
	}
	if sh.win.Canvas().Focused() != sh.clients.form.first {
		t.Error("Ctrl+N did not put the cursor in the first name")
	}
	sh.clients.form.cancel()
	pressShortcut(t, sh, shortcutFind)
	if sh.win.Canvas().Focused() != sh.clients.search {
		t.Errorf("Ctrl+F focused %T", sh.win.Canvas().Focused())
	}
	// The menu carries the same shortcuts, so they work while typing.
	var names []string
	for _, it := range sh.win.MainMenu().Items[0].Items {
		if it.Shortcut != nil {
			names = append(names, it.Label)
		}
	}
	if strings.Join(names, ",") != "New Client,Find Client,Search Clients and Notes…,Book appointment,Save,Quit" {
		t.Errorf("menu shortcuts %v", names)
	}
}

// pressShortcut types a shortcut on the window's canvas, the way the desktop
// driver delivers it when no text field has the focus.
func pressShortcut(t *testing.T, sh *shell, sc fyne.Shortcut) {
	t.Helper()
	// Fyne's test canvas wraps the software canvas, whose shortcut handler
	// takes the shortcut.
	inner := reflect.ValueOf(sh.win.Canvas()).Elem().FieldByName("WindowlessCanvas")
	typed, ok := inner.Interface().(interface{ TypedShortcut(fyne.Shortcut) })
	if !ok {
		t.Fatal("test canvas cannot take shortcuts")
	}
	typed.TypedShortcut(sc)
}

func TestUnsavedChangesAreNotDiscardedSilently(t *testing.T) {
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
	test.Type(s.form.first, "Half-typed")
	s.list.Select(1)
	if s.form == nil || s.form.first.Text != "Half-typed" {
		t.Fatal("choosing another client threw away the form")
	}
	if len(sh.win.Canvas().Overlays().List()) == 0 {
		t.Error("no question asked before discarding")
	}
}

func TestListShowsManyClientsWithOneRowHeight(t *testing.T) {
	sh := newTestShell(t, true)
	sh.win.Resize(fyne.NewSize(1024, 600))
	var cs []*data.Client
	for i := 0; i < 500; i++ {
		c := &data.Client{FirstName: "Client", LastName: strings.Repeat("a", 1+i%7) + string(rune('a'+i%26))}
		switch i % 3 {
		case 0:
			c.Alerts = "Latex allergy"
		case 1:
			c.MobilePhone, c.Email = "416-555-0134", "someone.with.a.long.address@example.com"
		}
		cs = append(cs, c)
	}
	cs[1].LastName = longName
	if err := sh.store.CreateClients(context.Background(), cs); err != nil {
		t.Fatal(err)
	}
	s := sh.clients
	s.refresh()
	if len(s.rows) != 500 || s.count.Text != "500 clients" {
		t.Fatalf("%d rows, count %q", len(s.rows), s.count.Text)
	}

	// Measure the rows the list has drawn: one height for all, with or
	// without alert, phone or a 100-character name, and compact: two lines
	// of text, less than two plain labels stacked.
	test.WidgetRenderer(s.list).Layout(s.list.Size())
	rows := renderedRows(s.list)
	if len(rows) < 5 {
		t.Fatalf("the list drew %d rows in a 600-point window", len(rows))
	}
	h := rows[0].Size().Height
	label := widget.NewLabel("Okafor").MinSize().Height
	if h <= label || h >= 2*label {
		t.Errorf("row height %v, want between one and two label heights (%v)", h, label)
	}
	for i, r := range rows {
		if r.Size().Height != h {
			t.Errorf("row %d is %v high, row 0 %v", i, r.Size().Height, h)
		}
		if r.Size().Width > s.list.Size().Width {
			t.Errorf("row %d is %v wide, wider than the list (%v)", i, r.Size().Width, s.list.Size().Width)
		}
	}
	// The long name ends with an ellipsis instead of widening the list.
	long := -1
	for i, r := range s.rows {
		if r.LastName == longName {
			long = i
		}
	}
	s.list.ScrollTo(long)
	test.WidgetRenderer(s.list).Layout(s.list.Size())
	drawn := ""
	for _, r := range renderedRows(s.list) {
		if text := strings.Join(renderedText(r), "\n"); strings.HasPrefix(text, "Featherstonehaugh") {
			drawn = text
			if r.Size().Height != h {
				t.Errorf("the long name's row is %v high, the others %v", r.Size().Height, h)
			}
		}
	}
	if !strings.Contains(drawn, "…") || strings.Contains(drawn, longName) {
		t.Errorf("the long name's row draws %q, want the name cut with an ellipsis", drawn)
	}
	if w := s.split.Leading.MinSize().Width; w > 300 {
		t.Errorf("a 100-character name makes the list %v wide", w)
	}

	typeInto(s.search, "aab")
	if len(s.rows) == 0 || len(s.rows) == 500 {
		t.Errorf("search among 500 gave %d rows", len(s.rows))
	}
}

// A long name on the client page wraps at word boundaries: every word is
// drawn, on more than one line, and the page does not widen the window.
func TestLongNameWrapsOnThePage(t *testing.T) {
	sh := newTestShell(t, true)
	sh.win.Resize(fyne.NewSize(1024, 600))
	longClient(t, sh)
	s := sh.clients
	s.refresh()
	s.list.Select(0)
	if s.page == nil {
		t.Fatal("no page")
	}
	test.WidgetRenderer(s.split).Layout(s.split.Size())
	lines := renderedText(s.page.name)
	if len(lines) < 2 {
		t.Errorf("the 100-character name is drawn on %d line(s): %q", len(lines), lines)
	}
	drawn := strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
	if want := s.page.client.DisplayName(); drawn != want {
		t.Errorf("the heading draws %q, want all of %q", drawn, want)
	}
	for _, l := range lines {
		if strings.Contains(l, "…") {
			t.Errorf("the heading is cut: %q", l)
		}
	}
	// Nothing on the page (heading, legal name under it, alerts) needs
	// more width than a narrow window gives it.
	if w := s.page.obj.MinSize().Width; w > 400 {
		t.Errorf("the page needs %v points of width", w)
	}
}

func TestHealthHistoryVersionsOnThePage(t *testing.T) {
	sh := newTestShell(t, true)
	ctx := context.Background()
	c := &data.Client{FirstName: "Ada", LastName: "Byrne", Health: data.HealthHistory{Allergies: "Latex"}}
	if err := sh.store.CreateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	s := sh.clients
	s.refresh()
	s.list.Select(0)
	if text := allText(s.page.obj); !strings.Contains(text, "Last updated") || strings.Contains(text, "earlier version") {
		t.Errorf("one version: %q", text)
	}
	test.Tap(s.page.editBtn)
	typeInto(s.form.health.allergies, "Latex, lavender oil")
	test.Tap(s.form.saveBtn)
	text := allText(s.page.obj)
	if !strings.Contains(text, "1 earlier version kept") || !strings.Contains(text, "[Earlier versions…]") {
		t.Fatalf("after an edit: %q", text)
	}
	showHealthVersions(sh.win, "Ada Byrne", mustVersions(t, sh, c.ID), time.UTC)
	overlay := allText(sh.win.Canvas().Overlays().Top())
	if !strings.Contains(overlay, "Allergies: Latex, lavender oil") || !strings.Contains(overlay, "Allergies: Latex\n") {
		t.Errorf("versions dialog: %q", overlay)
	}
}

func mustVersions(t *testing.T, sh *shell, id int64) []data.HealthVersion {
	t.Helper()
	vs, err := sh.store.HealthVersions(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return vs
}

func TestSearchingWhileEditingKeepsTheForm(t *testing.T) {
	sh := newTestShell(t, true)
	if err := sh.store.CreateClient(context.Background(), &data.Client{FirstName: "Ann", LastName: "Lee"}); err != nil {
		t.Fatal(err)
	}
	s := sh.clients
	s.refresh()
	s.list.Select(0)
	test.Tap(s.page.editBtn)
	test.Type(s.form.notes, "Half a note")
	typeInto(s.search, "lee")
	if s.form == nil || s.form.notes.Text != "Half a note" {
		t.Fatal("searching closed the form")
	}
	if n := len(sh.win.Canvas().Overlays().List()); n != 0 {
		t.Errorf("searching asked %d questions", n)
	}
}
