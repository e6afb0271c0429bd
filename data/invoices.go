package data

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// InvoiceStatus is where an invoice stands in the schema: a draft can be
// edited or deleted, an issued invoice is fixed (only voided), a void one
// keeps its number. Whether it is paid is not stored: PayState derives it
// from the payments.
type InvoiceStatus string

// The stored statuses of an invoice.
const (
	InvoiceDraft  InvoiceStatus = "draft"
	InvoiceIssued InvoiceStatus = "issued"
	InvoiceVoid   InvoiceStatus = "void"
)

// PayState is what a list shows for an invoice: its stored status, with
// issued split by what has been paid.
type PayState string

// The states an invoice list shows and filters by.
const (
	StateDraft  PayState = "draft"
	StateUnpaid PayState = "unpaid"
	StatePartly PayState = "partly_paid"
	StatePaid   PayState = "paid"
	StateVoid   PayState = "void"
)

// PayStates lists every state, in the order a filter menu shows them.
var PayStates = []PayState{StateDraft, StateUnpaid, StatePartly, StatePaid, StateVoid}

// Label is the state in plain words: "Partly paid".
func (p PayState) Label() string {
	switch p {
	case StateDraft:
		return "Draft"
	case StateUnpaid:
		return "Unpaid"
	case StatePartly:
		return "Partly paid"
	case StatePaid:
		return "Paid"
	case StateVoid:
		return "Void"
	}
	return string(p)
}

// payState derives the state from the stored status and the money.
func payState(status InvoiceStatus, total, paid int64) PayState {
	switch {
	case status == InvoiceDraft:
		return StateDraft
	case status == InvoiceVoid:
		return StateVoid
	case paid >= total:
		return StatePaid
	case paid > 0:
		return StatePartly
	}
	return StateUnpaid
}

// LineKind is what an invoice line charges for.
type LineKind string

// The kinds of invoice line.
const (
	LineService     LineKind = "service"     // a visit (usually with its appointment)
	LineCertificate LineKind = "certificate" // a gift certificate sold
	LinePackage     LineKind = "package"     // a prepaid package sold
	LineOther       LineKind = "other"       // anything else (a card surcharge, a product)
)

// Invoice is a receipt: one client, one or more lines, and the payments
// made against it. Totals are computed from the lines (Compute) and stored,
// so an issued invoice reads back exactly as it was issued.
type Invoice struct {
	ID         int64
	Seq        int64  // 1, 2, 3 … once issued; 0 for a draft
	Number     string // Prefix + Seq ("R-000042") once issued; "" for a draft
	ClientID   int64
	Status     InvoiceStatus
	IssuedOn   Date      // the receipt's date (the practice's today when issued)
	IssuedAt   time.Time // the instant it was issued (zero for a draft)
	Currency   string    // ISO 4217, copied from the practice when made
	TaxName    string    // "HST", copied from the practice when made
	Subtotal   int64     // sum of quantity x unit over the lines, in cents
	Discount   int64     // sum of the lines' discounts
	Tax        int64     // sum of the lines' tax
	Total      int64     // Subtotal - Discount + Tax
	PaidCents  int64     // the sum of the payments, kept by the schema (read only)
	ReplacesID int64     // the void invoice this one re-issues (0: none)
	VoidReason string
	VoidedAt   time.Time // zero unless void
	PrintCount int       // how many times a receipt was printed or saved
	CreatedAt  time.Time
	UpdatedAt  time.Time

	Lines    []InvoiceLine // read with the invoice, in order
	Payments []Payment     // read with the invoice, oldest first

	ClientName string // joined for display (read only)
}

// Paid is the sum of the invoice's payments.
func (v *Invoice) Paid() int64 {
	var n int64
	for _, p := range v.Payments {
		n += p.Amount
	}
	return n
}

// Balance is what is still owed: 0 for a paid, draft or void invoice.
func (v *Invoice) Balance() int64 {
	if v.Status != InvoiceIssued || v.Paid() >= v.Total {
		return 0
	}
	return v.Total - v.Paid()
}

