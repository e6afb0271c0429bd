package gui

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

func TestEveryFieldTheDataLayerNamesHasAWidget(t *testing.T) {
	sh := newTestShell(t, true)
	test.Tap(sh.clients.newBtn)
	for name, f := range map[string]*form{"client": sh.clients.form.form, "practice": sh.settings.form} {
		names := data.ClientFieldNames()
		if name == "practice" {
			names = data.PracticeFieldNames()
		}
		for _, n := range names {
			fd, ok := f.fields[n]
			if !ok {
				t.Errorf("the %s form has no widget for %s", name, n)
				continue
			}
			if !slices.Contains(f.order, fd) || fd.input == nil {
				t.Errorf("the %s form's %s field is not laid out", name, n)
			}
		}
	}
}

func TestFailedSaveScrollsToAndHighlightsTheFirstProblem(t *testing.T) {
	sh := newTestShell(t, true)
	s := sh.clients
	test.Tap(s.newBtn)
	f := s.form
	test.Type(f.first, "Ada")
	test.Type(f.last, "Byrne")
	test.Type(f.consent, "2999-01-01") // far down the form, in Treatment
	test.Type(f.physPhone, "12")       // further down still: not the first problem
	f.scroll.ScrollToTop()             // typing brought each field into view
	if f.scroll.Offset.Y != 0 {
		t.Fatalf("form starts scrolled to %v", f.scroll.Offset)
	}
	test.Tap(f.saveBtn)

	consent := f.fields["ConsentDate"]
	if !consent.highlighted() || !f.fields["PhysicianPhone"].highlighted() || f.fields["FirstName"].highlighted() {
		t.Errorf("highlights: consent %v, physician phone %v, first name %v", consent.highlighted(),
			f.fields["PhysicianPhone"].highlighted(), f.fields["FirstName"].highlighted())
	}
	if consent.mark.StrokeWidth == 0 || consent.mark.FillColor == nil {
		t.Error("the highlight has no outline or tint")
	}
	pos, ok := offsetIn(f.scroll.Content, consent.obj)
	if !ok {
		t.Fatal("consent field not inside the form's scroll")
	}
	top, bottom := f.scroll.Offset.Y, f.scroll.Offset.Y+f.scroll.Size().Height
	if f.scroll.Offset.Y == 0 || pos.Y < top || pos.Y+consent.obj.Size().Height > bottom {
		t.Errorf("consent field at %v..%v, view shows %v..%v", pos.Y, pos.Y+consent.obj.Size().Height, top, bottom)
	}
	if sh.win.Canvas().Focused() != f.consent {
		t.Errorf("focus on %T, want the consent date", sh.win.Canvas().Focused())
	}
	if !strings.Contains(f.summary.Text, "highlighted fields") {
		t.Errorf("summary %q", f.summary.Text)
	}

	// Fixing it takes the highlight away as it is typed.
	typeInto(f.consent, "2020-01-01")
	if consent.highlighted() {
		t.Error("fixed field still highlighted")
	}
}

// queueAsync makes the shell's background work wait until the test runs it.
func queueAsync(sh *shell) *[]func() {
	var q []func()
	sh.async = func(f func()) { q = append(q, f) }
	return &q
}

func runQueued(q *[]func()) {
	for len(*q) > 0 {
		f := (*q)[0]
		*q = (*q)[1:]
		f()
	}
}

func TestClientSaveRunsInTheBackgroundAndShowsItIsBusy(t *testing.T) {
	sh := newTestShell(t, true)
	s := sh.clients
	test.Tap(s.newBtn)
	f := s.form
	test.Type(f.first, "Ada")
	test.Type(f.last, "Byrne")
	q := queueAsync(sh)
	test.Tap(f.saveBtn)

	if len(*q) != 1 {
		t.Fatalf("%d background jobs, want the save", len(*q))
	}
	if f.saveBtn.Text != "Saving…" || !f.saveBtn.Disabled() || !f.first.Disabled() || !f.health.checks["diabetes"].Disabled() {
		t.Errorf("busy state: button %q disabled %v, first name disabled %v", f.saveBtn.Text, f.saveBtn.Disabled(), f.first.Disabled())
	}
	if f.health.due.Disabled() != true {
		t.Error("due date switched on")
	}
	if all, _ := sh.store.SearchClients(context.Background(), data.ClientQuery{}); len(all) != 0 {
		t.Fatal("saved on the UI goroutine")
	}
	test.Tap(f.saveBtn)
	sh.save() // Ctrl+S while saving
	if len(*q) != 1 {
		t.Errorf("saving twice: %d jobs", len(*q))
	}
	runQueued(q)
	if s.form != nil || s.page == nil || s.page.client.FirstName != "Ada" {
		t.Fatalf("after the save: form %v page %v", s.form != nil, s.page != nil)
	}
	if all, _ := sh.store.SearchClients(context.Background(), data.ClientQuery{}); len(all) != 1 {
		t.Errorf("%d clients stored", len(all))
	}
	if f.saveBtn.Text != "Save" || f.saveBtn.Disabled() || f.first.Disabled() || !f.health.due.Disabled() {
		t.Error("busy state not undone")
	}
}

