package data

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// GiftCertificate is prepaid value someone bought for someone else. What
// remains is its amount less the payments made with it on invoices that are
// not void. Selling one is its own invoice (not taxed: it is a prepayment;
// the visits it pays for are taxed).
type GiftCertificate struct {
	ID        int64
	Code      string // "GC-7KQ4-M2XP": printed on the certificate, typed at checkout
	Amount    int64  // cents
	Buyer     string
	Recipient string
	ExpiresOn Date  // zero: never expires (the law in many places forbids expiry)
	InvoiceID int64 // the sale's invoice
	CreatedAt time.Time

	Remaining int64 // derived: Amount less redemptions, 0 once cancelled (read only)
	Cancelled bool  // derived: its sale invoice was voided, so it cannot be used (read only)
}

// Expired reports whether the certificate can no longer be used on today.
func (c *GiftCertificate) Expired(today Date) bool {
	return !c.ExpiresOn.IsZero() && c.ExpiresOn.Before(today)
}

// certificateTable describes the gift_certificates table.
var certificateTable = table[GiftCertificate]{
	name:    "gift_certificates",
	key:     idColumn(func(v *GiftCertificate) *int64 { return &v.ID }),
	autoKey: true,
	cols: []column[GiftCertificate]{
		textColumn("code", "Code", func(v *GiftCertificate) *string { return &v.Code }),
		valueColumn("amount_cents", "Amount", func(v *GiftCertificate) *int64 { return &v.Amount }),
		textColumn("buyer", "Buyer", func(v *GiftCertificate) *string { return &v.Buyer }),
		textColumn("recipient", "Recipient", func(v *GiftCertificate) *string { return &v.Recipient }),
		dateColumn("expires_on", "ExpiresOn", func(v *GiftCertificate) *Date { return &v.ExpiresOn }),
		nullIDColumn("invoice_id", func(v *GiftCertificate) *int64 { return &v.InvoiceID }),
		createdColumn("created_at", func(v *GiftCertificate) *time.Time { return &v.CreatedAt }),
	},
}

// CertificateFieldNames lists every field name SellCertificate can report.
func CertificateFieldNames() []string {
	return append(certificateTable.fieldNames(), "Method", "FirstName", "LastName")
}

// certificateCancelled is the SQL of whether a certificate row's sale was voided.
const certificateCancelled = `COALESCE((SELECT i.status = 'void' FROM invoices i WHERE i.id = gift_certificates.invoice_id), 0)`

// certificateRemaining is the SQL of a certificate row's remaining value:
// nothing once its sale was voided.
const certificateRemaining = `CASE WHEN ` + certificateCancelled + ` THEN 0 ELSE amount_cents - COALESCE((SELECT SUM(p.amount_cents) FROM payments p
	JOIN invoices i ON i.id = p.invoice_id WHERE p.gift_certificate_id = gift_certificates.id AND i.status <> 'void'), 0) END`

// codeAlphabet has no letters or digits that read alike (0/O, 1/I/L, 5/S).
const codeAlphabet = "23456789ABCDEFGHJKMNPQRTUVWXYZ"

// NewCertificateCode makes a readable random code: "GC-7KQ4-M2XP".
func NewCertificateCode() (string, error) {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("make a certificate code: %w", err)
	}
	var sb strings.Builder
	sb.WriteString("GC-")
	for i, x := range b {
		if i == 4 {
			sb.WriteByte('-')
		}
		sb.WriteByte(codeAlphabet[int(x)%len(codeAlphabet)])
	}
	return sb.String(), nil
}

// normalizeCode reads a typed code the way it is stored: upper case, no spaces.
func normalizeCode(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}

// Sale is how a certificate or package sale is paid for and whom its
// invoice is made out to.
type Sale struct {
	ClientID int64 // the client the sale's invoice is made out to
	// NewClient, when set, is a buyer who is not yet a client (a first and
	// last name are enough): SellCertificate creates their client record in
	// the sale's transaction and makes the receipt out to it (ClientID is
	// then ignored; NewClient.ID is set).
	NewClient *Client
	Method    PaymentMethod // how it was paid; "" leaves the invoice unpaid
	Reference string
}

