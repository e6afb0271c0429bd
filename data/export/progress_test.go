package export

import (
	"context"
	"slices"
	"testing"

	"github.com/stillpoint/stillpoint/data"
)

// Before writing anything an export says what it will write (the CSV files
// and the PDFs of each folder), then counts the PDFs as it writes them.
func TestAllSaysWhatItWillWriteThenCountsPDFs(t *testing.T) {
	f := newFixture(t)
	var steps []Progress
	if _, err := All(context.Background(), f.st, t.TempDir(), Options{Progress: func(p Progress) { steps = append(steps, p) }}); err != nil {
		t.Fatal(err)
	}
	first := steps[0]
	want := []DocumentCount{{"notes", 1}, {"care-plans", 1}, {"receipts", 1}}
	if first.Done != 0 || first.Sheets != len(data.ExportSheets()) || first.PDFs != 3 || !slices.Equal(first.Documents, want) {
		t.Errorf("first report %+v, want Done 0, %d sheets, PDFs %v", first, len(data.ExportSheets()), want)
	}
	last := steps[len(steps)-1]
	if last.PDFs != 3 || last.PDFsDone != 3 {
		t.Errorf("last report %+v, want 3 of 3 PDFs", last)
	}
	pdfs := 0
	for _, s := range steps {
		if s.PDFsDone > pdfs+1 || s.PDFsDone < pdfs {
			t.Errorf("PDFs done went from %d to %d", pdfs, s.PDFsDone)
		}
		pdfs = s.PDFsDone
	}
}
