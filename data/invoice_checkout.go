package data

import (
	"context"
	"database/sql"
	"fmt"
)

// Settle says how a checkout is paid. The zero Settle is the one-click
// case: the practice's default method, in full.
type Settle struct {
	Method        PaymentMethod // "" is the practice's default method
	Reference     string
	CertificateID int64 // with PayCertificate: the certificate redeemed
	PackageID     int64 // with PayPackage: the package a session is taken from
}

// CheckOut is the one-click checkout of a completed visit: it issues the
// invoice for the visit (its service, length and booked price, taxed as the
// service is at the practice's rate) and records full payment with the
// practice's default method, in one transaction. It is idempotent: when the
// visit already has an invoice that is not void, that invoice is returned
// and nothing is added.
func (s *Store) CheckOut(ctx context.Context, appointmentID int64) (Invoice, error) {
	return s.CheckOutWith(ctx, appointmentID, Settle{})
}

// CheckOutWith is CheckOut paid as settle says. A gift certificate pays
// what remains on it up to the total (any rest stays owed); a package
// session makes the visit's line the session's share of what the package
// cost, tax included and not taxed again (see redemptionNote), and pays it
// in full, so the receipt shows the redemption and $0.00 due.
func (s *Store) CheckOutWith(ctx context.Context, appointmentID int64, settle Settle) (Invoice, error) {
	m, err := s.Moment(ctx)
	if err != nil {
		return Invoice{}, fmt.Errorf("check out: %w", err)
	}
	var inv Invoice
	err = s.write(ctx, "check out", func(tx *sql.Tx) error {
		var err error
		inv, err = checkOut(ctx, tx, m, appointmentID, settle)
		return err
	})
	if err != nil {
		return Invoice{}, err
	}
	return inv, nil
}

// checkOut does CheckOutWith's work in tx.
func checkOut(ctx context.Context, tx *sql.Tx, m Moment, appointmentID int64, settle Settle) (Invoice, error) {
	if id, err := visitInvoiceID(ctx, tx, appointmentID); err != nil || id != 0 {
		if err != nil {
			return Invoice{}, err
		}
		return getInvoice(ctx, tx, id)
	}
	a, err := getAppointment(ctx, tx, appointmentID)
	if err != nil {
		return Invoice{}, err
	}
	if a.Status != StatusCompleted {
		return Invoice{}, &ValidationError{Problems: []FieldProblem{{Field: "Status",
			Message: fmt.Sprintf("Only a completed visit can be checked out (this one is %s).", a.Status.Label())}}}
	}
	svc, err := getService(ctx, tx, a.ServiceID)
	if err != nil {
		return Invoice{}, err
	}
	line := InvoiceLine{Kind: LineService, AppointmentID: a.ID, ServiceID: a.ServiceID, Description: a.ServiceName,
		Minutes: a.Minutes, Quantity: 1, Unit: a.PriceCents, Taxable: svc.Taxable}
	if len(a.LocalStart) >= 10 {
		line.ServiceDate, _ = scanDate(a.LocalStart[:10])
	}
	err = tx.QueryRowContext(ctx, `SELECT cpt_code, cpt_units FROM service_billing_codes WHERE service_id = ?`, a.ServiceID).
		Scan(&line.CPTCode, &line.CPTUnits)
	if err != nil && !errNoRows(err) {
		return Invoice{}, fmt.Errorf("check out: read billing code: %w", err)
	}
	err = tx.QueryRowContext(ctx, `SELECT icd10_codes FROM visit_diagnoses WHERE appointment_id = ?`, a.ID).Scan(&line.ICD10Codes)
	if err != nil && !errNoRows(err) {
		return Invoice{}, fmt.Errorf("check out: read diagnoses: %w", err)
	}
	method := settle.Method
	if method == "" {
		set, err := getReceiptSettings(ctx, tx)
		if err != nil {
			return Invoice{}, err
		}
		method = set.DefaultMethod
	}
	if method == PayPackage {
		k, err := getPackage(ctx, tx, settle.PackageID)
		if err != nil {
			return Invoice{}, &ValidationError{Problems: []FieldProblem{{Field: "Reference", Message: "Choose the package a session is taken from."}}}
		}
		note, err := redemptionNote(ctx, tx, &k)
		if err != nil {
			return Invoice{}, err
		}
		line.Unit, line.Taxable = note.value, false
		line.Description += note.text
		settle.Reference = k.SaleNumber
	}
	inv := Invoice{ClientID: a.ClientID, Lines: []InvoiceLine{line}}
	if err := issueNew(ctx, tx, m, &inv); err != nil {
		return Invoice{}, err
	}
	if inv.Total == 0 {
		return inv, nil
	}
	p := Payment{InvoiceID: inv.ID, Method: method, Reference: settle.Reference, Amount: inv.Total,
		CertificateID: settle.CertificateID, PackageID: settle.PackageID}
	if method == PayCertificate {
		c, err := getCertificate(ctx, tx, settle.CertificateID)
		if err != nil {
			return Invoice{}, &ValidationError{Problems: []FieldProblem{{Field: "Reference", Message: "Choose the gift certificate being used."}}}
		}
		if c.Cancelled {
			return Invoice{}, &ValidationError{Problems: []FieldProblem{{Field: "Reference",
				Message: fmt.Sprintf("Gift certificate %s was cancelled: the receipt that sold it was voided.", c.Code)}}}
		}
		p.Amount = min(p.Amount, c.Remaining)
		if p.Amount <= 0 {
			return Invoice{}, &ValidationError{Problems: []FieldProblem{{Field: "Amount",
				Message: fmt.Sprintf("Gift certificate %s has nothing left on it.", c.Code)}}}
		}
	}
	if err := recordPayment(ctx, tx, m, &p); err != nil {
		return Invoice{}, err
	}
	inv.Payments = append(inv.Payments, p)
	return inv, nil
}

