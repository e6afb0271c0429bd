package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// WithHandouts makes the Store read the built-in handouts from fsys (a
// folder of <slug>.txt files with <slug>.svg illustrations) instead of the
// app's embedded assets.Handouts: tests pass their own.
func WithHandouts(fsys fs.FS) Option {
	return func(s *Store) { s.handouts = fsys }
}

// BuiltinHandout is one built-in handout read from its files.
type BuiltinHandout struct {
	Key          string // the file name without .txt
	Text         HandoutText
	Illustration []byte // the .svg beside it (nil when missing)
}

// ErrHandoutFile marks a built-in handout file that cannot be read or
// parsed. The library ships with the app, so it is a build fault that
// TestShippedHandoutsParse catches; opening a practice does not fail for it.
var ErrHandoutFile = errors.New("built-in handout file")

// ReadBuiltinHandouts reads every <slug>.txt at the top of fsys, in name
// order. It returns every handout it could read, and for the others an
// error wrapping ErrHandoutFile that names each file.
func ReadBuiltinHandouts(fsys fs.FS) ([]BuiltinHandout, error) {
	if fsys == nil {
		return nil, nil
	}
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return nil, fmt.Errorf("list built-in handouts: %w", err)
	}
	sort.Strings(names)
	out := make([]BuiltinHandout, 0, len(names))
	var bad []error
	for _, name := range names {
		key := strings.TrimSuffix(name, ".txt")
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			bad = append(bad, fmt.Errorf("%w %s: %w", ErrHandoutFile, name, err))
			continue
		}
		t, err := ParseHandout(b)
		if err != nil {
			bad = append(bad, fmt.Errorf("%w %s: %w", ErrHandoutFile, name, err))
			continue
		}
		svg, err := fs.ReadFile(fsys, key+".svg")
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			bad = append(bad, fmt.Errorf("%w %s: %w", ErrHandoutFile, key+".svg", err))
		}
		out = append(out, BuiltinHandout{Key: key, Text: t, Illustration: svg})
	}
	return out, errors.Join(bad...)
}

// shippedKeys lists the keys of every .txt file in fsys, readable or not.
func shippedKeys(fsys fs.FS) map[string]bool {
	out := map[string]bool{}
	if fsys == nil {
		return out
	}
	names, _ := fs.Glob(fsys, "*.txt")
	for _, n := range names {
		out[strings.TrimSuffix(n, ".txt")] = true
	}
	return out
}

// SyncHandouts gives every built-in handout of fsys a row, so each has a
// numeric ID plans can point at: new ones are added, changed titles, areas,
// kinds and defaults are updated, and a built-in no longer shipped is
// archived (plans that use it keep it). Nothing is written when the rows
// are already current, so opening an up-to-date file does not write to it.
// A file that cannot be parsed leaves its row as it was and is reported
// (wrapping ErrHandoutFile) after the others are synced.
func (s *Store) SyncHandouts(ctx context.Context, fsys fs.FS) error {
	builtins, fileErr := ReadBuiltinHandouts(fsys)
	if fileErr != nil && !errors.Is(fileErr, ErrHandoutFile) {
		return fileErr
	}
	shipped := shippedKeys(fsys)
	if err := s.syncBuiltins(ctx, builtins, shipped); err != nil {
		return err
	}
	return fileErr
}

