package data

import (
	"context"
	"database/sql"
	"fmt"
)

// NoCarePlan in Booking.CarePlanID books visits linked to no plan.
const NoCarePlan int64 = -1

// linkBooking sets the care plan of a booking's visits (Booking.CarePlanID).
func linkBooking(ctx context.Context, tx *sql.Tx, b *Booking, occ []Appointment) error {
	var plan int64
	switch {
	case b.CarePlanID == NoCarePlan:
	case b.CarePlanID == 0:
		var err error
		if plan, err = soleActivePlan(ctx, tx, b.ClientID); err != nil {
			return fmt.Errorf("book: %w", err)
		}
	default:
		if err := checkPlanOf(ctx, tx, b.CarePlanID, b.ClientID, "CarePlanID"); err != nil {
			return err
		}
		plan = b.CarePlanID
	}
	for i := range occ {
		occ[i].CarePlanID = plan
	}
	return nil
}

// soleActivePlan is the client's active plan when they have exactly one (0 otherwise).
func soleActivePlan(ctx context.Context, q querier, clientID int64) (int64, error) {
	var n, id int64
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(MIN(id), 0) FROM care_plans WHERE client_id = ? AND status = 'active'`,
		clientID).Scan(&n, &id); err != nil {
		return 0, fmt.Errorf("find the client's care plan: %w", err)
	}
	if n != 1 {
		return 0, nil
	}
	return id, nil
}

// DefaultCarePlan is the plan a new visit of the client is linked to: their
// only active plan, or 0 when they have none or several.
func (s *Store) DefaultCarePlan(ctx context.Context, clientID int64) (int64, error) {
	return soleActivePlan(ctx, s.r, clientID)
}

// checkPlanOf makes sure plan planID belongs to the client (a
// *ValidationError on field otherwise).
func checkPlanOf(ctx context.Context, q querier, planID, clientID int64, field string) error {
	var owner int64
	err := q.QueryRowContext(ctx, `SELECT client_id FROM care_plans WHERE id = ?`, planID).Scan(&owner)
	switch {
	case errNoRows(err):
		return &ValidationError{Problems: []FieldProblem{{Field: field, Message: "That care plan no longer exists. Choose another."}}}
	case err != nil:
		return fmt.Errorf("read care plan %d: %w", planID, err)
	case owner != clientID:
		return &ValidationError{Problems: []FieldProblem{{Field: field, Message: "That care plan is another client's. Choose one of this client's plans."}}}
	}
	return nil
}

// LinkVisits links appointments to care plan planID (0: to no plan), all
// in one transaction. Every appointment must be of the plan's client.
func (s *Store) LinkVisits(ctx context.Context, planID int64, appointmentIDs ...int64) error {
	now := s.Now()
	return s.write(ctx, "link visits to a care plan", func(tx *sql.Tx) error {
		for _, id := range appointmentIDs {
			var clientID int64
			err := tx.QueryRowContext(ctx, `SELECT client_id FROM appointments WHERE id = ?`, id).Scan(&clientID)
			if errNoRows(err) {
				return fmt.Errorf("link visit %d: %w", id, ErrNotFound)
			}
			if err != nil {
				return fmt.Errorf("link visit %d: %w", id, err)
			}
			var plan any
			if planID != 0 {
				if err := checkPlanOf(ctx, tx, planID, clientID, "CarePlanID"); err != nil {
					return err
				}
				plan = planID
			}
			if _, err := tx.ExecContext(ctx, `UPDATE appointments SET care_plan_id = ?, updated_at = ? WHERE id = ?`,
				plan, now.Unix(), id); err != nil {
				return fmt.Errorf("link visit %d: %w", id, err)
			}
		}
		return nil
	})
}
