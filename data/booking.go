package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// prepareBooking validates a booking against the database (the client and
// the service exist and may be booked) and plans its occurrences. q is the
// write transaction when booking, the read pool when only checking.
func (s *Store) prepareBooking(ctx context.Context, q querier, b *Booking, m Moment) ([]Appointment, rules, error) {
	if err := b.validate(m.Today); err != nil {
		return nil, rules{}, err
	}
	var p problems
	svc, err := getService(ctx, q, b.ServiceID)
	switch {
	case errors.Is(err, ErrNotFound):
		p.add("ServiceID", "That service does not exist (it may have been removed). Choose another.")
	case err != nil:
		return nil, rules{}, err
	case !svc.Active:
		p.add("ServiceID", "%s is no longer offered. Choose another service.", svc.Name)
	}
	var first, preferred, last string
	var alert, archived bool
	err = q.QueryRowContext(ctx, `SELECT first_name, preferred_name, last_name, alerts <> '', archived FROM clients WHERE id = ?`,
		b.ClientID).Scan(&first, &preferred, &last, &alert, &archived)
	switch {
	case errNoRows(err):
		p.add("ClientID", "That client is not on file (they may have been removed). Choose the client again.")
	case err != nil:
		return nil, rules{}, fmt.Errorf("read client %d: %w", b.ClientID, err)
	case archived:
		p.add("ClientID", "%s is archived. Bring their record back before booking.", displayName(first, preferred, last))
	}
	if err := p.err(); err != nil {
		return nil, rules{}, err
	}
	occ, err := b.plan(svc, m.Loc, m.Now)
	if err != nil {
		return nil, rules{}, err
	}
	for i := range occ {
		occ[i].ClientName, occ[i].ClientAlert, occ[i].Color = displayName(first, preferred, last), alert, svc.Color
		if err := occ[i].Validate(); err != nil {
			return nil, rules{}, err
		}
	}
	r, err := loadRules(ctx, q, m.Loc)
	return occ, r, err
}

// Book saves a booking: one appointment, or every occurrence of a
// recurring series, each a real row linked to the series, all in one
// transaction (all or nothing). Unless b.Override, a booking with any
// conflict (another appointment within the buffer, blocked time) or any
// occurrence outside working hours is refused with a *ConflictError that
// lists them all; invalid input gives a *ValidationError, and a time the
// clocks skip (daylight saving) is one of its problems. The times are
// b.Clock on the wall clock of the practice's zone on each date.
func (s *Store) Book(ctx context.Context, b Booking) ([]Appointment, error) {
	m, err := s.Moment(ctx)
	if err != nil {
		return nil, fmt.Errorf("book: %w", err)
	}
	var saved []Appointment
	err = s.write(ctx, "book", func(tx *sql.Tx) error {
		occ, r, err := s.prepareBooking(ctx, tx, &b, m)
		if err != nil {
			return err
		}
		ce, err := r.check(ctx, tx, occ, nil)
		if err != nil {
			return fmt.Errorf("book: %w", err)
		}
		if ce != nil && !b.Override {
			return ce
		}
		if err := linkBooking(ctx, tx, &b, occ); err != nil {
			return err
		}
		if b.Repeat != nil {
			res, err := tx.ExecContext(ctx, `INSERT INTO appointment_series (every_weeks, created_at) VALUES (?, ?)`,
				b.Repeat.EveryWeeks, m.Now.Unix())
			if err != nil {
				return fmt.Errorf("book: save the series: %w", err)
			}
			series, err := res.LastInsertId()
			if err != nil {
				return fmt.Errorf("book: save the series: %w", err)
			}
			for i := range occ {
				occ[i].SeriesID = series
			}
		}
		if err := insertAppointments(ctx, tx, occ, m.Now); err != nil {
			return err
		}
		saved = occ
		return nil
	})
	if err != nil {
		return nil, err
	}
	return saved, nil
}

// insertAppointments stores new appointments, setting their IDs, each with
// its first history line.
func insertAppointments(ctx context.Context, tx *sql.Tx, occ []Appointment, now time.Time) error {
	stmt, err := tx.PrepareContext(ctx, appointmentTable.insertSQL())
	if err != nil {
		return fmt.Errorf("save appointments: %w", err)
	}
	defer stmt.Close()
	for i := range occ {
		if err := ctx.Err(); err != nil {
			return err
		}
		res, err := stmt.ExecContext(ctx, appointmentTable.insertArgs(&occ[i])...)
		if err != nil {
			return fmt.Errorf("save the visit of %s: %w", occ[i].LocalStart, err)
		}
		if occ[i].ID, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("save the visit of %s: %w", occ[i].LocalStart, err)
		}
		at := occ[i].CreatedAt
		if at.IsZero() {
			at = now
		}
		if err := recordChange(ctx, tx, StatusChange{AppointmentID: occ[i].ID, ChangedAt: at, To: occ[i].Status,
			Reason: occ[i].CancelReason}); err != nil {
			return err
		}
	}
	return nil
}

// ImportAppointments stores appointments made elsewhere (paper records,
// another tool, the sample practice) in one transaction, as they are:
// status, times and copied service details included. Each is validated;
// Zone and LocalStart are filled in from the practice's zone when empty.
// They must not overlap each other or stored appointments (buffer
// included): a *ConflictError lists the clashes and nothing is stored.
// Working hours and blocked time are not checked (history is what it was).
func (s *Store) ImportAppointments(ctx context.Context, as []Appointment) error {
	m, err := s.Moment(ctx)
	if err != nil {
		return fmt.Errorf("import appointments: %w", err)
	}
	for i := range as {
		a := &as[i]
		if a.Zone == "" {
			a.Zone, a.LocalStart = m.Loc.String(), localStart(a.Start, m.Loc)
		}
		a.Start, a.End = a.Start.UTC().Truncate(time.Second), a.End.UTC().Truncate(time.Second)
		a.CreatedAt, a.UpdatedAt = createdAt(a.CreatedAt, m.Now), createdAt(a.UpdatedAt, m.Now)
		if err := a.Validate(); err != nil {
			return fmt.Errorf("appointment %d of %d (%s): %w", i+1, len(as), a.LocalStart, err)
		}
	}
	return s.write(ctx, "import appointments", func(tx *sql.Tx) error {
		r, err := loadRules(ctx, tx, m.Loc)
		if err != nil {
			return err
		}
		var ce ConflictError
		for i := range as {
			a := &as[i]
			if a.Status.Occupies() {
				clashes, err := r.appointmentClashes(ctx, tx, a.Start, a.End, nil)
				if err != nil {
					return err
				}
				for _, c := range clashes {
					ce.Conflicts = append(ce.Conflicts, Conflict{Occurrence: i + 1, Start: a.Start, End: a.End,
						When: when(a.Start, a.End, m.Loc), What: c.What(), AppointmentID: c.ID})
				}
			}
			if err := insertAppointments(ctx, tx, as[i:i+1], m.Now); err != nil {
				return err
			}
		}
		if len(ce.Conflicts) > 0 {
			return &ce
		}
		return nil
	})
}
