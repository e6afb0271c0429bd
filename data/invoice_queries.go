package data

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// InvoiceFilter narrows the invoice list.
type InvoiceFilter struct {
	Search string   // a receipt number (any text with digits: "42", "R-000042"), a gift certificate's code ("GC-…": its sale and the receipts it paid) or part of a client's name ("" is all)
	State  PayState // "" is every state
	From   Date     // issued on or after (zero: no bound)
	To     Date     // issued on or before (zero: no bound)
	Limit  int      // 0 is no limit
	Offset int
}

// InvoiceSummary is one row of the invoice list.
type InvoiceSummary struct {
	ID         int64
	Number     string
	IssuedOn   Date
	ClientID   int64
	ClientName string
	Total      int64
	Paid       int64
	Currency   string
	Status     InvoiceStatus
	State      PayState
}

// invoiceSummarySQL reads InvoiceSummary's columns.
const invoiceSummarySQL = `SELECT id, number, issued_on, client_id, ` + invoiceClientName + `, total_cents, paid_cents,
	currency, status FROM invoices`

// where builds the conditions of f and their arguments.
func (f InvoiceFilter) where() ([]string, []any) {
	var conds []string
	var args []any
	if q := strings.TrimSpace(f.Search); q != "" {
		// A search with a digit is a receipt number ("42", "R-000042"):
		// found by its sequence through the index. Otherwise it is part of
		// a client's name, found through the clients' folded search keys.
		if code := normalizeCode(q); strings.HasPrefix(code, "GC-") {
			// A gift certificate's code: the receipt that sold it and
			// those it paid.
			conds = append(conds, `(id IN (SELECT invoice_id FROM gift_certificates WHERE code = ?)
				OR id IN (SELECT p.invoice_id FROM payments p JOIN gift_certificates g ON g.id = p.gift_certificate_id WHERE g.code = ?))`)
			args = append(args, code, code)
		} else if n, ok := seqOf(q); ok {
			conds = append(conds, `seq = ?`)
			args = append(args, n)
		} else if name := Fold(q); name != "" {
			esc := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
			conds = append(conds, `client_id IN (SELECT id FROM clients WHERE search_key LIKE ? ESCAPE '\')`)
			args = append(args, "%"+esc.Replace(name)+"%")
		} else {
			conds = append(conds, `0`) // only punctuation: matches nothing
		}
	}
	if !f.From.IsZero() {
		conds = append(conds, `issued_on >= ?`)
		args = append(args, f.From.String())
	}
	if !f.To.IsZero() {
		conds = append(conds, `issued_on <> '' AND issued_on <= ?`)
		args = append(args, f.To.String())
	}
	switch f.State {
	case StateDraft:
		conds = append(conds, `status = 'draft'`)
	case StateVoid:
		conds = append(conds, `status = 'void'`)
	case StatePaid:
		conds = append(conds, `status = 'issued'`, `paid_cents >= total_cents`)
	case StatePartly:
		conds = append(conds, `status = 'issued'`, `paid_cents < total_cents`, `paid_cents > 0`)
	case StateUnpaid:
		conds = append(conds, `status = 'issued'`, `paid_cents < total_cents`, `paid_cents = 0`)
	}
	return conds, args
}

// seqOf reads a receipt number typed in a search: its digits, when it has any.
func seqOf(q string) (int64, bool) {
	var digits []rune
	for _, r := range q {
		if r >= '0' && r <= '9' {
			digits = append(digits, r)
		}
	}
	if len(digits) == 0 {
		return 0, false
	}
	n, err := strconv.ParseInt(string(digits[max(0, len(digits)-15):]), 10, 64)
	return n, err == nil
}

// searchesName reports a search for a client's name.
func (f InvoiceFilter) searchesName() bool {
	q := strings.TrimSpace(f.Search)
	if strings.HasPrefix(normalizeCode(q), "GC-") {
		return false
	}
	_, number := seqOf(q)
	return q != "" && !number && Fold(q) != ""
}

// whereSQL joins conditions into a WHERE clause ("" for none).
func whereSQL(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}

// Invoices lists invoices matching f: drafts first (newest first), then
// the others from the highest number down. f.Limit and f.Offset page
// through that order.
func (s *Store) Invoices(ctx context.Context, f InvoiceFilter) ([]InvoiceSummary, error) {
	conds, args := f.where()
	var out []InvoiceSummary
	// Drafts are few: read them all and page through them in Go.
	if f.State == "" || f.State == StateDraft {
		drafts, err := s.invoiceRows(ctx, invoiceSummarySQL+whereSQL(append(conds[:len(conds):len(conds)], `status = 'draft'`))+
			` ORDER BY id DESC`, args...)
		if err != nil {
			return nil, err
		}
		skip := min(f.Offset, len(drafts))
		out = drafts[skip:]
		if f.Limit > 0 && len(out) > f.Limit {
			return out[:f.Limit], nil
		}
		f.Offset -= skip
		if f.Limit > 0 {
			f.Limit -= len(out)
		}
		if f.State == StateDraft {
			return out, nil
		}
	}
	// The rest walk the index on seq, newest number first.
	from := invoiceSummarySQL
	switch {
	case f.State == StateUnpaid || f.State == StatePartly:
		// Few invoices are owed: find them by invoices_owing and sort
		// them, rather than walk every number.
		from += ` INDEXED BY invoices_owing`
	case f.searchesName():
		// The named clients' invoices by their index, then sorted: walking
		// every number for a rare name would read the whole table.
		from += ` INDEXED BY invoices_by_client`
	}
	q := from + whereSQL(append(conds[:len(conds):len(conds)], `seq > 0`)) + ` ORDER BY seq DESC`
	if f.Limit > 0 || f.Offset > 0 {
		limit := f.Limit
		if limit <= 0 {
			limit = -1
		}
		q += ` LIMIT ? OFFSET ?`
		args = append(args, limit, f.Offset)
	}
	rest, err := s.invoiceRows(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return append(out, rest...), nil
}

func (s *Store) invoiceRows(ctx context.Context, q string, args ...any) ([]InvoiceSummary, error) {
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("read invoices: %w", err)
	}
	defer rows.Close()
	var out []InvoiceSummary
	for rows.Next() {
		var v InvoiceSummary
		if err := rows.Scan(&v.ID, &v.Number, dateScanner{&v.IssuedOn}, &v.ClientID, &v.ClientName, &v.Total, &v.Paid,
			&v.Currency, (*string)(&v.Status)); err != nil {
			return nil, fmt.Errorf("read invoices: %w", err)
		}
		v.State = payState(v.Status, v.Total, v.Paid)
		out = append(out, v)
	}
	return out, rows.Err()
}

