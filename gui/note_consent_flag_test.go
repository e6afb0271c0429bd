package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// A mark on a sensitive area the client has not consented to is flagged
// under the body chart; a mark elsewhere is not.
func TestNoteFlagsSensitiveMarksWithoutConsent(t *testing.T) {
	sh := newTestShell(t, true)
	c := &data.Client{FirstName: "Ada", LastName: "Byrne"}
	if err := sh.store.CreateClient(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	sh.newNote(c.ID)
	e := sh.noteEd
	if e == nil {
		t.Fatal("no note editor")
	}
	chart := e.w.chart
	chart.SetKind(markTension)
	test.TapAt(chart.figures, figurePoint(chart.figures, bodyBack, 0.5, 0.22)) // upper back
	if e.w.consentWarn.Visible() {
		t.Fatalf("a mark on the upper back is flagged: %q", e.w.consentWarn.Text)
	}
	test.TapAt(chart.figures, figurePoint(chart.figures, bodyBack, 0.5, 0.5)) // gluteals
	if !e.w.consentWarn.Visible() || !strings.Contains(e.w.consentWarn.Text, "gluteals") {
		t.Errorf("a mark on the gluteals without consent is not flagged: %q (shown %v)",
			e.w.consentWarn.Text, e.w.consentWarn.Visible())
	}
}
