package data

import (
	"context"
	"fmt"
)

// StatementMethods returns how each receipt on a client's year-end
// statement (see PaidVisits) was paid: the methods of its payments, oldest
// first, per invoice ID.
func (s *Store) StatementMethods(ctx context.Context, clientID int64, year int) (map[int64][]PaymentMethod, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT p.invoice_id, p.method FROM invoices i JOIN payments p ON p.invoice_id = i.id
		WHERE i.client_id = ? AND i.status = 'issued' AND i.paid_cents >= i.total_cents
		  AND EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = i.id AND l.kind = 'service' AND l.service_date BETWEEN ? AND ?)
		ORDER BY p.invoice_id, p.id`, clientID, fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-12-31", year))
	if err != nil {
		return nil, fmt.Errorf("read how client %d paid in %d: %w", clientID, year, err)
	}
	defer rows.Close()
	out := map[int64][]PaymentMethod{}
	for rows.Next() {
		var id int64
		var m PaymentMethod
		if err := rows.Scan(&id, (*string)(&m)); err != nil {
			return nil, fmt.Errorf("read how client %d paid in %d: %w", clientID, year, err)
		}
		out[id] = append(out[id], m)
	}
	return out, rows.Err()
}