// redemption is the value of the next session of a package and the words
// that explain it on the redemption receipt.
type redemption struct {
	value int64
	text  string
}

// redemptionNote values the next session of k at its share of what was
// paid for the package, tax included (see Package.SessionShare), and says
// on the line which session it is, which receipt it was paid on and how
// much tax that included, so an insurer reads the fee the client paid and
// that its tax is not charged again.
func redemptionNote(ctx context.Context, tx *sql.Tx, k *Package) (redemption, error) {
	session := k.SessionsUsed + 1
	value, tax := k.SessionShare(session)
	text := fmt.Sprintf(" (package %s, session %d of %d, prepaid on receipt %s", k.Name, session, k.SessionsTotal, k.SaleNumber)
	if tax > 0 {
		var taxName, currency string
		if err := tx.QueryRowContext(ctx, `SELECT tax_name, currency FROM invoices WHERE id = ?`, k.InvoiceID).Scan(&taxName, &currency); err != nil {
			return redemption{}, fmt.Errorf("check out: read the package's sale: %w", err)
		}
		if taxName == "" {
			taxName = "tax"
		}
		text += fmt.Sprintf(", %s %s included", taxName, FormatMoney(tax, currency, moneyLocale(ctx, tx)))
	}
	return redemption{value: value, text: text + ")"}, nil
}

// visitInvoiceID is the invoice (not void) charging for the visit, 0 if none.
func visitInvoiceID(ctx context.Context, q querier, appointmentID int64) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT i.id FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
		WHERE l.appointment_id = ? AND i.status <> 'void' ORDER BY i.id LIMIT 1`, appointmentID).Scan(&id)
	if errNoRows(err) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read the invoice of visit %d: %w", appointmentID, err)
	}
	return id, nil
}

// VisitInvoice returns the invoice (not void) that charges for a visit, or
// ErrNotFound when it was not checked out.
func (s *Store) VisitInvoice(ctx context.Context, appointmentID int64) (Invoice, error) {
	id, err := visitInvoiceID(ctx, s.r, appointmentID)
	if err != nil {
		return Invoice{}, err
	}
	if id == 0 {
		return Invoice{}, fmt.Errorf("invoice of visit %d: %w", appointmentID, ErrNotFound)
	}
	return s.Invoice(ctx, id)
}
