package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

func TestImportWizardImportsARowWithABadDateWithoutItWhenChosen(t *testing.T) {
	sh, w := openImport(t)
	// Row 7 (Tomás) is refused for its date of birth in the future only.
	if !w.undatedAll.Visible() || w.undatedAll.Checked || w.importBtn.Text != "Import 2 clients" {
		t.Fatalf("by default the row is refused: all visible %v checked %v, %q",
			w.undatedAll.Visible(), w.undatedAll.Checked, w.importBtn.Text)
	}
	for i, idx := range w.order {
		if w.preview.Rows[idx].Number == 7 {
			w.list.Select(i)
		}
	}
	if !w.undatedOne.Visible() {
		t.Fatal("no per-row choice for a row refused only for its date")
	}
	test.Tap(w.undatedOne)
	if w.importBtn.Text != "Import 3 clients" || !strings.Contains(w.status.Text, "1 row is imported without the date of birth") {
		t.Errorf("after choosing row 7: %q / %q", w.importBtn.Text, w.status.Text)
	}
	if !strings.Contains(w.detail.Text, "The date of birth is left out") {
		t.Errorf("detail %q", w.detail.Text)
	}
	// Rows with other problems stay refused, and so does the choice of
	// everything else.
	for i, idx := range w.order {
		if w.preview.Rows[idx].Number == 4 {
			w.list.Select(i)
		}
	}
	if w.undatedOne.Visible() {
		t.Error("the choice is offered for a row with no last name")
	}
	test.Tap(w.importBtn)
	rows, err := sh.store.SearchClients(context.Background(), data.ClientQuery{Text: "Herrera"})
	if err != nil || len(rows) != 1 {
		t.Fatalf("Tomás Herrera: %d rows, %v", len(rows), err)
	}
	c, err := sh.store.Client(context.Background(), rows[0].ID)
	if err != nil || !c.BirthDate.IsZero() {
		t.Errorf("imported %+v, %v", c.BirthDate, err)
	}
}
