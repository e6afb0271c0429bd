package data

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// maxPSFS is how many activities a client follows at once (the
// Patient-Specific Functional Scale asks for up to three).
const maxPSFS = 3

// PSFSActivity is an activity a client finds hard ("reversing the car"),
// rated 0 (unable) to 10 (as before the problem) at each check-in until it
// is retired. A retired activity keeps its scores.
type PSFSActivity struct {
	ID        int64
	ClientID  int64
	Name      string
	AddedOn   Date
	RetiredOn Date // zero while followed
	CreatedAt time.Time
}

// psfsTable describes the psfs_activities table.
var psfsTable = table[PSFSActivity]{
	name:    "psfs_activities",
	key:     idColumn(func(a *PSFSActivity) *int64 { return &a.ID }),
	autoKey: true,
	cols: []column[PSFSActivity]{
		valueColumn("client_id", "ClientID", func(a *PSFSActivity) *int64 { return &a.ClientID }),
		textColumn("name", "Name", func(a *PSFSActivity) *string { return &a.Name }),
		dateColumn("added_on", "AddedOn", func(a *PSFSActivity) *Date { return &a.AddedOn }),
		dateColumn("retired_on", "RetiredOn", func(a *PSFSActivity) *Date { return &a.RetiredOn }),
		createdColumn("created_at", func(a *PSFSActivity) *time.Time { return &a.CreatedAt }),
	},
}

// PSFSScore is one activity's row of a check-in.
type PSFSScore struct {
	ActivityID int64  // 0 for an activity named at this check-in (added when it is saved)
	Activity   string // the activity's name
	Score      int    // 0 (unable) to 10 (as before), or NotRecorded
	Previous   int    // the score at the last earlier check-in, or NotRecorded (read only)
	Retire     bool   // stop following the activity from this visit on (its scores are kept)
}

// PSFSField is the field name validation reports for the i-th activity row
// of a check-in: "PSFS.0", "PSFS.1", …
func PSFSField(i int) string { return "PSFS." + strconv.Itoa(i) }

// validatePSFS checks the activity rows: named, scored 0-10, at most three
// followed, no name twice.
func validatePSFS(p *problems, rows []PSFSScore) {
	followed := 0
	seen := map[string]bool{}
	for i, s := range rows {
		field := PSFSField(i)
		switch {
		case s.Activity == "":
			p.add(field, "Name the activity the client finds hard (for example \"reversing the car\").")
		case seen[strings.ToLower(s.Activity)]:
			p.add(field, "%q is listed twice.", s.Activity)
		}
		seen[strings.ToLower(s.Activity)] = true
		p.checkLen(field, "The activity", s.Activity, maxNoteShort)
		if s.Score != NotRecorded {
			m := Measure{Label: activityLabel(s.Activity), Unit: UnitPoints, Max: 10}
			m.check(p, field, float64(s.Score))
		}
		if !s.Retire {
			followed++
		}
	}
	if followed > maxPSFS {
		p.add(PSFSField(len(rows)-1), "A client follows at most %d activities: retire one before adding another.", maxPSFS)
	}
}

// activityLabel names an activity in a message: "Reversing the car".
func activityLabel(name string) string {
	if name == "" {
		return "The activity's score"
	}
	return "The score for " + strconv.Quote(name)
}

// PSFSActivities returns the client's activities, oldest first, retired
// ones included.
func (s *Store) PSFSActivities(ctx context.Context, clientID int64) ([]PSFSActivity, error) {
	return queryPSFS(ctx, s.r, "WHERE client_id = ? ORDER BY id", clientID)
}

