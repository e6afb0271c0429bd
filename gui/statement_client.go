package gui

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// clientStatement is "Statement…" on a client's page: the year-end
// statement of one client, for a year they had paid visits in, saved as a
// PDF or printed.
type clientStatement struct {
	year *widget.Select
	pdf  *pdfActions // nil when the client has no paid visits
	dlg  *dialog.CustomDialog
	body fyne.CanvasObject // what the dialog shows
}

// statementYears is how many years back the client's statement looks.
const statementYears = 10

// showClientStatement opens the statement dialog for client c.
func (sh *shell) showClientStatement(c data.Client) *clientStatement {
	ctx := context.Background()
	today, err := sh.store.Today(ctx)
	if err != nil {
		showError(sh.win, err)
		return nil
	}
	var years []string
	for y := today.Year; y > today.Year-statementYears; y-- {
		visits, err := sh.store.PaidVisits(ctx, c.ID, y)
		if err != nil {
			showError(sh.win, err)
			return nil
		}
		if len(visits) > 0 {
			years = append(years, strconv.Itoa(y))
		}
	}
	s := &clientStatement{}
	var body fyne.CanvasObject
	closeBtn := widget.NewButton("Close", func() { s.dlg.Hide() })
	buttons := container.NewHBox(layoutSpacer())
	if len(years) == 0 {
		l := widget.NewLabel(c.FormalName() + " has no paid visits in the last " + strconv.Itoa(statementYears) + " years, so there is no statement to print.")
		l.Wrapping = fyne.TextWrapWord
		body = l
	} else {
		first, _ := strconv.Atoi(years[0])
		s.pdf = newPDFActions(sh, statementDocument(c, first))
		s.year = widget.NewSelect(years, func(v string) {
			y, _ := strconv.Atoi(v)
			s.pdf.doc = statementDocument(c, y)
		})
		s.year.SetSelectedIndex(0)
		note := widget.NewLabel("Every visit paid in full that year, with the total, for insurance and tax claims.")
		note.Wrapping = fyne.TextWrapWord
		body = container.NewVBox(widget.NewForm(widget.NewFormItem("Year", s.year)), note)
		buttons.Add(s.pdf.saveBtn)
		buttons.Add(s.pdf.printBtn)
	}
	buttons.Add(closeBtn)
	s.body = container.NewBorder(nil, buttons, nil, nil, body)
	s.dlg = dialog.NewCustomWithoutButtons("Year-end statement · "+c.FormalName(), s.body, sh.win)
	s.dlg.Resize(fyne.NewSize(min(520, sh.win.Canvas().Size().Width-40), 0))
	s.dlg.Show()
	return s
}
