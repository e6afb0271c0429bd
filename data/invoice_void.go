package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"
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
			Message: "Say why the receipt is voided, e.g. \"wrong client name\"."}}}
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
				Message: fmt.Sprintf("Only an issued receipt can be voided (this one is %s).", inv.State().Label())}}}
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

// Replacement is what replaces a void receipt: its client (the void
// one's when 0), its lines (any of them corrected, removed or added) and
// the payments to record on it (method, amount, date and reference may
// differ from the void one's; MovedFromID names the void payment a
// payment stands for, when it does).
type Replacement struct {
	ClientID int64
	Lines    []InvoiceLine
	Payments []Payment
}

// DraftReplacement is the starting point of a void receipt's replacement:
// its client, its lines and its payments as they were, for the therapist
// to correct before IssueReplacement. Nothing is stored.
func (s *Store) DraftReplacement(ctx context.Context, voidID int64) (Replacement, error) {
	old, err := getInvoice(ctx, s.r, voidID)
	if err != nil {
		return Replacement{}, err
	}
	if err := checkReplaceable(ctx, s.r, old); err != nil {
		return Replacement{}, err
	}
	r := Replacement{ClientID: old.ClientID}
	for _, l := range old.Lines {
		l.ID, l.InvoiceID = 0, 0
		r.Lines = append(r.Lines, l)
	}
	for _, p := range old.Payments {
		p.ID, p.InvoiceID, p.MovedFromID, p.CreatedAt = 0, 0, p.ID, time.Time{}
		r.Payments = append(r.Payments, p)
	}
	return r, nil
}

// checkReplaceable refuses to replace an invoice that is not void, that
// was already replaced, or that sold a certificate or package.
func checkReplaceable(ctx context.Context, q querier, old Invoice) error {
	if old.Status != InvoiceVoid {
		return &ValidationError{Problems: []FieldProblem{{Field: "Lines",
			Message: fmt.Sprintf("Void receipt %s first, then issue its replacement.", old.Number)}}}
	}
	by, err := replacementNumber(ctx, q, old.ID)
	if err != nil {
		return err
	}
	if by != "" {
		return &ValidationError{Problems: []FieldProblem{{Field: "Lines",
			Message: fmt.Sprintf("Receipt %s was already replaced by %s.", old.Number, by)}}}
	}
	if soldSomething(old.Lines) {
		return &ValidationError{Problems: []FieldProblem{{Field: "Lines",
			Message: fmt.Sprintf("Receipt %s sold a gift certificate or a package, which voiding it cancelled: sell a new one instead of replacing the receipt.", old.Number)}}}
	}
	return nil
}

// replacementNumber is the number of the invoice that replaces voidID, ""
// when none does.
func replacementNumber(ctx context.Context, q querier, voidID int64) (string, error) {
	var n string
	err := q.QueryRowContext(ctx, `SELECT number FROM invoices WHERE replaces_id = ? ORDER BY id LIMIT 1`, voidID).Scan(&n)
	if err != nil && !errNoRows(err) {
		return "", fmt.Errorf("read the replacement of invoice %d: %w", voidID, err)
	}
	return n, nil
}

// ReplacedBy returns the invoice that replaces the void invoice voidID, or
// ErrNotFound when none does.
func (s *Store) ReplacedBy(ctx context.Context, voidID int64) (Invoice, error) {
	var id int64
	err := s.r.QueryRowContext(ctx, `SELECT id FROM invoices WHERE replaces_id = ? ORDER BY id LIMIT 1`, voidID).Scan(&id)
	if errNoRows(err) {
		return Invoice{}, fmt.Errorf("replacement of invoice %d: %w", voidID, ErrNotFound)
	}
	if err != nil {
		return Invoice{}, fmt.Errorf("read the replacement of invoice %d: %w", voidID, err)
	}
	return s.Invoice(ctx, id)
}

// IssueReplacement issues r in place of the void invoice voidID, in one
// transaction: a new number, a reference to the void one, the lines
// given, and the payments given, each checked as RecordPayment checks one
// (not more than is owed, a date not in the future, a certificate or
// package with value left). It returns the new invoice.
func (s *Store) IssueReplacement(ctx context.Context, voidID int64, r Replacement) (Invoice, error) {
	m, err := s.Moment(ctx)
	if err != nil {
		return Invoice{}, fmt.Errorf("replace invoice: %w", err)
	}
	var inv Invoice
	err = s.write(ctx, "replace invoice", func(tx *sql.Tx) error {
		old, err := getInvoice(ctx, tx, voidID)
		if err != nil {
			return err
		}
		if err := checkReplaceable(ctx, tx, old); err != nil {
			return err
		}
		if r.ClientID == 0 {
			r.ClientID = old.ClientID
		}
		lines := make([]InvoiceLine, len(r.Lines))
		for i, l := range r.Lines {
			l.ID, l.InvoiceID = 0, 0
			lines[i] = l
		}
		inv = Invoice{ClientID: r.ClientID, ReplacesID: old.ID, Lines: lines}
		if err := issueNew(ctx, tx, m, &inv); err != nil {
			return err
		}
		for _, p := range r.Payments {
			p.ID, p.InvoiceID = 0, inv.ID
			if err := recordPayment(ctx, tx, m, &p); err != nil {
				return err
			}
			inv.Payments = append(inv.Payments, p)
		}
		return nil
	})
	return inv, err
}

// ReissueInvoice issues a new invoice in place of a void one: with the
// lines given (the void invoice's own when lines is nil) and clientID (the
// void invoice's when 0), referencing it, and with its payments carried
// over as they were, up to the new total (each new payment names the one
// it moves). It returns the new one. IssueReplacement lets the payments
// change too.
func (s *Store) ReissueInvoice(ctx context.Context, voidID, clientID int64, lines []InvoiceLine) (Invoice, error) {
	r, err := s.DraftReplacement(ctx, voidID)
	if err != nil {
		return Invoice{}, err
	}
	if lines != nil {
		r.Lines = lines
	}
	if clientID != 0 {
		r.ClientID = clientID
	}
	rateBP, err := s.taxRate(ctx)
	if err != nil {
		return Invoice{}, err
	}
	probe := Invoice{Lines: append([]InvoiceLine(nil), r.Lines...)}
	probe.Compute(rateBP)
	left := probe.Total
	var pays []Payment
	for _, p := range r.Payments {
		p.Amount = min(p.Amount, left)
		if p.Amount <= 0 {
			continue
		}
		left -= p.Amount
		pays = append(pays, p)
	}
	r.Payments = pays
	return s.IssueReplacement(ctx, voidID, r)
}

// taxRate is the practice's tax rate in basis points.
func (s *Store) taxRate(ctx context.Context) (int, error) {
	t, err := readTerms(ctx, s.r)
	return t.rateBP, err
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
				"Void the receipts it paid first, or keep this one.", inv.Number, code, FormatMoney(spent, inv.Currency, moneyLocale(ctx, tx)))}}}
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
