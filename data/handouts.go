package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// HandoutKind says whether a handout is an exercise or advice.
type HandoutKind string

// The kinds of handout.
const (
	HandoutExercise HandoutKind = "exercise"
	HandoutAdvice   HandoutKind = "advice" // heat and ice, posture breaks, …
)

// Valid reports whether k is a known kind.
func (k HandoutKind) Valid() bool { return k == HandoutExercise || k == HandoutAdvice }

// Label is the kind in plain words.
func (k HandoutKind) Label() string {
	if k == HandoutAdvice {
		return "Advice"
	}
	return "Exercise"
}

// Handout is one home-care handout: a built-in one (BuiltinKey set; its
// text comes from the app's own files and cannot be edited) or one of the
// therapist's own. Sets, Reps, Hold and Frequency are the defaults a care
// plan's home care starts from.
type Handout struct {
	ID          int64
	BuiltinKey  string // the built-in's file name without .txt ("chin-tucks"); "" for the therapist's own
	Title       string
	Area        string // "Neck", "Lower back"
	Kind        HandoutKind
	Body        string // the handout markup (HandoutBlocks)
	Sets, Reps  int    // 0: not given
	Hold        string
	Frequency   string
	Picture     []byte // the therapist's own picture: PNG or JPEG (empty: none)
	PictureType string // "image/png" or "image/jpeg", found from the bytes
	Archived    bool
	CreatedAt   time.Time
	UpdatedAt   time.Time

	// Illustration is a built-in's line drawing (SVG), read from the
	// app's files by Store.Handout; never stored.
	Illustration []byte
}

// Builtin reports whether h is one of the app's own handouts.
func (h *Handout) Builtin() bool { return h.BuiltinKey != "" }

// handoutListCols are the columns a list of handouts reads (no picture).
var handoutListCols = []column[Handout]{
	nullTextColumn("builtin_key", func(h *Handout) *string { return &h.BuiltinKey }),
	textColumn("title", "Title", func(h *Handout) *string { return &h.Title }),
	textColumn("area", "Area", func(h *Handout) *string { return &h.Area }),
	textColumn("kind", "Kind", func(h *Handout) *string { return (*string)(&h.Kind) }),
	textColumn("body", "Body", func(h *Handout) *string { return &h.Body }),
	valueColumn("sets", "Sets", func(h *Handout) *int { return &h.Sets }),
	valueColumn("reps", "Reps", func(h *Handout) *int { return &h.Reps }),
	textColumn("hold", "Hold", func(h *Handout) *string { return &h.Hold }),
	textColumn("frequency", "Frequency", func(h *Handout) *string { return &h.Frequency }),
	valueColumn("archived", "", func(h *Handout) *bool { return &h.Archived }),
	createdColumn("created_at", func(h *Handout) *time.Time { return &h.CreatedAt }),
	unixColumn("updated_at", func(h *Handout) *time.Time { return &h.UpdatedAt }),
}

// handoutTable describes handouts; handoutListTable reads them without
// their pictures.
var (
	handoutTable = table[Handout]{name: "handouts", key: idColumn(func(h *Handout) *int64 { return &h.ID }),
		autoKey: true, cols: append(append([]column[Handout](nil), handoutListCols...),
			column[Handout]{name: "picture", field: "Picture",
				get:  func(h *Handout) any { return append([]byte{}, h.Picture...) }, // never NULL
				scan: func(h *Handout) any { return &h.Picture }},
			textColumn("picture_type", "", func(h *Handout) *string { return &h.PictureType }))}
	handoutListTable = table[Handout]{name: "handouts", key: handoutTable.key, autoKey: true, cols: handoutListCols}
)

// HandoutFieldNames lists the fields of a handout validation can report.
func HandoutFieldNames() []string { return handoutTable.fieldNames() }

// nullTextColumn stores an optional text: "" is NULL.
func nullTextColumn[T any](name string, p func(*T) *string) column[T] {
	return column[T]{name: name,
		get: func(v *T) any {
			if s := *p(v); s != "" {
				return s
			}
			return nil
		},
		scan: func(v *T) any { return nullTextScanner{p(v)} }}
}

// nullTextScanner scans a text that may be NULL ("").
type nullTextScanner struct{ s *string }

// Scan implements sql.Scanner.
func (n nullTextScanner) Scan(src any) error {
	var ns sql.NullString
	if err := ns.Scan(src); err != nil {
		return err
	}
	*n.s = ns.String
	return nil
}

// ErrBuiltinHandout is returned when a built-in handout would be changed:
// duplicate it (Store.DuplicateHandout) to edit a copy.
var ErrBuiltinHandout = errors.New("built-in handouts can't be changed; duplicate it to edit your own copy")

