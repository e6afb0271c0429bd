package data

import (
	"context"
	"fmt"
)

// InvoiceTotal is what the invoices of one currency matching a filter add
// up to.
type InvoiceTotal struct {
	Currency string
	Count    int   // issued invoices counted
	Total    int64 // cents billed
	Paid     int64 // cents paid on them
}

// InvoiceTotals adds up the issued invoices matching f (its Limit and
// Offset aside), one total per currency. Void invoices and drafts are
// never counted: a void receipt's payments no longer count, and a draft
// bills nothing yet.
func (s *Store) InvoiceTotals(ctx context.Context, f InvoiceFilter) ([]InvoiceTotal, error) {
	conds, args := f.where()
	conds = append(conds, `status = 'issued'`)
	rows, err := s.r.QueryContext(ctx, `SELECT currency, COUNT(*), COALESCE(SUM(total_cents), 0), COALESCE(SUM(paid_cents), 0)
		FROM invoices`+whereSQL(conds)+` GROUP BY currency ORDER BY currency`, args...)
	if err != nil {
		return nil, fmt.Errorf("add up receipts: %w", err)
	}
	defer rows.Close()
	var out []InvoiceTotal
	for rows.Next() {
		var t InvoiceTotal
		if err := rows.Scan(&t.Currency, &t.Count, &t.Total, &t.Paid); err != nil {
			return nil, fmt.Errorf("add up receipts: %w", err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("add up receipts: %w", err)
	}
	return out, nil
}
