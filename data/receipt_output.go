package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ErrPrintedMeanwhile is returned by RecordReceiptOutput when another
// window or program printed the same receipt between reading it and
// recording this copy: the copy number on the page would be wrong, so the
// caller renders again.
var ErrPrintedMeanwhile = errors.New("this receipt was printed elsewhere at the same moment; please try again")

// RecordReceiptOutput records that a receipt left the practice — saved as a
// file (AuditExport) or printed (AuditPrint) — in one transaction with
// counting the copy: the invoice's print count goes from printed to
// printed+1 and the audit log gets its line, or neither happens. printed is
// the count the receipt was rendered with (Invoice.PrintCount): 0 rendered
// the original, anything higher a "DUPLICATE". A count that has moved since
// is ErrPrintedMeanwhile; a draft or missing invoice wraps ErrNotFound.
func (s *Store) RecordReceiptOutput(ctx context.Context, id int64, action AuditAction, printed int) error {
	if action != AuditExport && action != AuditPrint {
		return fmt.Errorf("record receipt %d: %q is neither an export nor a print", id, action)
	}
	now := s.Now()
	return s.write(ctx, string(action)+" receipt", func(tx *sql.Tx) error {
		var clientID int64
		err := tx.QueryRowContext(ctx, `UPDATE invoices SET print_count = print_count + 1
			WHERE id = ? AND status <> 'draft' AND print_count = ? RETURNING client_id`, id, printed).Scan(&clientID)
		if errNoRows(err) {
			var n int
			switch err := tx.QueryRowContext(ctx, `SELECT print_count FROM invoices WHERE id = ? AND status <> 'draft'`, id).Scan(&n); {
			case errNoRows(err):
				return fmt.Errorf("%s receipt %d: %w", action, id, ErrNotFound)
			case err != nil:
				return fmt.Errorf("%s receipt %d: %w", action, id, err)
			}
			return fmt.Errorf("%s receipt %d (copy %d, now %d): %w", action, id, printed+1, n+1, ErrPrintedMeanwhile)
		}
		if err != nil {
			return fmt.Errorf("%s receipt %d: %w", action, id, err)
		}
		return recordAudit(ctx, tx, AuditEntry{At: now, Action: action, Entity: AuditInvoice, EntityID: id, ClientID: clientID})
	})
}

// ReplacementOf returns the number of the invoice that re-issues void
// invoice id ("" when none does): a void receipt says which one replaces it.
func (s *Store) ReplacementOf(ctx context.Context, id int64) (string, error) {
	var number string
	err := s.r.QueryRowContext(ctx, `SELECT number FROM invoices WHERE replaces_id = ? ORDER BY id LIMIT 1`, id).Scan(&number)
	if errNoRows(err) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read the invoice replacing invoice %d: %w", id, err)
	}
	return number, nil
}
