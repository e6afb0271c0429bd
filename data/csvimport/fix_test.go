package csvimport

import (
	"strings"
	"testing"

	"github.com/stillpoint/stillpoint/data"
)

// table is a Table from a header and rows, as Parse would give it.
func table(header []string, rows ...[]string) *Table {
	return &Table{Header: header, Rows: rows, Encoding: "UTF-8", Separator: ','}
}

var fixToday = data.Date{Year: 2026, Month: 11, Day: 30}

func TestADuplicateInsideTheFileIsCalledARowOfTheFile(t *testing.T) {
	p, err := Build(table([]string{"First Name", "Last Name", "Email"},
		[]string{"Ada", "Lovelace", "ada@example.com"},
		[]string{"Augusta", "King", "ada@example.com"},
		[]string{"Ada", "Byron", "a@example.com"}),
		[]data.ClientKey{{ID: 1, FirstName: "Ada", LastName: "Byron", Email: "A@example.com"}}, Options{Today: fixToday})
	if err != nil {
		t.Fatal(err)
	}
	r := p.Rows[1]
	if r.Status != Duplicate || !strings.HasPrefix(r.Match.Describe(), "looks like row 2 of this file") {
		t.Errorf("row 3: %+v / %q", r, r.Match.Describe())
	}
	c := p.Counts()
	if got := c.DuplicateWords(); got != "1 row looks like a client you already have and 1 row looks like an earlier row of this file" {
		t.Errorf("words %q", got)
	}
}

func TestConflictingDateOrdersAreReportedAsConflicting(t *testing.T) {
	p, err := Build(table([]string{"First Name", "Last Name", "Date of Birth"},
		[]string{"Ada", "Lovelace", "12/31/1975"},
		[]string{"Zoë", "Ng", "31/02/1990"}), nil, Options{Today: fixToday})
	if err != nil {
		t.Fatal(err)
	}
	notes := strings.Join(p.Notices, "\n")
	if !strings.Contains(notes, "conflict") || !strings.Contains(notes, "12/31/1975 on row 2") ||
		!strings.Contains(notes, "31/02/1990 on row 3") || strings.Contains(notes, "No date of birth in the file shows") {
		t.Errorf("notices %q", notes)
	}
}

func TestARowWithOnlyABadDateCanBeImportedWithoutIt(t *testing.T) {
	p, err := Build(table([]string{"First Name", "Last Name", "Email", "Date of Birth"},
		[]string{"Ada", "Lovelace", "ada@example.com", "1980-02-30"},
		[]string{"Marcus", "", "m@example.com", "1980-02-30"},
		[]string{"Zoë", "Ng", "zoe@example.com", "2090-01-01"},
		[]string{"Ada", "King", "ada@example.com", "1815-12-10x"}), nil, Options{Today: fixToday})
	if err != nil {
		t.Fatal(err)
	}
	if c := p.Counts(); c.Bad != 4 || c.DateOnly != 3 || len(p.Batch().New) != 0 {
		t.Fatalf("by default every bad date is refused: %+v", c)
	}
	if p.Rows[1].DateOnly {
		t.Error("a row with no last name is not a date-only problem")
	}
	p.SetWithoutDate(0, true)
	if r := p.Rows[0]; r.Status != Ready || !r.Client.BirthDate.IsZero() || r.Reason == "" {
		t.Fatalf("row 2 without its date: %+v", r)
	}
	p.SetWithoutDateAll(true)
	c := p.Counts()
	if c.Ready != 2 || c.Bad != 1 || c.Duplicate != 1 || c.WithoutDate != 3 {
		t.Errorf("all without the date: %+v", c)
	}
	if r := p.Rows[3]; r.Status != Duplicate || r.Match.Row != 2 {
		t.Errorf("a row imported without its date is still checked for duplicates: %+v", r)
	}
	b := p.Batch()
	if len(b.New) != 2 || !b.New[0].BirthDate.IsZero() {
		t.Errorf("batch %+v", b.New)
	}
	p.SetWithoutDateAll(false)
	if c := p.Counts(); c.Bad != 4 || c.Ready != 0 {
		t.Errorf("back to refusing: %+v", c)
	}
}
