package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Client is one person the practice treats.
type Client struct {
	ID            int64
	FirstName     string
	LastName      string
	PreferredName string // what they like to be called, if not their first name
	Pronouns      string
	BirthDate     Date

	MobilePhone string
	HomePhone   string
	WorkPhone   string
	Email       string

	Street     string
	City       string
	Region     string // province, state or county
	PostalCode string
	Country    string

	EmergencyName         string
	EmergencyRelationship string
	EmergencyPhone        string

	ReferredBy     string
	Physician      string // family physician
	PhysicianPhone string
	Occupation     string

	Health HealthHistory

	// Alerts are shown prominently wherever the client appears.
	Alerts      string
	Pressure    Pressure
	ConsentDate Date // consent to treatment was signed on this date
	Notes       string
	Tags        []string
	Archived    bool

	CreatedAt time.Time
	UpdatedAt time.Time
}

// HealthHistory is what a client reports about their health.
type HealthHistory struct {
	Conditions        []string `json:"conditions,omitempty"` // codes from Conditions
	ConditionNotes    string   `json:"condition_notes,omitempty"`
	Medications       string   `json:"medications,omitempty"`
	Allergies         string   `json:"allergies,omitempty"`
	SurgeriesInjuries string   `json:"surgeries_injuries,omitempty"`
	Pregnant          bool     `json:"pregnant,omitempty"`
	DueDate           Date     `json:"due_date,omitzero"`
}

// Has reports whether the checklist has the condition ticked.
func (h HealthHistory) Has(code string) bool {
	for _, c := range h.Conditions {
		if c == code {
			return true
		}
	}
	return false
}

// Cautions returns the ticked conditions that change how a treatment is
// given, plus pregnancy, in checklist order.
func (h HealthHistory) Cautions() []string {
	var out []string
	if h.Pregnant {
		out = append(out, "Pregnant")
	}
	for _, c := range Conditions {
		if c.Caution && h.Has(c.Code) {
			out = append(out, c.Label)
		}
	}
	return out
}

// DisplayName is how the client is addressed: preferred name (or first
// name) and last name, e.g. "Bea Okafor".
func (c *Client) DisplayName() string {
	return displayName(c.FirstName, c.PreferredName, c.LastName)
}

// FormalName is the legal name for receipts: "Beatrice Okafor".
func (c *Client) FormalName() string {
	return strings.TrimSpace(c.FirstName + " " + c.LastName)
}

func displayName(first, preferred, last string) string {
	given := first
	if preferred != "" {
		given = preferred
	}
	return strings.TrimSpace(given + " " + last)
}

// Phone returns the first phone number given: mobile, then home, then work.
func (c *Client) Phone() string {
	for _, p := range []string{c.MobilePhone, c.HomePhone, c.WorkPhone} {
		if p != "" {
			return p
		}
	}
	return ""
}

// CreateClient validates c and stores it as a new client, setting c.ID and
// its times. Nothing is stored when validation fails.
func (s *Store) CreateClient(ctx context.Context, c *Client) error {
	return s.CreateClients(ctx, []*Client{c})
}

// insertClient stores the validated client c inside tx — its row, its
// first health history (the one taken when the record was made) and an
// audit line saying summary — and sets c.ID. exec runs the row's insert
// with its arguments (a statement prepared once when many are added).
func (s *Store) insertClient(ctx context.Context, tx *sql.Tx, exec func(args ...any) (sql.Result, error),
	c *Client, now time.Time, summary string) error {
	row := *c
	row.CreatedAt, row.UpdatedAt = createdAt(c.CreatedAt, now), now
	res, err := exec(clientTable.insertArgs(&row)...)
	if err != nil {
		return fmt.Errorf("create client %s: %w", c.FormalName(), err)
	}
	if c.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("create client %s: %w", c.FormalName(), err)
	}
	if err := s.saveClientDetails(ctx, tx, c, row.CreatedAt, true); err != nil {
		return err
	}
	return recordAudit(ctx, tx, AuditEntry{At: now, Action: AuditCreate, Entity: AuditClient,
		EntityID: c.ID, ClientID: c.ID, Summary: summary})
}

// CreateClients validates every client and stores them all in one
// transaction: either all are added or none is. The error of the first
// invalid client is returned, wrapped with its position. A client's
// CreatedAt is kept when it is set and not in the future (records brought
// over from paper or another tool keep their age); otherwise it is now.
func (s *Store) CreateClients(ctx context.Context, cs []*Client) error {
	m, err := s.Moment(ctx)
	if err != nil {
		return fmt.Errorf("create client: %w", err)
	}
	now := m.Now
	for i, c := range cs {
		c.normalize()
		if err := c.Validate(m.Today); err != nil {
			if len(cs) == 1 {
				return err
			}
			return fmt.Errorf("client %d of %d (%s): %w", i+1, len(cs), c.FormalName(), err)
		}
	}
	query := clientTable.insertSQL()
	err = s.writeClients(ctx, "create client", func(tx *sql.Tx) ([]int64, error) {
		stmt, err := tx.PrepareContext(ctx, query)
		if err != nil {
			return nil, fmt.Errorf("create client: %w", err)
		}
		defer stmt.Close()
		ids := make([]int64, 0, len(cs))
		for _, c := range cs {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			exec := func(args ...any) (sql.Result, error) { return stmt.ExecContext(ctx, args...) }
			if err := s.insertClient(ctx, tx, exec, c, now, "client record created"); err != nil {
				return nil, err
			}
			ids = append(ids, c.ID)
		}
		return ids, nil
	})
	for _, c := range cs {
		if err != nil {
			c.ID = 0
		} else {
			c.CreatedAt, c.UpdatedAt = createdAt(c.CreatedAt, now), now
		}
	}
	return err
}

