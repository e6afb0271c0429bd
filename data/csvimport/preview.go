package csvimport

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// Status is what will happen to one row of the file.
type Status int

// The outcomes of a row.
const (
	Ready     Status = iota // will be added as a new client
	Bad                     // cannot be imported; Reason says why
	Duplicate               // likely the same person as Match: skipped, or merged when Merge is set
)

// Match is the record a duplicate row looks like: a client already in the
// practice (ID) or an earlier row of the same file (Row).
type Match struct {
	ID   int64  // the stored client; 0 when the match is an earlier row
	Row  int    // the earlier row of the file; 0 when the match is a stored client
	Name string // the matching client's name
	Why  string // "same e-mail address" or "same name and date of birth"
}

// Describe says in plain words what the row matches, e.g. "same e-mail
// address as Ada Lovelace, already in your practice".
func (m Match) Describe() string {
	if m.ID != 0 {
		return fmt.Sprintf("%s as %s, already in your practice", m.Why, m.Name)
	}
	return fmt.Sprintf("looks like row %d of this file (%s: %s)", m.Row, m.Name, m.Why)
}

// InFile reports whether the match is an earlier row of the same file
// rather than a client already in the practice.
func (m Match) InFile() bool { return m.ID == 0 }

// Row is one data row of the file and what will happen to it.
type Row struct {
	Number int // the row as a spreadsheet numbers it (the header is row 1)
	Status Status
	Client data.Client
	Reason string // why a Bad row cannot be imported
	Match  *Match // what a Duplicate row looks like
	// Merge, for a Duplicate, fills the empty fields of the match from this
	// row instead of skipping it. Nothing the match already holds changes.
	Merge bool
	// DateOnly: the row was refused only for its date of birth, and would
	// be a valid client without it.
	DateOnly bool
	// WithoutDate: the therapist chose to import a DateOnly row without its
	// date of birth (SetWithoutDate); Reason still says what was wrong.
	WithoutDate bool

	read Status      // the outcome of the row alone: Ready or Bad
	orig data.Client // the client as read, with its date
}

// Options tune how a file is read.
type Options struct {
	// Today is the practice's date (Store.Today): dates of birth after it
	// are refused. Zero means the machine's date.
	Today data.Date
	// DateOrder reads numeric dates of birth; AutoOrder decides from the
	// column's values.
	DateOrder DateOrder
}

// Preview is everything an import would do, before anything is written.
type Preview struct {
	Encoding  string
	Separator rune
	Columns   []Column
	DateOrder DateOrder // the order numeric dates were read in
	// Notices are things the therapist should know before importing: an
	// ambiguous date order, columns that are not imported.
	Notices []string
	Rows    []Row
	Empty   int // rows with no value at all, left out of Rows

	existing []data.ClientKey // the practice's clients, for duplicates
}

// Counts are a preview's totals. Ready+Bad+Duplicate is len(Rows).
type Counts struct {
	Ready, Bad, Duplicate, Merge int
	// InFile counts the duplicates that look like an earlier row of the
	// file (the others look like clients already in the practice).
	InFile int
	// DateOnly counts the rows refused only for their date of birth;
	// WithoutDate those of them chosen to be imported without it.
	DateOnly, WithoutDate int
}

// Counts totals the rows by outcome; Merge counts the duplicates set to merge.
func (p *Preview) Counts() Counts {
	var c Counts
	for _, r := range p.Rows {
		switch r.Status {
		case Ready:
			c.Ready++
		case Bad:
			c.Bad++
		case Duplicate:
			c.Duplicate++
			if r.Merge {
				c.Merge++
			}
			if r.Match.InFile() {
				c.InFile++
			}
		}
		if r.DateOnly {
			c.DateOnly++
			if r.WithoutDate {
				c.WithoutDate++
			}
		}
	}
	return c
}

// DuplicateWords says what the duplicates look like: "2 rows look like
// clients you already have", "1 row looks like an earlier row of this
// file", or both joined with "and".
func (c Counts) DuplicateWords() string {
	var parts []string
	if known := c.Duplicate - c.InFile; known > 0 {
		parts = append(parts, count(known, "row looks like a client", "rows look like clients")+" you already have")
	}
	if c.InFile > 0 {
		parts = append(parts, count(c.InFile, "row looks like an earlier row", "rows look like earlier rows")+" of this file")
	}
	return strings.Join(parts, " and ")
}

// count writes a number with its noun: "1 row looks", "3 rows look".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// SetWithoutDate chooses whether row i (an index in Rows) of those
// refused only for their date of birth (DateOnly) is imported without the
// date. By default such rows are refused. Duplicates are worked out again.
func (p *Preview) SetWithoutDate(i int, on bool) {
	if i < 0 || i >= len(p.Rows) || !p.Rows[i].DateOnly {
		return
	}
	p.Rows[i].WithoutDate = on
	p.resolve()
}

