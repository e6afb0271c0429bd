package data

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sort"
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
	sortKey []byte // with sum.Archived and sum.ID: the index's order
	sum     ClientSummary
	names   string    // "|first last|last first|preferred last|", folded
	words   []string  // folded words a search may start with
	phones  [3]string // mobile, home and work phone, as typed
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
	if err := tx.QueryRowContext(ctx, clientsVersion).Scan(&version); err != nil {
		return nil, fmt.Errorf("search clients: read version: %w", err)
	}
	if ix.loaded && version == ix.version {
		return ix.rows, nil
	}
	// The version and the rows come from one read transaction: one snapshot.
	all, err := loadIndexed(ctx, tx, "")
	if err != nil {
		return nil, err
	}
	ix.rows, ix.version, ix.loaded = all, version, true
	return all, nil
}

// indexColumns are the columns an indexedClient is read from.
const indexColumns = `id, first_name, last_name, preferred_name, mobile_phone, home_phone, work_phone,
	email, alerts, archived, name_key, search_key, sort_key`

// loadIndexed reads clients for the index in its order; where is an
// optional SQL condition with its arguments.
func loadIndexed(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, where string, args ...any) ([]indexedClient, error) {
	query := `SELECT ` + indexColumns + ` FROM clients`
	if where != "" {
		query += ` WHERE ` + where
	}
	// The order of the clients_by_sort_key index: no sorting needed.
	rows, err := q.QueryContext(ctx, query+` ORDER BY archived, sort_key, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("search clients: load: %w", err)
	}
	defer rows.Close()
	var all []indexedClient
	for rows.Next() {
		var c indexedClient
		var words string
		if err := rows.Scan(&c.sum.ID, &c.sum.FirstName, &c.sum.LastName, &c.sum.PreferredName,
			&c.phones[0], &c.phones[1], &c.phones[2],
			&c.sum.Email, &c.sum.Alerts, &c.sum.Archived, &c.names, &words, &c.sortKey); err != nil {
			return nil, fmt.Errorf("search clients: load: %w", err)
		}
		c.words = strings.Fields(words)
		for _, p := range c.phones { // the first phone given, in mobile, home, work order
			if p != "" {
				c.sum.Phone = p
				break
			}
		}
		all = append(all, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search clients: load: %w", err)
	}
	return all, nil
}

// before reports whether a sorts before b in the index.
func (a *indexedClient) before(b *indexedClient) bool {
	if a.sum.Archived != b.sum.Archived {
		return !a.sum.Archived
	}
	if c := bytes.Compare(a.sortKey, b.sortKey); c != 0 {
		return c < 0
	}
	return a.sum.ID < b.sum.ID
}

// patchLimit is the most changed clients patched into the index one by one;
// larger changes (an import, the demo) reload it.
const patchLimit = 50

// patch brings the index from clients_version `from` to `to` by re-reading
// only the clients in ids — the Store's own change, committed just now.
// When the index was not at `from` (another program wrote in between, or it
// was never loaded) nothing is done: the next search reloads it whole.
func (ix *clientIndex) patch(ctx context.Context, db *sql.DB, from, to string, ids []int64) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if !ix.loaded || ix.version != from || len(ids) > patchLimit {
		return
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	changed, err := loadIndexed(ctx, db, `id IN (`+placeholders(len(ids))+`)`, args...)
	if err != nil {
		ix.loaded = false // reload on the next search
		return
	}
	skip := make(map[int64]bool, len(ids))
	for _, id := range ids {
		skip[id] = true
	}
	// A new slice: searches still running keep reading the old one.
	rows := make([]indexedClient, 0, len(ix.rows)+len(changed))
	for _, r := range ix.rows {
		if !skip[r.sum.ID] {
			rows = append(rows, r)
		}
	}
	for _, c := range changed {
		i := sort.Search(len(rows), func(i int) bool { return c.before(&rows[i]) })
		rows = slices.Insert(rows, i, c)
	}
	ix.rows, ix.version = rows, to
}

// clientsVersion reads the counter the clients triggers move.
const clientsVersion = `SELECT value FROM meta WHERE key = 'clients_version'`

// writeClients is Store.write for changes to clients: fn returns the IDs
// it changed, and the index is patched with just those clients instead of
// being reloaded whole on the next search.
func (s *Store) writeClients(ctx context.Context, what string, fn func(tx *sql.Tx) ([]int64, error)) error {
	var from, to string
	var ids []int64
	err := s.write(ctx, what, func(tx *sql.Tx) error {
		// The write transaction holds SQLite's write lock from its start, so
		// no other program's change can fall between these two reads.
		if err := tx.QueryRowContext(ctx, clientsVersion).Scan(&from); err != nil {
			return fmt.Errorf("%s: read version: %w", what, err)
		}
		var err error
		if ids, err = fn(tx); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, clientsVersion).Scan(&to); err != nil {
			return fmt.Errorf("%s: read version: %w", what, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.index.patch(ctx, s.r, from, to, ids)
	return nil
}
