package csvimport

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// ada is a client already in the practice in the preview tests.
var ada = data.ClientKey{ID: 7, FirstName: "Ada", LastName: "Lovelace", Email: "Ada@Example.com"}

func TestPreviewJaneExport(t *testing.T) {
	p := load(t, "jane.csv", []data.ClientKey{ada}, Options{})
	if got := p.Counts(); got != (Counts{Ready: 2, Bad: 3, Duplicate: 2, InFile: 1, DateOnly: 1}) || p.Empty != 1 {
		t.Fatalf("counts %+v, empty %d", got, p.Empty)
	}
	if len(p.Notices) != 1 || !strings.Contains(p.Notices[0], `"Patient ID", "Last Visit"`) {
		t.Errorf("notices %q", p.Notices)
	}
	b := row(t, p, 2).Client
	if b.PreferredName != "Bea" || b.Street != "12 Elm St, Unit 4" || b.Region != "ON" ||
		b.Notes != "Prefers mornings, parks at the back" || b.BirthDate != (data.Date{Year: 1984, Month: time.March, Day: 21}) {
		t.Errorf("row 2 %+v", b)
	}
	if z := row(t, p, 3).Client; z.BirthDate != (data.Date{Year: 1990, Month: time.July, Day: 4}) {
		t.Errorf("row 3 date %v", z.BirthDate)
	}
	for n, why := range map[int]string{4: "last name", 6: "e-mail address", 7: "in the future"} {
		if r := row(t, p, n); r.Status != Bad || !strings.Contains(r.Reason, why) {
			t.Errorf("row %d: %+v, want bad for %q", n, r, why)
		}
	}
	if r := row(t, p, 5); r.Status != Duplicate || r.Match.Row != 3 || r.Match.Why != "same e-mail address" {
		t.Errorf("row 5 %+v %+v, want a duplicate of row 3", r, r.Match)
	} else if d := r.Match.Describe(); d != "looks like row 3 of this file (Zoë Ångström: same e-mail address)" {
		t.Errorf("describe %q", d)
	}
	if r := row(t, p, 9); r.Status != Duplicate || r.Match.ID != 7 {
		t.Errorf("row 9 %+v, want a duplicate of the stored Ada", r)
	}
}

func TestPreviewSameNameAndBirthDate(t *testing.T) {
	stored := data.ClientKey{ID: 3, FirstName: "Zoé", LastName: "Angstrom", BirthDate: data.Date{Year: 1990, Month: time.July, Day: 4}}
	p := load(t, "jane.csv", []data.ClientKey{stored}, Options{})
	r := row(t, p, 3)
	if r.Status != Duplicate || r.Match.ID != 3 || r.Match.Why != "same name and date of birth" {
		t.Errorf("row 3 %+v %+v: accents and case must not hide a duplicate", r, r.Match)
	}
}

func TestBatchSkipsOrMerges(t *testing.T) {
	p := load(t, "jane.csv", []data.ClientKey{ada}, Options{})
	b := p.Batch()
	if len(b.New) != 2 || len(b.Merges) != 0 || b.New[1].Notes != "" {
		t.Fatalf("default batch %+v: duplicates are skipped", b)
	}
	p.SetMergeAll(true)
	if p.Counts().Merge != 2 {
		t.Errorf("counts %+v", p.Counts())
	}
	b = p.Batch()
	if len(b.New) != 2 || len(b.Merges) != 1 || b.Merges[0].ID != 7 || b.Merges[0].From.MobilePhone != "416-555-0122" {
		t.Fatalf("merged batch %+v", b)
	}
	// Row 5 merges into row 3's new client: its empty notes are filled, its
	// e-mail (already given) is kept.
	if z := b.New[1]; z.Notes != "Second file entry" || z.Email != "zoe@example.com" {
		t.Errorf("in-file merge %+v", z)
	}
}

func TestImportIntoPractice(t *testing.T) {
	ctx := context.Background()
	st, err := data.Open(ctx, filepath.Join(t.TempDir(), "practice.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.CreateClient(ctx, &data.Client{FirstName: "Ada", LastName: "Lovelace", Email: "ada@example.com"}); err != nil {
		t.Fatal(err)
	}
	tab := mustParse(t, "jane.csv")
	p, err := Load(ctx, st, tab, Options{})
	if err != nil {
		t.Fatal(err)
	}
	p.SetMergeAll(true)
	res, err := Import(ctx, st, p)
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 2 || res.Merged != 1 {
		t.Errorf("result %+v", res)
	}
	if hits, _ := st.SearchClients(ctx, data.ClientQuery{Text: "angstrom"}); len(hits) != 1 || hits[0].Email != "zoe@example.com" {
		t.Errorf("search after import: %+v", hits)
	}
	// The same file again: every importable row is now a duplicate.
	p, err = Load(ctx, st, tab, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c := p.Counts(); c.Ready != 0 || c.Duplicate != 4 {
		t.Errorf("second preview %+v", c)
	}
}

func mustParse(t *testing.T, name string) *Table {
	t.Helper()
	b, err := readFixture(name)
	if err != nil {
		t.Fatal(err)
	}
	tab, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	return tab
}