// createdAt is when a new record counts as made: the given time when it is
// set and not after now (records brought over from paper keep their age),
// otherwise now.
func createdAt(given, now time.Time) time.Time {
	if given.IsZero() || given.After(now) {
		return now
	}
	return given.UTC().Truncate(time.Second)
}

// UpdateClient validates c and saves it over the stored client with c.ID.
func (s *Store) UpdateClient(ctx context.Context, c *Client) error {
	m, err := s.Moment(ctx)
	if err != nil {
		return fmt.Errorf("update client: %w", err)
	}
	c.normalize()
	if err := c.Validate(m.Today); err != nil {
		return err
	}
	now := m.Now
	err = s.writeClients(ctx, "update client", func(tx *sql.Tx) ([]int64, error) {
		old, err := getClient(ctx, tx, c.ID)
		if err != nil {
			return nil, err
		}
		row := *c
		row.UpdatedAt = now
		res, err := tx.ExecContext(ctx, clientTable.updateSQL(), clientTable.updateArgs(&row)...)
		if err != nil {
			return nil, fmt.Errorf("update client %d: %w", c.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil, fmt.Errorf("update client %d: %w", c.ID, ErrNotFound)
		}
		c.CreatedAt = old.CreatedAt
		if err := recordAudit(ctx, tx, clientUpdateAudit(&old, c, now)); err != nil {
			return nil, err
		}
		return []int64{c.ID}, s.saveClientDetails(ctx, tx, c, now, !sameHealth(old.Health, c.Health))
	})
	if err != nil {
		return err
	}
	c.UpdatedAt = now
	return nil
}

// SetClientArchived archives a client (hidden from everyday lists, never
// deleted: records must be kept) or brings them back.
func (s *Store) SetClientArchived(ctx context.Context, id int64, archived bool) error {
	return s.writeClients(ctx, "archive client", func(tx *sql.Tx) ([]int64, error) {
		res, err := tx.ExecContext(ctx, `UPDATE clients SET archived = ?, updated_at = ? WHERE id = ?`,
			archived, s.Now().Unix(), id)
		if err != nil {
			return nil, fmt.Errorf("archive client %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil, fmt.Errorf("archive client %d: %w", id, ErrNotFound)
		}
		return []int64{id}, recordAudit(ctx, tx, clientArchiveAudit(id, archived, s.Now()))
	})
}

// Client returns the client with the given ID, or ErrNotFound.
func (s *Store) Client(ctx context.Context, id int64) (Client, error) {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return Client{}, fmt.Errorf("read client %d: %w", id, err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	return getClient(ctx, tx, id)
}

// getClient reads a whole client record (with checklist and tags) in tx.
func getClient(ctx context.Context, tx *sql.Tx, id int64) (Client, error) {
	var c Client
	err := tx.QueryRowContext(ctx, clientTable.selectSQL(`WHERE id = ?`), id).Scan(clientTable.scanTargets(&c)...)
	if errors.Is(err, sql.ErrNoRows) {
		return Client{}, fmt.Errorf("client %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Client{}, fmt.Errorf("read client %d: %w", id, err)
	}
	if c.Health.Conditions, err = queryStrings(ctx, tx,
		`SELECT condition FROM client_conditions WHERE client_id = ? ORDER BY condition`, id); err != nil {
		return Client{}, fmt.Errorf("read client %d conditions: %w", id, err)
	}
	if c.Tags, err = queryStrings(ctx, tx, `SELECT tag FROM client_tags WHERE client_id = ? ORDER BY tag`, id); err != nil {
		return Client{}, fmt.Errorf("read client %d tags: %w", id, err)
	}
	return c, nil
}

// saveClientDetails rewrites the checklist, tags and search keys of c and,
// when the health history changed, keeps a new version of it.
func (s *Store) saveClientDetails(ctx context.Context, tx *sql.Tx, c *Client, now time.Time, healthChanged bool) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM client_conditions WHERE client_id = ?`, c.ID); err != nil {
		return fmt.Errorf("save conditions: %w", err)
	}
	for _, code := range c.Health.Conditions {
		if _, err := tx.ExecContext(ctx, `INSERT INTO client_conditions (client_id, condition) VALUES (?, ?)`, c.ID, code); err != nil {
			return fmt.Errorf("save condition %s: %w", code, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM client_tags WHERE client_id = ?`, c.ID); err != nil {
		return fmt.Errorf("save tags: %w", err)
	}
	for _, tag := range c.Tags {
		if _, err := tx.ExecContext(ctx, `INSERT INTO client_tags (client_id, tag) VALUES (?, ?)`, c.ID, tag); err != nil {
			return fmt.Errorf("save tag %s: %w", tag, err)
		}
	}
	if err := indexClient(ctx, tx, s.collator, c.ID, c.FirstName, c.LastName, c.PreferredName,
		c.Email, []string{c.MobilePhone, c.HomePhone, c.WorkPhone}); err != nil {
		return err
	}
	if healthChanged {
		if err := keepHealthVersion(ctx, tx, c.ID, c.Health, now); err != nil {
			return err
		}
	}
	return nil
}

func queryStrings(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]string, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}
