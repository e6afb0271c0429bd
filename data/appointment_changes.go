package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Scope says which visits of a series a change applies to.
type Scope int

// The scopes of a change.
const (
	ThisVisit        Scope = iota // only the visit chosen
	ThisAndFollowing              // it and every later booked visit of its series
)

// affected returns the appointment id and, for ThisAndFollowing, every
// later visit of its series that is still booked, in start order.
func affected(ctx context.Context, tx *sql.Tx, id int64, scope Scope) ([]Appointment, error) {
	a, err := getAppointment(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if scope != ThisAndFollowing || a.SeriesID == 0 {
		return []Appointment{a}, nil
	}
	later, err := queryAppointments(ctx, tx, `WHERE series_id = ? AND start_at > ? AND status = 'booked' ORDER BY start_at, id`,
		a.SeriesID, a.Start.Unix())
	if err != nil {
		return nil, err
	}
	return append([]Appointment{a}, later...), nil
}

// setStatus writes a new status (and reason) and its history line.
func setStatus(ctx context.Context, tx *sql.Tx, a *Appointment, to Status, reason string, now time.Time) error {
	from := a.Status
	a.Status, a.UpdatedAt = to, now
	if !to.Occupies() {
		a.CancelReason = reason
	} else {
		a.CancelReason = ""
	}
	if _, err := tx.ExecContext(ctx, `UPDATE appointments SET status = ?, cancel_reason = ?, updated_at = ? WHERE id = ?`,
		a.Status, a.CancelReason, now.Unix(), a.ID); err != nil {
		return fmt.Errorf("change appointment %d: %w", a.ID, err)
	}
	return recordChange(ctx, tx, StatusChange{AppointmentID: a.ID, ChangedAt: now, From: from, To: to, Reason: reason})
}

// SetAppointmentStatus marks one visit completed, no-show, cancelled, late
// cancelled or booked again, with an optional reason, and records the
// change in its history, in one transaction. A visit that has not started
// cannot be completed or a no-show; a cancelled visit booked again must
// still have its time free (*ConflictError otherwise).
func (s *Store) SetAppointmentStatus(ctx context.Context, id int64, status Status, reason string) (Appointment, error) {
	m, err := s.Moment(ctx)
	if err != nil {
		return Appointment{}, fmt.Errorf("change appointment: %w", err)
	}
	reason = clean(reason)
	var out Appointment
	err = s.write(ctx, "change appointment", func(tx *sql.Tx) error {
		a, err := getAppointment(ctx, tx, id)
		if err != nil {
			return err
		}
		var p problems
		if !status.Valid() {
			p.add("Status", "%q is not a status a visit can have.", status)
		}
		if (status == StatusCompleted || status == StatusNoShow) && a.Start.After(m.Now) {
			p.add("Status", "This visit has not started yet, so it cannot be marked %s.", status.Label())
		}
		p.checkLen("CancelReason", "The reason", reason, maxShort)
		if err := p.err(); err != nil {
			return err
		}
		if status == a.Status && reason == a.CancelReason {
			out = a
			return nil
		}
		if status.Occupies() && !a.Status.Occupies() {
			r, err := loadRules(ctx, tx, m.Loc)
			if err != nil {
				return err
			}
			ce, err := r.check(ctx, tx, []Appointment{a}, map[int64]bool{a.ID: true})
			if err != nil {
				return err
			}
			if ce != nil && len(ce.Conflicts) > 0 {
				ce.OutsideHours = nil
				return ce
			}
		}
		if err := setStatus(ctx, tx, &a, status, reason, m.Now); err != nil {
			return err
		}
		out = a
		return nil
	})
	return out, err
}

// CancelAppointment cancels one visit, or it and the following visits of
// its series, with a reason (late: a late cancellation, which a practice
// may charge for). Visits already completed, missed or cancelled are left
// as they are. One transaction; each change is in the history. It returns
// the visits it cancelled.
func (s *Store) CancelAppointment(ctx context.Context, id int64, reason string, late bool, scope Scope) ([]Appointment, error) {
	m, err := s.Moment(ctx)
	if err != nil {
		return nil, fmt.Errorf("cancel appointment: %w", err)
	}
	reason = clean(reason)
	var p problems
	p.checkLen("CancelReason", "The reason", reason, maxShort)
	if err := p.err(); err != nil {
		return nil, err
	}
	to := StatusCancelled
	if late {
		to = StatusLateCancelled
	}
	var out []Appointment
	err = s.write(ctx, "cancel appointment", func(tx *sql.Tx) error {
		list, err := affected(ctx, tx, id, scope)
		if err != nil {
			return err
		}
		if list[0].Status != StatusBooked {
			return &ValidationError{Problems: []FieldProblem{{Field: "Status",
				Message: fmt.Sprintf("This visit is %s, so it cannot be cancelled.", list[0].Status.Label())}}}
		}
		for i := range list {
			if err := setStatus(ctx, tx, &list[i], to, reason, m.Now); err != nil {
				return err
			}
		}
		out = list
		return nil
	})
	return out, err
}

// Reschedule moves a booked visit to date d at wall-clock c in the
// practice's zone; with ThisAndFollowing, every later booked visit of its
// series moves by the same number of days to the same time of day. Each
// keeps its length. Unless override, any conflict or time outside working
// hours refuses the move with a *ConflictError; a time the clocks skip is a
// *ValidationError. One transaction; each move is in the history ("Moved
// from …"). It returns the moved visits.
func (s *Store) Reschedule(ctx context.Context, id int64, d Date, c Clock, scope Scope, override bool) ([]Appointment, error) {
	m, err := s.Moment(ctx)
	if err != nil {
		return nil, fmt.Errorf("move appointment: %w", err)
	}
	var p problems
	checkVisitDate(&p, "Date", d, m.Today)
	if !c.Valid() {
		p.add("Clock", "%s is not a time of day.", c)
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	var out []Appointment
	err = s.write(ctx, "move appointment", func(tx *sql.Tx) error {
		list, err := affected(ctx, tx, id, scope)
		if err != nil {
			return err
		}
		if list[0].Status != StatusBooked {
			return &ValidationError{Problems: []FieldProblem{{Field: "Status",
				Message: fmt.Sprintf("This visit is %s; only a booked visit can be moved.", list[0].Status.Label())}}}
		}
		shift := daysBetween(DateOf(list[0].Start.In(m.Loc)), d)
		skip := map[int64]bool{}
		moved := make([]Appointment, len(list))
		var p problems
		for i, a := range list {
			skip[a.ID] = true
			day := DateOf(a.Start.In(m.Loc)).addDays(shift)
			start, err := WallTime(m.Loc, day, c)
			if err != nil {
				p.add("Clock", "%s", err.Error())
				continue
			}
			a.Start, a.End = start, start.Add(a.End.Sub(a.Start))
			a.Zone, a.LocalStart, a.UpdatedAt = m.Loc.String(), localStart(start, m.Loc), m.Now
			moved[i] = a
		}
		if err := p.err(); err != nil {
			return err
		}
		r, err := loadRules(ctx, tx, m.Loc)
		if err != nil {
			return err
		}
		ce, err := r.check(ctx, tx, moved, skip)
		if err != nil {
			return err
		}
		if ce != nil && !override {
			return ce
		}
		for i, a := range moved {
			if _, err := tx.ExecContext(ctx, `UPDATE appointments SET start_at = ?, end_at = ?, zone = ?, local_start = ?, updated_at = ? WHERE id = ?`,
				a.Start.Unix(), a.End.Unix(), a.Zone, a.LocalStart, m.Now.Unix(), a.ID); err != nil {
				return fmt.Errorf("move appointment %d: %w", a.ID, err)
			}
			if err := recordChange(ctx, tx, StatusChange{AppointmentID: a.ID, ChangedAt: m.Now, From: a.Status, To: a.Status,
				Reason: "Moved from " + list[i].LocalStart}); err != nil {
				return err
			}
		}
		out = moved
		return nil
	})
	return out, err
}

// daysBetween is the number of calendar days from a to b.
func daysBetween(a, b Date) int {
	return int(b.Time(utc).Sub(a.Time(utc)).Hours() / 24)
}
