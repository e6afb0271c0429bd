package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	sqlite3 "github.com/mattn/go-sqlite3"
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
	"services", "appointments", "appointment_series", "appointment_history", "blocked_times",
	"notes", "note_marks", "note_amendments", "note_templates", "audit_log",
	"consent_texts", "consents", "consent_withdrawals", "health_reviews",
	"handouts", "care_plans", "care_plan_goals", "care_plan_progress", "care_plan_reassessments",
	"care_plan_home_care", "care_plan_referrals", "care_plan_marks",
	"invoices", "invoice_lines", "payments", "gift_certificates", "packages",
	"checkins", "psfs_activities", "psfs_scores", "client_measures", "mobility_readings"}

// CountedTables returns the table names Check counts, in report order.
func CountedTables() []string { return append([]string(nil), countedTables...) }

// Check reads the schema version, runs SQLite's quick_check and
// foreign_key_check and counts the records. When quick_check finds damage
// (or SQLite reports it while checking), the report carries the findings
// and Check returns no error: the rest (foreign keys, counts) is not read,
// since a damaged file cannot be trusted for it, and OK is false.
func (s *Store) Check(ctx context.Context) (CheckReport, error) {
	r := CheckReport{Path: s.path, LatestSchema: LatestSchema(), Counts: map[string]int{}}
	if err := s.r.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&r.SchemaVersion); err != nil {
		if f, ok := corruptFinding(err); ok {
			r.QuickCheck = f
			return r, nil
		}
		return r, fmt.Errorf("check: schema version: %w", err)
	}
	findings, err := quickCheckOn(ctx, s.r)
	if err != nil {
		return r, err
	}
	r.QuickCheck = findings
	if findings != "ok" {
		return r, nil
	}
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

// quickCheckOn runs PRAGMA quick_check on db and returns its lines ("ok" for a
// sound file). SQLite's "corrupt" error while it runs is a finding too.
func quickCheckOn(ctx context.Context, db *sql.DB) (string, error) {
	rows, err := db.QueryContext(ctx, `PRAGMA quick_check`)
	if err != nil {
		if f, ok := corruptFinding(err); ok {
			return f, nil
		}
		return "", fmt.Errorf("check: quick_check: %w", err)
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return "", fmt.Errorf("check: quick_check: %w", err)
		}
		lines = append(lines, line)
	}
	if err := rows.Err(); err != nil {
		f, ok := corruptFinding(err)
		if !ok {
			return "", fmt.Errorf("check: quick_check: %w", err)
		}
		lines = append(lines, f)
	}
	if len(lines) == 0 {
		return "", fmt.Errorf("check: quick_check gave no answer")
	}
	return strings.Join(lines, "\n"), nil
}

// corruptFinding is SQLite's error as a finding, when it says the file is
// damaged.
func corruptFinding(err error) (string, bool) {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB) {
		return err.Error(), true
	}
	return "", false
}

// errDamageFound is a DamagedError's cause when quick_check, not a failed
// read, found the damage.
var errDamageFound = errors.New("quick_check found damage")

// verify runs quick_check when a practice is opened, so damage inside a
// page is explained at once (in the cannot-open window) rather than by a
// read failing later over an empty list. It costs about 25 ms on the
// 10-year sample practice (2.4 MB).
func (s *Store) verify(ctx context.Context) error {
	findings, err := quickCheckOn(ctx, s.w) // the writer: no reader stays open
	switch {
	case err != nil:
		return classifyOpenError(ctx, s.path, err)
	case findings != "ok":
		if lines := strings.Split(findings, "\n"); len(lines) > maxFindings {
			findings = strings.Join(lines[:maxFindings], "\n")
		}
		return &DamagedError{Path: s.path, Findings: findings, Err: errDamageFound}
	}
	return nil
}
