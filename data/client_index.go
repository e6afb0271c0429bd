package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
)

// clientIndex is the Store's in-memory copy of what client lists show and
// search: one entry per client, in name order. It is rebuilt whenever the
// clients_version counter (kept by triggers) has moved, so changes made by
// another window or by the command line are seen too.
type clientIndex struct {
	mu      sync.Mutex
	version string
	loaded  bool
	rows    []indexedClient // never changed once built: readers keep their copy
}

// indexedClient is one client of the index.
type indexedClient struct {
	sum   ClientSummary
	names string   // "|first last|last first|preferred last|", folded
	words []string // folded words a search may start with
}

// matches reports whether every search term starts one of the words.
func (c *indexedClient) matches(terms []string) bool {
	for _, t := range terms {
		found := false
		for _, w := range c.words {
			if strings.HasPrefix(w, t) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// current returns the index, reloading it when the clients have changed.
func (ix *clientIndex) current(ctx context.Context, db *sql.DB) ([]indexedClient, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("search clients: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	var version string
	if err := tx.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'clients_version'`).Scan(&version); err != nil {
		return nil, fmt.Errorf("search clients: read version: %w", err)
	}
	if ix.loaded && version == ix.version {
		return ix.rows, nil
	}
	// The version and the rows come from one read transaction: one snapshot.
	rows, err := tx.QueryContext(ctx, `SELECT id, first_name, last_name, preferred_name,
		CASE WHEN mobile_phone <> '' THEN mobile_phone WHEN home_phone <> '' THEN home_phone ELSE work_phone END,
		email, alerts, archived, name_key, search_key
		FROM clients ORDER BY archived, sort_key, id`) // the order of clients_by_sort_key: no sort
	if err != nil {
		return nil, fmt.Errorf("search clients: load: %w", err)
	}
	defer rows.Close()
	var all []indexedClient
	for rows.Next() {
		var c indexedClient
		var words string
		if err := rows.Scan(&c.sum.ID, &c.sum.FirstName, &c.sum.LastName, &c.sum.PreferredName, &c.sum.Phone,
			&c.sum.Email, &c.sum.Alerts, &c.sum.Archived, &c.names, &words); err != nil {
			return nil, fmt.Errorf("search clients: load: %w", err)
		}
		c.words = strings.Fields(words)
		all = append(all, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search clients: load: %w", err)
	}
	ix.rows, ix.version, ix.loaded = all, version, true
	return all, nil
}