func TestSettingsSaveRunsInTheBackground(t *testing.T) {
	sh := newTestShell(t, true)
	sh.show(sectionSettings)
	s := sh.settings
	typeInto(s.business, "Cedar & Stone")
	q := queueAsync(sh)
	test.Tap(s.saveBtn)
	if s.saveBtn.Text != "Saving…" || !s.business.Disabled() {
		t.Errorf("busy state: %q %v", s.saveBtn.Text, s.business.Disabled())
	}
	if p, _ := sh.store.Practice(context.Background()); p.BusinessName != "" {
		t.Fatal("saved on the UI goroutine")
	}
	runQueued(q)
	if p, _ := sh.store.Practice(context.Background()); p.BusinessName != "Cedar & Stone" || s.dirty || !s.saved.Visible() {
		t.Errorf("after the save: %q dirty %v", p.BusinessName, s.dirty)
	}
	if s.business.Disabled() {
		t.Error("still busy")
	}
}

func TestArchiveRunsInTheBackground(t *testing.T) {
	sh := newTestShell(t, true)
	ctx := context.Background()
	c := &data.Client{FirstName: "Ann", LastName: "Lee"}
	if err := sh.store.CreateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	s := sh.clients
	s.refresh()
	s.list.Select(0)
	q := queueAsync(sh)
	tapArchive(t, s.page)
	if !s.page.archive.Disabled {
		t.Error("Archive can be tapped twice")
	}
	if got, _ := sh.store.Client(ctx, c.ID); got.Archived {
		t.Fatal("archived on the UI goroutine")
	}
	runQueued(q)
	if got, _ := sh.store.Client(ctx, c.ID); !got.Archived || s.page.archive.Label != "Unarchive client" {
		t.Errorf("after archiving: %v, item %q", got.Archived, s.page.archive.Label)
	}
}

// TestSaveWhileAnotherProgramWritesDoesNotFreeze holds the practice's write
// lock from another connection: the tap on Save must return at once, and
// the save completes when the lock is let go.
func TestSaveWhileAnotherProgramWritesDoesNotFreeze(t *testing.T) {
	sh := newTestShell(t, true)
	done := make(chan struct{})
	var jobs atomic.Int32
	sh.async = func(f func()) {
		if jobs.Add(1) > 1 {
			f() // what the save starts (the list refresh) runs in line, before done
			return
		}
		go func() {
			f() // the test driver's fyne.Do runs the result here too
			close(done)
		}()
	}
	db, err := sql.Open("sqlite3", sh.store.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	s := sh.clients
	test.Tap(s.newBtn)
	f := s.form
	test.Type(f.first, "Ada")
	test.Type(f.last, "Byrne")
	start := time.Now()
	test.Tap(f.saveBtn)
	if took := time.Since(start); took > time.Second {
		t.Errorf("the tap on Save took %v while another program held the lock", took)
	}
	if !f.busy || f.saveBtn.Text != "Saving…" {
		t.Error("no busy state while waiting for the lock")
	}
	select {
	case <-done:
		t.Fatal("the save did not wait for the other program's write")
	case <-time.After(200 * time.Millisecond):
	}
	if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the save did not finish once the lock was free")
	}
	if f.busy || s.form != nil || s.page == nil {
		t.Fatalf("after the save: busy %v, form open %v", f.busy, s.form != nil)
	}
}

