package data

import (
	"context"
	"database/sql"
	"fmt"
)

// invoiceTerms are what a new invoice copies from the practice.
type invoiceTerms struct {
	currency string
	taxName  string
	rateBP   int
}

func readTerms(ctx context.Context, q querier) (invoiceTerms, error) {
	t := invoiceTerms{currency: "CAD"}
	err := q.QueryRowContext(ctx, `SELECT currency, tax_name, tax_rate_bp FROM practice WHERE id = 1`).
		Scan(&t.currency, &t.taxName, &t.rateBP)
	if err != nil && !errNoRows(err) {
		return t, fmt.Errorf("read the practice's currency and tax: %w", err)
	}
	return t, nil
}

// prepare fills a new invoice's practice terms and totals and validates it.
func prepare(ctx context.Context, q querier, inv *Invoice) error {
	inv.normalize()
	t, err := readTerms(ctx, q)
	if err != nil {
		return err
	}
	inv.Currency, inv.TaxName = t.currency, t.taxName
	inv.Compute(t.rateBP)
	return inv.Validate()
}

// insertDraft stores inv (ID 0) and its lines as a draft in tx.
func insertDraft(ctx context.Context, tx *sql.Tx, m Moment, inv *Invoice) error {
	inv.Status, inv.Seq, inv.Number = InvoiceDraft, 0, ""
	inv.CreatedAt, inv.UpdatedAt = m.Now, m.Now
	res, err := tx.ExecContext(ctx, invoiceTable.insertSQL(), invoiceTable.insertArgs(inv)...)
	if err != nil {
		return fmt.Errorf("save invoice: %w", err)
	}
	if inv.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	return insertLines(ctx, tx, inv)
}

func insertLines(ctx context.Context, tx *sql.Tx, inv *Invoice) error {
	for i := range inv.Lines {
		l := &inv.Lines[i]
		l.InvoiceID = inv.ID
		res, err := tx.ExecContext(ctx, invoiceLineTable.insertSQL(), invoiceLineTable.insertArgs(l)...)
		if err != nil {
			return fmt.Errorf("save line %d of the invoice: %w", i+1, err)
		}
		if l.ID, err = res.LastInsertId(); err != nil {
			return err
		}
	}
	return nil
}

// issue gives a stored draft the next number and today's date, in tx. The
// counter row is updated in the same (immediate) transaction, so two
// writers never take the same number and a rolled-back issue leaves no gap.
func issue(ctx context.Context, tx *sql.Tx, m Moment, inv *Invoice) error {
	var prefix string
	if err := tx.QueryRowContext(ctx, `SELECT invoice_prefix FROM receipt_settings WHERE id = 1`).Scan(&prefix); err != nil {
		return fmt.Errorf("issue invoice: read the prefix: %w", err)
	}
	var seq int64
	if err := tx.QueryRowContext(ctx, `UPDATE invoice_counter SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq`).Scan(&seq); err != nil {
		return fmt.Errorf("issue invoice: take a number: %w", err)
	}
	inv.Seq, inv.Number = seq, fmt.Sprintf("%s%06d", prefix, seq)
	inv.Status, inv.IssuedOn, inv.IssuedAt, inv.UpdatedAt = InvoiceIssued, m.Today, m.Now, m.Now
	_, err := tx.ExecContext(ctx, `UPDATE invoices SET seq = ?, number = ?, status = 'issued', issued_on = ?, issued_at = ?,
		updated_at = ? WHERE id = ? AND status = 'draft'`, seq, inv.Number, m.Today.String(), m.Now.Unix(), m.Now.Unix(), inv.ID)
	if err != nil {
		return fmt.Errorf("issue invoice %s: %w", inv.Number, err)
	}
	return nil
}

// issueNew stores inv as a new invoice and issues it, in tx.
func issueNew(ctx context.Context, tx *sql.Tx, m Moment, inv *Invoice) error {
	if err := prepare(ctx, tx, inv); err != nil {
		return err
	}
	if err := insertDraft(ctx, tx, m, inv); err != nil {
		return err
	}
	return issue(ctx, tx, m, inv)
}

