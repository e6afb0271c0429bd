package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

func TestHistoryOfChangesShowsAClientEdit(t *testing.T) {
	sh := newTestShell(t, true)
	c, notes := notesFixture(t, sh)
	c.Email = "ingrid.s@example.com"
	c.Alerts = "Latex allergy"
	if err := sh.store.UpdateClient(context.Background(), &c); err != nil {
		t.Fatal(err)
	}
	sh.clients.openClient(c.ID)
	if page := allText(sh.clients.page.obj); !strings.Contains(page, "History of changes") || strings.Contains(page, "Client record updated") {
		t.Errorf("the page has no folded history of changes:\n%s", page)
	}
	a := newClientAudit(sh, c.ID)
	if a.acc.Items[0].Open {
		t.Error("the history is open from the start")
	}
	a.acc.Open(0)
	text := allText(a.obj)
	for _, want := range []string{"Client record updated: changed e-mail, alerts", "Client record created\n",
		"Treatment note signed by Maya Lindqvist\n", "Treatment note amended. Reason: Wrong side\n",
		"Treatment note created: draft note for " + notes[0].VisitDate.Format() + "\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("history lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Email") {
		t.Errorf("a Go field name shows:\n%s", text)
	}
	// Newest first: the update comes before the creation.
	if strings.Index(text, "Client record updated") > strings.Index(text, "Client record created") {
		t.Errorf("not newest first:\n%s", text)
	}
}

func TestAuditSummaryInPlainWords(t *testing.T) {
	for in, want := range map[string]string{
		"changed Email, MobilePhone, RangeOfMotion": "changed e-mail, mobile phone, range of motion",
		"changed WorkPhone":                         "changed work phone",
		"archived":                                  "archived",
		"draft note for 2026-03-05 deleted":         "draft note for 5 Mar 2026 deleted",
	} {
		if got := auditSummary(data.AuditClient, in); got != want {
			t.Errorf("auditSummary(%q) = %q, want %q", in, got, want)
		}
	}
}

// resultText is a search result's plain text and its bold parts.
func resultText(r *searchRow) (all string, bold []string) {
	for _, s := range r.text.Segments {
		if ts, ok := s.(*widget.TextSegment); ok {
			all += ts.Text
			if ts.Style.TextStyle.Bold {
				bold = append(bold, ts.Text)
			}
		}
	}
	return all, bold
}

func TestGlobalSearchFindsANoteWithoutAccentsAndOpensIt(t *testing.T) {
	sh := newTestShell(t, true)
	_, notes := notesFixture(t, sh)
	sh.show(sectionSettings) // from any screen
	menuShortcut(t, sh, shortcutSearchAll)
	top := sh.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("Ctrl+Shift+F opened nothing")
	}
	entry, ok := sh.win.Canvas().Focused().(*keyEntry)
	if !ok {
		t.Fatalf("the cursor is in %T, not the search box", sh.win.Canvas().Focused())
	}
	test.Type(entry, "epaule")
	rows := searchRowsIn(top)
	if len(rows) == 0 {
		t.Fatalf("nothing found for epaule:\n%s", allText(top))
	}
	all, bold := resultText(rows[0])
	if !strings.Contains(all, "Ingrid Søndergaard") || len(bold) == 0 || bold[0] != "Épaule" {
		t.Errorf("first result %q with bold %q; want the note with Épaule in bold", all, bold)
	}
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	view := allText(sh.win.Canvas().Overlays().Top())
	if !strings.Contains(view, notes[0].Complaint) || !strings.Contains(view, "Signed by") {
		t.Errorf("Enter did not open the note:\n%s", view)
	}
}

func TestGlobalSearchOpensAClientWithTheKeyboard(t *testing.T) {
	sh := newTestShell(t, true)
	c, _ := notesFixture(t, sh)
	if err := sh.store.CreateClient(context.Background(), &data.Client{FirstName: "Ingmar", LastName: "Berg"}); err != nil {
		t.Fatal(err)
	}
	sh.show(sectionToday)
	pressShortcut(t, sh, shortcutSearchAll) // on the canvas, when no field has the focus
	if _, ok := sh.win.Canvas().Focused().(*keyEntry); !ok {
		t.Fatalf("Ctrl+Shift+F put the cursor in %T", sh.win.Canvas().Focused())
	}
	escape(sh)
	if sh.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape did not close the search")
	}
	g := sh.searchAll()
	test.Type(g.entry, "ing")
	if len(g.rows) < 2 || g.chosen != 0 {
		t.Fatalf("%d results, chosen %d", len(g.rows), g.chosen)
	}
	g.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	g.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	g.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if g.chosen != 1 || !g.rows[1].bg.Visible() || g.rows[0].bg.Visible() {
		t.Fatalf("Down, Up, Down chose %d", g.chosen)
	}
	all, _ := resultText(g.rows[1])
	if !strings.Contains(all, "Ingrid") {
		t.Fatalf("second result %q, want Ingrid", all)
	}
	g.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if sh.current != sectionClients || sh.clients.page == nil || sh.clients.page.client.ID != c.ID {
		t.Error("Enter did not open Ingrid's page")
	}
	if sh.win.Canvas().Overlays().Top() != nil {
		t.Error("the search stayed open")
	}
}

// searchRowsIn finds the search results shown under o, in order.
func searchRowsIn(o fyne.CanvasObject) []*searchRow {
	var out []*searchRow
	switch w := o.(type) {
	case *searchRow:
		return []*searchRow{w}
	case *fyne.Container:
		for _, c := range w.Objects {
			out = append(out, searchRowsIn(c)...)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			out = append(out, searchRowsIn(c)...)
		}
	}
	return out
}
