package data

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"strings"
	"time"
)

// SaveCarePlan creates (ID 0) or saves a care plan with all its children in
// one transaction: goals keep their IDs (progress entries, reassessments,
// home care, referrals and marks are rewritten as given). It validates
// first (*ValidationError), checks the client and every handout exist, and
// writes one line to the client's audit history when something changed.
func (s *Store) SaveCarePlan(ctx context.Context, p *CarePlan) error {
	m, err := s.Moment(ctx)
	if err != nil {
		return fmt.Errorf("save care plan: %w", err)
	}
	p.normalize()
	if err := p.Validate(m.Today); err != nil {
		return err
	}
	return s.write(ctx, "save care plan", func(tx *sql.Tx) error { return saveCarePlan(ctx, tx, p, m) })
}

// ImportCarePlans stores new care plans made elsewhere (the sample
// practice, another tool) in one transaction, each validated and audited as
// SaveCarePlan does; visits[i] (when given) are the appointments linked to
// plans[i], which must be its client's.
func (s *Store) ImportCarePlans(ctx context.Context, plans []*CarePlan, visits [][]int64) error {
	m, err := s.Moment(ctx)
	if err != nil {
		return fmt.Errorf("import care plans: %w", err)
	}
	for i, p := range plans {
		if p.ID != 0 {
			return fmt.Errorf("import care plans: plan %d of %d already has an ID", i+1, len(plans))
		}
		p.normalize()
		if err := p.Validate(m.Today); err != nil {
			return fmt.Errorf("care plan %d of %d (%s): %w", i+1, len(plans), p.Condition, err)
		}
	}
	return s.write(ctx, "import care plans", func(tx *sql.Tx) error {
		link, err := tx.PrepareContext(ctx, `UPDATE appointments SET care_plan_id = ? WHERE id = ? AND client_id = ?`)
		if err != nil {
			return fmt.Errorf("import care plans: %w", err)
		}
		defer link.Close()
		for i, p := range plans {
			if err := saveCarePlan(ctx, tx, p, m); err != nil {
				return fmt.Errorf("care plan %d of %d (%s): %w", i+1, len(plans), p.Condition, err)
			}
			if i >= len(visits) {
				continue
			}
			for _, id := range visits[i] {
				res, err := link.ExecContext(ctx, p.ID, id, p.ClientID)
				if err != nil {
					return fmt.Errorf("link visit %d: %w", id, err)
				}
				if n, _ := res.RowsAffected(); n == 0 {
					return fmt.Errorf("link visit %d to care plan %d: not a visit of its client: %w", id, i+1, ErrNotFound)
				}
			}
		}
		return nil
	})
}

// saveCarePlan writes a validated plan in tx (see SaveCarePlan).
func saveCarePlan(ctx context.Context, tx *sql.Tx, p *CarePlan, m Moment) error {
	if err := checkPlanRefs(ctx, tx, p); err != nil {
		return err
	}
	var old *CarePlan
	p.UpdatedAt = m.Now
	if p.ID == 0 {
		p.CreatedAt = m.Now
		res, err := tx.ExecContext(ctx, carePlanTable.insertSQL(), carePlanTable.insertArgs(p)...)
		if err != nil {
			return fmt.Errorf("save care plan: %w", err)
		}
		if p.ID, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("save care plan: %w", err)
		}
	} else {
		prev, err := readCarePlan(ctx, tx, p.ID)
		if err != nil {
			return err
		}
		if prev.ClientID != p.ClientID {
			return &ValidationError{Problems: []FieldProblem{{Field: "ClientID",
				Message: "A care plan stays with its client; start a new plan for another client."}}}
		}
		old, p.CreatedAt = &prev, prev.CreatedAt
		if _, err := tx.ExecContext(ctx, carePlanTable.updateSQL(), carePlanTable.updateArgs(p)...); err != nil {
			return fmt.Errorf("save care plan %d: %w", p.ID, err)
		}
	}
	if err := savePlanChildren(ctx, tx, p); err != nil {
		return err
	}
	e, changed := carePlanAudit(old, p, m.Now)
	if !changed {
		return nil // saved again as it was: nothing for the history
	}
	return recordAudit(ctx, tx, e)
}

