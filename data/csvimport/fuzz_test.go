package csvimport

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stillpoint/stillpoint/data"
)

// addFixtures seeds a fuzz corpus with the test files.
func addFixtures(f *testing.F) {
	names, _ := filepath.Glob(filepath.Join("testdata", "*.csv"))
	for _, n := range names {
		if b, err := os.ReadFile(n); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("\xff\xfeN\x00a\x00m\x00e\x00"))
	f.Add([]byte("Name;Email\n\"unclosed;x\n"))
}

// FuzzParse: arbitrary bytes never panic, and a parsed table keeps every
// row it read.
func FuzzParse(f *testing.F) {
	addFixtures(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		tab, err := Parse(b)
		if err != nil {
			return
		}
		if tab.Separator != ',' && tab.Separator != ';' && tab.Separator != '\t' {
			t.Errorf("separator %q", tab.Separator)
		}
		if _, err := Build(tab, []data.ClientKey{ada}, Options{Today: today}); err != nil && err != ErrNoNames {
			t.Errorf("build: %v", err)
		}
	})
}

// FuzzPreview: with a header of names, any body gives a preview whose
// counts add up: every row is ready, bad or a duplicate, every bad row says
// why, every duplicate names its match, and the batch holds exactly the
// ready rows.
func FuzzPreview(f *testing.F) {
	addFixtures(f)
	f.Add([]byte("Ada Lovelace,ada@example.com,1980-12-10\nAda Lovelace,ADA@example.com,10/12/1980\n"))
	f.Fuzz(func(t *testing.T, body []byte) {
		tab, err := Parse(append([]byte("Name,Email,DOB,Phone,Notes\n"), body...))
		if err != nil {
			return
		}
		for _, order := range []DateOrder{AutoOrder, MonthFirst} {
			p, err := Build(tab, []data.ClientKey{ada}, Options{Today: today, DateOrder: order})
			if err != nil {
				t.Fatalf("build: %v", err)
			}
			c := p.Counts()
			if c.Ready+c.Bad+c.Duplicate != len(p.Rows) || len(p.Rows)+p.Empty != len(tab.Rows) {
				t.Fatalf("counts %+v, empty %d, rows %d of %d", c, p.Empty, len(p.Rows), len(tab.Rows))
			}
			for _, r := range p.Rows {
				switch {
				case r.Status == Bad && r.Reason == "":
					t.Fatalf("row %d bad with no reason", r.Number)
				case r.Status == Duplicate && r.Match == nil:
					t.Fatalf("row %d duplicate with no match", r.Number)
				case r.Status == Ready && r.Client.Validate(today) != nil:
					t.Fatalf("row %d ready but invalid: %v", r.Number, r.Client.Validate(today))
				}
			}
			p.SetMergeAll(true)
			if b := p.Batch(); len(b.New) != c.Ready {
				t.Fatalf("batch has %d new clients, %d rows ready", len(b.New), c.Ready)
			}
		}
	})
}
