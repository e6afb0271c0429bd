package gui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/csvimport"
)

// importWizard brings clients in from another program's CSV export, in one
// dialog: choose the file, read the preview (every row that cannot be
// imported with its reason, every likely duplicate to skip or merge),
// import, see the result. Nothing is written before Import is pressed, and
// the import is all or nothing.
type importWizard struct {
	sh  *shell
	dlg *dialog.CustomDialog

	status   *widget.Label // what the file holds, or the result
	notices  *widget.Label
	dates    *widget.Select // how numeric dates of birth are read
	datesRow *fyne.Container
	mergeAll *widget.Check
	list     *widget.List
	detail   *widget.Label // the chosen row in full
	mergeOne *widget.Check // merge the chosen duplicate
	// undatedAll imports every row refused only for its date of birth
	// without the date; undatedOne the chosen such row. Off by default.
	undatedAll *widget.Check
	undatedOne *widget.Check
	progress   *widget.ProgressBarInfinite
	chooseBtn  *widget.Button
	importBtn  *widget.Button
	closeBtn   *widget.Button

	file    string
	table   *csvimport.Table
	preview *csvimport.Preview
	order   []int // rows in the order shown: cannot import, duplicates, then the rest
	chosen  int   // index in preview.Rows of the chosen row, -1 for none
	busy    bool
	done    bool
}

// Date order choices, as the select shows them.
const (
	datesDayFirst   = "day/month/year"
	datesMonthFirst = "month/day/year"
)

// importClients opens the import wizard (File › Import Clients…).
func (sh *shell) importClients() { sh.openImportWizard() }

// openImportWizard shows a new import wizard and returns it.
func (sh *shell) openImportWizard() *importWizard {
	w := newImportWizard(sh)
	c := sh.win.Canvas()
	prev := c.OnTypedKey()
	w.dlg.SetOnClosed(func() { c.SetOnTypedKey(prev) })
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			w.onClose() // Escape closes, except while the file is read or written
		}
	})
	w.dlg.Show()
	w.dlg.Resize(bookingDialogSize(sh.win))
	sh.win.Canvas().Focus(w.chooseBtn)
	return w
}

func newImportWizard(sh *shell) *importWizard {
	w := &importWizard{sh: sh, chosen: -1}
	w.status = widget.NewLabel("Choose the CSV file your previous program or spreadsheet exported. " +
		"You will see what each row becomes before anything is added.")
	w.status.Wrapping = fyne.TextWrapWord
	w.notices = widget.NewLabel("")
	w.notices.Wrapping = fyne.TextWrapWord
	w.notices.Importance = widget.WarningImportance
	w.notices.Hide()
	w.dates = widget.NewSelect([]string{datesDayFirst, datesMonthFirst}, w.onDates)
	w.datesRow = container.NewBorder(nil, nil, widget.NewLabel("Dates of birth:"), nil, w.dates)
	w.datesRow.Hide()
	w.mergeAll = widget.NewCheck("Merge all likely duplicates", w.onMergeAll)
	w.mergeAll.Hide()
	w.list = widget.NewList(w.rowCount, newImportRow, w.updateRow)
	w.list.OnSelected = w.onSelected
	w.list.Hide()
	w.detail = widget.NewLabel("")
	w.detail.Wrapping = fyne.TextWrapWord
	w.mergeOne = widget.NewCheck("Merge this row into the matching client", w.onMergeOne)
	w.mergeOne.Hide()
	w.undatedAll = widget.NewCheck("Import the rows whose only problem is the date of birth, without the date",
		w.onUndatedAll)
	w.undatedAll.Hide()
	w.undatedOne = widget.NewCheck("Import this row without its date of birth", w.onUndatedOne)
	w.undatedOne.Hide()
	w.progress = widget.NewProgressBarInfinite()
	w.progress.Stop()
	w.progress.Hide()
	w.chooseBtn = widget.NewButton("Choose file…", w.onChoose)
	w.chooseBtn.Importance = widget.HighImportance
	w.importBtn = widget.NewButton("Import", w.onImport)
	w.importBtn.Disable()
	w.closeBtn = widget.NewButton("Cancel", w.onClose)

	top := container.NewVBox(w.status, w.notices, container.NewGridWithColumns(2, w.datesRow, w.mergeAll),
		w.undatedAll)
	bottom := container.NewVBox(w.detail, w.mergeOne, w.undatedOne, w.progress,
		container.NewHBox(w.chooseBtn, layout.NewSpacer(), w.closeBtn, w.importBtn))
	w.dlg = dialog.NewCustomWithoutButtons("Import clients", container.NewBorder(top, bottom, nil, nil, w.list), sh.win)
	return w
}

// onChoose asks for the CSV file.
func (w *importWizard) onChoose() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(w.sh.win, err)
			return
		}
		if r == nil {
			return // cancelled
		}
		path := r.URI().Path()
		r.Close()
		w.open(path)
	}, w.sh.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".txt", ".tsv"}))
	if l := startFolder(); l != nil { // Documents, Downloads or home: never "/"
		d.SetLocation(l)
	}
	d.Show()
	d.Resize(fyne.NewSize(min(700, w.sh.win.Canvas().Size().Width-40), min(480, w.sh.win.Canvas().Size().Height-40)))
}

