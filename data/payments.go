package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// PaymentMethod is how a payment was made.
type PaymentMethod string

// The payment methods.
const (
	PayCash        PaymentMethod = "cash"
	PayDebit       PaymentMethod = "debit"
	PayCredit      PaymentMethod = "credit_card"
	PayETransfer   PaymentMethod = "e_transfer"
	PayCheque      PaymentMethod = "cheque"
	PayCertificate PaymentMethod = "gift_certificate"
	PayPackage     PaymentMethod = "package_session"
	PayInsurance   PaymentMethod = "insurance"
	PayOther       PaymentMethod = "other"
)

// PaymentMethods lists every method, in the order a menu shows them.
var PaymentMethods = []PaymentMethod{PayDebit, PayCredit, PayCash, PayETransfer, PayCheque,
	PayCertificate, PayPackage, PayInsurance, PayOther}

// Valid reports whether m is a known method.
func (m PaymentMethod) Valid() bool {
	for _, v := range PaymentMethods {
		if m == v {
			return true
		}
	}
	return false
}

// Label is the method in plain words: "Credit card".
func (m PaymentMethod) Label() string {
	switch m {
	case PayCash:
		return "Cash"
	case PayDebit:
		return "Debit"
	case PayCredit:
		return "Credit card"
	case PayETransfer:
		return "E-transfer"
	case PayCheque:
		return "Cheque"
	case PayCertificate:
		return "Gift certificate"
	case PayPackage:
		return "Package session"
	case PayInsurance:
		return "Insurance (direct billing)"
	case PayOther:
		return "Other"
	}
	return string(m)
}

// Redeems reports whether the method spends a certificate or a package
// (it is chosen with one, not as a default).
func (m PaymentMethod) Redeems() bool { return m == PayCertificate || m == PayPackage }

// Payment is money received against an issued invoice. Payments are only
// ever added: the schema refuses to change or delete one.
type Payment struct {
	ID            int64
	InvoiceID     int64
	PaidOn        Date
	Method        PaymentMethod
	Reference     string // cheque number, card slip, e-transfer id, certificate code
	Amount        int64  // cents, more than 0
	CertificateID int64  // the certificate redeemed (PayCertificate)
	PackageID     int64  // the package a session was taken from (PayPackage)
	MovedFromID   int64  // the payment on a voided invoice this one carries over
	CreatedAt     time.Time
}

// paymentTable describes the payments table.
var paymentTable = table[Payment]{
	name:    "payments",
	key:     idColumn(func(v *Payment) *int64 { return &v.ID }),
	autoKey: true,
	cols: []column[Payment]{
		valueColumn("invoice_id", "", func(v *Payment) *int64 { return &v.InvoiceID }),
		dateColumn("paid_on", "PaidOn", func(v *Payment) *Date { return &v.PaidOn }),
		textColumn("method", "Method", func(v *Payment) *string { return (*string)(&v.Method) }),
		textColumn("reference", "Reference", func(v *Payment) *string { return &v.Reference }),
		valueColumn("amount_cents", "Amount", func(v *Payment) *int64 { return &v.Amount }),
		nullIDColumn("gift_certificate_id", func(v *Payment) *int64 { return &v.CertificateID }),
		nullIDColumn("package_id", func(v *Payment) *int64 { return &v.PackageID }),
		nullIDColumn("moved_from_id", func(v *Payment) *int64 { return &v.MovedFromID }),
		createdColumn("created_at", func(v *Payment) *time.Time { return &v.CreatedAt }),
	},
}

// PaymentFieldNames lists every field name RecordPayment can report.
func PaymentFieldNames() []string { return paymentTable.fieldNames() }

