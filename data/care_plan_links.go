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
	start, err := planStart(ctx, tx, plan)
	if err != nil {
		return fmt.Errorf("book: %w", err)
	}
	for i := range occ {
		day := occ[i].LocalStart[:min(10, len(occ[i].LocalStart))]
		switch {
		case plan == 0 || day >= start:
			occ[i].CarePlanID = plan
		case b.CarePlanID == 0: // the default plan had not started yet: no plan
			occ[i].CarePlanID = 0
		default:
			return beforePlanStart(day, start)
		}
	}
	return nil
}

// planStart is a care plan's start date as stored (YYYY-MM-DD); "" for no plan.
func planStart(ctx context.Context, q querier, planID int64) (string, error) {
	if planID <= 0 {
		return "", nil
	}
	var start string
	if err := q.QueryRowContext(ctx, `SELECT start_date FROM care_plans WHERE id = ?`, planID).Scan(&start); err != nil {
		return "", fmt.Errorf("read the start of care plan %d: %w", planID, err)
	}
	return start, nil
}

// beforePlanStart refuses linking a visit on day to a plan starting on
// start (both YYYY-MM-DD): a plan's sessions are those from its start on.
func beforePlanStart(day, start string) error {
	when := func(s string) string {
		if d, err := ParseDate(s); err == nil {
			return d.Format()
		}
		return s
	}
	return &ValidationError{Problems: []FieldProblem{{Field: "CarePlanID", Message: fmt.Sprintf(
		"This visit (%s) is before the care plan started (%s), so it cannot be one of its sessions. "+
			"Choose another plan, or change the plan's start date.", when(day), when(start))}}}
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
// in one transaction. Every appointment must be of the plan's client and
// on or after the plan's start date.
func (s *Store) LinkVisits(ctx context.Context, planID int64, appointmentIDs ...int64) error {
	now := s.Now()
	return s.write(ctx, "link visits to a care plan", func(tx *sql.Tx) error {
		start, err := planStart(ctx, tx, planID)
		if err != nil {
			return err
		}
		for _, id := range appointmentIDs {
			var clientID int64
			var local string
			err := tx.QueryRowContext(ctx, `SELECT client_id, substr(local_start, 1, 10) FROM appointments WHERE id = ?`,
				id).Scan(&clientID, &local)
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
				if local < start {
					return beforePlanStart(local, start)
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