// open reads and previews the file at path, off the UI goroutine.
func (w *importWizard) open(path string) {
	w.setBusy(true, "Reading "+filepath.Base(path)+"…")
	st := w.sh.store
	w.sh.background(func(ctx context.Context) func() {
		tab, err := readImportFile(path)
		var p *csvimport.Preview
		if err == nil {
			p, err = csvimport.Load(ctx, st, tab, csvimport.Options{})
		}
		return func() {
			w.setBusy(false, "")
			if err != nil {
				w.status.SetText(fmt.Sprintf("%s cannot be imported: %s", filepath.Base(path), importProblem(err)))
				w.table, w.preview = nil, nil
				w.show()
				return
			}
			w.file, w.table, w.preview = path, tab, p
			w.dates.Selected = datesDayFirst
			if p.DateOrder == csvimport.MonthFirst {
				w.dates.Selected = datesMonthFirst
			}
			w.dates.Refresh()
			w.show()
		}
	})
}

// readImportFile reads and parses a CSV file.
func readImportFile(path string) (*csvimport.Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	return csvimport.ParseReader(f)
}

// importProblem is why a file cannot be read, in plain words.
func importProblem(err error) string {
	var re *csvimport.ReadError
	if errors.As(err, &re) || errors.Is(err, csvimport.ErrEmpty) || errors.Is(err, csvimport.ErrNoNames) {
		return err.Error() + "."
	}
	return data.UserMessage(err)
}

// onDates reads the file again with the chosen date order.
func (w *importWizard) onDates(choice string) {
	if w.table == nil || w.busy {
		return
	}
	order := csvimport.DayFirst
	if choice == datesMonthFirst {
		order = csvimport.MonthFirst
	}
	if w.preview != nil && w.preview.DateOrder == order {
		return
	}
	st, tab, merge, undated := w.sh.store, w.table, w.mergeAll.Checked, w.undatedAll.Checked
	w.sh.background(func(ctx context.Context) func() {
		p, err := csvimport.Load(ctx, st, tab, csvimport.Options{DateOrder: order})
		return func() {
			if err != nil {
				showError(w.sh.win, err)
				return
			}
			p.SetWithoutDateAll(undated)
			p.SetMergeAll(merge)
			w.preview = p
			w.show()
		}
	})
}

// onMergeAll sets every duplicate to merge or to be skipped.
func (w *importWizard) onMergeAll(on bool) {
	if w.preview == nil {
		return
	}
	w.preview.SetMergeAll(on)
	w.show()
}

// onMergeOne sets the chosen duplicate to merge or to be skipped.
func (w *importWizard) onMergeOne(on bool) {
	if w.preview == nil || w.chosen < 0 {
		return
	}
	w.preview.Rows[w.chosen].Merge = on
	w.show()
}

// onUndatedAll imports every row refused only for its date of birth
// without the date (on), or refuses them again.
func (w *importWizard) onUndatedAll(on bool) {
	if w.preview == nil {
		return
	}
	w.preview.SetWithoutDateAll(on)
	w.show()
}

// onUndatedOne makes the same choice for the chosen row.
func (w *importWizard) onUndatedOne(on bool) {
	if w.preview == nil || w.chosen < 0 {
		return
	}
	w.preview.SetWithoutDate(w.chosen, on)
	w.show()
}

// onImport writes the batch in one transaction, off the UI goroutine.
func (w *importWizard) onImport() {
	if w.preview == nil || w.busy {
		return
	}
	w.setBusy(true, "Importing…")
	st, p := w.sh.store, w.preview
	w.sh.background(func(ctx context.Context) func() {
		res, err := csvimport.Import(ctx, st, p)
		return func() {
			w.setBusy(false, "")
			if err != nil {
				w.status.SetText("Nothing was imported: " + data.UserMessage(err))
				return
			}
			w.done = true
			w.status.SetText(importResultText(res))
			w.importBtn.Hide()
			w.chooseBtn.Hide()
			w.mergeAll.Hide()
			w.mergeOne.Hide()
			w.undatedAll.Hide()
			w.undatedOne.Hide()
			w.datesRow.Hide()
			w.closeBtn.SetText("Done")
			w.closeBtn.Importance = widget.HighImportance
			w.closeBtn.Refresh()
			w.sh.win.Canvas().Focus(w.closeBtn)
			w.sh.clientsChanged()
		}
	})
}

// importResultText says what an import did.
func importResultText(res data.ClientImportResult) string {
	s := fmt.Sprintf("Imported %s.", plural(res.Created, "new client", "new clients"))
	if res.Merged > 0 {
		s += fmt.Sprintf(" Filled %s in %s; nothing they already held was changed.",
			plural(res.Filled, "empty field", "empty fields"), plural(res.Merged, "existing client", "existing clients"))
	}
	return s
}

// onClose closes the wizard; while busy it waits.
func (w *importWizard) onClose() {
	if w.busy {
		return
	}
	w.dlg.Hide()
}

// setBusy shows the progress bar and turns the buttons off while the file
// is read or written.
func (w *importWizard) setBusy(on bool, msg string) {
	w.busy = on
	for _, b := range []*widget.Button{w.chooseBtn, w.importBtn, w.closeBtn} {
		if on {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	if on {
		w.status.SetText(msg)
		w.progress.Show()
		w.progress.Start()
		return
	}
	w.progress.Stop()
	w.progress.Hide()
}

// clientsChanged refreshes the client list after records were added
// behind the screens' backs, or leaves the welcome screen for the main ones.
func (sh *shell) clientsChanged() {
	if sh.clients != nil {
		sh.clients.refresh()
		return
	}
	sh.start()
}

// joinSentences joins the non-empty parts with spaces.
func joinSentences(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " ")
}
