package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Status is where an appointment stands.
type Status string

// The statuses of an appointment.
const (
	StatusBooked        Status = "booked"
	StatusCompleted     Status = "completed"
	StatusCancelled     Status = "cancelled"
	StatusLateCancelled Status = "late_cancelled"
	StatusNoShow        Status = "no_show"
)

// Statuses lists every status, in the order a menu shows them.
var Statuses = []Status{StatusBooked, StatusCompleted, StatusCancelled, StatusLateCancelled, StatusNoShow}

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	for _, v := range Statuses {
		if s == v {
			return true
		}
	}
	return false
}

// Label is the status in plain words: "Late cancellation".
func (s Status) Label() string {
	switch s {
	case StatusBooked:
		return "Booked"
	case StatusCompleted:
		return "Completed"
	case StatusCancelled:
		return "Cancelled"
	case StatusLateCancelled:
		return "Late cancellation"
	case StatusNoShow:
		return "No-show"
	}
	return string(s)
}

// Occupies reports whether an appointment with this status takes up its
// time: cancelled visits free their slot, everything else keeps it.
func (s Status) Occupies() bool { return s != StatusCancelled && s != StatusLateCancelled }

// Appointment is one visit: a real row, also when it is one occurrence of
// a recurring series.
type Appointment struct {
	ID         int64
	ClientID   int64
	ServiceID  int64
	SeriesID   int64 // 0 when not part of a series
	CarePlanID int64 // the care plan the visit is part of (0: none)

	Start      time.Time // UTC instant
	End        time.Time // UTC instant
	Zone       string    // the practice's IANA zone when booked
	LocalStart string    // wall clock in Zone: "2026-03-08T10:00" (LocalLayout)

	ServiceName string // copied at booking
	Minutes     int    // copied at booking
	PriceCents  int64  // copied at booking

	Status       Status
	CancelReason string
	Notes        string
	CreatedAt    time.Time
	UpdatedAt    time.Time

	// Joined for display (read only).
	ClientName  string // "Bea Okafor"
	ClientAlert bool   // the client has alerts
	Color       string // the service's colour, "#RRGGBB"
}

// What describes the visit for a calendar: "Bea Okafor · 60-min massage".
func (a *Appointment) What() string { return a.ClientName + " · " + a.ServiceName }

// appointmentTable describes the appointments table.
var appointmentTable = table[Appointment]{
	name:    "appointments",
	key:     idColumn(func(v *Appointment) *int64 { return &v.ID }),
	autoKey: true,
	cols: []column[Appointment]{
		valueColumn("client_id", "ClientID", func(v *Appointment) *int64 { return &v.ClientID }),
		valueColumn("service_id", "ServiceID", func(v *Appointment) *int64 { return &v.ServiceID }),
		nullIDColumn("series_id", func(v *Appointment) *int64 { return &v.SeriesID }),
		nullIDColumn("care_plan_id", func(v *Appointment) *int64 { return &v.CarePlanID }),
		unixColumn("start_at", func(v *Appointment) *time.Time { return &v.Start }),
		unixColumn("end_at", func(v *Appointment) *time.Time { return &v.End }),
		textColumn("zone", "", func(v *Appointment) *string { return &v.Zone }),
		textColumn("local_start", "", func(v *Appointment) *string { return &v.LocalStart }),
		textColumn("service_name", "", func(v *Appointment) *string { return &v.ServiceName }),
		valueColumn("minutes", "Minutes", func(v *Appointment) *int { return &v.Minutes }),
		valueColumn("price_cents", "", func(v *Appointment) *int64 { return &v.PriceCents }),
		textColumn("status", "Status", func(v *Appointment) *string { return (*string)(&v.Status) }),
		textColumn("cancel_reason", "CancelReason", func(v *Appointment) *string { return &v.CancelReason }),
		textColumn("notes", "Notes", func(v *Appointment) *string { return &v.Notes }),
		createdColumn("created_at", func(v *Appointment) *time.Time { return &v.CreatedAt }),
		unixColumn("updated_at", func(v *Appointment) *time.Time { return &v.UpdatedAt }),
	},
}

// appointmentListTable reads the appointment_list view: every column of
// appointmentTable plus the joined display fields. It is never written.
var appointmentListTable = table[Appointment]{
	name: "appointment_list",
	key:  appointmentTable.key,
	cols: append(append([]column[Appointment](nil), appointmentTable.cols...),
		textColumn("client_name", "", func(v *Appointment) *string { return &v.ClientName }),
		valueColumn("client_alert", "", func(v *Appointment) *bool { return &v.ClientAlert }),
		textColumn("color", "", func(v *Appointment) *string { return &v.Color }),
	),
}

// nullIDColumn stores an optional reference: 0 is NULL.
func nullIDColumn[T any](name string, p func(*T) *int64) column[T] {
	return column[T]{name: name,
		get: func(v *T) any {
			if id := *p(v); id != 0 {
				return id
			}
			return nil
		},
		scan: func(v *T) any { return nullIDScanner{p(v)} }}
}

