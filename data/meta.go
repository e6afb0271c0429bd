package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// metaDemo marks a database filled with sample data: "1" once the sample
// practice is complete, demoUnfinished while it is being made.
const (
	metaDemo       = "demo"
	demoUnfinished = "unfinished"
)

// IsDemo reports whether the database holds the sample practice rather than
// real records.
func (s *Store) IsDemo(ctx context.Context) (bool, error) {
	var v string
	err := s.r.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, metaDemo).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("read demo flag: %w", err)
	}
	return v == "1", nil
}

// MarkDemo flags the database as holding a complete sample practice, so it
// is always shown as a demo and never mistaken for the real practice.
func (s *Store) MarkDemo(ctx context.Context) error {
	return s.setDemoMark(ctx, "1")
}

// MarkSampleUnfinished flags the database as a sample practice still being
// made. Open and OpenReadOnly refuse such a file with ErrUnfinishedSample
// until MarkDemo replaces the mark, so an interrupted sample is never taken
// for a practice.
func (s *Store) MarkSampleUnfinished(ctx context.Context) error {
	return s.setDemoMark(ctx, demoUnfinished)
}

func (s *Store) setDemoMark(ctx context.Context, value string) error {
	return s.write(ctx, "mark demo", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, metaDemo, value)
		if err != nil {
			return fmt.Errorf("mark demo: %w", err)
		}
		return nil
	})
}

// IsEmpty reports whether the database holds no records at all (no profile,
// no clients).
func (s *Store) IsEmpty(ctx context.Context) (bool, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM practice) + (SELECT COUNT(*) FROM clients)`).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("count records: %w", err)
	}
	return n == 0, nil
}
