package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"golang.org/x/text/collate"
)

// keysVersion names the rules the stored sort and search keys were made
// with: the collation tables of golang.org/x/text and the version of Fold.
// Bump foldVersion whenever Fold changes what it returns.
const (
	foldVersion = "1"
	keysVersion = "cldr-" + collate.CLDRVersion + "/fold-" + foldVersion
)

// ensureKeys recomputes every client's sort and search keys when they were
// made with other rules (an update of the collation tables or of Fold), so
// that ordering and search never silently drift apart from the code.
func (s *Store) ensureKeys(ctx context.Context) error {
	var have string
	err := s.w.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'keys_version'`).Scan(&have)
	switch {
	case err == nil && have == keysVersion:
		return nil
	case err != nil && !errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("read keys version: %w", err)
	}
	return s.write(ctx, "recompute search keys", func(tx *sql.Tx) error {
		if err := rekeyClients(ctx, tx, s.collator); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('keys_version', ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, keysVersion); err != nil {
			return fmt.Errorf("recompute search keys: %w", err)
		}
		return nil
	})
}

// rekeyClients recomputes the keys of every client in tx.
func rekeyClients(ctx context.Context, tx *sql.Tx, col *Collator) error {
	type row struct {
		id                                     int64
		first, last, pref, email, mob, hom, wk string
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, first_name, last_name, preferred_name, email,
		mobile_phone, home_phone, work_phone FROM clients`)
	if err != nil {
		return fmt.Errorf("recompute search keys: %w", err)
	}
	var all []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.id, &r.first, &r.last, &r.pref, &r.email, &r.mob, &r.hom, &r.wk); err != nil {
			rows.Close()
			return fmt.Errorf("recompute search keys: %w", err)
		}
		all = append(all, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("recompute search keys: %w", err)
	}
	for _, r := range all {
		if err := indexClient(ctx, tx, col, r.id, r.first, r.last, r.pref, r.email, []string{r.mob, r.hom, r.wk}); err != nil {
			return err
		}
	}
	return nil
}
