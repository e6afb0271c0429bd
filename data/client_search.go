package data

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
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
	// MatchedField names what a search found when it was not the client's
	// name: "mobile phone", "home phone", "work phone" or "e-mail". It is
	// empty for a name match and for a list without search text.
	MatchedField string
	// MatchedValue is that field's value as it was typed ("416-555-0142").
	MatchedValue string
}

// Matched is the field a search found, ready for a list row ("work phone
// 416-555-0142"), or "" when the name matched.
func (c ClientSummary) Matched() string {
	if c.MatchedField == "" {
		return ""
	}
	return c.MatchedField + " " + c.MatchedValue
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
	// IncludeArchived lists active and archived clients together, in one
	// name order (each summary says whether it is archived). It overrides
	// Archived.
	IncludeArchived bool
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
	// The index holds the active clients, then the archived ones: a list of
	// both must read to the end and merge the two runs by name.
	stopEarly := q.Limit > 0 && !q.IncludeArchived
	var first, rest []*indexedClient
	for i := range rows {
		r := &rows[i]
		if !q.IncludeArchived && r.sum.Archived != q.Archived || !r.matches(terms) {
			continue
		}
		if len(terms) == 0 || strings.Contains(r.names, whole) {
			first = append(first, r)
			if stopEarly && len(first) >= q.Limit {
				break
			}
		} else if !stopEarly || len(rest) < q.Limit {
			rest = append(rest, r)
		}
	}
	if q.IncludeArchived {
		byName := func(a, b *indexedClient) int {
			if c := bytes.Compare(a.sortKey, b.sortKey); c != 0 {
				return c
			}
			return cmp.Compare(a.sum.ID, b.sum.ID)
		}
		slices.SortStableFunc(first, byName)
		slices.SortStableFunc(rest, byName)
	}
	all := append(first, rest...)
	if q.Limit > 0 && len(all) > q.Limit {
		all = all[:q.Limit]
	}
	out := make([]ClientSummary, len(all))
	for i, r := range all {
		out[i] = r.sum
		if len(terms) > 0 {
			out[i].MatchedField, out[i].MatchedValue = r.matchedField(terms)
		}
	}
	return out, nil
}

// phoneFields name the phones of indexedClient.phones, in order.
var phoneFields = [3]string{"mobile phone", "home phone", "work phone"}

// matchedField says which field other than the name a search found: the
// first term that starts no word of the client's names is looked up in the
// e-mail, then in each phone. It returns "", "" when the names matched.
func (c *indexedClient) matchedField(terms []string) (field, value string) {
	names := strings.Fields(Fold(c.sum.FirstName + " " + c.sum.LastName + " " + c.sum.PreferredName))
	for _, t := range terms {
		if startsAny(names, t) {
			continue
		}
		if startsAny(strings.Fields(Fold(c.sum.Email)), t) {
			return "e-mail", c.sum.Email
		}
		for i, p := range c.phones {
			if startsAny(phoneKeys(p), t) {
				return phoneFields[i], p
			}
		}
	}
	return "", ""
}

// startsAny reports whether term starts one of words.
func startsAny(words []string, term string) bool {
	for _, w := range words {
		if strings.HasPrefix(w, term) {
			return true
		}
	}
	return false
}

// phoneKeys are the search words of one phone number: all its digits, and
// its last 7 and last 4 digits, since people type a local number without
// the country or area code.
func phoneKeys(phone string) []string {
	d := digits(phone)
	if d == "" {
		return nil
	}
	keys := []string{d}
	for _, n := range []int{7, 4} {
		if len(d) > n {
			keys = append(keys, d[len(d)-n:])
		}
	}
	return keys
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
		keys = append(keys, phoneKeys(p)...)
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
