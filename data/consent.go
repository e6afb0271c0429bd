package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// ConsentText is one kept version of a consent form's wording. Versions are
// never changed or deleted (the schema refuses it): editing the text saves
// a new version, and each signed consent points at the version the client
// read.
type ConsentText struct {
	ID        int64
	Kind      ConsentKind
	Version   int // 1, 2, … per kind
	Body      string
	CreatedAt time.Time
}

var consentTextTable = table[ConsentText]{name: "consent_texts", autoKey: true,
	key: idColumn(func(t *ConsentText) *int64 { return &t.ID }),
	cols: []column[ConsentText]{
		textColumn("kind", "Kind", func(t *ConsentText) *string { return (*string)(&t.Kind) }),
		valueColumn("version", "", func(t *ConsentText) *int { return &t.Version }),
		textColumn("body", "Body", func(t *ConsentText) *string { return &t.Body }),
		createdColumn("created_at", func(t *ConsentText) *time.Time { return &t.CreatedAt }),
	}}

// Consent is one signed consent of a client. It is immutable once recorded:
// a withdrawal is kept beside it (Withdrawn…), never in place of it.
type Consent struct {
	ID            int64
	ClientID      int64
	Kind          ConsentKind
	TextVersionID int64    // the ConsentText the client read and signed
	Areas         []string // sensitive consent only: keys from SensitiveAreas
	SignedOn      Date
	SignaturePNG  []byte
	RecordedAt    time.Time // when it was entered (the Store's clock)

	// Filled by reads when the consent was withdrawn; RecordConsent ignores them.
	WithdrawnOn    Date
	WithdrawReason string
	WithdrawnAt    time.Time
}

// Current reports whether the consent still holds (it was not withdrawn).
func (c Consent) Current() bool { return c.WithdrawnOn.IsZero() }

var consentTable = table[Consent]{name: "consents", autoKey: true,
	key: idColumn(func(c *Consent) *int64 { return &c.ID }),
	cols: []column[Consent]{
		valueColumn("client_id", "", func(c *Consent) *int64 { return &c.ClientID }),
		textColumn("kind", "Kind", func(c *Consent) *string { return (*string)(&c.Kind) }),
		valueColumn("text_id", "TextVersionID", func(c *Consent) *int64 { return &c.TextVersionID }),
		{name: "areas", field: "Areas",
			get:  func(c *Consent) any { return strings.Join(c.Areas, ",") },
			scan: func(c *Consent) any { return areasScanner{&c.Areas} }},
		dateColumn("signed_on", "SignedOn", func(c *Consent) *Date { return &c.SignedOn }),
		valueColumn("signature", "SignaturePNG", func(c *Consent) *[]byte { return &c.SignaturePNG }),
		createdColumn("recorded_at", func(c *Consent) *time.Time { return &c.RecordedAt }),
	}}

// withdrawalTable describes consent_withdrawals, keyed by the consent's id.
var withdrawalTable = table[Consent]{name: "consent_withdrawals",
	key: column[Consent]{name: "consent_id", get: func(c *Consent) any { return c.ID }, scan: func(c *Consent) any { return &c.ID }},
	cols: []column[Consent]{
		dateColumn("withdrawn_on", "", func(c *Consent) *Date { return &c.WithdrawnOn }),
		textColumn("reason", "WithdrawReason", func(c *Consent) *string { return &c.WithdrawReason }),
		createdColumn("recorded_at", func(c *Consent) *time.Time { return &c.WithdrawnAt }),
	}}

// areasScanner scans the stored comma-separated areas.
type areasScanner struct{ areas *[]string }

// Scan implements sql.Scanner.
func (s areasScanner) Scan(src any) error {
	var text string
	switch v := src.(type) {
	case string:
		text = v
	case []byte:
		text = string(v)
	default:
		return fmt.Errorf("stored areas are a %T, not text", src)
	}
	*s.areas = nil
	if text != "" {
		*s.areas = strings.Split(text, ",")
	}
	return nil
}

// consentError is a refusal with its own plain-words message.
type consentError struct{ msg string }