// CountInvoices counts the invoices matching f (its Limit and Offset aside).
func (s *Store) CountInvoices(ctx context.Context, f InvoiceFilter) (int, error) {
	conds, args := f.where()
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM invoices`+whereSQL(conds), args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count invoices: %w", err)
	}
	return n, nil
}

// AgeBuckets name the ages of debt a balance is split into, in days since
// the invoice was issued.
var AgeBuckets = []string{"0-30 days", "31-60 days", "61-90 days", "Over 90 days"}

// ClientBalance is what one client owes, split by the age of each debt.
type ClientBalance struct {
	ClientID   int64
	ClientName string
	Owed       int64    // cents, over all their issued invoices
	ByAge      [4]int64 // cents owed, by AgeBuckets
	Invoices   int      // how many invoices are not fully paid
	Oldest     Date     // the oldest unpaid invoice's date
}

// Balances lists every client who owes something, most owed first, with
// the age of each debt counted to the practice's today.
func (s *Store) Balances(ctx context.Context) ([]ClientBalance, error) {
	today, err := s.Today(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.r.QueryContext(ctx, `SELECT client_id, `+invoiceClientName+`, issued_on, total_cents - paid_cents,
			CAST(julianday(?) - julianday(issued_on) AS INTEGER)
		FROM invoices INDEXED BY invoices_owing WHERE status = 'issued' AND paid_cents < total_cents
		ORDER BY client_id, issued_on`, today.String())
	if err != nil {
		return nil, fmt.Errorf("read balances: %w", err)
	}
	defer rows.Close()
	var out []ClientBalance
	for rows.Next() {
		var id, owed int64
		var name string
		var on Date
		var days int
		if err := rows.Scan(&id, &name, dateScanner{&on}, &owed, &days); err != nil {
			return nil, fmt.Errorf("read balances: %w", err)
		}
		if len(out) == 0 || out[len(out)-1].ClientID != id {
			out = append(out, ClientBalance{ClientID: id, ClientName: name, Oldest: on})
		}
		b := &out[len(out)-1]
		b.Owed += owed
		b.Invoices++
		b.ByAge[ageBucket(days)] += owed
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read balances: %w", err)
	}
	sortBalances(out)
	return out, nil
}

// ageBucket is the AgeBuckets index of a debt days old.
func ageBucket(days int) int {
	switch {
	case days <= 30:
		return 0
	case days <= 60:
		return 1
	case days <= 90:
		return 2
	}
	return 3
}

// sortBalances puts the most owed first, then by name.
func sortBalances(bs []ClientBalance) {
	slices.SortStableFunc(bs, func(a, b ClientBalance) int {
		if c := cmp.Compare(b.Owed, a.Owed); c != 0 {
			return c
		}
		return cmp.Compare(a.ClientName, b.ClientName)
	})
}

// PaidVisit is one paid visit of a year-end statement.
type PaidVisit struct {
	InvoiceID   int64
	Number      string
	Date        Date   // the visit's date
	Description string // the service
	Minutes     int
	Amount      int64 // what the visit cost, tax included
}

// PaidVisits lists a client's visits in a calendar year that are on fully
// paid invoices (not void), in date order: the year-end statement.
func (s *Store) PaidVisits(ctx context.Context, clientID int64, year int) ([]PaidVisit, error) {
	from, to := fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-12-31", year)
	rows, err := s.r.QueryContext(ctx, `SELECT i.id, i.number, l.service_date, l.description, l.minutes, l.amount_cents + l.tax_cents
		FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
		WHERE i.client_id = ? AND i.status = 'issued' AND l.kind = 'service' AND l.service_date BETWEEN ? AND ?
		  AND i.paid_cents >= i.total_cents
		ORDER BY l.service_date, i.seq, l.position`, clientID, from, to)
	if err != nil {
		return nil, fmt.Errorf("read paid visits of client %d in %d: %w", clientID, year, err)
	}
	defer rows.Close()
	var out []PaidVisit
	for rows.Next() {
		var v PaidVisit
		if err := rows.Scan(&v.InvoiceID, &v.Number, dateScanner{&v.Date}, &v.Description, &v.Minutes, &v.Amount); err != nil {
			return nil, fmt.Errorf("read paid visits of client %d in %d: %w", clientID, year, err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// StatementClients lists the clients with at least one paid visit in a
// year (whom year-end statements are made for), by ID.
func (s *Store) StatementClients(ctx context.Context, year int) ([]int64, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT DISTINCT i.client_id FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
		WHERE i.status = 'issued' AND l.kind = 'service' AND l.service_date BETWEEN ? AND ?
		  AND i.paid_cents >= i.total_cents
		ORDER BY i.client_id`, fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-12-31", year))
	if err != nil {
		return nil, fmt.Errorf("read the clients of %d's statements: %w", year, err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("read the clients of %d's statements: %w", year, err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
