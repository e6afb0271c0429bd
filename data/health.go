package data

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// HealthVersion is one kept version of a client's health history.
type HealthVersion struct {
	RecordedAt time.Time
	Health     HealthHistory
}

// keepHealthVersion stores a snapshot of h as the client's newest version.
func keepHealthVersion(ctx context.Context, tx *sql.Tx, clientID int64, h HealthHistory, now time.Time) error {
	snap, err := json.Marshal(h)
	if err != nil {
		return fmt.Errorf("keep health history: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO health_history_versions (client_id, recorded_at, snapshot)
		VALUES (?, ?, ?)`, clientID, now.Unix(), string(snap)); err != nil {
		return fmt.Errorf("keep health history: %w", err)
	}
	return nil
}

// HealthVersions returns every kept version of a client's health history,
// newest first.
func (s *Store) HealthVersions(ctx context.Context, clientID int64) ([]HealthVersion, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT recorded_at, snapshot FROM health_history_versions
		WHERE client_id = ? ORDER BY recorded_at DESC, id DESC`, clientID)
	if err != nil {
		return nil, fmt.Errorf("read health history of client %d: %w", clientID, err)
	}
	defer rows.Close()
	var out []HealthVersion
	for rows.Next() {
		var at int64
		var snap string
		if err := rows.Scan(&at, &snap); err != nil {
			return nil, fmt.Errorf("read health history of client %d: %w", clientID, err)
		}
		v := HealthVersion{RecordedAt: time.Unix(at, 0).UTC()}
		if err := json.Unmarshal([]byte(snap), &v.Health); err != nil {
			return nil, fmt.Errorf("read health history of client %d: %w", clientID, err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read health history of client %d: %w", clientID, err)
	}
	return out, nil
}

// sameHealth reports whether two health histories say the same thing, by
// comparing their snapshots: every field that is kept in a version is
// compared, including fields added later, with no list to keep in step.
func sameHealth(a, b HealthHistory) bool {
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && bytes.Equal(ja, jb)
}
