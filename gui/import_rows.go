package gui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data/csvimport"
)

// show puts the preview on screen: the summary, the notices, the rows
// (those that cannot be imported first, then the duplicates, then the
// rest) and the Import button with what it will do.
func (w *importWizard) show() {
	p := w.preview
	if p == nil {
		w.order = nil
		w.list.Hide()
		w.notices.Hide()
		w.datesRow.Hide()
		w.mergeAll.Hide()
		w.mergeOne.Hide()
		w.undatedAll.Hide()
		w.undatedOne.Hide()
		w.detail.SetText("")
		w.importBtn.Disable()
		w.chooseBtn.SetText("Choose file…")
		return
	}
	c := p.Counts()
	w.status.SetText(importSummary(filepath.Base(w.file), p, c))
	w.notices.SetText(strings.Join(p.Notices, "\n"))
	w.notices.Hidden = len(p.Notices) == 0
	w.notices.Refresh()
	w.datesRow.Hidden = !hasColumn(p, csvimport.BirthDate)
	w.datesRow.Refresh()
	w.mergeAll.Hidden = c.Duplicate == 0
	// Set without OnChanged: unticking one row must not unmerge the others.
	w.mergeAll.Checked = c.Duplicate > 0 && c.Merge == c.Duplicate
	w.mergeAll.Refresh()
	w.undatedAll.Hidden = c.DateOnly == 0
	w.undatedAll.Checked = c.DateOnly > 0 && c.WithoutDate == c.DateOnly
	w.undatedAll.Refresh()
	w.order = w.order[:0]
	for _, st := range []csvimport.Status{csvimport.Bad, csvimport.Duplicate, csvimport.Ready} {
		for i, r := range p.Rows {
			if r.Status == st {
				w.order = append(w.order, i)
			}
		}
	}
	w.list.Show()
	w.list.Refresh()
	w.showChosen()
	w.chooseBtn.SetText("Choose another file…")
	w.chooseBtn.Importance = widget.MediumImportance
	w.chooseBtn.Refresh()
	n := c.Ready + c.Merge
	if n == 0 {
		w.importBtn.SetText("Nothing to import")
		w.importBtn.Disable()
	} else {
		w.importBtn.SetText("Import " + plural(c.Ready, "client", "clients"))
		if c.Ready == 0 {
			w.importBtn.SetText("Merge " + plural(c.Merge, "client", "clients"))
		}
		w.importBtn.Importance = widget.HighImportance
		w.importBtn.Enable()
	}
	w.importBtn.Refresh()
}

// importSummary is the line above the rows.
func importSummary(file string, p *csvimport.Preview, c csvimport.Counts) string {
	s := fmt.Sprintf("%s: %s. %s will be added as new clients.", file, plural(len(p.Rows), "row", "rows"),
		plural(c.Ready, "row", "rows"))
	if c.Bad > 0 {
		s += fmt.Sprintf(" %s cannot be imported (see why below).", plural(c.Bad, "row", "rows"))
	}
	if c.Duplicate > 0 {
		s += fmt.Sprintf(" %s: %d skipped, %d merged.", c.DuplicateWords(), c.Duplicate-c.Merge, c.Merge)
	}
	if c.WithoutDate > 0 {
		s += fmt.Sprintf(" %s without the date of birth.", plural(c.WithoutDate, "row is imported", "rows are imported"))
	}
	return s
}

func hasColumn(p *csvimport.Preview, f csvimport.Field) bool {
	for _, c := range p.Columns {
		if c.Field == f {
			return true
		}
	}
	return false
}

func (w *importWizard) rowCount() int { return len(w.order) }

// newImportRow is a list row: what happens to the row, then its name and
// the reason, on one line each.
func newImportRow() fyne.CanvasObject {
	head := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Truncation = fyne.TextTruncateEllipsis
	why := widget.NewLabel("")
	why.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(head, why)
}

func (w *importWizard) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(w.order) || w.preview == nil {
		return
	}
	r := w.preview.Rows[w.order[id]]
	labels := o.(*fyne.Container).Objects
	head, why := labels[0].(*widget.Label), labels[1].(*widget.Label)
	head.SetText(fmt.Sprintf("Row %d › %s › %s", r.Number, rowName(r), rowOutcome(r)))
	why.SetText(rowWhy(r))
	why.Importance = widget.MediumImportance
	if r.Status == csvimport.Bad {
		why.Importance = widget.DangerImportance
	}
	why.Refresh()
}

func rowName(r csvimport.Row) string {
	if n := r.Client.FormalName(); n != "" {
		return n
	}
	return "(no name)"
}

func rowOutcome(r csvimport.Row) string {
	switch r.Status {
	case csvimport.Bad:
		return "cannot be imported"
	case csvimport.Duplicate:
		if r.Merge {
			return "will fill the empty fields of the match"
		}
		return "skipped as a likely duplicate"
	}
	if r.WithoutDate {
		return "will be added without the date of birth"
	}
	return "will be added"
}

func rowWhy(r csvimport.Row) string {
	switch r.Status {
	case csvimport.Bad:
		return r.Reason
	case csvimport.Duplicate:
		return "Looks like the same person: " + r.Match.Describe() + "."
	}
	if r.WithoutDate {
		return "The date of birth is left out: " + r.Reason
	}
	var parts []string
	for _, v := range []string{r.Client.Email, r.Client.Phone(), r.Client.BirthDate.Format(), r.Client.City} {
		if v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, ", ")
}

// onSelected shows the chosen row in full below the list.
func (w *importWizard) onSelected(id widget.ListItemID) {
	if id < 0 || id >= len(w.order) {
		return
	}
	w.chosen = w.order[id]
	w.showChosen()
}

// showChosen shows the chosen row's reason in full, and for a duplicate
// the choice to merge it.
func (w *importWizard) showChosen() {
	if w.preview == nil || w.chosen < 0 || w.chosen >= len(w.preview.Rows) || w.done {
		w.detail.SetText(joinSentences("Choose a row to see it in full.",
			"Merging fills only the empty fields of the matching client and never changes what it already holds."))
		w.mergeOne.Hide()
		w.undatedOne.Hide()
		return
	}
	r := w.preview.Rows[w.chosen]
	w.detail.SetText(fmt.Sprintf("Row %d, %s: %s", r.Number, rowName(r), rowWhy(r)))
	w.undatedOne.Hidden = !r.DateOnly
	w.undatedOne.Checked = r.WithoutDate
	w.undatedOne.Refresh()
	if r.Status != csvimport.Duplicate {
		w.mergeOne.Hide()
		return
	}
	w.mergeOne.Text = "Merge row " + fmt.Sprint(r.Number) + " into " + r.Match.Name +
		" (fills only empty fields; skipped when not ticked)"
	w.mergeOne.Checked = r.Merge
	w.mergeOne.Show()
	w.mergeOne.Refresh()
}