// syncBuiltins writes the rows of the readable built-ins and archives
// those no longer shipped.
func (s *Store) syncBuiltins(ctx context.Context, builtins []BuiltinHandout, shipped map[string]bool) error {
	if s.w == nil {
		return fmt.Errorf("update the built-in handouts: %w", ErrReadOnly)
	}
	// Read through the writer: opening no reader connection leaves the
	// file as Open found it for callers that change its journal mode.
	stored, err := s.storedBuiltins(ctx, s.w)
	if err != nil {
		return err
	}
	if !builtinsChanged(builtins, stored, shipped) {
		return nil
	}
	now := s.Now()
	return s.write(ctx, "update the built-in handouts", func(tx *sql.Tx) error {
		stored, err := s.storedBuiltins(ctx, tx)
		if err != nil {
			return err
		}
		for _, b := range builtins {
			h, ok := stored[b.Key]
			want := builtinRow(b, h)
			if ok && sameBuiltin(want, h) {
				continue
			}
			want.UpdatedAt, want.CreatedAt = now, now
			if ok {
				want.CreatedAt = h.CreatedAt
				_, err = tx.ExecContext(ctx, handoutTable.updateSQL(), handoutTable.updateArgs(&want)...)
			} else {
				_, err = tx.ExecContext(ctx, handoutTable.insertSQL(), handoutTable.insertArgs(&want)...)
			}
			if err != nil {
				return fmt.Errorf("built-in handout %s: %w", b.Key, err)
			}
		}
		for key, h := range stored {
			if !shipped[key] && !h.Archived {
				if _, err := tx.ExecContext(ctx, `UPDATE handouts SET archived = 1, updated_at = ? WHERE id = ?`,
					now.Unix(), h.ID); err != nil {
					return fmt.Errorf("built-in handout %s: %w", key, err)
				}
			}
		}
		return nil
	})
}

// builtinRow is the stored row of a built-in handout (old: its row, if any).
func builtinRow(b BuiltinHandout, old Handout) Handout {
	return Handout{ID: old.ID, BuiltinKey: b.Key, Title: b.Text.Title, Area: b.Text.Area, Kind: b.Text.Kind,
		Sets: b.Text.Sets, Reps: b.Text.Reps, Hold: b.Text.Hold, Frequency: b.Text.Frequency,
		CreatedAt: old.CreatedAt, UpdatedAt: old.UpdatedAt}
}

// sameBuiltin reports whether two built-in rows hold the same values.
func sameBuiltin(a, b Handout) bool {
	return a.BuiltinKey == b.BuiltinKey && a.Title == b.Title && a.Area == b.Area && a.Kind == b.Kind &&
		a.Sets == b.Sets && a.Reps == b.Reps && a.Hold == b.Hold && a.Frequency == b.Frequency &&
		a.Archived == b.Archived
}

// builtinsChanged reports whether the stored rows differ from the files.
func builtinsChanged(builtins []BuiltinHandout, stored map[string]Handout, shipped map[string]bool) bool {
	for _, b := range builtins {
		h, ok := stored[b.Key]
		if !ok || !sameBuiltin(builtinRow(b, h), h) {
			return true
		}
	}
	for key, h := range stored {
		if !h.Archived && !shipped[key] {
			return true
		}
	}
	return false
}

// storedBuiltins reads the built-in rows by key (pictures and bodies are
// empty for them).
func (s *Store) storedBuiltins(ctx context.Context, q querier) (map[string]Handout, error) {
	rows, err := q.QueryContext(ctx, handoutListTable.selectSQL("WHERE builtin_key IS NOT NULL"))
	if err != nil {
		return nil, fmt.Errorf("read built-in handouts: %w", err)
	}
	defer rows.Close()
	out := map[string]Handout{}
	for rows.Next() {
		var h Handout
		if err := rows.Scan(handoutListTable.scanTargets(&h)...); err != nil {
			return nil, fmt.Errorf("read built-in handouts: %w", err)
		}
		out[h.BuiltinKey] = h
	}
	return out, rows.Err()
}

// fillBuiltin puts a built-in handout's text and illustration in h from
// the Store's handout files.
func (s *Store) fillBuiltin(h *Handout) error {
	if s.handouts == nil {
		return fmt.Errorf("handout %s: the built-in handouts are not available", h.BuiltinKey)
	}
	b, err := fs.ReadFile(s.handouts, path.Clean(h.BuiltinKey)+".txt")
	if errors.Is(err, fs.ErrNotExist) {
		h.Body = "" // no longer shipped: the title and defaults stay
		return nil
	}
	if err != nil {
		return fmt.Errorf("read built-in handout %s: %w", h.BuiltinKey, err)
	}
	t, err := ParseHandout(b)
	if err != nil {
		return fmt.Errorf("built-in handout %s: %w", h.BuiltinKey, err)
	}
	h.Body = t.Body
	if svg, err := fs.ReadFile(s.handouts, h.BuiltinKey+".svg"); err == nil {
		h.Illustration = svg
	}
	return nil
}