// Handouts lists the handouts without their pictures, built-in and own
// together, by area and title; archived ones only when asked.
func (s *Store) Handouts(ctx context.Context, withArchived bool) ([]Handout, error) {
	where := "WHERE archived = 0 "
	if withArchived {
		where = ""
	}
	rows, err := s.r.QueryContext(ctx, handoutListTable.selectSQL(where+"ORDER BY area COLLATE NOCASE, title COLLATE NOCASE, id"))
	if err != nil {
		return nil, fmt.Errorf("read handouts: %w", err)
	}
	defer rows.Close()
	var out []Handout
	for rows.Next() {
		var h Handout
		if err := rows.Scan(handoutListTable.scanTargets(&h)...); err != nil {
			return nil, fmt.Errorf("read handouts: %w", err)
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read handouts: %w", err)
	}
	return out, nil
}

// Handout reads one handout with its picture; a built-in one gets its
// text and illustration from the app's files.
func (s *Store) Handout(ctx context.Context, id int64) (Handout, error) {
	var h Handout
	err := s.r.QueryRowContext(ctx, handoutTable.selectSQL("WHERE id = ?"), id).Scan(handoutTable.scanTargets(&h)...)
	if errNoRows(err) {
		return h, fmt.Errorf("handout %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return h, fmt.Errorf("read handout %d: %w", id, err)
	}
	if h.Builtin() {
		if err := s.fillBuiltin(&h); err != nil {
			return h, err
		}
	}
	return h, nil
}

// CreateHandout stores a new handout of the therapist's own and sets its ID.
func (s *Store) CreateHandout(ctx context.Context, h *Handout) error {
	if h.Builtin() {
		return fmt.Errorf("create handout: %w", ErrBuiltinHandout)
	}
	now := s.Now()
	h.normalize()
	if err := h.Validate(); err != nil {
		return err
	}
	h.CreatedAt, h.UpdatedAt, h.Archived = now, now, false
	return s.write(ctx, "create handout", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, handoutTable.insertSQL(), handoutTable.insertArgs(h)...)
		if err != nil {
			return fmt.Errorf("create handout: %w", err)
		}
		h.ID, err = res.LastInsertId()
		return err
	})
}

// UpdateHandout saves a changed handout of the therapist's own; a built-in
// one gives ErrBuiltinHandout.
func (s *Store) UpdateHandout(ctx context.Context, h *Handout) error {
	now := s.Now()
	h.normalize()
	if err := h.Validate(); err != nil {
		return err
	}
	return s.write(ctx, "save handout", func(tx *sql.Tx) error {
		var key sql.NullString
		var created int64
		err := tx.QueryRowContext(ctx, `SELECT builtin_key, created_at FROM handouts WHERE id = ?`, h.ID).Scan(&key, &created)
		if errNoRows(err) {
			return fmt.Errorf("save handout %d: %w", h.ID, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("save handout %d: %w", h.ID, err)
		}
		if key.Valid || h.Builtin() {
			return fmt.Errorf("save handout %d: %w", h.ID, ErrBuiltinHandout)
		}
		h.CreatedAt, h.UpdatedAt = time.Unix(created, 0).UTC(), now
		if _, err := tx.ExecContext(ctx, handoutTable.updateSQL(), handoutTable.updateArgs(h)...); err != nil {
			return fmt.Errorf("save handout %d: %w", h.ID, err)
		}
		return nil
	})
}

// SetHandoutArchived archives a handout of the therapist's own (it leaves
// the library's list; plans that use it keep it) or brings it back.
func (s *Store) SetHandoutArchived(ctx context.Context, id int64, archived bool) error {
	now := s.Now()
	return s.write(ctx, "archive handout", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE handouts SET archived = ?, updated_at = ? WHERE id = ? AND builtin_key IS NULL`,
			archived, now.Unix(), id)
		if err != nil {
			return fmt.Errorf("archive handout %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("archive handout %d: %w", id, ErrBuiltinHandout)
		}
		return nil
	})
}

// DuplicateHandout makes an editable copy of a handout ("Duplicate to
// edit"): the therapist's own, titled "… (copy)", with the text and
// defaults. A built-in's line drawing is not copied (own handouts carry a
// PNG or JPEG picture); the therapist may add one.
func (s *Store) DuplicateHandout(ctx context.Context, id int64) (Handout, error) {
	h, err := s.Handout(ctx, id)
	if err != nil {
		return h, err
	}
	c := h
	c.ID, c.BuiltinKey, c.Illustration = 0, "", nil
	c.Title = clip(h.Title, maxName-8) + " (copy)"
	if err := s.CreateHandout(ctx, &c); err != nil {
		return c, err
	}
	return c, nil
}