// SellCertificate stores a new certificate (a code is made when Code is
// empty) and issues its sale invoice to sale.ClientID, paid in full with
// sale.Method, in one transaction. It returns the sale invoice.
func (s *Store) SellCertificate(ctx context.Context, c *GiftCertificate, sale Sale) (Invoice, error) {
	c.Code = normalizeCode(c.Code)
	c.Buyer, c.Recipient = clean(c.Buyer), clean(c.Recipient)
	if c.Code == "" {
		code, err := NewCertificateCode()
		if err != nil {
			return Invoice{}, err
		}
		c.Code = code
	}
	m, err := s.Moment(ctx)
	if err != nil {
		return Invoice{}, fmt.Errorf("sell gift certificate: %w", err)
	}
	var pr problems
	if sale.NewClient != nil {
		var ve *ValidationError
		if err := newBuyer(sale.NewClient, m.Today); errors.As(err, &ve) {
			pr = append(pr, ve.Problems...)
		} else if err != nil {
			return Invoice{}, err
		}
		if c.Buyer == "" {
			c.Buyer = clean(sale.NewClient.FirstName + " " + sale.NewClient.LastName)
		}
	}
	if c.Amount <= 0 {
		pr.add("Amount", "Enter the certificate's value, more than zero.")
	} else if c.Amount > maxMoneyCents {
		pr.add("Amount", "That value is too large.")
	}
	if !c.ExpiresOn.IsZero() && c.ExpiresOn.Before(m.Today) {
		pr.add("ExpiresOn", "The expiry date has already passed.")
	}
	pr.checkLen("Buyer", "The buyer's name", c.Buyer, maxName)
	pr.checkLen("Recipient", "The recipient's name", c.Recipient, maxName)
	pr.checkLen("Code", "The code", c.Code, 40)
	checkSaleMethod(&pr, sale.Method)
	if err := pr.err(); err != nil {
		return Invoice{}, err
	}
	row := *c
	row.CreatedAt = m.Now
	var inv Invoice
	err = s.writeSale(ctx, "sell gift certificate", &sale, m, func(tx *sql.Tx) error {
		var taken int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM gift_certificates WHERE code = ?`, row.Code).Scan(&taken); err != nil {
			return fmt.Errorf("sell gift certificate: %w", err)
		}
		if taken > 0 {
			return &ValidationError{Problems: []FieldProblem{{Field: "Code", Message: fmt.Sprintf("The code %s is already used by another certificate.", row.Code)}}}
		}
		res, err := tx.ExecContext(ctx, certificateTable.insertSQL(), certificateTable.insertArgs(&row)...)
		if err != nil {
			return fmt.Errorf("sell gift certificate %s: %w", row.Code, err)
		}
		if row.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		desc := "Gift certificate " + row.Code
		if row.Recipient != "" {
			desc += " for " + row.Recipient
		}
		inv = Invoice{ClientID: sale.ClientID, Lines: []InvoiceLine{{Kind: LineCertificate, Description: desc,
			ServiceDate: m.Today, Quantity: 1, Unit: row.Amount, CertificateID: row.ID}}}
		if err := issueNew(ctx, tx, m, &inv); err != nil {
			return err
		}
		row.InvoiceID = inv.ID
		if _, err := tx.ExecContext(ctx, `UPDATE gift_certificates SET invoice_id = ? WHERE id = ?`, inv.ID, row.ID); err != nil {
			return fmt.Errorf("sell gift certificate %s: %w", row.Code, err)
		}
		return payInFull(ctx, tx, m, &inv, sale)
	})
	if err != nil {
		return Invoice{}, err
	}
	row.Remaining = row.Amount
	*c = row
	return inv, nil
}

// checkSaleMethod refuses a certificate or package as the payment of a sale.
func checkSaleMethod(pr *problems, m PaymentMethod) {
	if m != "" && (!m.Valid() || m.Redeems()) {
		pr.add("Method", "Choose how the client paid (cash, debit, card, e-transfer, cheque or other).")
	}
}

// payInFull records one payment of the invoice's whole balance with the
// sale's method; nothing when the method is "".
func payInFull(ctx context.Context, tx *sql.Tx, m Moment, inv *Invoice, sale Sale) error {
	if sale.Method == "" || inv.Total == 0 {
		return nil
	}
	p := Payment{InvoiceID: inv.ID, Method: sale.Method, Reference: sale.Reference, Amount: inv.Total}
	if err := recordPayment(ctx, tx, m, &p); err != nil {
		return err
	}
	inv.Payments = append(inv.Payments, p)
	return nil
}

// GiftCertificates lists certificates, newest first, with what remains on
// each; only those with value left (and not expired) when onlyUsable.
func (s *Store) GiftCertificates(ctx context.Context, onlyUsable bool) ([]GiftCertificate, error) {
	where := `ORDER BY created_at DESC, id DESC`
	var args []any
	if onlyUsable {
		today, err := s.Today(ctx)
		if err != nil {
			return nil, err
		}
		where = `WHERE ` + certificateRemaining + ` > 0 AND (expires_on = '' OR expires_on >= ?) ` + where
		args = append(args, today.String())
	}
	return queryCertificates(ctx, s.r, where, args...)
}

// GiftCertificateByCode finds a certificate by its code, typed in any case
// and spacing, or ErrNotFound.
func (s *Store) GiftCertificateByCode(ctx context.Context, code string) (GiftCertificate, error) {
	cs, err := queryCertificates(ctx, s.r, `WHERE code = ?`, normalizeCode(code))
	if err != nil {
		return GiftCertificate{}, err
	}
	if len(cs) == 0 {
		return GiftCertificate{}, fmt.Errorf("gift certificate %s: %w", code, ErrNotFound)
	}
	return cs[0], nil
}

func getCertificate(ctx context.Context, q querier, id int64) (GiftCertificate, error) {
	cs, err := queryCertificates(ctx, q, `WHERE id = ?`, id)
	if err != nil {
		return GiftCertificate{}, err
	}
	if len(cs) == 0 {
		return GiftCertificate{}, fmt.Errorf("gift certificate %d: %w", id, ErrNotFound)
	}
	return cs[0], nil
}

func queryCertificates(ctx context.Context, q querier, where string, args ...any) ([]GiftCertificate, error) {
	sel := certificateTable.selectSQL("")
	sel = strings.Replace(sel, " FROM ", ", "+certificateRemaining+", "+certificateCancelled+" FROM ", 1)
	rows, err := q.QueryContext(ctx, sel+" "+where, args...)
	if err != nil {
		return nil, fmt.Errorf("read gift certificates: %w", err)
	}
	defer rows.Close()
	var out []GiftCertificate
	for rows.Next() {
		var c GiftCertificate
		if err := rows.Scan(append(certificateTable.scanTargets(&c), &c.Remaining, &c.Cancelled)...); err != nil {
			return nil, fmt.Errorf("read gift certificates: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
