package gui

import (
	"context"
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/pdf"
	"github.com/stillpoint/stillpoint/data/pdf/load"
)

// allHistory is the plan menu's choice for a report over every visit.
const allHistory = "All visits (no care plan)"

// progressDocument is a client's progress report as a document, over plan
// planID (0: the whole history), with the therapist's summary and next
// steps as typed.
func progressDocument(c data.Client, planID int64, today data.Date, summary, next string) pdfDocument {
	return pdfDocument{
		fileName: pdf.FileName(pdf.ProgressTitle, c.FormalName(), today),
		entity:   data.AuditClient,
		id:       c.ID,
		prepare: func(ctx context.Context, st *data.Store) (func(io.Writer) error, error) {
			in, err := load.Progress(ctx, st, c.ID, planID, summary, next)
			if err != nil {
				return nil, err
			}
			return func(w io.Writer) error { return pdf.WriteProgress(w, in) }, nil
		},
	}
}

// progressReport is the "Progress report…" dialog: which care plan (or
// all visits), the therapist's summary and next steps (optional), then
// Save as PDF or Print.
type progressReport struct {
	plan          *widget.Select
	planIDs       []int64 // parallel to plan.Options
	summary, next *entry
	actions       *pdfActions
	dlg           *dialog.CustomDialog
}

// openProgressReport shows the dialog for client id.
func (sh *shell) openProgressReport(clientID int64) *progressReport {
	ctx := context.Background()
	c, err := sh.store.Client(ctx, clientID)
	if err != nil {
		showError(sh.win, err)
		return nil
	}
	plans, err := sh.store.ClientCarePlans(ctx, clientID)
	if err != nil {
		showError(sh.win, err)
		return nil
	}
	today, err := sh.store.Today(ctx)
	if err != nil {
		showError(sh.win, err)
		return nil
	}
	r := &progressReport{}
	var labels []string
	for _, p := range plans {
		labels = append(labels, fmt.Sprintf("%s (%s, from %s)", p.Condition, p.Status.Label(), p.StartDate.Format()))
		r.planIDs = append(r.planIDs, p.ID)
	}
	labels, r.planIDs = append(labels, allHistory), append(r.planIDs, 0)
	r.plan = widget.NewSelect(labels, nil)
	r.plan.SetSelectedIndex(0) // the active or latest plan first (ClientCarePlans' order)
	r.summary = newTextArea("How treatment has gone (optional)", 4, 2000)
	r.next = newTextArea("What comes next (optional)", 3, 2000)
	r.actions = newPDFActions(sh, progressDocument(c, 0, today, "", ""))
	// The document is taken from what is typed when a button is pressed, on
	// the UI goroutine, before the PDF is made in the background.
	snapshot := func() {
		id := int64(0)
		if i := r.plan.SelectedIndex(); i >= 0 {
			id = r.planIDs[i]
		}
		r.actions.doc = progressDocument(c, id, today, r.summary.Text, r.next.Text)
	}
	save, print := r.actions.onSave, r.actions.onPrint
	r.actions.saveBtn.OnTapped = func() { snapshot(); save() }
	r.actions.printBtn.OnTapped = func() { snapshot(); print() }
	r.actions.saveBtn.Importance = widget.HighImportance
	form := widget.NewForm(
		widget.NewFormItem("Covering", r.plan),
		widget.NewFormItem("Summary", r.summary),
		widget.NewFormItem("Next steps", r.next))
	intro := widget.NewLabel("A report of " + c.DisplayName() + "'s measures and goals, to give the client or attach to an insurer's request.")
	intro.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(intro, container.NewHBox(layoutSpacer(), r.actions.saveBtn, r.actions.printBtn), nil, nil,
		container.NewVScroll(form))
	r.dlg = dialog.NewCustom("Progress report", "Close", body, sh.win)
	size := dialogSize(sh.win.Canvas().Size())
	r.dlg.Resize(fyne.NewSize(min(size.Width, 640), min(size.Height, 460)))
	r.dlg.Show()
	return r
}