// SaveDraftInvoice validates and stores a draft: a new one when ID is 0,
// otherwise over the stored draft (its lines replaced). Totals are
// computed from the lines at the practice's tax rate.
func (s *Store) SaveDraftInvoice(ctx context.Context, inv *Invoice) error {
	m, err := s.Moment(ctx)
	if err != nil {
		return fmt.Errorf("save invoice: %w", err)
	}
	row := *inv
	row.Lines = append([]InvoiceLine(nil), inv.Lines...)
	err = s.write(ctx, "save invoice", func(tx *sql.Tx) error {
		if err := prepare(ctx, tx, &row); err != nil {
			return err
		}
		if row.ID == 0 {
			return insertDraft(ctx, tx, m, &row)
		}
		old, err := getInvoice(ctx, tx, row.ID)
		if err != nil {
			return err
		}
		if old.Status != InvoiceDraft {
			return issuedError(old)
		}
		row.Status, row.CreatedAt, row.UpdatedAt = InvoiceDraft, old.CreatedAt, m.Now
		if _, err := tx.ExecContext(ctx, invoiceTable.updateSQL(), invoiceTable.updateArgs(&row)...); err != nil {
			return fmt.Errorf("save invoice: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM invoice_lines WHERE invoice_id = ?`, row.ID); err != nil {
			return fmt.Errorf("save invoice: %w", err)
		}
		return insertLines(ctx, tx, &row)
	})
	if err != nil {
		return err
	}
	*inv = row
	return nil
}

// issuedError refuses a change to an issued or void invoice in plain words.
func issuedError(inv Invoice) error {
	return &ValidationError{Problems: []FieldProblem{{Field: "Lines",
		Message: fmt.Sprintf("Receipt %s was already issued and cannot be changed; void it and issue a replacement.", inv.Number)}}}
}

// IssueInvoice gives a draft its number and today's date. From then on it
// can only be voided.
func (s *Store) IssueInvoice(ctx context.Context, id int64) (Invoice, error) {
	m, err := s.Moment(ctx)
	if err != nil {
		return Invoice{}, fmt.Errorf("issue invoice: %w", err)
	}
	var inv Invoice
	err = s.write(ctx, "issue invoice", func(tx *sql.Tx) error {
		if inv, err = getInvoice(ctx, tx, id); err != nil {
			return err
		}
		if inv.Status != InvoiceDraft {
			return issuedError(inv)
		}
		if err := inv.Validate(); err != nil {
			return err
		}
		return issue(ctx, tx, m, &inv)
	})
	return inv, err
}

// DeleteDraftInvoice removes a draft (an issued invoice is only voided).
func (s *Store) DeleteDraftInvoice(ctx context.Context, id int64) error {
	return s.write(ctx, "delete invoice", func(tx *sql.Tx) error {
		inv, err := getInvoice(ctx, tx, id)
		if err != nil {
			return err
		}
		if inv.Status != InvoiceDraft {
			return issuedError(inv)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM invoices WHERE id = ?`, id); err != nil {
			return fmt.Errorf("delete invoice %d: %w", id, err)
		}
		return nil
	})
}

// InvoicePrinted counts one more print (or saved copy) of the invoice's
// receipt and returns which copy this is: 1 is the original, anything
// higher is a duplicate and is marked "DUPLICATE".
func (s *Store) InvoicePrinted(ctx context.Context, id int64) (int, error) {
	var n int
	err := s.write(ctx, "count a print", func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `UPDATE invoices SET print_count = print_count + 1 WHERE id = ? AND status <> 'draft'
			RETURNING print_count`, id).Scan(&n)
		if errNoRows(err) {
			return fmt.Errorf("print invoice %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("print invoice %d: %w", id, err)
		}
		return nil
	})
	return n, err
}