// checkPlanRefs makes sure the plan's client and handouts exist.
func checkPlanRefs(ctx context.Context, tx *sql.Tx, p *CarePlan) error {
	var pr problems
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM clients WHERE id = ?`, p.ClientID).Scan(&n); err != nil {
		return fmt.Errorf("save care plan: %w", err)
	}
	if n == 0 {
		pr.add("ClientID", "That client is not on file (they may have been removed).")
	}
	for i, h := range p.HomeCare {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM handouts WHERE id = ?`, h.HandoutID).Scan(&n); err != nil {
			return fmt.Errorf("save care plan: %w", err)
		}
		if n == 0 {
			pr.add(fmt.Sprintf("HomeCare[%d].HandoutID", i), "Home care %d: that handout is no longer in the library. Choose another.", i+1)
		}
	}
	return pr.err()
}

// savePlanChildren writes the plan's goals (by ID), progress, reassessments,
// home care, referrals and marks.
func savePlanChildren(ctx context.Context, tx *sql.Tx, p *CarePlan) error {
	kept := map[int64]bool{}
	for i := range p.Goals {
		g := &p.Goals[i]
		if g.ID != 0 {
			res, err := tx.ExecContext(ctx, goalUpdateSQL, append(append([]any{i}, goalTable.updateArgs(g)...), p.ID)...)
			if err != nil {
				return fmt.Errorf("save goal %d: %w", i+1, err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				g.ID = 0 // not this plan's: store it as a new goal
			}
		}
		if g.ID == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO care_plan_goals (plan_id, position, `+columnNames(goalTable.cols)+
				`) VALUES (?, ?, `+placeholders(len(goalTable.cols))+`)`, append([]any{p.ID, i}, goalTable.insertArgs(g)...)...)
			if err != nil {
				return fmt.Errorf("save goal %d: %w", i+1, err)
			}
			if g.ID, err = res.LastInsertId(); err != nil {
				return fmt.Errorf("save goal %d: %w", i+1, err)
			}
		}
		kept[g.ID] = true
		if _, err := tx.ExecContext(ctx, `DELETE FROM care_plan_progress WHERE goal_id = ?`, g.ID); err != nil {
			return fmt.Errorf("save progress of goal %d: %w", i+1, err)
		}
		for j := range g.Progress {
			if err := insertChild(ctx, tx, &progressTable, "goal_id", g.ID, -1, &g.Progress[j].ID, &g.Progress[j]); err != nil {
				return err
			}
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT id FROM care_plan_goals WHERE plan_id = ?`, p.ID)
	if err != nil {
		return fmt.Errorf("save goals: %w", err)
	}
	var gone []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return fmt.Errorf("save goals: %w", err)
		}
		if !kept[id] {
			gone = append(gone, id)
		}
	}
	rows.Close()
	for _, id := range gone {
		if _, err := tx.ExecContext(ctx, `DELETE FROM care_plan_goals WHERE id = ?`, id); err != nil {
			return fmt.Errorf("remove goal: %w", err)
		}
	}
	for _, t := range []string{"care_plan_reassessments", "care_plan_home_care", "care_plan_referrals", "care_plan_marks"} {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+t+` WHERE plan_id = ?`, p.ID); err != nil {
			return fmt.Errorf("save care plan %d: %w", p.ID, err)
		}
	}
	for i := range p.Reassessments {
		if err := insertChild(ctx, tx, &reassessmentTable, "plan_id", p.ID, -1, &p.Reassessments[i].ID, &p.Reassessments[i]); err != nil {
			return err
		}
	}
	for i := range p.HomeCare {
		if err := insertChild(ctx, tx, &homeCareTable, "plan_id", p.ID, i, &p.HomeCare[i].ID, &p.HomeCare[i]); err != nil {
			return err
		}
	}
	for i := range p.Referrals {
		if err := insertChild(ctx, tx, &referralTable, "plan_id", p.ID, i, &p.Referrals[i].ID, &p.Referrals[i]); err != nil {
			return err
		}
	}
	for i := range p.Marks {
		if err := insertChild(ctx, tx, &planMarkTable, "plan_id", p.ID, -1, &p.Marks[i].ID, &p.Marks[i]); err != nil {
			return err
		}
	}
	return nil
}

