package gui

import (
	"context"
	"io"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/pdf"
	"github.com/stillpoint/stillpoint/data/pdf/load"
)

// carePlanPDF is a saved plan's "Save as PDF…" and "Print…" with the
// "Include the home-care handouts" check. It prints the plan as last
// saved.
type carePlanPDF struct {
	actions      *pdfActions
	withHandouts *widget.Check
	with         atomic.Bool // the check's state, read when the PDF is made (off the UI goroutine)
	obj          fyne.CanvasObject
}

// carePlanDocument is plan id as a document; with says whether the
// home-care handouts are attached, read when it is made.
func carePlanDocument(p data.CarePlan, with *atomic.Bool) pdfDocument {
	return pdfDocument{
		fileName: pdf.FileName(pdf.CarePlanTitle, p.ClientName, p.StartDate),
		id:       p.ID,
		prepare: func(ctx context.Context, st *data.Store) (func(io.Writer) error, error) {
			in, err := load.CarePlan(ctx, st, p.ID, with.Load())
			if err != nil {
				return nil, err
			}
			return func(w io.Writer) error { return pdf.WriteCarePlan(w, in) }, nil
		},
		record: func(ctx context.Context, st *data.Store, action data.AuditAction) error {
			return st.RecordCarePlanOutput(ctx, action, p.ID, with.Load())
		},
	}
}

// newCarePlanPDF makes the buttons for saved plan p.
func newCarePlanPDF(sh *shell, p data.CarePlan) *carePlanPDF {
	c := &carePlanPDF{}
	c.actions = newPDFActions(sh, carePlanDocument(p, &c.with))
	c.withHandouts = widget.NewCheck("Include the home-care handouts", func(on bool) { c.with.Store(on) })
	c.obj = container.NewHBox(c.withHandouts, c.actions.saveBtn, c.actions.printBtn)
	return c
}
