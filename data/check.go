package data

import (
	"context"
	"fmt"
)

// CheckReport is the result of checking a database's health.
type CheckReport struct {
	Path          string
	SchemaVersion int
	LatestSchema  int
	QuickCheck    string         // "ok" when the file is sound
	ForeignKeys   int            // rows that point at missing records
	Counts        map[string]int // records per table
	Demo          bool
}

// OK reports whether the check found no problem. An older schema is not a
// problem: Stillpoint upgrades it when it opens the file.
func (r CheckReport) OK() bool {
	return r.QuickCheck == "ok" && r.ForeignKeys == 0 && r.SchemaVersion >= 1 && r.SchemaVersion <= r.LatestSchema
}

// CheckFile checks the database at path without changing it: the file is
// opened with OpenReadOnly, never migrated, so an older schema is reported as
// it is and nothing (not even a -wal or -shm file) is created. A missing
// file, an empty one, a file that is not a practice and a newer schema are
// errors.
func CheckFile(ctx context.Context, path string) (CheckReport, error) {
	s, err := OpenReadOnly(ctx, path)
	if err != nil {
		return CheckReport{}, fmt.Errorf("check: %w", err)
	}
	defer s.Close()
	return s.Check(ctx)
}

// countedTables are reported by Check, in this order.
var countedTables = []string{"clients", "client_conditions", "client_tags", "health_history_versions",
	"services", "appointments", "appointment_series", "appointment_history", "blocked_times"}

// CountedTables returns the table names Check counts, in report order.
func CountedTables() []string { return append([]string(nil), countedTables...) }

// Check reads the schema version, runs SQLite's quick_check and
// foreign_key_check and counts the records.
func (s *Store) Check(ctx context.Context) (CheckReport, error) {
	r := CheckReport{Path: s.path, LatestSchema: LatestSchema(), Counts: map[string]int{}}
	if err := s.r.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&r.SchemaVersion); err != nil {
		return r, fmt.Errorf("check: schema version: %w", err)
	}
	rows, err := s.r.QueryContext(ctx, `PRAGMA quick_check`)
	if err != nil {
		return r, fmt.Errorf("check: quick_check: %w", err)
	}
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return r, fmt.Errorf("check: quick_check: %w", err)
		}
		if r.QuickCheck != "" {
			r.QuickCheck += "\n"
		}
		r.QuickCheck += line
	}
	rows.Close()
	if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM pragma_foreign_key_check`).Scan(&r.ForeignKeys); err != nil {
		return r, fmt.Errorf("check: foreign keys: %w", err)
	}
	for _, t := range countedTables {
		var exists, n int
		if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = ?`,
			t).Scan(&exists); err != nil {
			return r, fmt.Errorf("check: %w", err)
		}
		if exists == 0 {
			continue // an older schema
		}
		if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+t).Scan(&n); err != nil {
			return r, fmt.Errorf("check: count %s: %w", t, err)
		}
		r.Counts[t] = n
	}
	var practice int
	if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM practice`).Scan(&practice); err != nil {
		return r, fmt.Errorf("check: count practice: %w", err)
	}
	r.Counts["practice"] = practice
	demo, err := s.IsDemo(ctx)
	if err != nil {
		return r, err
	}
	r.Demo = demo
	return r, nil
}
