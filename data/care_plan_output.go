package data

import (
	"context"
	"database/sql"
	"fmt"
)

// RecordCarePlanOutput logs that care plan id was exported (AuditExport)
// or printed (AuditPrint). The audit log follows clients and notes, so
// the line goes on the plan's client's history, as a plan's saves do:
// "care plan 3 (Low-back pain)", with "and its home-care handouts" when
// they were attached.
func (s *Store) RecordCarePlanOutput(ctx context.Context, action AuditAction, id int64, withHandouts bool) error {
	if action != AuditExport && action != AuditPrint {
		return fmt.Errorf("record care plan %d: %q is not an export or a print", id, action)
	}
	now := s.Now()
	return s.write(ctx, string(action)+" care plan", func(tx *sql.Tx) error {
		var clientID int64
		var condition string
		err := tx.QueryRowContext(ctx, `SELECT client_id, condition FROM care_plans WHERE id = ?`, id).Scan(&clientID, &condition)
		if errNoRows(err) {
			return fmt.Errorf("%s care plan %d: %w", action, id, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("%s care plan %d: %w", action, id, err)
		}
		summary := fmt.Sprintf("care plan %d (%s)", id, condition)
		if withHandouts {
			summary += " and its home-care handouts"
		}
		return recordAudit(ctx, tx, AuditEntry{At: now, Action: action, Entity: AuditClient, EntityID: clientID,
			ClientID: clientID, Summary: summary})
	})
}
