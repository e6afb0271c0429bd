package data

import (
	"context"
	"database/sql"
	"fmt"
)

// VoidInvoice marks an issued invoice void with the reason given. It keeps
// its number, lines and payments; what it charged is no longer owed, and
// what was paid on it no longer counts (ReissueInvoice carries it over).
// Voiding the sale of a gift certificate or a package cancels it in the
// same transaction; a sale whose certificate or package was already
// (partly) used is refused (a schema trigger holds the same rule).
func (s *Store) VoidInvoice(ctx context.Context, id int64, reason string) (Invoice, error) {
	reason = cleanText(reason)
	if reason == "" {
		return Invoice{}, &ValidationError{Problems: []FieldProblem{{Field: "VoidReason",
			Message: "Say why the invoice is voided, e.g. \"wrong client name\"."}}}
	}
	if len([]rune(reason)) > maxShort {
		return Invoice{}, &ValidationError{Problems: []FieldProblem{{Field: "VoidReason",
			Message: fmt.Sprintf("The reason is too long (the limit is %d characters).", maxShort)}}}
	}
	now := s.Now()
	var inv Invoice
	err := s.write(ctx, "void invoice", func(tx *sql.Tx) error {
		var err error
		if inv, err = getInvoice(ctx, tx, id); err != nil {
			return err
		}
		if inv.Status != InvoiceIssued {
			return &ValidationError{Problems: []FieldProblem{{Field: "VoidReason",
				Message: fmt.Sprintf("Only an issued invoice can be voided (this one is %s).", inv.State().Label())}}}
		}
		if err := checkSaleUnused(ctx, tx, inv); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE invoices SET status = 'void', void_reason = ?, voided_at = ?, updated_at = ?
			WHERE id = ?`, reason, now.Unix(), now.Unix(), id); err != nil {
			return fmt.Errorf("void invoice %s: %w", inv.Number, err)
		}
		inv.Status, inv.VoidReason, inv.VoidedAt, inv.UpdatedAt = InvoiceVoid, reason, now, now
		return nil
	})
	return inv, err
}

// ReissueInvoice issues a new invoice in place of a void one: with the
// lines given (the void invoice's own when lines is nil) and clientID (the
// void invoice's when 0), referencing it, and with its payments carried
// over (each new payment names the one it moves). It returns the new one.
func (s *Store) ReissueInvoice(ctx context.Context, voidID, clientID int64, lines []InvoiceLine) (Invoice, error) {
	m, err := s.Moment(ctx)
	if err != nil {
		return Invoice{}, fmt.Errorf("re-issue invoice: %w", err)
	}
	var inv Invoice
	err = s.write(ctx, "re-issue invoice", func(tx *sql.Tx) error {
		old, err := getInvoice(ctx, tx, voidID)
		if err != nil {
			return err
		}
		if old.Status != InvoiceVoid {
			return &ValidationError{Problems: []FieldProblem{{Field: "Lines",
				Message: fmt.Sprintf("Void invoice %s first, then issue its replacement.", old.Number)}}}
		}
		var taken int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM invoices WHERE replaces_id = ?`, voidID).Scan(&taken); err != nil {
			return fmt.Errorf("re-issue invoice %s: %w", old.Number, err)
		}
		if taken > 0 {
			return &ValidationError{Problems: []FieldProblem{{Field: "Lines",
				Message: fmt.Sprintf("Receipt %s was already replaced.", old.Number)}}}
		}
		if soldSomething(old.Lines) {
			return &ValidationError{Problems: []FieldProblem{{Field: "Lines",
				Message: fmt.Sprintf("Receipt %s sold a gift certificate or a package, which voiding it cancelled: sell a new one instead of replacing the receipt.", old.Number)}}}
		}
		if lines == nil {
			for _, l := range old.Lines {
				l.ID, l.InvoiceID = 0, 0
				lines = append(lines, l)
			}
		}
		if clientID == 0 {
			clientID = old.ClientID
		}
		inv = Invoice{ClientID: clientID, ReplacesID: old.ID, Lines: lines}
		if err := issueNew(ctx, tx, m, &inv); err != nil {
			return err
		}
		for _, p := range old.Payments {
			moved := p
			moved.ID, moved.InvoiceID, moved.MovedFromID, moved.CreatedAt = 0, inv.ID, p.ID, m.Now
			if moved.Amount > inv.Total-inv.Paid() {
				moved.Amount = inv.Total - inv.Paid()
			}
			if moved.Amount <= 0 {
				continue
			}
			res, err := tx.ExecContext(ctx, paymentTable.insertSQL(), paymentTable.insertArgs(&moved)...)
			if err != nil {
				return fmt.Errorf("carry payments over to invoice %s: %w", inv.Number, err)
			}
			if moved.ID, err = res.LastInsertId(); err != nil {
				return err
			}
			inv.Payments = append(inv.Payments, moved)
		}
		return nil
	})
	return inv, err
}

// checkSaleUnused refuses to void the sale of a gift certificate or a
// package that was already used to pay for something (on an invoice that
// is not void): voiding it would cancel value already spent.
func checkSaleUnused(ctx context.Context, tx *sql.Tx, inv Invoice) error {
	var code string
	var spent int64
	err := tx.QueryRowContext(ctx, `SELECT g.code, SUM(p.amount_cents) FROM gift_certificates g
		JOIN payments p ON p.gift_certificate_id = g.id JOIN invoices i ON i.id = p.invoice_id
		WHERE g.invoice_id = ? AND i.status <> 'void' AND i.id <> ? GROUP BY g.id LIMIT 1`, inv.ID, inv.ID).Scan(&code, &spent)
	if err != nil && !errNoRows(err) {
		return fmt.Errorf("void invoice %s: check its gift certificate: %w", inv.Number, err)
	}
	if err == nil {
		return &ValidationError{Problems: []FieldProblem{{Field: "VoidReason", Message: fmt.Sprintf(
			"Receipt %s sold gift certificate %s, and %s of it was already spent, so it cannot be voided. "+
				"Void the receipts it paid first, or keep this one.", inv.Number, code, FormatMoney(spent, inv.Currency, ""))}}}
	}
	var name string
	var used int
	err = tx.QueryRowContext(ctx, `SELECT k.name, COUNT(*) FROM packages k
		JOIN payments p ON p.package_id = k.id JOIN invoices i ON i.id = p.invoice_id
		WHERE k.invoice_id = ? AND i.status <> 'void' AND i.id <> ? GROUP BY k.id LIMIT 1`, inv.ID, inv.ID).Scan(&name, &used)
	if err != nil && !errNoRows(err) {
		return fmt.Errorf("void invoice %s: check its package: %w", inv.Number, err)
	}
	if err == nil {
		return &ValidationError{Problems: []FieldProblem{{Field: "VoidReason", Message: fmt.Sprintf(
			"Receipt %s sold the package %q, and %d of its sessions were already used, so it cannot be voided. "+
				"Void the receipts of those visits first, or keep this one.", inv.Number, name, used)}}}
	}
	return nil
}

// soldSomething reports whether a line sold a gift certificate or a
// package: such a receipt is not re-issued (sell a new one instead).
func soldSomething(lines []InvoiceLine) bool {
	for _, l := range lines {
		if l.Kind == LineCertificate || l.Kind == LinePackage || l.CertificateID != 0 || l.PackageID != 0 {
			return true
		}
	}
	return false
}
