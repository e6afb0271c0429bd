package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// backupPagesPerStep is how many pages CopyTo copies per step of SQLite's
// online backup (4 MB with 4 KB pages), so progress can be reported.
const backupPagesPerStep = 1024

// CopyTo writes a consistent copy of the practice to dest, a file that must
// not exist yet, with SQLite's online backup API (never a copy of the file,
// whose latest commits may still sit in its -wal). The copy is read from a
// read connection inside one read transaction: under WAL a reader never
// blocks a writer, so saves go on while it runs, and the copy is the
// snapshot taken when it started. The copy is left in rollback-journal
// mode (one self-contained file); it is not synced (callers copy it on). progress, when not
// nil, is called after each step with the pages copied and the total.
func (s *Store) CopyTo(ctx context.Context, dest string, progress func(done, total int)) (err error) {
	src, err := s.r.Conn(ctx)
	if err != nil {
		return fmt.Errorf("copy practice: %w", err)
	}
	defer src.Close()
	if _, err := src.ExecContext(ctx, "BEGIN"); err != nil {
		return fmt.Errorf("copy practice: begin: %w", err)
	}
	defer src.ExecContext(context.WithoutCancel(ctx), "ROLLBACK") //nolint:errcheck // a read transaction
	var n int
	if err := src.QueryRowContext(ctx, "SELECT COUNT(*) FROM sqlite_schema").Scan(&n); err != nil {
		return fmt.Errorf("copy practice: read: %w", err)
	}
	db, err := sql.Open("sqlite3", fileURI(dest, "_synchronous=OFF")) // a working copy: the backup written from it is synced
	if err != nil {
		return fmt.Errorf("copy practice to %s: %w", dest, err)
	}
	defer func() {
		if cerr := db.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("copy practice to %s: close: %w", dest, cerr)
		}
	}()
	dst, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("copy practice to %s: %w", dest, err)
	}
	defer dst.Close()
	err = dst.Raw(func(dc any) error {
		return src.Raw(func(sc any) error {
			return copyPages(ctx, dc.(*sqlite3.SQLiteConn), sc.(*sqlite3.SQLiteConn), progress)
		})
	})
	if err != nil {
		return fmt.Errorf("copy practice to %s: %w", dest, err)
	}
	// The pages carry the WAL flag of the original: make the copy one file.
	if _, err := dst.ExecContext(ctx, "PRAGMA journal_mode=DELETE"); err != nil {
		return fmt.Errorf("copy practice to %s: journal mode: %w", dest, err)
	}
	return nil
}

// copyPages runs the backup from src to dst step by step, stopping when ctx
// is cancelled.
func copyPages(ctx context.Context, dst, src *sqlite3.SQLiteConn, progress func(done, total int)) error {
	b, err := dst.Backup("main", src, "main")
	if err != nil {
		return err
	}
	for {
		if err := ctx.Err(); err != nil {
			b.Close() //nolint:errcheck // the cancellation matters more
			return err
		}
		done, err := b.Step(backupPagesPerStep)
		if err != nil {
			b.Close() //nolint:errcheck // the step's error matters more
			return err
		}
		if progress != nil {
			total := b.PageCount()
			progress(total-b.Remaining(), total)
		}
		if done {
			return b.Close()
		}
	}
}

// backupKeyPrefix starts every meta key the backup settings use.
const backupKeyPrefix = "backup."

// BackupSettings returns the backup settings kept in the meta table: every
// key starting with "backup." (the prefix is kept in the returned keys).
func (s *Store) BackupSettings(ctx context.Context) (map[string]string, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT key, value FROM meta WHERE substr(key, 1, ?) = ?`,
		len(backupKeyPrefix), backupKeyPrefix)
	if err != nil {
		return nil, fmt.Errorf("read backup settings: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, fmt.Errorf("read backup settings: %w", err)
		}
		out[k] = v
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read backup settings: %w", err)
	}
	return out, nil
}

// SaveBackupSettings writes the given backup settings in one transaction:
// each key must start with "backup."; an empty value removes the key.
func (s *Store) SaveBackupSettings(ctx context.Context, values map[string]string) error {
	for k := range values {
		if !strings.HasPrefix(k, backupKeyPrefix) || len(k) == len(backupKeyPrefix) {
			return fmt.Errorf("save backup settings: %q is not a backup setting", k)
		}
	}
	return s.write(ctx, "save backup settings", func(tx *sql.Tx) error {
		for k, v := range values {
			var err error
			if v == "" {
				_, err = tx.ExecContext(ctx, `DELETE FROM meta WHERE key = ?`, k)
			} else {
				_, err = tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?)
					ON CONFLICT (key) DO UPDATE SET value = excluded.value`, k, v)
			}
			if err != nil {
				return fmt.Errorf("save backup setting %s: %w", k, err)
			}
		}
		return nil
	})
}

// RebuildSearch rebuilds the note search index (FTS5) from the notes, their
// clients and their amendments, with the same text the triggers of
// migration 5 write: after a restore, the index matches the notes whatever
// state the backup's index was in.
func (s *Store) RebuildSearch(ctx context.Context) error {
	return s.write(ctx, "rebuild search", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM notes_fts`); err != nil {
			return fmt.Errorf("rebuild search: %w", err)
		}
		if _, err := tx.ExecContext(ctx, rebuildNotesFTS); err != nil {
			return fmt.Errorf("rebuild search: %w", err)
		}
		return nil
	})
}

// rebuildNotesFTS fills notes_fts as the notes_fts_* triggers would have.
const rebuildNotesFTS = `INSERT INTO notes_fts (rowid, client_name, subjective, objective, treatment, assessment, plan, amendments)
SELECT n.id, c.first_name || ' ' || c.preferred_name || ' ' || c.last_name || ' ' || c.name_key,
       n.complaint || char(10) || n.changes || char(10) || n.goals,
       n.posture || char(10) || n.palpation || char(10) || n.range_of_motion || char(10) || n.tests,
       n.techniques || char(10) || n.areas || char(10) || n.pressure,
       n.response || char(10) || n.progress,
       n.next_focus || char(10) || n.frequency || char(10) || n.home_care || char(10) || n.referrals,
       coalesce((SELECT group_concat(char(10) || a.reason || char(10) || a.text, '' ORDER BY a.id)
                 FROM note_amendments a WHERE a.note_id = n.id), '')
FROM notes n JOIN clients c ON c.id = n.client_id`

// ErrNotLocked is returned by ReplaceWith when the Store does not hold the
// practice lock (it was not opened WithLock).
var ErrNotLocked = errors.New("the practice file is not locked by this program")
