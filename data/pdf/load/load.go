// Package load reads from the Store what each printed document needs and
// returns it as the plain input of a data/pdf renderer. It is the one
// bridge between the two, shared by the app and the command line, so
// data/pdf itself never sees the Store.
package load

import (
	"context"
	"fmt"
	"time"

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
	p, m, err := practiceNow(ctx, st)
	if err != nil {
		return in, err
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
		ci, err := st.CheckInForAppointment(ctx, n.AppointmentID)
		if err != nil {
			return in, fmt.Errorf("read the check-in of note %d: %w", id, err)
		}
		if ci.ID != 0 {
			in.CheckIn = ci.Summary(n.Pain)
		}
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
	p, m, err := practiceNow(ctx, st)
	if err != nil {
		return in, err
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
// in any case, spaces around it ignored) like Receipt.
func ReceiptNumber(ctx context.Context, st *data.Store, number string) (pdf.ReceiptInput, error) {
	inv, err := st.InvoiceByNumber(ctx, number)
	if err != nil {
		return pdf.ReceiptInput{}, fmt.Errorf("read receipt %s: %w", number, err)
	}
	return Receipt(ctx, st, inv.ID)
}

// Statement reads client clientID's year-end statement for year: the
// visits of that year on fully paid receipts, how each was paid, the
// practice and its receipt settings. A client with no paid visit that year
// is pdf.ErrNoPaidVisits; a missing client wraps data.ErrNotFound.
func Statement(ctx context.Context, st *data.Store, clientID int64, year int) (pdf.StatementInput, error) {
	c, err := st.Client(ctx, clientID)
	if err != nil {
		return pdf.StatementInput{}, fmt.Errorf("read client %d: %w", clientID, err)
	}
	sh, err := Shared(ctx, st)
	if err != nil {
		return pdf.StatementInput{}, err
	}
	return StatementFor(ctx, st, sh, c, year)
}

// SharedInput is what every statement of a bulk run has in common, read
// once (Shared): the practice, its receipt settings and the creation date.
type SharedInput struct {
	Practice data.Practice
	Settings data.ReceiptSettings
	Created  time.Time
}

// Shared reads the practice, its receipt settings and the Store's clock.
func Shared(ctx context.Context, st *data.Store) (SharedInput, error) {
	var sh SharedInput
	p, m, err := practiceNow(ctx, st)
	if err != nil {
		return sh, err
	}
	sh.Practice = p
	if sh.Settings, err = st.ReceiptSettings(ctx); err != nil {
		return sh, fmt.Errorf("read the receipt settings: %w", err)
	}
	sh.Created = m.Now
	return sh, nil
}

// StatementFor reads client c's paid visits and how they were paid in
// year, with the shared parts read once by Shared.
func StatementFor(ctx context.Context, st *data.Store, sh SharedInput, c data.Client, year int) (pdf.StatementInput, error) {
	in := pdf.StatementInput{Practice: sh.Practice, Settings: sh.Settings, Client: c, Year: year, Created: sh.Created}
	var err error
	if in.Visits, err = st.PaidVisits(ctx, c.ID, year); err != nil {
		return in, err
	}
	if len(in.Visits) == 0 {
		return in, pdf.ErrNoPaidVisits
	}
	if in.Methods, err = st.StatementMethods(ctx, c.ID, year); err != nil {
		return in, err
	}
	return in, nil
}

// practiceNow reads what every document's letterhead and date need: the
// practice's profile and the Store's clock (its now, zone and today).
func practiceNow(ctx context.Context, st *data.Store) (data.Practice, data.Moment, error) {
	m, err := st.Moment(ctx)
	if err != nil {
		return data.Practice{}, m, fmt.Errorf("read the practice's clock: %w", err)
	}
	p, err := st.Practice(ctx)
	if err != nil {
		return p, m, fmt.Errorf("read the practice: %w", err)
	}
	return p, m, nil
}
