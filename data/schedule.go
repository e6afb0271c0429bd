package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// WorkingDay is the practice's hours on one weekday, wall clock in the
// practice's time zone.
type WorkingDay struct {
	Weekday time.Weekday
	Open    bool
	Start   Clock
	End     Clock // 24:00 is the end of the day
}

// workingDayTable describes working_hours (one row per weekday).
var workingDayTable = table[WorkingDay]{
	name: "working_hours",
	key: column[WorkingDay]{name: "weekday",
		get:  func(v *WorkingDay) any { return int(v.Weekday) },
		scan: func(v *WorkingDay) any { return (*int)(&v.Weekday) }},
	cols: []column[WorkingDay]{
		valueColumn("open", "", func(v *WorkingDay) *bool { return &v.Open }),
		minutesColumn("start_minute", "Start", func(v *WorkingDay) *Clock { return &v.Start }),
		minutesColumn("end_minute", "End", func(v *WorkingDay) *Clock { return &v.End }),
	},
}

// minutesColumn stores a Clock as minutes after midnight.
func minutesColumn[T any](name, field string, p func(*T) *Clock) column[T] {
	return column[T]{name: name, field: field,
		get:  func(v *T) any { return p(v).Minutes() },
		scan: func(v *T) any { return minutesScanner{p(v)} }}
}

// minutesScanner scans minutes after midnight into a Clock.
type minutesScanner struct{ c *Clock }

// Scan implements sql.Scanner.
func (s minutesScanner) Scan(src any) error {
	n, ok := src.(int64)
	if !ok || n < 0 || n > 1440 {
		return fmt.Errorf("stored time of day %v is not minutes after midnight", src)
	}
	*s.c = clockFromMinutes(int(n))
	return nil
}

// WorkingDayFieldNames lists the field names WorkingDay validation reports.
func WorkingDayFieldNames() []string { return workingDayTable.fieldNames() }

// validate reports a day whose hours cannot be right.
func (d WorkingDay) validate(p *problems) {
	if !d.Open {
		return
	}
	name := d.Weekday.String()
	if !d.Start.Valid() {
		p.add("Start", "%s: the opening time %s is not a time of day.", name, d.Start)
	}
	if !(d.End.Valid() || d.End == Clock{Hour: 24}) {
		p.add("End", "%s: the closing time %s is not a time of day.", name, d.End)
	}
	if d.End.Minutes() <= d.Start.Minutes() {
		p.add("End", "%s: closing (%s) must come after opening (%s).", name, d.End, d.Start)
	}
}

// WorkingHours returns the hours of each weekday, indexed by time.Weekday
// (Sunday first).
func (s *Store) WorkingHours(ctx context.Context) ([]WorkingDay, error) {
	return workingHours(ctx, s.r)
}

func workingHours(ctx context.Context, q querier) ([]WorkingDay, error) {
	out := make([]WorkingDay, 7)
	for i := range out {
		out[i].Weekday = time.Weekday(i)
	}
	rows, err := q.QueryContext(ctx, workingDayTable.selectSQL(`ORDER BY weekday`))
	if err != nil {
		return nil, fmt.Errorf("read working hours: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var d WorkingDay
		if err := rows.Scan(workingDayTable.scanTargets(&d)...); err != nil {
			return nil, fmt.Errorf("read working hours: %w", err)
		}
		if d.Weekday >= 0 && d.Weekday < 7 {
			out[d.Weekday] = d
		}
	}
	return out, rows.Err()
}

// SaveWorkingHours validates and stores the hours of the given days (any
// subset of the week) in one transaction.
func (s *Store) SaveWorkingHours(ctx context.Context, days []WorkingDay) error {
	var p problems
	for _, d := range days {
		if d.Weekday < time.Sunday || d.Weekday > time.Saturday {
			p.add("Weekday", "%d is not a day of the week.", d.Weekday)
			continue
		}
		d.validate(&p)
	}
	if err := p.err(); err != nil {
		return err
	}
	return s.write(ctx, "save working hours", func(tx *sql.Tx) error {
		for _, d := range days {
			if _, err := tx.ExecContext(ctx, workingDayTable.upsertSQL(), workingDayTable.insertArgs(&d)...); err != nil {
				return fmt.Errorf("save working hours of %s: %w", d.Weekday, err)
			}
		}
		return nil
	})
}

// ScheduleSettings are the practice's scheduling choices.
type ScheduleSettings struct {
	BufferMinutes  int  // free time kept between two appointments
	ExportInitials bool // the calendar export shows clients' initials only
	UpdatedAt      time.Time
}

// scheduleSettingsTable describes the one-row schedule_settings table.
var scheduleSettingsTable = table[ScheduleSettings]{
	name: "schedule_settings",
	key:  column[ScheduleSettings]{name: "id", get: func(*ScheduleSettings) any { return 1 }, scan: func(*ScheduleSettings) any { return new(int64) }},
	cols: []column[ScheduleSettings]{
		valueColumn("buffer_minutes", "BufferMinutes", func(v *ScheduleSettings) *int { return &v.BufferMinutes }),
		valueColumn("export_initials", "", func(v *ScheduleSettings) *bool { return &v.ExportInitials }),
		unixColumn("updated_at", func(v *ScheduleSettings) *time.Time { return &v.UpdatedAt }),
	},
}

// ScheduleSettingsFieldNames lists the field names Validate can report.
func ScheduleSettingsFieldNames() []string { return scheduleSettingsTable.fieldNames() }

// Validate reports settings that cannot be right.
func (v ScheduleSettings) Validate() error {
	var p problems
	if v.BufferMinutes < 0 || v.BufferMinutes > 120 {
		p.add("BufferMinutes", "The time between appointments should be 0 to 120 minutes (it is %d).", v.BufferMinutes)
	}
	return p.err()
}

// ScheduleSettings returns the scheduling settings.
func (s *Store) ScheduleSettings(ctx context.Context) (ScheduleSettings, error) {
	return scheduleSettings(ctx, s.r)
}

func scheduleSettings(ctx context.Context, q querier) (ScheduleSettings, error) {
	var v ScheduleSettings
	err := q.QueryRowContext(ctx, scheduleSettingsTable.selectSQL(`WHERE id = 1`)).Scan(scheduleSettingsTable.scanTargets(&v)...)
	if errors.Is(err, sql.ErrNoRows) {
		return ScheduleSettings{BufferMinutes: 15}, nil
	}
	if err != nil {
		return v, fmt.Errorf("read schedule settings: %w", err)
	}
	return v, nil
}

// SaveScheduleSettings validates and stores the scheduling settings.
func (s *Store) SaveScheduleSettings(ctx context.Context, v *ScheduleSettings) error {
	if err := v.Validate(); err != nil {
		return err
	}
	row := *v
	row.UpdatedAt = s.Now()
	err := s.write(ctx, "save schedule settings", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, scheduleSettingsTable.upsertSQL(), scheduleSettingsTable.insertArgs(&row)...)
		if err != nil {
			return fmt.Errorf("save schedule settings: %w", err)
		}
		return nil
	})
	if err == nil {
		*v = row
	}
	return err
}