// nullIDScanner scans an optional reference; NULL is 0.
type nullIDScanner struct{ id *int64 }

// Scan implements sql.Scanner.
func (s nullIDScanner) Scan(src any) error {
	var n sql.NullInt64
	if err := n.Scan(src); err != nil {
		return fmt.Errorf("stored reference: %w", err)
	}
	*s.id = n.Int64
	return nil
}

// AppointmentFieldNames lists every field name the booking and appointment
// checks can report (Booking's fields included).
func AppointmentFieldNames() []string {
	return append(appointmentTable.fieldNames(), bookingFields...)
}

// Appointments returns every appointment that overlaps [from, to), cancelled
// ones included, in start order, with the client's name and the service's
// colour.
func (s *Store) Appointments(ctx context.Context, from, to time.Time) ([]Appointment, error) {
	// No visit is longer than maxServiceMinutes, so the index on start_at
	// bounds the scan on both sides.
	return queryAppointments(ctx, s.r,
		`WHERE start_at >= ? AND start_at < ? AND end_at > ? ORDER BY start_at, id`,
		from.Unix()-maxServiceMinutes*60, to.Unix(), from.Unix())
}

// ClientAppointments returns every appointment of one client, in start order.
func (s *Store) ClientAppointments(ctx context.Context, clientID int64) ([]Appointment, error) {
	return queryAppointments(ctx, s.r, `WHERE client_id = ? ORDER BY start_at, id`, clientID)
}

// Appointment returns one appointment, or ErrNotFound.
func (s *Store) Appointment(ctx context.Context, id int64) (Appointment, error) {
	return getAppointment(ctx, s.r, id)
}

func getAppointment(ctx context.Context, q querier, id int64) (Appointment, error) {
	as, err := queryAppointments(ctx, q, `WHERE id = ?`, id)
	if err != nil {
		return Appointment{}, err
	}
	if len(as) == 0 {
		return Appointment{}, fmt.Errorf("appointment %d: %w", id, ErrNotFound)
	}
	return as[0], nil
}

func queryAppointments(ctx context.Context, q querier, where string, args ...any) ([]Appointment, error) {
	rows, err := q.QueryContext(ctx, appointmentListTable.selectSQL(where), args...)
	if err != nil {
		return nil, fmt.Errorf("read appointments: %w", err)
	}
	defer rows.Close()
	var out []Appointment
	for rows.Next() {
		var a Appointment
		if err := rows.Scan(appointmentListTable.scanTargets(&a)...); err != nil {
			return nil, fmt.Errorf("read appointments: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// StatusChange is one line of an appointment's history.
type StatusChange struct {
	ID            int64
	AppointmentID int64
	ChangedAt     time.Time
	From          Status // "" when the appointment was booked
	To            Status
	Reason        string // cancellation reason, or "Moved from …"
}

// statusChangeTable describes appointment_history.
var statusChangeTable = table[StatusChange]{
	name:    "appointment_history",
	key:     idColumn(func(v *StatusChange) *int64 { return &v.ID }),
	autoKey: true,
	cols: []column[StatusChange]{
		valueColumn("appointment_id", "", func(v *StatusChange) *int64 { return &v.AppointmentID }),
		unixColumn("changed_at", func(v *StatusChange) *time.Time { return &v.ChangedAt }),
		textColumn("from_status", "", func(v *StatusChange) *string { return (*string)(&v.From) }),
		textColumn("to_status", "", func(v *StatusChange) *string { return (*string)(&v.To) }),
		textColumn("reason", "", func(v *StatusChange) *string { return &v.Reason }),
	},
}

// AppointmentHistory returns an appointment's changes, oldest first.
func (s *Store) AppointmentHistory(ctx context.Context, id int64) ([]StatusChange, error) {
	rows, err := s.r.QueryContext(ctx, statusChangeTable.selectSQL(`WHERE appointment_id = ? ORDER BY changed_at, id`), id)
	if err != nil {
		return nil, fmt.Errorf("read appointment history: %w", err)
	}
	defer rows.Close()
	var out []StatusChange
	for rows.Next() {
		var c StatusChange
		if err := rows.Scan(statusChangeTable.scanTargets(&c)...); err != nil {
			return nil, fmt.Errorf("read appointment history: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// recordChange adds one line to an appointment's history.
func recordChange(ctx context.Context, tx *sql.Tx, c StatusChange) error {
	if _, err := tx.ExecContext(ctx, statusChangeTable.insertSQL(), statusChangeTable.insertArgs(&c)...); err != nil {
		return fmt.Errorf("record the change of appointment %d: %w", c.AppointmentID, err)
	}
	return nil
}

// errNoRows reports whether err is sql.ErrNoRows.
func errNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }
