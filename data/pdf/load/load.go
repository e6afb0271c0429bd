// Package load reads from the Store what each printed document needs and
// returns it as the plain input of a data/pdf renderer. It is the one
// bridge between the two, shared by the app and the command line, so
// data/pdf itself never sees the Store.
package load

import (
	"context"
	"fmt"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/pdf"
)

// Note reads treatment note id with its client, visit, amendments and the
// practice. The creation date is the Store's clock (data.Store.Moment), so
// a test with a fixed clock gets the same bytes every time. A draft note is
// pdf.ErrDraft; a missing one wraps data.ErrNotFound.
func Note(ctx context.Context, st *data.Store, id int64) (pdf.NoteInput, error) {
	var in pdf.NoteInput
	n, err := st.Note(ctx, id)
	if err != nil {
		return in, fmt.Errorf("read note %d: %w", id, err)
	}
	if !n.Signed() {
		return in, pdf.ErrDraft
	}
	m, err := st.Moment(ctx)
	if err != nil {
		return in, fmt.Errorf("read the practice's clock: %w", err)
	}
	p, err := st.Practice(ctx)
	if err != nil {
		return in, fmt.Errorf("read the practice: %w", err)
	}
	c, err := st.Client(ctx, n.ClientID)
	if err != nil {
		return in, fmt.Errorf("read the client of note %d: %w", id, err)
	}
	am, err := st.Amendments(ctx, id)
	if err != nil {
		return in, fmt.Errorf("read the amendments of note %d: %w", id, err)
	}
	in = pdf.NoteInput{Practice: p, Client: c, Note: n, Amendments: am, Loc: m.Loc, Created: m.Now}
	if n.AppointmentID != 0 {
		a, err := st.Appointment(ctx, n.AppointmentID)
		if err != nil {
			return in, fmt.Errorf("read the visit of note %d: %w", id, err)
		}
		in.Visit = a.Start
	}
	return in, nil
}

// Receipt reads invoice id with its client, the practice and its receipt
// settings, and for a void invoice the one that replaces it (for a
// re-issued one, the void one it replaces). The copy printed is the
// invoice's print count: a receipt printed before is a DUPLICATE. A draft
// is pdf.ErrDraftInvoice; a missing invoice wraps data.ErrNotFound.
func Receipt(ctx context.Context, st *data.Store, id int64) (pdf.ReceiptInput, error) {
	var in pdf.ReceiptInput
	inv, err := st.Invoice(ctx, id)
	if err != nil {
		return in, fmt.Errorf("read invoice %d: %w", id, err)
	}
	if inv.Status == data.InvoiceDraft {
		return in, pdf.ErrDraftInvoice
	}
	m, err := st.Moment(ctx)
	if err != nil {
		return in, fmt.Errorf("read the practice's clock: %w", err)
	}
	p, err := st.Practice(ctx)
	if err != nil {
		return in, fmt.Errorf("read the practice: %w", err)
	}
	set, err := st.ReceiptSettings(ctx)
	if err != nil {
		return in, fmt.Errorf("read the receipt settings: %w", err)
	}
	c, err := st.Client(ctx, inv.ClientID)
	if err != nil {
		return in, fmt.Errorf("read the client of invoice %s: %w", inv.Number, err)
	}
	in = pdf.ReceiptInput{Practice: p, Settings: set, Client: c, Invoice: inv, Loc: m.Loc, Created: m.Now}
	if inv.Status == data.InvoiceVoid {
		if in.ReplacedBy, err = st.ReplacementOf(ctx, id); err != nil {
			return in, err
		}
	}
	if inv.ReplacesID != 0 {
		old, err := st.Invoice(ctx, inv.ReplacesID)
		if err != nil {
			return in, fmt.Errorf("read the invoice %s replaces: %w", inv.Number, err)
		}
		in.Replaces = old.Number
	}
	return in, nil
}

// ReceiptNumber reads the receipt printed with a number ("R-000042",
// matched as stored) like Receipt.
func ReceiptNumber(ctx context.Context, st *data.Store, number string) (pdf.ReceiptInput, error) {
	inv, err := st.InvoiceByNumber(ctx, number)
	if err != nil {
		return pdf.ReceiptInput{}, fmt.Errorf("read receipt %s: %w", number, err)
	}
	return Receipt(ctx, st, inv.ID)
}
