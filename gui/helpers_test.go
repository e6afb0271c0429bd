package gui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// newTestShell opens a real database in a temporary folder and builds the
// main window on Fyne's test app. With setUp, the practice profile is
// saved first, so the main screens show instead of the welcome.
func newTestShell(t *testing.T, setUp bool) *shell {
	t.Helper()
	return newTestShellAt(t, filepath.Join(t.TempDir(), "practice.db"), setUp)
}

func newTestShellAt(t *testing.T, path string, setUp bool) *shell {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(calmTheme{})
	st, err := data.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if setUp {
		p := data.Practice{TherapistName: "Maya Lindqvist", Currency: "CAD", TimeZone: "America/Toronto",
			PaperSize: data.PaperLetter}
		if err := st.SavePractice(context.Background(), &p); err != nil {
			t.Fatal(err)
		}
	}
	w := a.NewWindow("Stillpoint")
	sh := newTestShellOn(a, w, st)
	w.Resize(fyne.NewSize(1200, 800))
	sh.start()
	t.Cleanup(w.Close)
	return sh
}

// newTestShellOn builds the shell for a test: background work runs inline
// and timers are held, so every widget is touched from the test's goroutine
// (under the test driver fyne.Do runs on the calling goroutine, and Fyne's
// text shaper is not safe for two at once).
func newTestShellOn(a fyne.App, w fyne.Window, st *data.Store) *shell {
	sh := newShell(a, w, st, Options{Version: "test"})
	sh.async = func(f func()) { f() }
	sh.after = holdTimer
	return sh
}

// heldTimer is a timer that never fires: under the test driver fyne.Do runs
// on the calling goroutine, so a real one would touch widgets beside the test.
type heldTimer struct{}

func (heldTimer) Stop() bool { return true }

func holdTimer(time.Duration, func()) stopper { return heldTimer{} }

// typeInto replaces an entry's text the way a person would: select all,
// then type.
func typeInto(e interface {
	fyne.Focusable
	SetText(string)
}, text string) {
	e.SetText("")
	test.Type(e, text)
}

// richText is the plain text of a rich-text widget.
func richText(r *widget.RichText) string {
	var b strings.Builder
	for _, s := range r.Segments {
		if t, ok := s.(*widget.TextSegment); ok {
			b.WriteString(t.Text)
		}
	}
	return b.String()
}

// allText walks a tree of objects and returns the text of every label and
// rich text in it, one per line.
func allText(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *canvas.Text:
			b.WriteString(w.Text + "\n")
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.RichText:
			b.WriteString(richText(w) + "\n")
		case *widget.Button:
			b.WriteString("[" + w.Text + "]\n")
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
			return
		}
		if wid, ok := o.(fyne.Widget); ok {
			if _, isLabel := o.(*widget.Label); isLabel {
				return
			}
			if _, isRich := o.(*widget.RichText); isRich {
				return
			}
			for _, c := range test.WidgetRenderer(wid).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}

// storedClients is what the store holds for q. A failed search fails the
// test: a "nothing stored" check must never pass because the search broke.
func storedClients(t *testing.T, sh *shell, q data.ClientQuery) []data.ClientSummary {
	t.Helper()
	rows, err := sh.store.SearchClients(context.Background(), q)
	if err != nil {
		t.Fatalf("search %+v: %v", q, err)
	}
	return rows
}

// renderedRows returns the rows a list has built, in the order they were
// found: widget.List only builds the visible ones.
func renderedRows(l *widget.List) []fyne.CanvasObject {
	var rows []fyne.CanvasObject
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		if fmt.Sprintf("%T", o) == "*widget.listItem" {
			rows = append(rows, o)
			return
		}
		switch w := o.(type) {
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	for _, c := range test.WidgetRenderer(l).Objects() {
		walk(c)
	}
	return rows
}

// renderedText is the text actually drawn inside o: what truncation or
// wrapping left of each label, line by line.
func renderedText(o fyne.CanvasObject) []string {
	var lines []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *canvas.Text:
			lines = append(lines, w.Text)
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return lines
}
