package gui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/csvimport"
)

// importFixture is a test file of the csvimport package.
func importFixture(name string) string {
	return filepath.Join("..", "data", "csvimport", "testdata", name)
}

// openImport opens the wizard on jane.csv in a practice that holds Ada
// Lovelace (whom row 9 duplicates).
func openImport(t *testing.T) (*shell, *importWizard) {
	t.Helper()
	sh := newTestShell(t, true)
	if err := sh.store.CreateClient(context.Background(), &data.Client{FirstName: "Ada", LastName: "Lovelace",
		Email: "ada@example.com"}); err != nil {
		t.Fatal(err)
	}
	sh.showMain(sectionClients)
	sh.win.Resize(fyne.NewSize(1024, 600)) // a laptop at 125 %
	w := sh.openImportWizard()
	w.open(importFixture("jane.csv"))
	if w.preview == nil {
		t.Fatalf("no preview: %s", w.status.Text)
	}
	return sh, w
}

func TestImportWizardPreviewThenImport(t *testing.T) {
	sh, w := openImport(t)
	for _, want := range []string{"jane.csv: 7 rows. 2 rows will be added", "3 rows cannot be imported",
		"1 row looks like a client you already have and 1 row looks like an earlier row of this file: 2 skipped, 0 merged."} {
		if !strings.Contains(w.status.Text, want) {
			t.Errorf("summary %q lacks %q", w.status.Text, want)
		}
	}
	if !strings.Contains(w.notices.Text, `"Patient ID"`) {
		t.Errorf("notices %q", w.notices.Text)
	}
	// Rows that cannot be imported come first, with their reasons.
	if got := w.preview.Rows[w.order[0]]; got.Number != 4 || got.Status != csvimport.Bad {
		t.Errorf("first row shown %+v", got)
	}
	if w.importBtn.Text != "Import 2 clients" || w.importBtn.Disabled() {
		t.Errorf("import button %q disabled=%v", w.importBtn.Text, w.importBtn.Disabled())
	}
	// Choose the duplicate of Ada (row 9) and merge it.
	for i, idx := range w.order {
		if w.preview.Rows[idx].Number == 9 {
			w.list.Select(i)
		}
	}
	if !w.mergeOne.Visible() || !strings.Contains(w.detail.Text, "already in your practice") {
		t.Fatalf("chosen duplicate: detail %q, merge visible %v", w.detail.Text, w.mergeOne.Visible())
	}
	test.Tap(w.mergeOne)
	if c := w.preview.Counts(); c.Merge != 1 || w.mergeAll.Checked {
		t.Errorf("after merging one row: %+v, merge all %v", c, w.mergeAll.Checked)
	}
	test.Tap(w.importBtn)
	if w.status.Text != "Imported 2 new clients. Filled 2 empty fields in 1 existing client; nothing they already held was changed." {
		t.Errorf("result %q", w.status.Text)
	}
	if w.closeBtn.Text != "Done" || w.importBtn.Visible() {
		t.Errorf("after the import: close %q, import visible %v", w.closeBtn.Text, w.importBtn.Visible())
	}
	keys, _ := sh.store.ClientKeys(context.Background())
	if len(keys) != 3 {
		t.Errorf("%d clients after the import, want 3", len(keys))
	}
	if len(sh.clients.rows) != 3 {
		t.Errorf("the client list shows %d clients, want 3", len(sh.clients.rows))
	}
}

func TestImportWizardSaysWhyAFileCannotBeRead(t *testing.T) {
	sh := newTestShell(t, true)
	sh.showMain(sectionClients)
	w := newImportWizard(sh)
	w.dlg.Show()
	w.open(filepath.Join(t.TempDir(), "missing.csv"))
	if w.preview != nil || !w.importBtn.Disabled() || !strings.Contains(w.status.Text, "missing.csv cannot be imported") {
		t.Errorf("missing file: %q, import disabled %v", w.status.Text, w.importBtn.Disabled())
	}
	w.open(filepath.Join("..", "go.mod"))
	if !strings.Contains(w.status.Text, "no column of names was found") {
		t.Errorf("not a client list: %q", w.status.Text)
	}
}

func TestImportWizardDateOrderAndMergeAll(t *testing.T) {
	sh := newTestShell(t, true)
	sh.showMain(sectionClients)
	w := newImportWizard(sh)
	w.dlg.Show()
	w.open(importFixture("bom-crlf.csv"))
	if !w.datesRow.Visible() || w.dates.Selected != datesDayFirst {
		t.Fatalf("dates row visible %v, selected %q", w.datesRow.Visible(), w.dates.Selected)
	}
	w.dates.SetSelected(datesMonthFirst)
	if w.preview.DateOrder != csvimport.MonthFirst {
		t.Errorf("order %v after choosing month first", w.preview.DateOrder)
	}
}

func TestImportWizardByKeyboardAtLaptopSize(t *testing.T) {
	for _, th := range []fyne.Theme{lightTheme{}, darkTheme{}} {
		sh, w := openImport(t)
		sh.app.Settings().SetTheme(th)
		size := fyne.NewSize(1024, 600)
		sh.win.Resize(size.SubtractWidthHeight(1, 1)) // lay out again, as the next frame does
		sh.win.Resize(size)
		saveRender(t, fmt.Sprintf("import-%T", th), sh.win.Canvas())
		for _, b := range []*widget.Button{w.importBtn, w.closeBtn, w.chooseBtn} {
			pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
			if !b.Visible() || pos.X < 0 || pos.Y < 0 || pos.X+b.Size().Width > size.Width || pos.Y+b.Size().Height > size.Height {
				t.Errorf("%T: button %q at %v size %v is not on screen", th, b.Text, pos, b.Size())
			}
		}
		// Tab reaches the merge-all box, the row list and the Import button.
		c := sh.win.Canvas()
		reached := map[fyne.Focusable]bool{}
		for range 40 {
			c.FocusNext()
			if f := c.Focused(); f != nil {
				reached[f] = true
			}
		}
		for name, f := range map[string]fyne.Focusable{"merge all": w.mergeAll, "rows": w.list, "Import": w.importBtn} {
			if !reached[f] {
				t.Errorf("%T: Tab never reaches %s", th, name)
			}
		}
		c.Focus(w.mergeAll)
		test.Type(w.mergeAll, " ")
		if w.preview.Counts().Merge != 2 {
			t.Errorf("Space on merge all: %+v", w.preview.Counts())
		}
		c.Focus(w.importBtn)
		w.importBtn.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
		if !w.done {
			t.Errorf("%T: Space on Import did not import: %q", th, w.status.Text)
		}
	}
}
