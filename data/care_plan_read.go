package data

import (
	"context"
	"database/sql"
	"fmt"
)

// CarePlan reads one care plan with all its children and its client's name.
func (s *Store) CarePlan(ctx context.Context, id int64) (CarePlan, error) {
	return readCarePlan(ctx, s.r, id)
}

// readCarePlan reads a plan and its children through q (the read pool or
// a write transaction).
func readCarePlan(ctx context.Context, q querier, id int64) (CarePlan, error) {
	var p CarePlan
	err := q.QueryRowContext(ctx, carePlanTable.selectSQL("WHERE id = ?"), id).Scan(carePlanTable.scanTargets(&p)...)
	if errNoRows(err) {
		return p, fmt.Errorf("care plan %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return p, fmt.Errorf("read care plan %d: %w", id, err)
	}
	var first, preferred, last string
	if err := q.QueryRowContext(ctx, `SELECT first_name, preferred_name, last_name FROM clients WHERE id = ?`,
		p.ClientID).Scan(&first, &preferred, &last); err != nil {
		return p, fmt.Errorf("read care plan %d: client: %w", id, err)
	}
	p.ClientName = displayName(first, preferred, last)
	fail := func(err error) (CarePlan, error) { return p, fmt.Errorf("read care plan %d: %w", id, err) }
	if p.Goals, err = readChildren(ctx, q, &goalTable, "WHERE plan_id = ? ORDER BY position, id", id); err != nil {
		return fail(err)
	}
	for i := range p.Goals {
		if p.Goals[i].Progress, err = readChildren(ctx, q, &progressTable, "WHERE goal_id = ? ORDER BY recorded_on, id",
			p.Goals[i].ID); err != nil {
			return fail(err)
		}
	}
	if p.Reassessments, err = readChildren(ctx, q, &reassessmentTable, "WHERE plan_id = ? ORDER BY due_on, id", id); err != nil {
		return fail(err)
	}
	if p.HomeCare, err = readHomeCare(ctx, q, id); err != nil {
		return fail(err)
	}
	if p.Referrals, err = readChildren(ctx, q, &referralTable, "WHERE plan_id = ? ORDER BY position, id", id); err != nil {
		return fail(err)
	}
	if p.Marks, err = readChildren(ctx, q, &planMarkTable, "WHERE plan_id = ? ORDER BY id", id); err != nil {
		return fail(err)
	}
	return p, nil
}

// readChildren reads the rows of t selected by rest with one argument.
func readChildren[T any](ctx context.Context, q querier, t *table[T], rest string, arg int64) ([]T, error) {
	rows, err := q.QueryContext(ctx, t.selectSQL(rest), arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := rows.Scan(t.scanTargets(&v)...); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// readHomeCare reads a plan's home care with each handout's title.
func readHomeCare(ctx context.Context, q querier, planID int64) ([]HomeCareItem, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+homeCareTable.key.name+", "+columnNames(homeCareTable.cols)+
		`, (SELECT title FROM handouts h WHERE h.id = handout_id) FROM care_plan_home_care
		WHERE plan_id = ? ORDER BY position, id`, planID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []HomeCareItem
	for rows.Next() {
		var h HomeCareItem
		var title sql.NullString
		if err := rows.Scan(append(homeCareTable.scanTargets(&h), &title)...); err != nil {
			return nil, err
		}
		h.HandoutTitle = title.String
		out = append(out, h)
	}
	return out, rows.Err()
}

// PlanRow is one care plan in a list, with its figures.
type PlanRow struct {
	ID               int64
	ClientID         int64
	ClientName       string
	Condition        string
	Status           PlanStatus
	StartDate        Date
	SessionsDone     int  // completed visits linked to the plan, from its start on
	SessionsPlanned  int  // CarePlan.PlannedSessions
	NextReassessment Date // first reassessment on or after today (zero: none)
	DischargeDate    Date // when a completed or discontinued plan ended (zero: active)
}

// planRowSQL reads PlanRows; the first argument is today's date.
const planRowSQL = `SELECT p.id, p.client_id, c.first_name, c.preferred_name, c.last_name, p.condition, p.status,
	p.start_date, p.per_week, p.every_weeks, p.weeks,
	(SELECT COUNT(*) FROM appointments a WHERE a.care_plan_id = p.id AND a.status = 'completed'
		AND substr(a.local_start, 1, 10) >= p.start_date),
	COALESCE((SELECT MIN(r.due_on) FROM care_plan_reassessments r WHERE r.plan_id = p.id AND r.due_on >= ?), ''),
	p.discharge_date
	FROM care_plans p JOIN clients c ON c.id = p.client_id `

// ClientCarePlans lists a client's care plans for the client page: active
// ones first, then the newest.
func (s *Store) ClientCarePlans(ctx context.Context, clientID int64) ([]PlanRow, error) {
	return s.planRows(ctx, `WHERE p.client_id = ? ORDER BY p.status <> 'active', p.start_date DESC, p.id DESC`, clientID)
}

// CarePlans lists every care plan, by ID.
func (s *Store) CarePlans(ctx context.Context) ([]PlanRow, error) {
	return s.planRows(ctx, `ORDER BY p.id`)
}

func (s *Store) planRows(ctx context.Context, rest string, args ...any) ([]PlanRow, error) {
	today, err := s.Today(ctx)
	if err != nil {
		return nil, fmt.Errorf("list care plans: %w", err)
	}
	rows, err := s.r.QueryContext(ctx, planRowSQL+rest, append([]any{today.String()}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("list care plans: %w", err)
	}
	defer rows.Close()
	var out []PlanRow
	for rows.Next() {
		var r PlanRow
		var first, preferred, last string
		var p CarePlan
		if err := rows.Scan(&r.ID, &r.ClientID, &first, &preferred, &last, &r.Condition, &r.Status,
			dateScanner{&r.StartDate}, &p.PerWeek, &p.EveryWeeks, &p.Weeks, &r.SessionsDone,
			dateScanner{&r.NextReassessment}, dateScanner{&r.DischargeDate}); err != nil {
			return nil, fmt.Errorf("list care plans: %w", err)
		}
		r.ClientName, r.SessionsPlanned = displayName(first, preferred, last), p.PlannedSessions()
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list care plans: %w", err)
	}
	return out, nil
}

// PlanFigures are what a plan's screen shows about how it is going.
type PlanFigures struct {
	SessionsDone     int  // completed visits linked to the plan
	SessionsPlanned  int  // CarePlan.PlannedSessions
	SessionsBooked   int  // booked visits still to come
	NextReassessment Date // first reassessment on or after today (zero: none)
	Today            Date // the practice's date the figures were worked out on
}

// CarePlanFigures works out a plan's figures (goal figures are the Goal's
// own: Latest, Trend, Met).
func (s *Store) CarePlanFigures(ctx context.Context, p *CarePlan) (PlanFigures, error) {
	m, err := s.Moment(ctx)
	if err != nil {
		return PlanFigures{}, fmt.Errorf("care plan figures: %w", err)
	}
	f := PlanFigures{SessionsPlanned: p.PlannedSessions(), NextReassessment: p.NextReassessment(m.Today), Today: m.Today}
	if p.ID == 0 {
		return f, nil
	}
	if err := s.r.QueryRowContext(ctx, `SELECT COALESCE(SUM(status = 'completed'), 0),
		COALESCE(SUM(status = 'booked' AND start_at >= ?), 0) FROM appointments
		WHERE care_plan_id = ? AND substr(local_start, 1, 10) >= ?`,
		m.Now.Unix(), p.ID, p.StartDate.String()).Scan(&f.SessionsDone, &f.SessionsBooked); err != nil {
		return f, fmt.Errorf("care plan %d figures: %w", p.ID, err)
	}
	return f, nil
}
