package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// RecordConsent validates c and stores it with the Store's clock as its
// RecordedAt; c.ID and c.RecordedAt are set on success. The text version
// must exist and be of c's kind. The record can never be changed or
// deleted afterwards; WithdrawConsent records a withdrawal beside it.
func (s *Store) RecordConsent(ctx context.Context, c *Consent) error {
	row := *c
	row.Normalize()
	row.ID, row.WithdrawnOn, row.WithdrawReason, row.WithdrawnAt = 0, Date{}, "", time.Time{}
	m, err := s.Moment(ctx)
	if err != nil {
		return err
	}
	if err := row.Validate(m.Today); err != nil {
		return err
	}
	row.RecordedAt = m.Now
	err = s.write(ctx, "record the consent", func(tx *sql.Tx) error {
		if err := clientExists(ctx, tx, row.ClientID); err != nil {
			return err
		}
		var kind string
		err := tx.QueryRowContext(ctx, `SELECT kind FROM consent_texts WHERE id = ?`, row.TextVersionID).Scan(&kind)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return &ValidationError{Problems: []FieldProblem{{Field: "TextVersionID",
				Message: "The consent text the client signed is no longer on file. Open the consent form again."}}}
		case err != nil:
			return fmt.Errorf("record the consent: %w", err)
		case ConsentKind(kind) != row.Kind:
			return &ValidationError{Problems: []FieldProblem{{Field: "TextVersionID",
				Message: fmt.Sprintf("The text chosen is the %s form, not the %s form.",
					strings.ToLower(ConsentKind(kind).Label()), strings.ToLower(row.Kind.Label()))}}}
		}
		res, err := tx.ExecContext(ctx, consentTable.insertSQL(), consentTable.insertArgs(&row)...)
		if err != nil {
			return fmt.Errorf("record the consent: %w", err)
		}
		if row.ID, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("record the consent: %w", err)
		}
		return recordAudit(ctx, tx, AuditEntry{At: m.Now, Action: AuditUpdate, Entity: AuditClient,
			EntityID: row.ClientID, ClientID: row.ClientID, Summary: consentRecordedSummary(&row)})
	})
	if err != nil {
		return err
	}
	*c = row
	return nil
}

// clientExists returns ErrNotFound when there is no client id.
func clientExists(ctx context.Context, q querier, id int64) error {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM clients WHERE id = ?`, id).Scan(&n); err != nil {
		return fmt.Errorf("find client %d: %w", id, err)
	}
	if n == 0 {
		return fmt.Errorf("client %d: %w", id, ErrNotFound)
	}
	return nil
}

// ClientConsents returns every consent the client signed, current and
// withdrawn, newest signature first (ties: the later record first).
func (s *Store) ClientConsents(ctx context.Context, clientID int64) ([]Consent, error) {
	rows, err := s.r.QueryContext(ctx, consentTable.selectSQL(`WHERE client_id = ? ORDER BY signed_on DESC, id DESC`), clientID)
	if err != nil {
		return nil, fmt.Errorf("read the consents of client %d: %w", clientID, err)
	}
	defer rows.Close()
	var out []Consent
	for rows.Next() {
		var c Consent
		if err := rows.Scan(consentTable.scanTargets(&c)...); err != nil {
			return nil, fmt.Errorf("read the consents of client %d: %w", clientID, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read the consents of client %d: %w", clientID, err)
	}
	rows.Close()
	wrows, err := s.r.QueryContext(ctx, withdrawalTable.selectSQL(
		`WHERE consent_id IN (SELECT id FROM consents WHERE client_id = ?)`), clientID)
	if err != nil {
		return nil, fmt.Errorf("read the consent withdrawals of client %d: %w", clientID, err)
	}
	defer wrows.Close()
	for wrows.Next() {
		var w Consent
		if err := wrows.Scan(withdrawalTable.scanTargets(&w)...); err != nil {
			return nil, fmt.Errorf("read the consent withdrawals of client %d: %w", clientID, err)
		}
		for i := range out {
			if out[i].ID == w.ID {
				out[i].WithdrawnOn, out[i].WithdrawReason, out[i].WithdrawnAt = w.WithdrawnOn, w.WithdrawReason, w.WithdrawnAt
			}
		}
	}
	if err := wrows.Err(); err != nil {
		return nil, fmt.Errorf("read the consent withdrawals of client %d: %w", clientID, err)
	}
	return out, nil
}

// WithdrawConsent records that the client withdrew consent id today (the
// practice's date), with an optional reason. The signed consent itself is
// kept unchanged. A consent can be withdrawn once; a second withdrawal is
// refused with a plain message.
func (s *Store) WithdrawConsent(ctx context.Context, id int64, reason string) error {
	reason = cleanText(reason)
	var p problems
	p.checkLen("WithdrawReason", "The reason", reason, maxWithdrawReason)
	if err := p.err(); err != nil {
		return err
	}
	m, err := s.Moment(ctx)
	if err != nil {
		return err
	}
	return s.write(ctx, "withdraw the consent", func(tx *sql.Tx) error {
		var withdrawn int
		var clientID int64
		var kind string
		var signedOn Date
		err := tx.QueryRowContext(ctx, `SELECT client_id, kind, signed_on,
			(SELECT COUNT(*) FROM consent_withdrawals WHERE consent_id = ?) FROM consents WHERE id = ?`, id, id).
			Scan(&clientID, &kind, dateScanner{&signedOn}, &withdrawn)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("consent %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("withdraw consent %d: %w", id, err)
		}
		if withdrawn > 0 {
			return &consentError{"This consent was already withdrawn. To treat with consent again, record a new consent."}
		}
		w := Consent{ID: id, WithdrawnOn: m.Today, WithdrawReason: reason, WithdrawnAt: m.Now}
		if _, err := tx.ExecContext(ctx, withdrawalTable.insertSQL(), withdrawalTable.insertArgs(&w)...); err != nil {
			return fmt.Errorf("withdraw consent %d: %w", id, err)
		}
		return recordAudit(ctx, tx, AuditEntry{At: m.Now, Action: AuditUpdate, Entity: AuditClient,
			EntityID: clientID, ClientID: clientID, Summary: consentWithdrawnSummary(ConsentKind(kind), signedOn, reason)})
	})
}

// ConsentedAreas returns the sensitive areas the client currently consents
// to (from every sensitive consent not withdrawn), each once, in form order.
func (s *Store) ConsentedAreas(ctx context.Context, clientID int64) ([]string, error) {
	cs, err := s.ClientConsents(ctx, clientID)
	if err != nil {
		return nil, err
	}
	var all []string
	for _, c := range cs {
		if c.Kind == ConsentSensitive && c.Current() {
			all = append(all, c.Areas...)
		}
	}
	return inAreaOrder(all), nil
}

// HasCurrentConsent reports whether the client has a consent of kind that
// was not withdrawn.
func (s *Store) HasCurrentConsent(ctx context.Context, clientID int64, kind ConsentKind) (bool, error) {
	cs, err := s.ClientConsents(ctx, clientID)
	if err != nil {
		return false, err
	}
	return slices.ContainsFunc(cs, func(c Consent) bool { return c.Kind == kind && c.Current() }), nil
}