// goalUpdateSQL rewrites a goal of a given plan: position, goalTable's
// columns, then the goal's and the plan's IDs.
var goalUpdateSQL = "UPDATE care_plan_goals SET position = ?, " +
	strings.TrimPrefix(goalTable.updateSQL(), "UPDATE care_plan_goals SET ") + " AND plan_id = ?"

// insertChild inserts one child row of t under its parent (parentCol =
// parentID), with its position when pos >= 0, and sets its ID.
func insertChild[T any](ctx context.Context, tx *sql.Tx, t *table[T], parentCol string, parentID int64, pos int, id *int64, v *T) error {
	cols, args := parentCol+", ", []any{parentID}
	marks := "?, "
	if pos >= 0 {
		cols, marks, args = cols+"position, ", marks+"?, ", append(args, pos)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO `+t.name+` (`+cols+columnNames(t.cols)+`) VALUES (`+marks+
		placeholders(len(t.cols))+`)`, append(args, t.insertArgs(v)...)...)
	if err != nil {
		return fmt.Errorf("save %s: %w", strings.ReplaceAll(t.name, "_", " "), err)
	}
	if *id, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("save %s: %w", strings.ReplaceAll(t.name, "_", " "), err)
	}
	return nil
}

// columnNames joins the SQL names of cols with commas.
func columnNames[T any](cols []column[T]) string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.name
	}
	return strings.Join(names, ", ")
}

// carePlanAudit is the audit line of a saved plan (old nil: a new plan).
// The audit log follows clients and notes, so a plan's line goes on its
// client's history as an update ("care plan 3 (Low-back pain): changed
// goals"), as consent records do. It reports false when nothing changed.
func carePlanAudit(old, p *CarePlan, now time.Time) (AuditEntry, bool) {
	e := AuditEntry{At: now, Action: AuditUpdate, Entity: AuditClient, EntityID: p.ClientID, ClientID: p.ClientID,
		Summary: fmt.Sprintf("care plan %d (%s) started", p.ID, p.Condition)}
	if old == nil {
		return e, true
	}
	var changed []string
	for _, f := range changedFields(&carePlanTable, old, p) {
		changed = append(changed, AuditFieldLabel(AuditClient, f))
	}
	for _, c := range []struct {
		label string
		a, b  any
	}{{"goals", stripGoalIDs(old.Goals), stripGoalIDs(p.Goals)},
		{"reassessments", stripIDs(old.Reassessments, func(r *Reassessment) { r.ID = 0 }), stripIDs(p.Reassessments, func(r *Reassessment) { r.ID = 0 })},
		{"home care", stripIDs(old.HomeCare, func(h *HomeCareItem) { h.ID, h.HandoutTitle = 0, "" }), stripIDs(p.HomeCare, func(h *HomeCareItem) { h.ID, h.HandoutTitle = 0, "" })},
		{"referrals", stripIDs(old.Referrals, func(r *Referral) { r.ID = 0 }), stripIDs(p.Referrals, func(r *Referral) { r.ID = 0 })},
		{"body chart", stripIDs(old.Marks, func(m *Mark) { m.ID = 0 }), stripIDs(p.Marks, func(m *Mark) { m.ID = 0 })}} {
		if !reflect.DeepEqual(c.a, c.b) {
			changed = append(changed, c.label)
		}
	}
	e.Summary = fmt.Sprintf("care plan %d (%s): changed %s", p.ID, p.Condition, strings.Join(changed, ", "))
	return e, len(changed) > 0
}

// stripIDs copies a list with fn applied to each item (IDs cleared), nil for empty.
func stripIDs[T any](in []T, fn func(*T)) []T {
	if len(in) == 0 {
		return nil
	}
	out := append([]T(nil), in...)
	for i := range out {
		fn(&out[i])
	}
	return out
}

// stripGoalIDs copies goals with their progress, all IDs cleared.
func stripGoalIDs(in []Goal) []Goal {
	return stripIDs(in, func(g *Goal) {
		g.ID = 0
		g.Progress = stripIDs(g.Progress, func(e *ProgressEntry) { e.ID = 0 })
	})
}
