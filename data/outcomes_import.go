package data

import (
	"context"
	"database/sql"
	"fmt"
)

// OutcomeImport is a client's measured history from elsewhere (the sample
// practice, paper records): check-ins of appointments that already have
// their notes, and mobility visits. Pain is not part of it: it is each
// note's Pain.
type OutcomeImport struct {
	// Activities are the clients' PSFS activities (their IDs are assigned);
	// a check-in's PSFS row refers to Activities[i] with ActivityID -(i+1).
	Activities []PSFSActivity
	CheckIns   []CheckIn // ClientID, AppointmentID, VisitDate, Stress, Sleep and PSFS rows
	Mobility   []MobilityVisit
}

// ImportOutcomes validates and stores a measured history in one
// transaction, all or none, with prepared statements (the sample practice
// stores tens of thousands of check-ins this way).
func (s *Store) ImportOutcomes(ctx context.Context, in OutcomeImport) error {
	m, err := s.Moment(ctx)
	if err != nil {
		return fmt.Errorf("import outcomes: %w", err)
	}
	for i := range in.CheckIns {
		c := &in.CheckIns[i]
		c.Pain = NotRecorded
		if err := c.Validate(m.Today); err != nil {
			return fmt.Errorf("check-in %d of %d: %w", i+1, len(in.CheckIns), err)
		}
	}
	for i := range in.Mobility {
		if err := in.Mobility[i].Validate(m.Today); err != nil {
			return fmt.Errorf("mobility %d of %d: %w", i+1, len(in.Mobility), err)
		}
	}
	return s.write(ctx, "import outcomes", func(tx *sql.Tx) error {
		ids := make([]int64, len(in.Activities))
		for i := range in.Activities {
			a := in.Activities[i]
			a.Name = clean(a.Name)
			a.CreatedAt = m.Now
			res, err := tx.ExecContext(ctx, psfsTable.insertSQL(), psfsTable.insertArgs(&a)...)
			if err != nil {
				return fmt.Errorf("import activity %q: %w", a.Name, err)
			}
			if ids[i], err = res.LastInsertId(); err != nil {
				return fmt.Errorf("import activity %q: %w", a.Name, err)
			}
		}
		insCheckin, err := tx.PrepareContext(ctx, checkinTable.insertSQL())
		if err != nil {
			return fmt.Errorf("import outcomes: %w", err)
		}
		defer insCheckin.Close()
		insScore, err := tx.PrepareContext(ctx, `INSERT INTO psfs_scores (checkin_id, activity_id, score) VALUES (?, ?, ?)`)
		if err != nil {
			return fmt.Errorf("import outcomes: %w", err)
		}
		defer insScore.Close()
		for i := range in.CheckIns {
			c := in.CheckIns[i]
			c.CreatedAt, c.UpdatedAt = m.Now, m.Now
			res, err := insCheckin.ExecContext(ctx, checkinTable.insertArgs(&c)...)
			if err != nil {
				return fmt.Errorf("import check-in of appointment %d: %w", c.AppointmentID, err)
			}
			id, err := res.LastInsertId()
			if err != nil {
				return fmt.Errorf("import check-in: %w", err)
			}
			for _, sc := range c.PSFS {
				act := sc.ActivityID
				if act < 0 && int(-act) <= len(ids) {
					act = ids[-act-1]
				}
				if sc.Score == NotRecorded {
					continue
				}
				if _, err := insScore.ExecContext(ctx, id, act, sc.Score); err != nil {
					return fmt.Errorf("import activity score: %w", err)
				}
			}
		}
		insReading, err := tx.PrepareContext(ctx, mobilityTable.insertSQL())
		if err != nil {
			return fmt.Errorf("import outcomes: %w", err)
		}
		defer insReading.Close()
		for _, v := range in.Mobility {
			for _, me := range MobilityMeasures() {
				val, ok := v.Values[me.Key]
				if !ok {
					continue
				}
				r := MobilityReading{ClientID: v.ClientID, AppointmentID: v.AppointmentID, VisitDate: v.VisitDate,
					MeasureKey: me.Key, Value: round1(val), Unit: me.Unit, CreatedAt: m.Now}
				if _, err := insReading.ExecContext(ctx, mobilityTable.insertArgs(&r)...); err != nil {
					return fmt.Errorf("import mobility %s: %w", me.Key, err)
				}
				if _, err := tx.ExecContext(ctx, `INSERT INTO client_measures (client_id, measure_key) VALUES (?, ?)
					ON CONFLICT DO NOTHING`, v.ClientID, me.Key); err != nil {
					return fmt.Errorf("import mobility: follow %s: %w", me.Key, err)
				}
			}
		}
		return nil
	})
}
