package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// FutureBookedCount counts the booked appointments that have not started
// yet: the ones a change of the practice's time zone affects.
func (s *Store) FutureBookedCount(ctx context.Context) (int, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM appointments WHERE status = ? AND start_at >= ?`,
		string(StatusBooked), s.Now().Unix()).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count future appointments: %w", err)
	}
	return n, nil
}

// ChangeTimeZone moves the practice to another time zone in one
// transaction, together with ALL its appointments (past, cancelled and to
// come): the zone is the practice's, so one rule applies to every visit
// and each is shown where it was booked.
//
// With keepWallClock, each visit keeps its wall-clock time: a visit at
// 10:00 is at 10:00 in the new zone, so its instant moves (its length
// stays). A time that does not exist in the new zone (the clocks skip it)
// is refused for a booked visit still to come, with a *ValidationError on
// TimeZone naming the visit, and nothing is changed; for a visit that is
// over or cancelled (nobody will come at that time) it is moved forward
// by the jump, as the clocks did (01:30 becomes 02:30). Otherwise each
// visit keeps its instant and its wall-clock time is rewritten as the new
// zone shows it.
func (s *Store) ChangeTimeZone(ctx context.Context, zone string, keepWallClock bool) error {
	m, err := s.Moment(ctx)
	if err != nil {
		return fmt.Errorf("change time zone: %w", err)
	}
	return s.write(ctx, "change time zone", func(tx *sql.Tx) error {
		p := DefaultPractice()
		err := tx.QueryRowContext(ctx, practiceTable.selectSQL(`WHERE id = 1`)).Scan(practiceTable.scanTargets(&p)...)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("change time zone: read practice profile: %w", err)
		}
		p.TimeZone = zone
		p.normalize()
		if err := p.Validate(); err != nil {
			return err
		}
		loc, err := time.LoadLocation(p.TimeZone)
		if err != nil {
			return fmt.Errorf("change time zone to %q: %w", p.TimeZone, err)
		}
		p.UpdatedAt = m.Now
		if _, err := tx.ExecContext(ctx, practiceTable.upsertSQL(), practiceTable.insertArgs(&p)...); err != nil {
			return fmt.Errorf("change time zone: save practice profile: %w", err)
		}
		return moveVisits(ctx, tx, m.Now, loc, keepWallClock)
	})
}

// movedVisit is one visit to rewrite for a new zone.
type movedVisit struct {
	id         int64
	start, end time.Time
	localStart string
	client     string
	upcoming   bool // booked and not started: a skipped time is refused
}

// readVisits reads every appointment inside tx, in time order.
func readVisits(ctx context.Context, tx *sql.Tx, now time.Time) ([]movedVisit, error) {
	rows, err := tx.QueryContext(ctx, `SELECT a.id, a.start_at, a.end_at, a.local_start,
		COALESCE(CASE WHEN c.preferred_name <> '' THEN c.preferred_name ELSE c.first_name END || ' ' || c.last_name, ''),
		a.status = ? AND a.start_at >= ?
		FROM appointments a LEFT JOIN clients c ON c.id = a.client_id ORDER BY a.start_at, a.id`,
		string(StatusBooked), now.Unix())
	if err != nil {
		return nil, fmt.Errorf("change time zone: read appointments: %w", err)
	}
	defer rows.Close()
	var visits []movedVisit
	for rows.Next() {
		var v movedVisit
		var start, end int64
		if err := rows.Scan(&v.id, &start, &end, &v.localStart, &v.client, &v.upcoming); err != nil {
			return nil, fmt.Errorf("change time zone: read appointments: %w", err)
		}
		v.start, v.end = time.Unix(start, 0).UTC(), time.Unix(end, 0).UTC()
		visits = append(visits, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("change time zone: read appointments: %w", err)
	}
	return visits, nil
}

// moveVisits rewrites every appointment for zone loc (see ChangeTimeZone)
// inside tx.
func moveVisits(ctx context.Context, tx *sql.Tx, now time.Time, loc *time.Location, keepWallClock bool) error {
	visits, err := readVisits(ctx, tx, now)
	if err != nil {
		return err
	}
	var p problems
	for i := range visits {
		v := &visits[i]
		if !keepWallClock {
			v.localStart = localStart(v.start, loc)
			continue
		}
		wall, err := time.Parse(LocalLayout, v.localStart)
		if err != nil {
			return fmt.Errorf("change time zone: appointment %d has an unreadable time %q: %w", v.id, v.localStart, err)
		}
		length := v.end.Sub(v.start)
		start, err := WallTime(loc, DateOf(wall), ClockOf(wall))
		var wce *WallClockError
		if errors.As(err, &wce) {
			if v.upcoming {
				p.add("TimeZone", "%s's visit at %s on %s cannot keep its time in %s: the clocks jump %s that night. "+
					"Move that visit first, or keep the same moments instead.",
					v.client, wce.Clock, wce.Date.Format(), wce.Zone, wce.Jump)
				continue
			}
			start, err = forwardOverJump(loc, wall), nil
		}
		if err != nil {
			return fmt.Errorf("change time zone: appointment %d: %w", v.id, err)
		}
		v.start, v.end = start, start.Add(length)
		v.localStart = localStart(start, loc)
	}
	if err := p.err(); err != nil {
		return err
	}
	for _, v := range visits {
		_, err := tx.ExecContext(ctx, `UPDATE appointments SET start_at = ?, end_at = ?, zone = ?, local_start = ?,
			updated_at = ? WHERE id = ?`, v.start.Unix(), v.end.Unix(), loc.String(), v.localStart, now.Unix(), v.id)
		if err != nil {
			return fmt.Errorf("change time zone: update appointment %d: %w", v.id, err)
		}
	}
	return nil
}

// forwardOverJump is the instant for a wall-clock time that loc's clocks
// skip, read with the offset in force before the jump: it lands after the
// jump, later by its length (01:30 on a night that jumps from 01:00 to
// 02:00 is 02:30).
func forwardOverJump(loc *time.Location, wall time.Time) time.Time {
	naive := time.Date(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), wall.Minute(), 0, 0, time.UTC)
	_, before := naive.Add(-26 * time.Hour).In(loc).Zone()
	return naive.Add(-time.Duration(before) * time.Second).UTC()
}
