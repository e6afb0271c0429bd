package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// HealthReview records that the therapist went through a client's health
// history with the client and found it up to date (or updated it). Reviews
// are kept for good: the schema refuses to change or delete them.
type HealthReview struct {
	ID         int64
	ClientID   int64
	ReviewedOn Date      // the practice's date of the review
	ReviewedAt time.Time // the instant, from the Store's clock
	Note       string
}

var healthReviewTable = table[HealthReview]{name: "health_reviews", autoKey: true,
	key: idColumn(func(r *HealthReview) *int64 { return &r.ID }),
	cols: []column[HealthReview]{
		valueColumn("client_id", "", func(r *HealthReview) *int64 { return &r.ClientID }),
		dateColumn("reviewed_on", "", func(r *HealthReview) *Date { return &r.ReviewedOn }),
		unixColumn("reviewed_at", func(r *HealthReview) *time.Time { return &r.ReviewedAt }),
		textColumn("note", "Note", func(r *HealthReview) *string { return &r.Note }),
	}}

// reviewSettings is the one-row health_review_settings table.
type reviewSettings struct {
	Months    int
	UpdatedAt time.Time
}

var reviewSettingsTable = table[reviewSettings]{name: "health_review_settings",
	key: column[reviewSettings]{name: "id", get: func(*reviewSettings) any { return 1 }, scan: func(*reviewSettings) any { return new(int64) }},
	cols: []column[reviewSettings]{
		valueColumn("review_months", "ReviewIntervalMonths", func(v *reviewSettings) *int { return &v.Months }),
		unixColumn("updated_at", func(v *reviewSettings) *time.Time { return &v.UpdatedAt }),
	}}

// DefaultReviewMonths is the review interval of a new practice.
const DefaultReviewMonths = 12

// The review interval's limits, in months.
const (
	minReviewMonths = 1
	maxReviewMonths = 60
)

// ReviewHealthHistory records a review of the client's health history today
// (the practice's date, from the Store's clock) with an optional note.
func (s *Store) ReviewHealthHistory(ctx context.Context, clientID int64, note string) (HealthReview, error) {
	note = cleanText(note)
	var p problems
	p.checkLen("Note", "The review note", note, maxReviewNote)
	if err := p.err(); err != nil {
		return HealthReview{}, err
	}
	m, err := s.Moment(ctx)
	if err != nil {
		return HealthReview{}, err
	}
	r := HealthReview{ClientID: clientID, ReviewedOn: m.Today, ReviewedAt: m.Now, Note: note}
	err = s.write(ctx, "record the health-history review", func(tx *sql.Tx) error {
		if err := clientExists(ctx, tx, clientID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, healthReviewTable.insertSQL(), healthReviewTable.insertArgs(&r)...)
		if err != nil {
			return fmt.Errorf("record the health-history review: %w", err)
		}
		if r.ID, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("record the health-history review: %w", err)
		}
		return recordAudit(ctx, tx, AuditEntry{At: m.Now, Action: AuditUpdate, Entity: AuditClient,
			EntityID: clientID, ClientID: clientID, Summary: healthReviewSummary(note)})
	})
	if err != nil {
		return HealthReview{}, err
	}
	return r, nil
}

// LastHealthReview returns the client's latest review; ok is false when the
// health history was never reviewed.
func (s *Store) LastHealthReview(ctx context.Context, clientID int64) (r HealthReview, ok bool, err error) {
	err = s.r.QueryRowContext(ctx, healthReviewTable.selectSQL(`WHERE client_id = ? ORDER BY reviewed_at DESC, id DESC LIMIT 1`),
		clientID).Scan(healthReviewTable.scanTargets(&r)...)
	if errors.Is(err, sql.ErrNoRows) {
		return HealthReview{}, false, nil
	}
	if err != nil {
		return HealthReview{}, false, fmt.Errorf("read the last health review of client %d: %w", clientID, err)
	}
	return r, true, nil
}

// HealthReviews returns every review of the client's health history, newest first.
func (s *Store) HealthReviews(ctx context.Context, clientID int64) ([]HealthReview, error) {
	rows, err := s.r.QueryContext(ctx, healthReviewTable.selectSQL(`WHERE client_id = ? ORDER BY reviewed_at DESC, id DESC`), clientID)
	if err != nil {
		return nil, fmt.Errorf("read the health reviews of client %d: %w", clientID, err)
	}
	defer rows.Close()
	var out []HealthReview
	for rows.Next() {
		var r HealthReview
		if err := rows.Scan(healthReviewTable.scanTargets(&r)...); err != nil {
			return nil, fmt.Errorf("read the health reviews of client %d: %w", clientID, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read the health reviews of client %d: %w", clientID, err)
	}
	return out, nil
}

// ReviewInterval returns how many months may pass between health-history
// reviews before one is due (12 unless the therapist changed it).
func (s *Store) ReviewInterval(ctx context.Context) (int, error) {
	var v reviewSettings
	err := s.r.QueryRowContext(ctx, reviewSettingsTable.selectSQL(`WHERE id = 1`)).Scan(reviewSettingsTable.scanTargets(&v)...)
	if errors.Is(err, sql.ErrNoRows) {
		return DefaultReviewMonths, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read the review interval: %w", err)
	}
	return v.Months, nil
}

// SaveReviewInterval validates and stores the review interval in months
// (1 to 60). A bad value is a *ValidationError on ReviewIntervalMonths.
func (s *Store) SaveReviewInterval(ctx context.Context, months int) error {
	if months < minReviewMonths || months > maxReviewMonths {
		var p problems
		p.add("ReviewIntervalMonths", "Health histories can be reviewed every 1 to 60 months (not %d).", months)
		return p.err()
	}
	v := reviewSettings{Months: months, UpdatedAt: s.Now()}
	return s.write(ctx, "save the review interval", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, reviewSettingsTable.upsertSQL(), reviewSettingsTable.insertArgs(&v)...); err != nil {
			return fmt.Errorf("save the review interval: %w", err)
		}
		return nil
	})
}

// ReviewDue reports whether the client's health history is due for a
// review today (the practice's date, one reading of the Store's clock).
// since is the date counted from: the last review, or when the health
// history was first recorded if it was never reviewed. A review is due from
// the day the interval has passed: with 12 months, a history reviewed on
// 10 March 2025 is due on 10 March 2026 (31 January + 1 month counts to
// the end of February).
func (s *Store) ReviewDue(ctx context.Context, clientID int64) (due bool, since Date, err error) {
	m, err := s.Moment(ctx)
	if err != nil {
		return false, Date{}, err
	}
	months, err := s.ReviewInterval(ctx)
	if err != nil {
		return false, Date{}, err
	}
	last, ok, err := s.LastHealthReview(ctx, clientID)
	if err != nil {
		return false, Date{}, err
	}
	if ok {
		since = last.ReviewedOn
	} else {
		var first sql.NullInt64
		if err := s.r.QueryRowContext(ctx, `SELECT COALESCE(
				(SELECT MIN(recorded_at) FROM health_history_versions WHERE client_id = ?),
				(SELECT created_at FROM clients WHERE id = ?))`, clientID, clientID).Scan(&first); err != nil {
			return false, Date{}, fmt.Errorf("read when the health history of client %d began: %w", clientID, err)
		}
		if !first.Valid {
			return false, Date{}, fmt.Errorf("client %d: %w", clientID, ErrNotFound)
		}
		since = DateOf(time.Unix(first.Int64, 0).In(m.Loc))
	}
	return !m.Today.Before(since.addMonths(months)), since, nil
}
