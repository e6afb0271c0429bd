package data

import (
	"context"
	"fmt"
)

// HasAppointments reports whether the practice has any appointment at all,
// so the app can open on the day's agenda rather than the client list.
func (s *Store) HasAppointments(ctx context.Context) (bool, error) {
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM appointments)`).Scan(&n); err != nil {
		return false, fmt.Errorf("look for appointments: %w", err)
	}
	return n == 1, nil
}