func queryPSFS(ctx context.Context, q querier, where string, args ...any) ([]PSFSActivity, error) {
	rows, err := q.QueryContext(ctx, psfsTable.selectSQL(where), args...)
	if err != nil {
		return nil, fmt.Errorf("read activities: %w", err)
	}
	defer rows.Close()
	var out []PSFSActivity
	for rows.Next() {
		var a PSFSActivity
		if err := rows.Scan(psfsTable.scanTargets(&a)...); err != nil {
			return nil, fmt.Errorf("read activities: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read activities: %w", err)
	}
	return out, nil
}

// psfsForVisit lists the activities followed at a visit: added on or
// before it and not retired before it, each with this check-in's score
// (checkinID 0: none yet) and the score at the last earlier check-in.
func psfsForVisit(ctx context.Context, q querier, clientID, checkinID int64, visit Date) ([]PSFSScore, error) {
	acts, err := queryPSFS(ctx, q, `WHERE client_id = ? AND added_on <= ? AND (retired_on = '' OR retired_on >= ?)
		ORDER BY id`, clientID, visit.String(), visit.String())
	if err != nil {
		return nil, err
	}
	out := make([]PSFSScore, 0, len(acts))
	for _, a := range acts {
		sc := PSFSScore{ActivityID: a.ID, Activity: a.Name, Score: NotRecorded, Previous: NotRecorded,
			Retire: a.RetiredOn == visit}
		err := q.QueryRowContext(ctx, `SELECT score FROM psfs_scores WHERE checkin_id = ? AND activity_id = ?`,
			checkinID, a.ID).Scan(&sc.Score)
		if err != nil && !errNoRows(err) {
			return nil, fmt.Errorf("read activity score: %w", err)
		}
		err = q.QueryRowContext(ctx, `SELECT s.score FROM psfs_scores s JOIN checkins c ON c.id = s.checkin_id
			WHERE s.activity_id = ? AND c.visit_date < ? ORDER BY c.visit_date DESC LIMIT 1`,
			a.ID, visit.String()).Scan(&sc.Previous)
		if err != nil && !errNoRows(err) {
			return nil, fmt.Errorf("read previous activity score: %w", err)
		}
		out = append(out, sc)
	}
	return out, nil
}

// savePSFS stores a check-in's activity rows: new activities added (dated
// the visit), retirements, and each score (a row not recorded removes the
// visit's score). At most three activities may be followed afterwards.
func savePSFS(ctx context.Context, tx *sql.Tx, c *CheckIn, now time.Time) error {
	for i := range c.PSFS {
		sc := &c.PSFS[i]
		if sc.ActivityID == 0 {
			a := PSFSActivity{ClientID: c.ClientID, Name: sc.Activity, AddedOn: c.VisitDate, CreatedAt: now}
			res, err := tx.ExecContext(ctx, psfsTable.insertSQL(), psfsTable.insertArgs(&a)...)
			if err != nil {
				return fmt.Errorf("add activity: %w", err)
			}
			if sc.ActivityID, err = res.LastInsertId(); err != nil {
				return fmt.Errorf("add activity: %w", err)
			}
		} else {
			res, err := tx.ExecContext(ctx, `UPDATE psfs_activities SET name = ? WHERE id = ? AND client_id = ?`,
				sc.Activity, sc.ActivityID, c.ClientID)
			if err != nil {
				return fmt.Errorf("update activity %d: %w", sc.ActivityID, err)
			}
			if n, err := res.RowsAffected(); err != nil || n == 0 {
				return fmt.Errorf("activity %d of client %d: %w", sc.ActivityID, c.ClientID, ErrNotFound)
			}
		}
		// Retire from this visit on, or undo a retirement made at this visit.
		retire := `UPDATE psfs_activities SET retired_on = '' WHERE id = ? AND retired_on = ?`
		if sc.Retire {
			retire = `UPDATE psfs_activities SET retired_on = ? WHERE id = ?`
		}
		args := []any{sc.ActivityID, c.VisitDate.String()}
		if sc.Retire {
			args = []any{c.VisitDate.String(), sc.ActivityID}
		}
		if _, err := tx.ExecContext(ctx, retire, args...); err != nil {
			return fmt.Errorf("retire activity %d: %w", sc.ActivityID, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM psfs_scores WHERE checkin_id = ? AND activity_id = ?`,
			c.ID, sc.ActivityID); err != nil {
			return fmt.Errorf("save activity score: %w", err)
		}
		if sc.Score != NotRecorded {
			if _, err := tx.ExecContext(ctx, `INSERT INTO psfs_scores (checkin_id, activity_id, score)
				VALUES (?, ?, ?)`, c.ID, sc.ActivityID, sc.Score); err != nil {
				return fmt.Errorf("save activity score: %w", err)
			}
		}
	}
	var followed int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM psfs_activities WHERE client_id = ? AND retired_on = ''`,
		c.ClientID).Scan(&followed); err != nil {
		return fmt.Errorf("count activities: %w", err)
	}
	if followed > maxPSFS {
		var p problems
		p.add(PSFSField(max(len(c.PSFS)-1, 0)),
			"A client follows at most %d activities: retire one before adding another.", maxPSFS)
		return p.err()
	}
	return nil
}