// SetWithoutDateAll makes the same choice for every DateOnly row.
func (p *Preview) SetWithoutDateAll(on bool) {
	for i := range p.Rows {
		if p.Rows[i].DateOnly {
			p.Rows[i].WithoutDate = on
		}
	}
	p.resolve()
}

// resolve decides every row's outcome from what was read and the choices
// made: a DateOnly row chosen WithoutDate is ready with no date of birth;
// a ready row like a client already in the practice, or like an earlier
// ready row, is a duplicate.
func (p *Preview) resolve() {
	d := newDuplicates(p.existing)
	for i := range p.Rows {
		r := &p.Rows[i]
		r.Status, r.Client, r.Match = r.read, r.orig, nil
		if r.read == Bad && r.DateOnly && r.WithoutDate {
			r.Status, r.Client.BirthDate = Ready, data.Date{}
		}
		if r.Status != Ready {
			continue
		}
		if m := d.find(&r.Client); m != nil {
			r.Status, r.Match = Duplicate, m
		} else {
			d.addRow(r.Number, &r.Client)
		}
	}
}

// SetMergeAll sets every duplicate to merge (true) or to be skipped.
func (p *Preview) SetMergeAll(merge bool) {
	for i := range p.Rows {
		if p.Rows[i].Status == Duplicate {
			p.Rows[i].Merge = merge
		}
	}
}

// ErrNoNames is returned for a file with no column of names.
var ErrNoNames = errors.New("no column of names was found. The first row of the file should name its columns, " +
	"with \"First Name\" and \"Last Name\" (or \"Name\") among them")

// Build recognises the table's columns and decides every row's outcome,
// comparing rows with existing (the practice's clients, Store.ClientKeys)
// and with each other. Nothing is written.
func Build(t *Table, existing []data.ClientKey, opt Options) (*Preview, error) {
	cols := recognise(t.Header)
	if !hasNames(cols) {
		return nil, ErrNoNames
	}
	if opt.Today.IsZero() {
		opt.Today = data.DateOf(time.Now())
	}
	p := &Preview{Encoding: t.Encoding, Separator: t.Separator, Columns: cols, DateOrder: opt.DateOrder,
		existing: existing}
	if p.DateOrder == AutoOrder {
		var ambiguous bool
		p.DateOrder, ambiguous = detectOrder(columnValues(t, cols, BirthDate))
		if n := orderConflict(t, cols, p.DateOrder); n != "" {
			p.Notices = append(p.Notices, n)
		} else if ambiguous {
			p.Notices = append(p.Notices, "No date of birth in the file shows whether it is written day first or "+
				"month first (like 05/03/1980), so they are read as day/month/year. If the file is from the "+
				"United States they are probably month/day/year: choose that before importing.")
		}
	}
	var ignored []string
	for _, c := range cols {
		if c.Field == Ignored && strings.TrimSpace(c.Header) != "" {
			ignored = append(ignored, fmt.Sprintf("%q", c.Header))
		}
	}
	if len(ignored) > 0 {
		p.Notices = append(p.Notices, "These columns are not imported: "+strings.Join(ignored, ", ")+".")
	}
	for i, rec := range t.Rows {
		row, empty := readRow(rec, cols, p.DateOrder, opt.Today)
		if empty {
			p.Empty++
			continue
		}
		row.Number = i + 2
		p.Rows = append(p.Rows, row)
	}
	p.resolve()
	return p, nil
}

// columnValues are the values of every column that fills f.
func columnValues(t *Table, cols []Column, f Field) []string {
	var out []string
	for _, rec := range t.Rows {
		for i, c := range cols {
			if c.Field == f && i < len(rec) {
				out = append(out, rec[i])
			}
		}
	}
	return out
}

// Batch is what Import writes: the ready rows as new clients, and the
// duplicates set to merge as merges (into a stored client, or into the new
// client of an earlier row of the file).
func (p *Preview) Batch() data.ClientImport {
	var b data.ClientImport
	byRow := map[int]*data.Client{}
	for _, r := range p.Rows {
		if r.Status == Ready {
			c := r.Client
			b.New = append(b.New, &c)
			byRow[r.Number] = &c
		}
	}
	for _, r := range p.Rows {
		if r.Status != Duplicate || !r.Merge {
			continue
		}
		if r.Match.ID != 0 {
			b.Merges = append(b.Merges, data.ClientMerge{ID: r.Match.ID, From: r.Client})
		} else if c := byRow[r.Match.Row]; c != nil {
			data.FillEmpty(c, r.Client)
		}
	}
	return b
}
