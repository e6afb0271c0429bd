package data

import (
	"context"
	"fmt"
	"time"
	_ "time/tzdata" // every IANA zone, also where the system has none (Windows)
)

// Option configures a Store when it is opened.
type Option func(*Store)

// WithClock makes the Store read the time from now instead of the system
// clock. Tests use it to fix the moment (e.g. a minute before midnight in
// Auckland); everything the Store stamps or validates reads this clock.
func WithClock(now func() time.Time) Option {
	return func(s *Store) {
		if now != nil {
			s.now = now
		}
	}
}

// Moment is one reading of the Store's clock, taken once per transaction:
// the instant (UTC, whole seconds), the practice's time zone and the
// calendar date it is there. Every check and stamp of one change uses the
// same Moment, so a save that straddles midnight is consistent.
type Moment struct {
	Now   time.Time      // UTC, truncated to the second
	Loc   *time.Location // the practice's time zone
	Today Date           // Now's calendar date in Loc
}

// Now returns the Store clock's current instant in UTC, whole seconds.
func (s *Store) Now() time.Time {
	return s.now().UTC().Truncate(time.Second)
}

// Moment reads the clock once and the practice's time zone, giving what
// "now" and "today" mean for the practice.
func (s *Store) Moment(ctx context.Context) (Moment, error) {
	loc, err := s.Location(ctx)
	if err != nil {
		return Moment{}, err
	}
	return momentAt(s.Now(), loc), nil
}

// Today is the calendar date it is now in the practice's time zone.
func (s *Store) Today(ctx context.Context) (Date, error) {
	m, err := s.Moment(ctx)
	if err != nil {
		return Date{}, err
	}
	return m.Today, nil
}

// Location returns the practice's time zone (UTC for a practice not set up).
func (s *Store) Location(ctx context.Context) (*time.Location, error) {
	var name string
	err := s.r.QueryRowContext(ctx, `SELECT COALESCE((SELECT time_zone FROM practice WHERE id = 1), 'UTC')`).Scan(&name)
	if err != nil {
		return nil, fmt.Errorf("read the practice's time zone: %w", err)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("the practice's time zone %q: %w", name, err)
	}
	return loc, nil
}

// momentAt builds the Moment of instant now in loc.
func momentAt(now time.Time, loc *time.Location) Moment {
	now = now.UTC().Truncate(time.Second)
	return Moment{Now: now, Loc: loc, Today: DateOf(now.In(loc))}
}
