package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// BlockedTime is time the therapist is not available: a holiday, a lunch
// break, time off. Once: every day from FirstDate to LastDate (LastDate
// empty: just FirstDate). Weekly: the same hours on FirstDate's weekday
// every week from FirstDate until LastDate (empty: no end). A whole day is
// Start 00:00, End 24:00. Hours are wall clock in the practice's zone.
type BlockedTime struct {
	ID        int64
	Label     string // "Lunch", "Holiday"
	FirstDate Date
	LastDate  Date
	Start     Clock
	End       Clock
	Weekly    bool
	CreatedAt time.Time
	UpdatedAt time.Time
}

// blockedTimeTable describes the blocked_times table.
var blockedTimeTable = table[BlockedTime]{
	name:    "blocked_times",
	key:     idColumn(func(v *BlockedTime) *int64 { return &v.ID }),
	autoKey: true,
	cols: []column[BlockedTime]{
		textColumn("label", "Label", func(v *BlockedTime) *string { return &v.Label }),
		dateColumn("first_date", "FirstDate", func(v *BlockedTime) *Date { return &v.FirstDate }),
		dateColumn("last_date", "LastDate", func(v *BlockedTime) *Date { return &v.LastDate }),
		minutesColumn("start_minute", "Start", func(v *BlockedTime) *Clock { return &v.Start }),
		minutesColumn("end_minute", "End", func(v *BlockedTime) *Clock { return &v.End }),
		valueColumn("weekly", "", func(v *BlockedTime) *bool { return &v.Weekly }),
		createdColumn("created_at", func(v *BlockedTime) *time.Time { return &v.CreatedAt }),
		unixColumn("updated_at", func(v *BlockedTime) *time.Time { return &v.UpdatedAt }),
	},
}

// BlockedTimeFieldNames lists the field names BlockedTime.Validate reports.
func BlockedTimeFieldNames() []string { return blockedTimeTable.fieldNames() }

// Validate reports everything wrong with the blocked time, by field.
func (b *BlockedTime) Validate() error {
	var p problems
	b.Label = clean(b.Label)
	if b.Label == "" {
		p.add("Label", "Give the blocked time a name, e.g. \"Lunch\" or \"Holiday\".")
	}
	p.checkLen("Label", "The name", b.Label, maxName)
	if b.FirstDate.IsZero() || !b.FirstDate.Valid() {
		p.add("FirstDate", "Give the first day of the blocked time.")
	}
	if !b.LastDate.IsZero() && b.LastDate.Before(b.FirstDate) {
		p.add("LastDate", "The last day (%s) comes before the first (%s).", b.LastDate.Format(), b.FirstDate.Format())
	}
	if !b.Start.Valid() {
		p.add("Start", "%s is not a time of day.", b.Start)
	}
	if !(b.End.Valid() || b.End == Clock{Hour: 24}) {
		p.add("End", "%s is not a time of day.", b.End)
	}
	if b.End.Minutes() <= b.Start.Minutes() {
		p.add("End", "The end (%s) must come after the start (%s).", b.End, b.Start)
	}
	return p.err()
}

// on reports whether the blocked time applies on date d.
func (b *BlockedTime) on(d Date) bool {
	if d.Before(b.FirstDate) {
		return false
	}
	if b.Weekly {
		return (b.LastDate.IsZero() || !b.LastDate.Before(d)) &&
			d.Time(time.UTC).Weekday() == b.FirstDate.Time(time.UTC).Weekday()
	}
	last := b.LastDate
	if last.IsZero() {
		last = b.FirstDate
	}
	return !last.Before(d)
}

// BlockedTimes lists every blocked time, by first date.
func (s *Store) BlockedTimes(ctx context.Context) ([]BlockedTime, error) {
	return blockedTimes(ctx, s.r)
}

func blockedTimes(ctx context.Context, q querier) ([]BlockedTime, error) {
	rows, err := q.QueryContext(ctx, blockedTimeTable.selectSQL(`ORDER BY first_date, start_minute, id`))
	if err != nil {
		return nil, fmt.Errorf("read blocked times: %w", err)
	}
	defer rows.Close()
	var out []BlockedTime
	for rows.Next() {
		var b BlockedTime
		if err := rows.Scan(blockedTimeTable.scanTargets(&b)...); err != nil {
			return nil, fmt.Errorf("read blocked times: %w", err)
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// SaveBlockedTime validates and stores a blocked time (new when ID is 0).
// Appointments already booked in it stay; new bookings there conflict.
func (s *Store) SaveBlockedTime(ctx context.Context, b *BlockedTime) error {
	if err := b.Validate(); err != nil {
		return err
	}
	now := s.Now()
	row := *b
	row.UpdatedAt = now
	err := s.write(ctx, "save blocked time", func(tx *sql.Tx) error {
		if row.ID == 0 {
			row.CreatedAt = now
			res, err := tx.ExecContext(ctx, blockedTimeTable.insertSQL(), blockedTimeTable.insertArgs(&row)...)
			if err != nil {
				return fmt.Errorf("save blocked time: %w", err)
			}
			row.ID, err = res.LastInsertId()
			return err
		}
		res, err := tx.ExecContext(ctx, blockedTimeTable.updateSQL(), blockedTimeTable.updateArgs(&row)...)
		if err != nil {
			return fmt.Errorf("save blocked time: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("blocked time %d: %w", row.ID, ErrNotFound)
		}
		return nil
	})
	if err == nil {
		*b = row
	}
	return err
}

// DeleteBlockedTime removes a blocked time.
func (s *Store) DeleteBlockedTime(ctx context.Context, id int64) error {
	return s.write(ctx, "delete blocked time", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM blocked_times WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete blocked time %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("blocked time %d: %w", id, ErrNotFound)
		}
		return nil
	})
}