// State is the invoice's state as a list shows it.
func (v *Invoice) State() PayState { return payState(v.Status, v.Total, v.Paid()) }

// InvoiceLine is one thing an invoice charges for.
type InvoiceLine struct {
	ID            int64
	InvoiceID     int64
	Position      int
	Kind          LineKind
	AppointmentID int64 // the visit, for a service line (0: none)
	ServiceID     int64 // 0: none
	Description   string
	ServiceDate   Date  // the visit's date
	Minutes       int   // the visit's length (0: not a timed service)
	Quantity      int   // at least 1
	Unit          int64 // unit price in cents
	Discount      int64 // cents off this line
	Taxable       bool
	TaxRateBP     int   // the practice's rate when made, 0 when not taxable
	Tax           int64 // TaxOf(Amount, TaxRateBP)
	Amount        int64 // Quantity x Unit - Discount
	CPTCode       string
	CPTUnits      int
	ICD10Codes    string
	CertificateID int64 // the certificate a certificate line sold (0: none)
	PackageID     int64 // the package a package line sold (0: none)
}

// Compute sets the line's Amount and Tax from its quantity, unit price,
// discount and rate; rate applies only when the line is taxable.
func (l *InvoiceLine) Compute(rateBP int) {
	l.TaxRateBP = 0
	if l.Taxable {
		l.TaxRateBP = rateBP
	}
	l.Amount = int64(l.Quantity)*l.Unit - l.Discount
	l.Tax = TaxOf(l.Amount, l.TaxRateBP)
}

// Compute recomputes every line at rateBP and the invoice's totals.
func (v *Invoice) Compute(rateBP int) {
	v.Subtotal, v.Discount, v.Tax = 0, 0, 0
	for i := range v.Lines {
		l := &v.Lines[i]
		l.Position = i + 1
		l.Compute(rateBP)
		v.Subtotal += int64(l.Quantity) * l.Unit
		v.Discount += l.Discount
		v.Tax += l.Tax
	}
	v.Total = v.Subtotal - v.Discount + v.Tax
}

// invoiceTable describes the invoices table.
var invoiceTable = table[Invoice]{
	name:    "invoices",
	key:     idColumn(func(v *Invoice) *int64 { return &v.ID }),
	autoKey: true,
	cols: []column[Invoice]{
		valueColumn("seq", "", func(v *Invoice) *int64 { return &v.Seq }),
		textColumn("number", "", func(v *Invoice) *string { return &v.Number }),
		valueColumn("client_id", "ClientID", func(v *Invoice) *int64 { return &v.ClientID }),
		textColumn("status", "", func(v *Invoice) *string { return (*string)(&v.Status) }),
		dateColumn("issued_on", "", func(v *Invoice) *Date { return &v.IssuedOn }),
		zeroUnixColumn("issued_at", func(v *Invoice) *time.Time { return &v.IssuedAt }),
		textColumn("currency", "", func(v *Invoice) *string { return &v.Currency }),
		textColumn("tax_name", "", func(v *Invoice) *string { return &v.TaxName }),
		valueColumn("subtotal_cents", "", func(v *Invoice) *int64 { return &v.Subtotal }),
		valueColumn("discount_cents", "", func(v *Invoice) *int64 { return &v.Discount }),
		valueColumn("tax_cents", "", func(v *Invoice) *int64 { return &v.Tax }),
		valueColumn("total_cents", "", func(v *Invoice) *int64 { return &v.Total }),
		valueColumn("paid_cents", "", func(v *Invoice) *int64 { return &v.PaidCents }),
		nullIDColumn("replaces_id", func(v *Invoice) *int64 { return &v.ReplacesID }),
		textColumn("void_reason", "VoidReason", func(v *Invoice) *string { return &v.VoidReason }),
		zeroUnixColumn("voided_at", func(v *Invoice) *time.Time { return &v.VoidedAt }),
		valueColumn("print_count", "", func(v *Invoice) *int { return &v.PrintCount }),
		createdColumn("created_at", func(v *Invoice) *time.Time { return &v.CreatedAt }),
		unixColumn("updated_at", func(v *Invoice) *time.Time { return &v.UpdatedAt }),
	},
}

