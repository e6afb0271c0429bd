package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// InvoiceImport is an invoice brought in with its history (the sample
// practice, later imports from other programs): issued on IssuedOn at
// IssuedAt, with the payments made on it. It takes the next number.
type InvoiceImport struct {
	Invoice  Invoice // ClientID and Lines; totals are computed
	IssuedOn Date
	IssuedAt time.Time
	Payments []Payment // Method, PaidOn, Amount, Reference; no certificates or packages
}

// importStmts are the prepared statements of one import transaction.
type importStmts struct {
	invoice, line, issue, payment *sql.Stmt
}

func prepareImport(ctx context.Context, tx *sql.Tx) (*importStmts, error) {
	var st importStmts
	var err error
	for _, p := range []struct {
		stmt **sql.Stmt
		sql  string
	}{
		{&st.invoice, invoiceTable.insertSQL()},
		{&st.line, invoiceLineTable.insertSQL()},
		{&st.issue, `UPDATE invoices SET seq = ?, number = ?, status = 'issued', issued_on = ?, issued_at = ?, updated_at = ?
			WHERE id = ? AND status = 'draft'`},
		{&st.payment, paymentTable.insertSQL()},
	} {
		if *p.stmt, err = tx.PrepareContext(ctx, p.sql); err != nil {
			st.close()
			return nil, fmt.Errorf("import invoices: %w", err)
		}
	}
	return &st, nil
}

func (st *importStmts) close() {
	for _, s := range []*sql.Stmt{st.invoice, st.line, st.issue, st.payment} {
		if s != nil {
			s.Close()
		}
	}
}

// ImportInvoices validates and issues invoices with their payments, in
// the order given, in one transaction: all or none. They take the next
// numbers in that order. Payments may not add up to more than an
// invoice's total, nor spend a certificate or package (use CheckOutWith
// for those).
func (s *Store) ImportInvoices(ctx context.Context, invs []InvoiceImport) error {
	return s.write(ctx, "import invoices", func(tx *sql.Tx) error {
		t, err := readTerms(ctx, tx)
		if err != nil {
			return err
		}
		var prefix string
		var last int64
		err = tx.QueryRowContext(ctx, `SELECT (SELECT invoice_prefix FROM receipt_settings WHERE id = 1),
			(SELECT last_seq FROM invoice_counter WHERE id = 1)`).Scan(&prefix, &last)
		if err != nil {
			return fmt.Errorf("import invoices: read the numbering: %w", err)
		}
		st, err := prepareImport(ctx, tx)
		if err != nil {
			return err
		}
		defer st.close()
		for i := range invs {
			if err := ctx.Err(); err != nil {
				return err
			}
			last++
			if err := importInvoice(ctx, st, t, &invs[i], last, prefix); err != nil {
				return fmt.Errorf("import invoice %d of %d: %w", i+1, len(invs), err)
			}
		}
		if len(invs) > 0 {
			if _, err := tx.ExecContext(ctx, `UPDATE invoice_counter SET last_seq = ? WHERE id = 1`, last); err != nil {
				return fmt.Errorf("import invoices: %w", err)
			}
		}
		return nil
	})
}

func importInvoice(ctx context.Context, st *importStmts, t invoiceTerms, im *InvoiceImport, seq int64, prefix string) error {
	inv := &im.Invoice
	inv.normalize()
	inv.Currency, inv.TaxName = t.currency, t.taxName
	inv.Compute(t.rateBP)
	if err := inv.Validate(); err != nil {
		return err
	}
	if !im.IssuedOn.Valid() {
		return &ValidationError{Problems: []FieldProblem{{Field: "IssuedOn", Message: "The receipt needs the date it was issued."}}}
	}
	at := im.IssuedAt.UTC().Truncate(time.Second)
	inv.Status, inv.CreatedAt, inv.UpdatedAt = InvoiceDraft, at, at
	res, err := st.invoice.ExecContext(ctx, invoiceTable.insertArgs(inv)...)
	if err != nil {
		return fmt.Errorf("save invoice: %w", err)
	}
	if inv.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	for i := range inv.Lines {
		l := &inv.Lines[i]
		l.InvoiceID = inv.ID
		if _, err := st.line.ExecContext(ctx, invoiceLineTable.insertArgs(l)...); err != nil {
			return fmt.Errorf("save line %d of the invoice: %w", i+1, err)
		}
	}
	inv.Seq, inv.Number = seq, fmt.Sprintf("%s%06d", prefix, seq)
	inv.Status, inv.IssuedOn, inv.IssuedAt = InvoiceIssued, im.IssuedOn, at
	if _, err := st.issue.ExecContext(ctx, seq, inv.Number, im.IssuedOn.String(), at.Unix(), at.Unix(), inv.ID); err != nil {
		return fmt.Errorf("issue invoice %s: %w", inv.Number, err)
	}
	var paid int64
	for j := range im.Payments {
		p := &im.Payments[j]
		p.InvoiceID, p.CreatedAt = inv.ID, at
		p.Reference = clean(p.Reference)
		if p.PaidOn.IsZero() {
			p.PaidOn = im.IssuedOn
		}
		paid += p.Amount
		if !p.Method.Valid() || p.Method.Redeems() || p.Amount <= 0 || paid > inv.Total || !p.PaidOn.Valid() {
			return &ValidationError{Problems: []FieldProblem{{Field: "Amount",
				Message: fmt.Sprintf("Payment %d of receipt %s is not a positive amount in a plain method within what is owed.", j+1, inv.Number)}}}
		}
		if _, err := st.payment.ExecContext(ctx, paymentTable.insertArgs(p)...); err != nil {
			return fmt.Errorf("payment %d of invoice %s: %w", j+1, inv.Number, err)
		}
	}
	inv.Payments = im.Payments
	return nil
}
