package gui

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/export"
	"github.com/stillpoint/stillpoint/data/pdf"
)

// incomeReport is the Reports screen's Income tab: a year's visits,
// receipts, tax and money received, month by month, and "Save as CSV…"
// for the accountant.
type incomeReport struct {
	sh      *shell
	gen     int
	year    *widget.Select
	saveCSV *widget.Button
	summary *widget.Label
	table   *fyne.Container // rows of equal columns: header, twelve months, total
	methods *widget.Label
	shown   data.IncomeYear
	locale  string
	obj     fyne.CanvasObject

	// chooseFile asks where to save; replaced in tests. path "" when cancelled.
	chooseFile func(suggested string, done func(path string))
}

// incomeColumns are the table's headings after the month.
var incomeColumns = []string{"Visits", "Receipts", "Invoiced", "Tax", "Received", "Prepaid used"}

func newIncomeReport(sh *shell) *incomeReport {
	r := &incomeReport{sh: sh, summary: wrapped(""), methods: wrapped(""),
		table: container.NewVBox()}
	r.chooseFile = r.saveDialog
	r.year = widget.NewSelect(nil, func(string) { r.reload() })
	r.saveCSV = widget.NewButton("Save as CSV…", r.onSave)
	r.saveCSV.Importance = widget.HighImportance
	r.saveCSV.Disable()
	intro := wrapped("Receipts count in the month they were issued, payments in the month they were received; " +
		"void receipts count nowhere. Prepaid used: visits paid with gift certificates or packages, " +
		"whose money was received when they were sold.")
	intro.Importance = widget.LowImportance
	top := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel("Year"), r.year), r.saveCSV)
	r.obj = container.NewBorder(top, nil, nil, nil, container.NewVScroll(container.NewVBox(r.summary, r.table, r.methods, intro)))
	return r
}

// reload lists the years and computes the chosen one off the UI goroutine.
func (r *incomeReport) reload() {
	r.gen++
	gen, st := r.gen, r.sh.store
	chosen, _ := strconv.Atoi(r.year.Selected)
	r.sh.background(func(ctx context.Context) func() {
		years, err := st.IncomeYears(ctx)
		var y data.IncomeYear
		var locale string
		if err == nil {
			if chosen == 0 || !slices.Contains(years, chosen) {
				chosen = st.Now().Year()
				if len(years) > 0 && !slices.Contains(years, chosen) {
					chosen = years[0]
				}
			}
			y, err = st.Income(ctx, chosen)
		}
		if err == nil {
			var rs data.ReceiptSettings
			rs, err = st.ReceiptSettings(ctx)
			locale = rs.Locale
		}
		return func() {
			if gen != r.gen || r.sh.store != st {
				return
			}
			if err != nil {
				r.summary.SetText("The income summary could not be shown: " + data.UserMessage(err))
				r.saveCSV.Disable()
				return
			}
			r.setYears(years, chosen)
			r.locale = locale
			r.show(y)
		}
	})
}

// setYears fills the year menu without calling back.
func (r *incomeReport) setYears(years []int, chosen int) {
	opts := make([]string, 0, len(years)+1)
	if !slices.Contains(years, chosen) {
		opts = append(opts, strconv.Itoa(chosen))
	}
	for _, y := range years {
		opts = append(opts, strconv.Itoa(y))
	}
	changed := r.year.OnChanged
	r.year.OnChanged = nil
	r.year.SetOptions(opts)
	r.year.SetSelected(strconv.Itoa(chosen))
	r.year.OnChanged = changed
}

func (r *incomeReport) money(cents int64) string {
	return data.FormatMoney(cents, r.shown.Currency, r.locale)
}

// show draws the year y.
func (r *incomeReport) show(y data.IncomeYear) {
	r.shown = y
	t := y.Total
	if t.Visits == 0 && t.Receipts == 0 && t.Received == 0 {
		r.summary.SetText(fmt.Sprintf("Nothing recorded in %d yet: completed visits and receipts appear here.", y.Year))
	} else {
		r.summary.SetText(fmt.Sprintf("%d: %s · %s invoiced · %s received · %s still owed.", y.Year,
			plural(t.Visits, "visit", "visits"), r.money(t.Invoiced), r.money(t.Received), r.money(y.Owing)))
	}
	tax := y.TaxName
	if tax == "" {
		tax = "Tax"
	}
	// Rows share their column widths; each is only as tall as its text.
	var rows []fyne.CanvasObject
	table := &tableColumns{}
	head := []fyne.CanvasObject{widget.NewLabelWithStyle("Month", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	for _, c := range incomeColumns {
		if c == "Tax" {
			c = tax
		}
		head = append(head, widget.NewLabelWithStyle(c, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
	}
	rows = append(rows, table.row(head...), widget.NewSeparator())
	row := func(label string, m data.IncomeMonth, bold bool) {
		st := fyne.TextStyle{Bold: bold}
		cells := []fyne.CanvasObject{widget.NewLabelWithStyle(label, fyne.TextAlignLeading, st)}
		for _, v := range []string{strconv.Itoa(m.Visits), strconv.Itoa(m.Receipts), r.money(m.Invoiced),
			r.money(m.Tax), r.money(m.Received), r.money(m.Redeemed)} {
			cells = append(cells, widget.NewLabelWithStyle(v, fyne.TextAlignTrailing, st))
		}
		rows = append(rows, table.row(cells...))
	}
	for _, m := range y.Months {
		row(m.Month.String(), m, false)
	}
	rows = append(rows, widget.NewSeparator())
	row("Total", t, true)
	r.table.Objects = rows
	r.table.Refresh()
	var parts []string
	for _, m := range data.PaymentMethods {
		if a, ok := y.ByMethod[m]; ok {
			parts = append(parts, m.Label()+" "+r.money(a))
		}
	}
	if len(parts) > 0 {
		r.methods.SetText("By payment method: " + strings.Join(parts, " · ") + ".")
	} else {
		r.methods.SetText("")
	}
	r.saveCSV.Enable()
}

// onSave asks where to save the year's summary and writes it as CSV:
// complete or not at all.
func (r *incomeReport) onSave() {
	y := r.shown
	r.chooseFile(fmt.Sprintf("Income %d.csv", y.Year), func(path string) {
		if path == "" {
			return
		}
		err := pdf.WriteFile(path, func(w io.Writer) error { return export.WriteIncomeCSV(w, y) },
			func() error { return nil }) // totals only: no client's record is disclosed
		if err != nil {
			showError(r.sh.win, err)
			return
		}
		showInfo("Saved", "Saved as "+filepath.Base(path)+".", r.sh.win)
	})
}

// saveDialog asks where to save, suggesting name, with CSV files shown.
func (r *incomeReport) saveDialog(name string, done func(string)) {
	chooseSaveFile(r.sh.win, name, ".csv", done)
}
