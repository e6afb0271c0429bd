package data

import (
	"context"
	"database/sql"
	"fmt"
)

// Outcomes is everything measured for one client, one Series per measure
// that has values: pain, stress, sleep, each PSFS activity, then the
// mobility measures in catalogue order.
type Outcomes struct {
	ClientID int64
	From     Date // baselines are the first values on or after it (zero: the first ever)
	Series   []Series
}

// Find returns the series of a measure key.
func (o Outcomes) Find(key string) (Series, bool) {
	for _, s := range o.Series {
		if s.Measure.Key == key {
			return s, true
		}
	}
	return Series{}, false
}

// ClientOutcomes reads a client's measures across visits in one read
// transaction and summarizes each from the given date (zero: since the
// first value): the client page's charts and the progress report.
func (s *Store) ClientOutcomes(ctx context.Context, clientID int64, from Date) (Outcomes, error) {
	out := Outcomes{ClientID: clientID, From: from}
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return out, fmt.Errorf("read outcomes: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	series := map[string][]Point{}
	add := func(key string, d Date, v float64) { series[key] = append(series[key], Point{Date: d, Value: v}) }

	err = eachRow(ctx, tx, `SELECT visit_date, pain FROM notes WHERE client_id = ? AND pain >= 0
		ORDER BY visit_date, id`, []any{clientID}, func(r *sql.Rows) error {
		var d Date
		var v int
		if err := r.Scan(dateScanner{&d}, &v); err != nil {
			return err
		}
		add(MeasurePain, d, float64(v))
		return nil
	})
	if err == nil {
		err = eachRow(ctx, tx, `SELECT visit_date, stress, sleep FROM checkins WHERE client_id = ?
			ORDER BY visit_date, id`, []any{clientID}, func(r *sql.Rows) error {
			var d Date
			var stress, sleep int
			if err := r.Scan(dateScanner{&d}, &stress, &sleep); err != nil {
				return err
			}
			if stress != NotRecorded {
				add(MeasureStress, d, float64(stress))
			}
			if sleep != NotRecorded {
				add(MeasureSleep, d, float64(sleep))
			}
			return nil
		})
	}
	var acts []PSFSActivity
	if err == nil {
		acts, err = queryPSFS(ctx, tx, "WHERE client_id = ? ORDER BY id", clientID)
	}
	if err == nil {
		err = eachRow(ctx, tx, `SELECT s.activity_id, c.visit_date, s.score FROM psfs_scores s
			JOIN checkins c ON c.id = s.checkin_id WHERE c.client_id = ? ORDER BY c.visit_date, c.id`,
			[]any{clientID}, func(r *sql.Rows) error {
				var id int64
				var d Date
				var v int
				if err := r.Scan(&id, dateScanner{&d}, &v); err != nil {
					return err
				}
				add(PSFSKey(id), d, float64(v))
				return nil
			})
	}
	if err == nil {
		err = eachRow(ctx, tx, `SELECT measure_key, visit_date, value FROM mobility_readings WHERE client_id = ?
			ORDER BY measure_key, visit_date`, []any{clientID}, func(r *sql.Rows) error {
			var k string
			var d Date
			var v float64
			if err := r.Scan(&k, dateScanner{&d}, &v); err != nil {
				return err
			}
			add(k, d, v)
			return nil
		})
	}
	if err != nil {
		return out, fmt.Errorf("read outcomes of client %d: %w", clientID, err)
	}
	var measures []Measure
	for _, m := range measureCatalogue {
		if m.Kind == CheckInMeasure {
			measures = append(measures, m)
		}
	}
	for _, a := range acts {
		measures = append(measures, PSFSMeasure(a))
	}
	measures = append(measures, MobilityMeasures()...)
	for _, m := range measures {
		if pts := series[m.Key]; len(pts) > 0 {
			out.Series = append(out.Series, Summarize(m, pts, from))
		}
	}
	return out, nil
}

// eachRow runs query and calls fn for every row.
func eachRow(ctx context.Context, q querier, query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
