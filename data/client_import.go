package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// ClientKey is what finding a likely duplicate needs of a stored client:
// the names, the date of birth and the e-mail address.
type ClientKey struct {
	ID        int64
	FirstName string
	LastName  string
	BirthDate Date
	Email     string
	Archived  bool
}

// DisplayName is "First Last".
func (k ClientKey) DisplayName() string {
	return strings.TrimSpace(k.FirstName + " " + k.LastName)
}

// ClientKeys returns every client's names, date of birth and e-mail,
// archived clients included, in ID order. An import compares its rows with
// them to flag likely duplicates.
func (s *Store) ClientKeys(ctx context.Context) ([]ClientKey, error) {
	rows, err := s.r.QueryContext(ctx,
		`SELECT id, first_name, last_name, birth_date, email, archived FROM clients ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("read client keys: %w", err)
	}
	defer rows.Close()
	var out []ClientKey
	for rows.Next() {
		var k ClientKey
		var birth string
		if err := rows.Scan(&k.ID, &k.FirstName, &k.LastName, &birth, &k.Email, &k.Archived); err != nil {
			return nil, fmt.Errorf("read client keys: %w", err)
		}
		if k.BirthDate, err = scanDate(birth); err != nil {
			return nil, fmt.Errorf("read client %d: %w", k.ID, err)
		}
		out = append(out, k)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read client keys: %w", err)
	}
	return out, nil
}

// ClientMerge fills the empty fields of the stored client ID from From.
// What the stored record already holds is never overwritten.
type ClientMerge struct {
	ID   int64
	From Client
}

// ClientImport is a batch of clients brought in from another program: new
// records to add, and existing records to complete.
type ClientImport struct {
	New    []*Client
	Merges []ClientMerge
}

// ClientImportResult says what an import changed.
type ClientImportResult struct {
	Created int // new client records
	Merged  int // existing records that gained at least one field
	Filled  int // fields filled in existing records, in all
}

// ImportClients validates the batch and writes it in one transaction: every
// new client is added and every merge applied, or nothing is written. New
// clients get their search keys and audit lines exactly as CreateClients
// gives them; a merge that fills fields is an audited update naming them.
func (s *Store) ImportClients(ctx context.Context, in ClientImport) (ClientImportResult, error) {
	var res ClientImportResult
	m, err := s.Moment(ctx)
	if err != nil {
		return res, fmt.Errorf("import clients: %w", err)
	}
	for i, c := range in.New {
		c.normalize()
		if err := c.Validate(m.Today); err != nil {
			return res, fmt.Errorf("import clients: client %d of %d (%s): %w", i+1, len(in.New), c.FormalName(), err)
		}
	}
	now := m.Now
	err = s.writeClients(ctx, "import clients", func(tx *sql.Tx) ([]int64, error) {
		res = ClientImportResult{}
		stmt, err := tx.PrepareContext(ctx, clientTable.insertSQL())
		if err != nil {
			return nil, fmt.Errorf("import clients: %w", err)
		}
		defer stmt.Close()
		ids := make([]int64, 0, len(in.New)+len(in.Merges))
		// The same steps as CreateClients, for each new client.
		for _, c := range in.New {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			row := *c
			row.CreatedAt, row.UpdatedAt = createdAt(c.CreatedAt, now), now
			r, err := stmt.ExecContext(ctx, clientTable.insertArgs(&row)...)
			if err != nil {
				return nil, fmt.Errorf("import client %s: %w", c.FormalName(), err)
			}
			if c.ID, err = r.LastInsertId(); err != nil {
				return nil, fmt.Errorf("import client %s: %w", c.FormalName(), err)
			}
			if err := s.saveClientDetails(ctx, tx, c, row.CreatedAt, true); err != nil {
				return nil, err
			}
			if err := recordAudit(ctx, tx, AuditEntry{At: now, Action: AuditCreate, Entity: AuditClient,
				EntityID: c.ID, ClientID: c.ID, Summary: "client record imported from a file"}); err != nil {
				return nil, err
			}
			ids = append(ids, c.ID)
			res.Created++
		}
		for _, mg := range in.Merges {
			filled, err := s.mergeClient(ctx, tx, mg, m.Today, now)
			if err != nil {
				return nil, err
			}
			if filled > 0 {
				ids = append(ids, mg.ID)
				res.Merged++
				res.Filled += filled
			}
		}
		return ids, nil
	})
	if err != nil {
		for _, c := range in.New {
			c.ID = 0
		}
		return ClientImportResult{}, err
	}
	for _, c := range in.New {
		c.CreatedAt, c.UpdatedAt = createdAt(c.CreatedAt, now), now
	}
	return res, nil
}

// mergeClient fills the empty fields of the stored client mg.ID from
// mg.From and returns how many it filled.
func (s *Store) mergeClient(ctx context.Context, tx *sql.Tx, mg ClientMerge, today Date, now time.Time) (int, error) {
	old, err := getClient(ctx, tx, mg.ID)
	if err != nil {
		return 0, fmt.Errorf("merge into client %d: %w", mg.ID, err)
	}
	merged := old
	from := mg.From
	from.normalize()
	filled := FillEmpty(&merged, from)
	if len(filled) == 0 {
		return 0, nil
	}
	merged.normalize()
	if err := merged.Validate(today); err != nil {
		return 0, fmt.Errorf("merge into %s: %w", old.FormalName(), err)
	}
	merged.UpdatedAt = now
	if _, err := tx.ExecContext(ctx, clientTable.updateSQL(), clientTable.updateArgs(&merged)...); err != nil {
		return 0, fmt.Errorf("merge into client %d: %w", mg.ID, err)
	}
	e := clientUpdateAudit(&old, &merged, now)
	e.Summary = "filled from an imported file: " + strings.Join(filled, ", ")
	if err := recordAudit(ctx, tx, e); err != nil {
		return 0, err
	}
	return len(filled), s.saveClientDetails(ctx, tx, &merged, now, false)
}

// FillEmpty copies into dst each contact and address field of src that dst
// leaves empty, and returns the names of the fields it filled. A field dst
// already holds is never changed, even when src says something else.
func FillEmpty(dst *Client, src Client) []string {
	var filled []string
	for _, f := range []struct {
		name     string
		dst, src *string
	}{
		{"PreferredName", &dst.PreferredName, &src.PreferredName},
		{"Pronouns", &dst.Pronouns, &src.Pronouns},
		{"MobilePhone", &dst.MobilePhone, &src.MobilePhone},
		{"HomePhone", &dst.HomePhone, &src.HomePhone},
		{"WorkPhone", &dst.WorkPhone, &src.WorkPhone},
		{"Email", &dst.Email, &src.Email},
		{"Street", &dst.Street, &src.Street},
		{"City", &dst.City, &src.City},
		{"Region", &dst.Region, &src.Region},
		{"PostalCode", &dst.PostalCode, &src.PostalCode},
		{"Country", &dst.Country, &src.Country},
		{"EmergencyName", &dst.EmergencyName, &src.EmergencyName},
		{"EmergencyPhone", &dst.EmergencyPhone, &src.EmergencyPhone},
		{"ReferredBy", &dst.ReferredBy, &src.ReferredBy},
		{"Occupation", &dst.Occupation, &src.Occupation},
		{"Notes", &dst.Notes, &src.Notes},
	} {
		if *f.dst == "" && *f.src != "" {
			*f.dst = *f.src
			filled = append(filled, f.name)
		}
	}
	if dst.BirthDate.IsZero() && !src.BirthDate.IsZero() {
		dst.BirthDate = src.BirthDate
		filled = append(filled, "BirthDate")
	}
	return filled
}