// invoiceLineTable describes the invoice_lines table.
var invoiceLineTable = table[InvoiceLine]{
	name:    "invoice_lines",
	key:     idColumn(func(v *InvoiceLine) *int64 { return &v.ID }),
	autoKey: true,
	cols: []column[InvoiceLine]{
		valueColumn("invoice_id", "", func(v *InvoiceLine) *int64 { return &v.InvoiceID }),
		valueColumn("position", "", func(v *InvoiceLine) *int { return &v.Position }),
		textColumn("kind", "", func(v *InvoiceLine) *string { return (*string)(&v.Kind) }),
		nullIDColumn("appointment_id", func(v *InvoiceLine) *int64 { return &v.AppointmentID }),
		nullIDColumn("service_id", func(v *InvoiceLine) *int64 { return &v.ServiceID }),
		textColumn("description", "Description", func(v *InvoiceLine) *string { return &v.Description }),
		dateColumn("service_date", "ServiceDate", func(v *InvoiceLine) *Date { return &v.ServiceDate }),
		valueColumn("minutes", "Minutes", func(v *InvoiceLine) *int { return &v.Minutes }),
		valueColumn("quantity", "Quantity", func(v *InvoiceLine) *int { return &v.Quantity }),
		valueColumn("unit_cents", "Unit", func(v *InvoiceLine) *int64 { return &v.Unit }),
		valueColumn("discount_cents", "Discount", func(v *InvoiceLine) *int64 { return &v.Discount }),
		valueColumn("taxable", "", func(v *InvoiceLine) *bool { return &v.Taxable }),
		valueColumn("tax_rate_bp", "", func(v *InvoiceLine) *int { return &v.TaxRateBP }),
		valueColumn("tax_cents", "", func(v *InvoiceLine) *int64 { return &v.Tax }),
		valueColumn("amount_cents", "", func(v *InvoiceLine) *int64 { return &v.Amount }),
		textColumn("cpt_code", "CPTCode", func(v *InvoiceLine) *string { return &v.CPTCode }),
		valueColumn("cpt_units", "CPTUnits", func(v *InvoiceLine) *int { return &v.CPTUnits }),
		textColumn("icd10_codes", "ICD10Codes", func(v *InvoiceLine) *string { return &v.ICD10Codes }),
		nullIDColumn("gift_certificate_id", func(v *InvoiceLine) *int64 { return &v.CertificateID }),
		nullIDColumn("package_id", func(v *InvoiceLine) *int64 { return &v.PackageID }),
	},
}

// InvoiceFieldNames lists every field name invoice validation can report
// (the invoice's and, prefixed "Lines.", its lines').
func InvoiceFieldNames() []string {
	out := invoiceTable.fieldNames()
	for _, f := range invoiceLineTable.fieldNames() {
		out = append(out, "Lines."+f)
	}
	return append(out, "Lines")
}

// zeroUnixColumn stores an optional instant as unix seconds, 0 when zero.
func zeroUnixColumn[T any](name string, p func(*T) *time.Time) column[T] {
	return column[T]{name: name,
		get: func(v *T) any {
			if t := *p(v); !t.IsZero() {
				return t.Unix()
			}
			return int64(0)
		},
		scan: func(v *T) any { return zeroUnixScanner{p(v)} }}
}

// zeroUnixScanner scans unix seconds; 0 is the zero time.
type zeroUnixScanner struct{ t *time.Time }

// Scan implements sql.Scanner.
func (s zeroUnixScanner) Scan(src any) error {
	n, ok := src.(int64)
	if !ok {
		return fmt.Errorf("stored time is a %T, not a number", src)
	}
	if n == 0 {
		*s.t = time.Time{}
		return nil
	}
	*s.t = time.Unix(n, 0).UTC()
	return nil
}

