package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Service is something the practice books: a 60-minute massage, an initial
// assessment. Its length and price are copied into each appointment when it
// is booked, so a later change does not rewrite history.
type Service struct {
	ID         int64
	Name       string
	Minutes    int   // length of the visit
	PriceCents int64 // price in cents of the practice's currency
	Taxable    bool
	Color      string // "#RRGGBB", the colour of its blocks on the calendar
	Active     bool   // inactive services are kept for history but not offered
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// Limits of a service's length, in minutes.
const (
	minServiceMinutes = 5
	maxServiceMinutes = 720
)

// serviceTable describes the services table.
var serviceTable = table[Service]{
	name:    "services",
	key:     idColumn(func(v *Service) *int64 { return &v.ID }),
	autoKey: true,
	cols: []column[Service]{
		textColumn("name", "Name", func(v *Service) *string { return &v.Name }),
		valueColumn("minutes", "Minutes", func(v *Service) *int { return &v.Minutes }),
		valueColumn("price_cents", "Price", func(v *Service) *int64 { return &v.PriceCents }),
		valueColumn("taxable", "", func(v *Service) *bool { return &v.Taxable }),
		textColumn("color", "Color", func(v *Service) *string { return &v.Color }),
		valueColumn("active", "", func(v *Service) *bool { return &v.Active }),
		createdColumn("created_at", func(v *Service) *time.Time { return &v.CreatedAt }),
		unixColumn("updated_at", func(v *Service) *time.Time { return &v.UpdatedAt }),
	},
}

// ServiceFieldNames lists every field name Service.Validate can report.
func ServiceFieldNames() []string { return serviceTable.fieldNames() }

// normalize tidies what was typed.
func (v *Service) normalize() {
	v.Name = clean(v.Name)
	v.Color = strings.ToUpper(clean(v.Color))
	if v.Color != "" && !strings.HasPrefix(v.Color, "#") {
		v.Color = "#" + v.Color
	}
}

// Validate reports everything wrong with the service, by field.
func (v *Service) Validate() error {
	var p problems
	if v.Name == "" {
		p.add("Name", "A service needs a name, e.g. \"60-min massage\".")
	}
	p.checkLen("Name", "The name", v.Name, maxName)
	switch {
	case v.Minutes <= 0:
		p.add("Minutes", "A service must last some time (it is %d minutes); give its length, e.g. 60.", v.Minutes)
	case v.Minutes < minServiceMinutes || v.Minutes > maxServiceMinutes:
		p.add("Minutes", "A service lasts between %d minutes and %d hours (it is %d minutes).",
			minServiceMinutes, maxServiceMinutes/60, v.Minutes)
	}
	if v.PriceCents < 0 {
		p.add("Price", "The price cannot be negative.")
	}
	if !isHexColor(v.Color) {
		p.add("Color", "The colour %q should be written like #70AD47.", v.Color)
	}
	return p.err()
}

// isHexColor reports "#RRGGBB".
func isHexColor(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for _, r := range s[1:] {
		if !strings.ContainsRune("0123456789ABCDEFabcdef", r) {
			return false
		}
	}
	return true
}

// Services lists the services by name; inactive ones only when asked.
func (s *Store) Services(ctx context.Context, includeInactive bool) ([]Service, error) {
	where := `WHERE active = 1 ORDER BY minutes, name`
	if includeInactive {
		where = `ORDER BY active DESC, minutes, name`
	}
	rows, err := s.r.QueryContext(ctx, serviceTable.selectSQL(where))
	if err != nil {
		return nil, fmt.Errorf("read services: %w", err)
	}
	defer rows.Close()
	var out []Service
	for rows.Next() {
		var v Service
		if err := rows.Scan(serviceTable.scanTargets(&v)...); err != nil {
			return nil, fmt.Errorf("read services: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Service returns one service, or ErrNotFound.
func (s *Store) Service(ctx context.Context, id int64) (Service, error) {
	return getService(ctx, s.r, id)
}

// querier is what *sql.DB and *sql.Tx share for reading.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func getService(ctx context.Context, q querier, id int64) (Service, error) {
	var v Service
	err := q.QueryRowContext(ctx, serviceTable.selectSQL(`WHERE id = ?`), id).Scan(serviceTable.scanTargets(&v)...)
	if errors.Is(err, sql.ErrNoRows) {
		return Service{}, fmt.Errorf("service %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Service{}, fmt.Errorf("read service %d: %w", id, err)
	}
	return v, nil
}

// SaveService validates and stores a service: a new one when ID is 0,
// otherwise over the stored one. Appointments already booked keep the
// length and price they were booked with.
func (s *Store) SaveService(ctx context.Context, v *Service) error {
	v.normalize()
	if err := v.Validate(); err != nil {
		return err
	}
	m, err := s.Moment(ctx)
	if err != nil {
		return fmt.Errorf("save service: %w", err)
	}
	row := *v
	row.UpdatedAt = m.Now
	err = s.write(ctx, "save service", func(tx *sql.Tx) error {
		if row.ID == 0 {
			row.CreatedAt = m.Now
			res, err := tx.ExecContext(ctx, serviceTable.insertSQL(), serviceTable.insertArgs(&row)...)
			if err != nil {
				return fmt.Errorf("save service %s: %w", row.Name, err)
			}
			row.ID, err = res.LastInsertId()
			return err
		}
		old, err := getService(ctx, tx, row.ID)
		if err != nil {
			return err
		}
		row.CreatedAt = old.CreatedAt
		if _, err := tx.ExecContext(ctx, serviceTable.updateSQL(), serviceTable.updateArgs(&row)...); err != nil {
			return fmt.Errorf("save service %s: %w", row.Name, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	*v = row
	return nil
}