func (e *consentError) Error() string       { return e.msg }
func (e *consentError) UserMessage() string { return e.msg }

// ConsentTexts returns the current version of each kind's text, in
// ConsentKinds order.
func (s *Store) ConsentTexts(ctx context.Context) ([]ConsentText, error) {
	var out []ConsentText
	for _, k := range ConsentKinds() {
		t, err := currentConsentText(ctx, s.r, k)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// ConsentText returns the current version of one kind's text.
func (s *Store) ConsentText(ctx context.Context, kind ConsentKind) (ConsentText, error) {
	return currentConsentText(ctx, s.r, kind)
}

func currentConsentText(ctx context.Context, q querier, kind ConsentKind) (ConsentText, error) {
	var t ConsentText
	err := q.QueryRowContext(ctx, consentTextTable.selectSQL(`WHERE kind = ? ORDER BY version DESC LIMIT 1`),
		string(kind)).Scan(consentTextTable.scanTargets(&t)...)
	if errors.Is(err, sql.ErrNoRows) {
		return t, fmt.Errorf("consent text %q: %w", kind, ErrNotFound)
	}
	if err != nil {
		return t, fmt.Errorf("read the consent text %q: %w", kind, err)
	}
	return t, nil
}

// ConsentTextVersion returns one kept version of a consent text by its id
// (the TextVersionID of a signed consent).
func (s *Store) ConsentTextVersion(ctx context.Context, id int64) (ConsentText, error) {
	var t ConsentText
	err := s.r.QueryRowContext(ctx, consentTextTable.selectSQL(`WHERE id = ?`), id).Scan(consentTextTable.scanTargets(&t)...)
	if errors.Is(err, sql.ErrNoRows) {
		return t, fmt.Errorf("consent text version %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return t, fmt.Errorf("read consent text version %d: %w", id, err)
	}
	return t, nil
}

// ConsentTextVersions returns every kept version of one kind's text, newest first.
func (s *Store) ConsentTextVersions(ctx context.Context, kind ConsentKind) ([]ConsentText, error) {
	rows, err := s.r.QueryContext(ctx, consentTextTable.selectSQL(`WHERE kind = ? ORDER BY version DESC`), string(kind))
	if err != nil {
		return nil, fmt.Errorf("read consent text versions: %w", err)
	}
	defer rows.Close()
	var out []ConsentText
	for rows.Next() {
		var t ConsentText
		if err := rows.Scan(consentTextTable.scanTargets(&t)...); err != nil {
			return nil, fmt.Errorf("read consent text versions: %w", err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read consent text versions: %w", err)
	}
	return out, nil
}

// SaveConsentText keeps body as the newest version of kind's text and
// returns it. Earlier versions stay as they were, and consents signed on
// them keep pointing at them. A body that is the same as the current
// version (after trimming) saves nothing and returns the current version.
func (s *Store) SaveConsentText(ctx context.Context, kind ConsentKind, body string) (ConsentText, error) {
	body = strings.TrimSpace(strings.ReplaceAll(body, "\r\n", "\n"))
	var p problems
	if !kind.valid() {
		p.add("Kind", "Choose which consent form this text is for.")
	}
	if body == "" {
		p.add("Body", "The consent text is empty. Write what the client agrees to.")
	}
	p.checkLen("Body", "The consent text", body, maxConsentText)
	if err := p.err(); err != nil {
		return ConsentText{}, err
	}
	m, err := s.Moment(ctx)
	if err != nil {
		return ConsentText{}, err
	}
	var saved ConsentText
	err = s.write(ctx, "save the consent text", func(tx *sql.Tx) error {
		cur, err := currentConsentText(ctx, tx, kind)
		if err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		if err == nil && cur.Body == body {
			saved = cur
			return nil
		}
		saved = ConsentText{Kind: kind, Version: cur.Version + 1, Body: body, CreatedAt: m.Now}
		res, err := tx.ExecContext(ctx, consentTextTable.insertSQL(), consentTextTable.insertArgs(&saved)...)
		if err != nil {
			return fmt.Errorf("save the consent text: %w", err)
		}
		saved.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return ConsentText{}, err
	}
	return saved, nil
}