// invoiceListSQL selects an invoice with its client's name.
const invoiceClientName = `(SELECT CASE WHEN c.preferred_name <> '' THEN c.preferred_name ELSE c.first_name END || ' ' || c.last_name
	FROM clients c WHERE c.id = invoices.client_id)`

// Invoice returns one invoice with its lines and payments, or ErrNotFound.
func (s *Store) Invoice(ctx context.Context, id int64) (Invoice, error) {
	return getInvoice(ctx, s.r, id)
}

// InvoiceByNumber returns the invoice with that number ("R-000042"), or
// ErrNotFound. The number is read as typed: surrounding spaces and the
// case of its letters do not matter ("  r-000042 "), and the digits alone
// name it too ("42", "000042").
func (s *Store) InvoiceByNumber(ctx context.Context, number string) (Invoice, error) {
	number = strings.TrimSpace(number)
	var id int64
	// The exact number first, through the index; then in any case (a
	// number differs from another by more than case: the prefix is the
	// practice's and the digits are unique).
	err := s.r.QueryRowContext(ctx, `SELECT id FROM invoices WHERE number = ? AND number <> ''`, number).Scan(&id)
	if errNoRows(err) {
		err = s.r.QueryRowContext(ctx, `SELECT id FROM invoices WHERE number = ? COLLATE NOCASE AND number <> ''
			ORDER BY seq LIMIT 1`, number).Scan(&id)
	}
	if seq, perr := strconv.ParseInt(number, 10, 64); errNoRows(err) && perr == nil && seq > 0 && !strings.HasPrefix(number, "+") {
		// The digits alone ("9305" for R-009305): the sequence is unique,
		// so whatever the prefix was they name one receipt.
		err = s.r.QueryRowContext(ctx, `SELECT id FROM invoices WHERE seq = ? AND number <> ''`, seq).Scan(&id)
	}
	if errNoRows(err) {
		return Invoice{}, fmt.Errorf("invoice %s: %w", number, ErrNotFound)
	}
	if err != nil {
		return Invoice{}, fmt.Errorf("read invoice %s: %w", number, err)
	}
	return s.Invoice(ctx, id)
}

func getInvoice(ctx context.Context, q querier, id int64) (Invoice, error) {
	var v Invoice
	targets := append(invoiceTable.scanTargets(&v), &v.ClientName)
	err := q.QueryRowContext(ctx, `SELECT `+invoiceColumns()+`, `+invoiceClientName+` FROM invoices WHERE id = ?`, id).Scan(targets...)
	if errNoRows(err) {
		return Invoice{}, fmt.Errorf("invoice %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Invoice{}, fmt.Errorf("read invoice %d: %w", id, err)
	}
	if v.Lines, err = invoiceLines(ctx, q, id); err != nil {
		return Invoice{}, err
	}
	if v.Payments, err = invoicePayments(ctx, q, id); err != nil {
		return Invoice{}, err
	}
	return v, nil
}

// invoiceColumns is the column list of invoiceTable's SELECT.
func invoiceColumns() string {
	sel := invoiceTable.selectSQL("")
	return sel[len("SELECT ") : len(sel)-len(" FROM invoices")]
}

func invoiceLines(ctx context.Context, q querier, invoiceID int64) ([]InvoiceLine, error) {
	rows, err := q.QueryContext(ctx, invoiceLineTable.selectSQL(`WHERE invoice_id = ? ORDER BY position, id`), invoiceID)
	if err != nil {
		return nil, fmt.Errorf("read lines of invoice %d: %w", invoiceID, err)
	}
	defer rows.Close()
	var out []InvoiceLine
	for rows.Next() {
		var l InvoiceLine
		if err := rows.Scan(invoiceLineTable.scanTargets(&l)...); err != nil {
			return nil, fmt.Errorf("read lines of invoice %d: %w", invoiceID, err)
		}
		out = append(out, l)
	}
	return out, rows.Err()
}
