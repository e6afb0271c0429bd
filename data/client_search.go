package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// ClientSummary is what a client list row needs: enough to show and find a
// client without loading the whole record.
type ClientSummary struct {
	ID            int64
	FirstName     string
	LastName      string
	PreferredName string
	Phone         string
	Email         string
	Alerts        string
	Archived      bool
}

// DisplayName is "Preferred-or-first Last".
func (c ClientSummary) DisplayName() string {
	return displayName(c.FirstName, c.PreferredName, c.LastName)
}

// ListName is the name as a sorted list shows it: "Okafor, Beatrice (Bea)".
func (c ClientSummary) ListName() string {
	name := c.LastName + ", " + c.FirstName
	if c.PreferredName != "" && c.PreferredName != c.FirstName {
		name += " (" + c.PreferredName + ")"
	}
	return name
}

// SearchLimit is the most rows a search-as-you-type list asks for: more than
// anyone reads through, few enough that every keystroke stays instant with
// tens of thousands of clients.
const SearchLimit = 300

// ClientQuery selects clients for a list.
type ClientQuery struct {
	// Text is what was typed in the search box: names, phone or e-mail, in
	// any case and with or without accents. Empty lists everyone.
	Text string
	// Archived selects archived clients instead of active ones.
	Archived bool
	// Limit caps the rows returned; 0 means no limit.
	Limit int
}

// SearchClients returns the clients matching q. Every word of the search
// must start a word of the client's names, e-mail or phone number, in any
// case and with or without accents. Clients whose name starts with the
// search come first; within each group clients are in name order (last name,
// then first name, the way people sort).
//
// The search runs over an in-memory copy of the client list that reloads
// whenever the clients table changes, so a keystroke costs well under a
// millisecond even with tens of thousands of clients.
func (s *Store) SearchClients(ctx context.Context, q ClientQuery) ([]ClientSummary, error) {
	rows, err := s.index.current(ctx, s.r)
	if err != nil {
		return nil, err
	}
	terms := strings.Fields(Fold(q.Text))
	whole := "|" + strings.Join(terms, " ")
	var first, rest []ClientSummary
	for i := range rows {
		r := &rows[i]
		if r.sum.Archived != q.Archived || !r.matches(terms) {
			continue
		}
		if len(terms) == 0 || strings.Contains(r.names, whole) {
			first = append(first, r.sum)
			if q.Limit > 0 && len(first) >= q.Limit {
				break
			}
		} else if q.Limit == 0 || len(rest) < q.Limit {
			rest = append(rest, r.sum)
		}
	}
	out := append(first, rest...)
	if q.Limit > 0 && len(out) > q.Limit {
		out = out[:q.Limit]
	}
	return out, nil
}

// indexClient stores the sort key, the name key and the search key of one
// client, inside the caller's transaction.
func indexClient(ctx context.Context, tx *sql.Tx, col *Collator, id int64, first, last, preferred, email string, phones []string) error {
	sortKey := col.Key(last + " " + first)
	nameKey := "|" + Fold(first+" "+last) + "|" + Fold(last+" "+first) + "|"
	if preferred != "" {
		nameKey += Fold(preferred+" "+last) + "|"
	}
	keys := []string{Fold(first), Fold(last), Fold(preferred), Fold(email)}
	for _, p := range phones {
		if d := digits(p); d != "" {
			keys = append(keys, d)
			// Local numbers: people type the number without country or area code.
			for _, n := range []int{7, 4} {
				if len(d) > n {
					keys = append(keys, d[len(d)-n:])
				}
			}
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE clients SET sort_key = ?, name_key = ?, search_key = ? WHERE id = ?`,
		sortKey, nameKey, strings.Join(strings.Fields(strings.Join(keys, " ")), " "), id); err != nil {
		return fmt.Errorf("index client %d: %w", id, err)
	}
	return nil
}

// backfillClientSearch is the Go part of schema 2: it computes search and
// sort keys for the clients already stored, and keeps their current health
// history as its first version. It reads only columns of schemas 1 and 2, so
// later schema changes cannot break it (rekeyClients must keep to them too).
func backfillClientSearch(ctx context.Context, tx *sql.Tx) error {
	type row struct {
		id      int64
		health  HealthHistory
		due     string
		updated int64
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, condition_notes, medications, allergies,
		surgeries_injuries, pregnant, due_date, updated_at FROM clients`)
	if err != nil {
		return fmt.Errorf("list clients: %w", err)
	}
	var all []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.id, &r.health.ConditionNotes, &r.health.Medications, &r.health.Allergies,
			&r.health.SurgeriesInjuries, &r.health.Pregnant, &r.due, &r.updated); err != nil {
			rows.Close()
			return fmt.Errorf("list clients: %w", err)
		}
		if r.health.DueDate, err = scanDate(r.due); err != nil {
			rows.Close()
			return fmt.Errorf("client %d, due_date: %w", r.id, err)
		}
		all = append(all, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("list clients: %w", err)
	}
	if err := rekeyClients(ctx, tx, NewCollator()); err != nil {
		return err
	}
	for _, r := range all {
		if r.health.Conditions, err = queryStrings(ctx, tx,
			`SELECT condition FROM client_conditions WHERE client_id = ? ORDER BY condition`, r.id); err != nil {
			return fmt.Errorf("read conditions of client %d: %w", r.id, err)
		}
		if err := keepHealthVersion(ctx, tx, r.id, r.health, time.Unix(r.updated, 0).UTC()); err != nil {
			return err
		}
	}
	return nil
}
