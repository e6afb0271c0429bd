package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// MobilityVisit is the mobility measured at one visit: a value per measure
// key of the catalogue (MobilityMeasures), each in the measure's unit.
type MobilityVisit struct {
	ClientID      int64
	AppointmentID int64 // 0 when measured outside an appointment
	VisitDate     Date
	Values        map[string]float64 // measure key → value
}

// MobilityReading is one stored value, with its unit.
type MobilityReading struct {
	ID            int64
	ClientID      int64
	AppointmentID int64
	VisitDate     Date
	MeasureKey    string
	Value         float64
	Unit          Unit
	CreatedAt     time.Time
}

// mobilityTable describes the mobility_readings table.
var mobilityTable = table[MobilityReading]{
	name:    "mobility_readings",
	key:     idColumn(func(r *MobilityReading) *int64 { return &r.ID }),
	autoKey: true,
	cols: []column[MobilityReading]{
		valueColumn("client_id", "ClientID", func(r *MobilityReading) *int64 { return &r.ClientID }),
		nullIDColumn("appointment_id", func(r *MobilityReading) *int64 { return &r.AppointmentID }),
		dateColumn("visit_date", "VisitDate", func(r *MobilityReading) *Date { return &r.VisitDate }),
		textColumn("measure_key", "MeasureKey", func(r *MobilityReading) *string { return &r.MeasureKey }),
		valueColumn("value", "Value", func(r *MobilityReading) *float64 { return &r.Value }),
		textColumn("unit", "Unit", func(r *MobilityReading) *string { return (*string)(&r.Unit) }),
		createdColumn("created_at", func(r *MobilityReading) *time.Time { return &r.CreatedAt }),
	},
}

// Validate checks every value against its measure's plausible range (the
// field name is the measure key) and the visit date.
func (v *MobilityVisit) Validate(today Date) error {
	var p problems
	if v.ClientID <= 0 {
		p.add("ClientID", "Choose the client these measures are for.")
	}
	switch {
	case v.VisitDate.IsZero():
		p.add("VisitDate", "Enter the date the measures were taken.")
	case today.Before(v.VisitDate):
		p.add("VisitDate", "Measures can't be dated in the future (%s).", v.VisitDate.Format())
	}
	for _, m := range MobilityMeasures() {
		if val, ok := v.Values[m.Key]; ok {
			m.check(&p, m.Key, val)
		}
	}
	for key := range v.Values {
		if m, ok := MeasureByKey(key); !ok || m.Kind != MobilityMeasure {
			p.add(key, "%q is not a mobility measure Stillpoint knows.", key)
		}
	}
	return p.err()
}

// SaveMobility stores a visit's mobility in one transaction: the values
// given replace that day's values for the client, and each measured key is
// added to the client's followed measures.
func (s *Store) SaveMobility(ctx context.Context, v *MobilityVisit) error {
	m, err := s.Moment(ctx)
	if err != nil {
		return fmt.Errorf("save mobility: %w", err)
	}
	if err := v.Validate(m.Today); err != nil {
		return err
	}
	return s.write(ctx, "save mobility", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM mobility_readings WHERE client_id = ? AND visit_date = ?`,
			v.ClientID, v.VisitDate.String()); err != nil {
			return fmt.Errorf("save mobility: %w", err)
		}
		for _, me := range MobilityMeasures() {
			val, ok := v.Values[me.Key]
			if !ok {
				continue
			}
			r := MobilityReading{ClientID: v.ClientID, AppointmentID: v.AppointmentID, VisitDate: v.VisitDate,
				MeasureKey: me.Key, Value: round1(val), Unit: me.Unit, CreatedAt: m.Now}
			if _, err := tx.ExecContext(ctx, mobilityTable.insertSQL(), mobilityTable.insertArgs(&r)...); err != nil {
				return fmt.Errorf("save mobility %s: %w", me.Key, err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO client_measures (client_id, measure_key) VALUES (?, ?)
				ON CONFLICT DO NOTHING`, v.ClientID, me.Key); err != nil {
				return fmt.Errorf("save mobility: follow %s: %w", me.Key, err)
			}
		}
		return nil
	})
}

// MobilityOn returns the client's mobility values measured on a date (an
// empty Values map when none).
func (s *Store) MobilityOn(ctx context.Context, clientID int64, on Date) (MobilityVisit, error) {
	v := MobilityVisit{ClientID: clientID, VisitDate: on, Values: map[string]float64{}}
	rs, err := queryMobility(ctx, s.r, "WHERE client_id = ? AND visit_date = ?", clientID, on.String())
	for _, r := range rs {
		v.Values[r.MeasureKey], v.AppointmentID = r.Value, r.AppointmentID
	}
	return v, err
}

func queryMobility(ctx context.Context, q querier, where string, args ...any) ([]MobilityReading, error) {
	rows, err := q.QueryContext(ctx, mobilityTable.selectSQL(where), args...)
	if err != nil {
		return nil, fmt.Errorf("read mobility: %w", err)
	}
	defer rows.Close()
	var out []MobilityReading
	for rows.Next() {
		var r MobilityReading
		if err := rows.Scan(mobilityTable.scanTargets(&r)...); err != nil {
			return nil, fmt.Errorf("read mobility: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read mobility: %w", err)
	}
	return out, nil
}

// ClientMeasures returns the mobility measure keys followed for the client,
// in catalogue order.
func (s *Store) ClientMeasures(ctx context.Context, clientID int64) ([]string, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT measure_key FROM client_measures WHERE client_id = ?`, clientID)
	if err != nil {
		return nil, fmt.Errorf("read followed measures: %w", err)
	}
	defer rows.Close()
	picked := map[string]bool{}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, fmt.Errorf("read followed measures: %w", err)
		}
		picked[k] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read followed measures: %w", err)
	}
	var out []string
	for _, m := range MobilityMeasures() {
		if picked[m.Key] {
			out = append(out, m.Key)
		}
	}
	return out, nil
}

// SetClientMeasures replaces the mobility measures followed for the client
// (keys of MobilityMeasures; readings already taken are kept).
func (s *Store) SetClientMeasures(ctx context.Context, clientID int64, keys []string) error {
	var p problems
	for _, k := range keys {
		if m, ok := MeasureByKey(k); !ok || m.Kind != MobilityMeasure {
			p.add("Measures", "%q is not a mobility measure Stillpoint knows.", k)
		}
	}
	if err := p.err(); err != nil {
		return err
	}
	return s.write(ctx, "follow measures", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM client_measures WHERE client_id = ?`, clientID); err != nil {
			return fmt.Errorf("follow measures: %w", err)
		}
		for _, k := range keys {
			if _, err := tx.ExecContext(ctx, `INSERT INTO client_measures (client_id, measure_key) VALUES (?, ?)
				ON CONFLICT DO NOTHING`, clientID, k); err != nil {
				return fmt.Errorf("follow measure %s: %w", k, err)
			}
		}
		return nil
	})
}