func invoicePayments(ctx context.Context, q querier, invoiceID int64) ([]Payment, error) {
	rows, err := q.QueryContext(ctx, paymentTable.selectSQL(`WHERE invoice_id = ? ORDER BY paid_on, id`), invoiceID)
	if err != nil {
		return nil, fmt.Errorf("read payments of invoice %d: %w", invoiceID, err)
	}
	defer rows.Close()
	var out []Payment
	for rows.Next() {
		var p Payment
		if err := rows.Scan(paymentTable.scanTargets(&p)...); err != nil {
			return nil, fmt.Errorf("read payments of invoice %d: %w", invoiceID, err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// RecordPayment adds a payment to an issued invoice: part or all of its
// balance (several payments split it). A zero PaidOn is the practice's
// today. A gift-certificate payment names the certificate (CertificateID)
// and may not exceed what remains on it; a package-session payment names
// the package (PackageID), which must be the client's and have a session
// left. The payment is stored in p.
func (s *Store) RecordPayment(ctx context.Context, p *Payment) error {
	m, err := s.Moment(ctx)
	if err != nil {
		return fmt.Errorf("record payment: %w", err)
	}
	row := *p
	err = s.write(ctx, "record payment", func(tx *sql.Tx) error {
		return recordPayment(ctx, tx, m, &row)
	})
	if err != nil {
		return err
	}
	*p = row
	return nil
}

// recordPayment validates p against its invoice and stores it in tx.
func recordPayment(ctx context.Context, tx *sql.Tx, m Moment, p *Payment) error {
	p.Reference = clean(p.Reference)
	if p.PaidOn.IsZero() {
		p.PaidOn = m.Today
	}
	p.CreatedAt = m.Now
	inv, err := getInvoice(ctx, tx, p.InvoiceID)
	if err != nil {
		return err
	}
	var pr problems
	switch {
	case inv.Status == InvoiceDraft:
		pr.add("Amount", "This receipt is still a draft: issue it before recording a payment.")
	case inv.Status == InvoiceVoid:
		pr.add("Amount", "This receipt was voided; record the payment on the receipt that replaced it.")
	case p.Amount <= 0:
		pr.add("Amount", "Enter the amount paid, more than zero.")
	case p.Amount > inv.Balance():
		pr.add("Amount", "That is more than the %s still owed on this receipt.", FormatMoney(inv.Balance(), inv.Currency, moneyLocale(ctx, tx)))
	}
	if !p.Method.Valid() {
		pr.add("Method", "Choose how the client paid.")
	}
	if p.PaidOn.Valid() && m.Today.Before(p.PaidOn) {
		pr.add("PaidOn", "The payment date is in the future.")
	}
	pr.checkLen("Reference", "The reference", p.Reference, maxShort)
	if len(pr) == 0 {
		if err := checkRedemption(ctx, tx, m, &inv, p, &pr); err != nil {
			return err
		}
	}
	if err := pr.err(); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, paymentTable.insertSQL(), paymentTable.insertArgs(p)...)
	if err != nil {
		return fmt.Errorf("record payment on invoice %s: %w", inv.Number, err)
	}
	p.ID, err = res.LastInsertId()
	return err
}

// checkRedemption checks what a certificate or package payment spends.
func checkRedemption(ctx context.Context, tx *sql.Tx, m Moment, inv *Invoice, p *Payment, pr *problems) error {
	switch p.Method {
	case PayCertificate:
		p.PackageID = 0
		c, err := getCertificate(ctx, tx, p.CertificateID)
		if err != nil {
			pr.add("Reference", "Choose the gift certificate being used.")
			return nil
		}
		p.Reference = c.Code
		switch {
		case c.Cancelled:
			pr.add("Reference", "Gift certificate %s was cancelled: the receipt that sold it was voided.", c.Code)
		case c.Expired(m.Today):
			pr.add("Reference", "Gift certificate %s expired on %s.", c.Code, c.ExpiresOn.Format())
		case c.Remaining < p.Amount:
			pr.add("Amount", "Gift certificate %s has only %s left.", c.Code, FormatMoney(c.Remaining, inv.Currency, moneyLocale(ctx, tx)))
		}
	case PayPackage:
		p.CertificateID = 0
		k, err := getPackage(ctx, tx, p.PackageID)
		if err != nil {
			pr.add("Reference", "Choose the package a session is taken from.")
			return nil
		}
		switch {
		case k.ClientID != inv.ClientID:
			pr.add("Reference", "That package belongs to another client.")
		case k.Cancelled:
			pr.add("Reference", "The package %q was cancelled: the receipt that sold it was voided.", k.Name)
		case k.Expired(m.Today):
			pr.add("Reference", "The package %q expired on %s.", k.Name, k.ExpiresOn.Format())
		case k.SessionsLeft() <= 0:
			pr.add("Reference", "The package %q has no sessions left.", k.Name)
		}
	default:
		p.CertificateID, p.PackageID = 0, 0
	}
	return nil
}
