package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// testClock is the practice's fixed clock in these tests.
var testClock = time.Date(2026, 3, 4, 20, 0, 0, 0, time.UTC)

// fixture is a small practice on a real file: Zoë (non-Latin-free but
// accented) with a signed, amended note and a draft, and Ана, whose notes
// field tries a spreadsheet formula.
type fixture struct {
	st       *data.Store
	zoe, ana *data.Client
	signed   int64
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	st, err := data.Open(ctx, filepath.Join(t.TempDir(), "p.db"), data.WithClock(func() time.Time { return testClock }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p := data.Practice{TherapistName: "Maya Lindqvist", BusinessName: "Stillwater Massage", Credentials: "RMT",
		Currency: "CAD", TimeZone: "America/Toronto", PaperSize: data.PaperA4}
	if err := st.SavePractice(ctx, &p); err != nil {
		t.Fatal(err)
	}
	f := &fixture{st: st,
		zoe: &data.Client{FirstName: "Zoë", LastName: "Müller", BirthDate: data.Date{Year: 1984, Month: 2, Day: 11},
			MobilePhone: "+1 416 555 0100", Email: "zoe@example.com", Notes: "Likes a quiet room"},
		ana: &data.Client{FirstName: "Ана", LastName: "Петрова", Notes: `=HYPERLINK("http://evil.example","x")`,
			Occupation: "@SUM(A1)"},
	}
	for _, c := range []*data.Client{f.zoe, f.ana} {
		if err := st.CreateClient(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	n := data.Note{ClientID: f.zoe.ID, VisitDate: data.Date{Year: 2026, Month: 3, Day: 4}, ServiceName: "Massage", Pain: 4, Complaint: "Stiff neck"}
	if err := st.SaveDraft(ctx, &n); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SignNote(ctx, n.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddAmendment(ctx, n.ID, "Wrong side", "It was the left."); err != nil {
		t.Fatal(err)
	}
	f.signed = n.ID
	plan := data.CarePlan{ClientID: f.zoe.ID, Condition: "Neck pain from desk work", StartDate: data.Date{Year: 2026, Month: 3, Day: 4},
		SessionMinutes: 60, PerWeek: 1, Weeks: 4}
	if err := st.SaveCarePlan(ctx, &plan); err != nil {
		t.Fatal(err)
	}
	inv := data.Invoice{ClientID: f.zoe.ID, Lines: []data.InvoiceLine{{Kind: data.LineService, Description: "Massage therapy treatment",
		ServiceDate: data.Date{Year: 2026, Month: 3, Day: 4}, Minutes: 60, Quantity: 1, Unit: 9500}}}
	if err := st.SaveDraftInvoice(ctx, &inv); err != nil {
		t.Fatal(err)
	}
	if _, err := st.IssueInvoice(ctx, inv.ID); err != nil {
		t.Fatal(err)
	}
	draft := data.Note{ClientID: f.ana.ID, VisitDate: data.Date{Year: 2026, Month: 3, Day: 3}, ServiceName: "Massage", Complaint: "-sore back"}
	if err := st.SaveDraft(ctx, &draft); err != nil {
		t.Fatal(err)
	}
	return f
}

// readCSV reads an exported CSV file, checking the byte-order mark and
// CRLF line ends, and returns its records (the header first).
func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	if !bytes.HasPrefix(b, []byte(bom)) {
		t.Fatalf("no byte-order mark: %q", b[:min(len(b), 20)])
	}
	b = b[len(bom):]
	if !bytes.Contains(b, []byte("\r\n")) {
		t.Errorf("lines do not end in CRLF: %q", b[:min(len(b), 80)])
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("not RFC 4180: %v", err)
	}
	return recs
}

// column returns the values of the column with the given header.
func column(t *testing.T, recs [][]string, header string) []string {
	t.Helper()
	for i, h := range recs[0] {
		if h == header {
			var out []string
			for _, r := range recs[1:] {
				out = append(out, r[i])
			}
			return out
		}
	}
	t.Fatalf("no column %q in %v", header, recs[0])
	return nil
}

// entries lists a folder's names.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func hasPrefix(names []string, prefix string) bool {
	for _, n := range names {
		if strings.HasPrefix(n, prefix) {
			return true
		}
	}
	return false
}