func TestSettingsAskBeforeLeavingUnsavedChanges(t *testing.T) {
	sh := newTestShell(t, true)
	sh.show(sectionSettings)
	s := sh.settings
	typeInto(s.business, "Half typed")
	selectSection(t, sh, sectionClients)
	if sh.current != sectionSettings || !hasDialog(sh) {
		t.Fatalf("left Settings without asking: now %s", sh.current)
	}
	if sh.nav.selected != sectionSettings {
		t.Errorf("sidebar shows %s", sh.nav.selected)
	}
	answer(t, sh, "Keep editing")
	if sh.current != sectionSettings || s.business.Text != "Half typed" || hasDialog(sh) {
		t.Fatalf("Keep editing: section %s, text %q", sh.current, s.business.Text)
	}
	selectSection(t, sh, sectionCalendar)
	pressKey(sh, fyne.KeyEscape)
	if sh.current != sectionSettings || s.business.Text != "Half typed" || hasDialog(sh) {
		t.Fatalf("Escape: section %s, text %q", sh.current, s.business.Text)
	}
	selectSection(t, sh, sectionClients)
	answer(t, sh, "Discard changes")
	if sh.current != sectionClients || s.dirty || s.business.Text != "" {
		t.Errorf("Discard: section %s, dirty %v, text %q", sh.current, s.dirty, s.business.Text)
	}
	if p, _ := sh.store.Practice(context.Background()); p.BusinessName != "" {
		t.Error("discarded text was saved")
	}
	sh.show(sectionSettings)
	selectSection(t, sh, sectionClients) // nothing typed: no question
	if sh.current != sectionClients || hasDialog(sh) {
		t.Errorf("asked about nothing: %s", sh.current)
	}
}

func TestTitleFollowsThePracticeAfterLeavingTheDemo(t *testing.T) {
	sh := newTestShell(t, false)
	test.Tap(findWelcome(t, sh).explore)
	if !strings.Contains(sh.win.Title(), "(demo)") {
		t.Fatalf("demo title %q", sh.win.Title())
	}
	sh.reallyLeaveDemo()
	if got := sh.win.Title(); got != "Stillpoint" {
		t.Errorf("after leaving the demo the title is %q", got)
	}
	test.Tap(findWelcome(t, sh).setUp)
	test.Type(sh.settings.therapist, "Ingrid Søreide")
	test.Tap(sh.settings.saveBtn)
	if got := sh.win.Title(); got != "Stillpoint — Ingrid Søreide" {
		t.Errorf("after setting up the title is %q", got)
	}
}

// selectSection taps a section in the sidebar.
func selectSection(t *testing.T, sh *shell, section string) {
	t.Helper()
	for i, it := range sh.nav.items {
		if it.section == section {
			sh.nav.list.Select(i)
			return
		}
	}
	t.Fatalf("no section %s", section)
}

func hasDialog(sh *shell) bool {
	return sh.win.Canvas().Overlays().Top() != nil
}

// dialogButton finds the button labelled label in the dialog on screen.
func dialogButton(t *testing.T, sh *shell, label string) *widget.Button {
	t.Helper()
	top := sh.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog to answer %q", label)
	}
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Button:
			if w.Text == label {
				found = w
			}
			return
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
			return
		}
		if wid, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(wid).Objects() {
				walk(c)
			}
		}
	}
	walk(top)
	if found == nil {
		t.Fatalf("the dialog has no %q button:\n%s", label, allText(top))
	}
	return found
}

// answer taps a button of the dialog on screen.
func answer(t *testing.T, sh *shell, label string) {
	t.Helper()
	test.Tap(dialogButton(t, sh, label))
}

// pressKey types a key with nothing in the dialog focused, as the desktop
// driver delivers it to the canvas.
func pressKey(sh *shell, key fyne.KeyName) {
	if h := sh.win.Canvas().OnTypedKey(); h != nil {
		h(&fyne.KeyEvent{Name: key})
	}
}

func TestNewClientFromUnsavedSettingsAsksFirst(t *testing.T) {
	sh := newTestShell(t, true)
	sh.show(sectionSettings)
	typeInto(sh.settings.phone, "416")
	menuShortcut(t, sh, shortcutNewClient)
	if sh.current != sectionSettings || sh.clients.form != nil || !hasDialog(sh) {
		t.Fatalf("Ctrl+N left Settings without asking: %s, form %v", sh.current, sh.clients.form != nil)
	}
	answer(t, sh, "Keep editing")
	if sh.settings.phone.Text != "416" {
		t.Error("draft lost")
	}
}
