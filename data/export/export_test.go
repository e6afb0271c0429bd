package export

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/csvimport"
)

// An export of everything is one folder with every sheet (BOM, CRLF,
// header row), the signed note's PDF (never the draft), a README naming
// every file, an audit line, and no partial folder left behind.
func TestAllWritesEverything(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	dir := t.TempDir()
	var steps []Progress
	out, err := All(ctx, f.st, dir, Options{Progress: func(p Progress) { steps = append(steps, p) }})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "Stillpoint export 2026-03-04"); out != want {
		t.Errorf("folder %q, want %q", out, want)
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Errorf("the export folder holds %v, want only the export", names)
	}
	for _, sh := range data.ExportSheets() {
		recs := readCSV(t, readFile(t, filepath.Join(out, sh.File)))
		if len(recs[0]) < 2 {
			t.Errorf("%s: header %v", sh.File, recs[0])
		}
	}
	clients := readCSV(t, readFile(t, filepath.Join(out, "clients.csv")))
	if got := column(t, clients, "First name"); !slices.Equal(got, []string{"Zoë", "Ана"}) {
		t.Errorf("first names %v", got)
	}
	if got := column(t, clients, "Birth date")[0]; got != "1984-02-11" {
		t.Errorf("birth date %q, want ISO 8601", got)
	}
	if got := column(t, clients, "Created at")[0]; got != "2026-03-04T15:00:00-05:00" {
		t.Errorf("created at %q, want ISO 8601 in the practice's zone", got)
	}
	notes := readCSV(t, readFile(t, filepath.Join(out, "notes.csv")))
	if len(notes) != 3 {
		t.Errorf("notes.csv has %d rows, want the signed note and the draft", len(notes)-1)
	}
	am := readCSV(t, readFile(t, filepath.Join(out, "note-amendments.csv")))
	if len(am) != 2 || column(t, am, "Text")[0] != "It was the left." {
		t.Errorf("amendments %v", am)
	}
	for _, dir := range []string{"care-plans", "receipts"} {
		docs := entries(t, filepath.Join(out, dir))
		if len(docs) != 1 {
			t.Errorf("%s/ holds %v, want Zoë's one", dir, docs)
			continue
		}
		if b := readFile(t, filepath.Join(out, dir, docs[0])); !strings.HasPrefix(string(b), "%PDF-") {
			t.Errorf("%s/%s is not a PDF", dir, docs[0])
		}
	}
	pdfs := entries(t, filepath.Join(out, "notes"))
	if len(pdfs) != 1 || !strings.HasPrefix(pdfs[0], "1 Treatment note - Zoë Müller - 2026-03-04") {
		t.Errorf("notes/ holds %v, want the one signed note", pdfs)
	}
	if b := readFile(t, filepath.Join(out, "notes", pdfs[0])); !strings.HasPrefix(string(b), "%PDF-") {
		t.Errorf("%s is not a PDF", pdfs[0])
	}
	readme := string(readFile(t, filepath.Join(out, "README.txt")))
	for _, want := range []string{"Stillwater Massage", "4 March 2026, 15:00", "America/Toronto", "notes/ (1 PDF)",
		"clients.csv (2 rows)", "import clients clients.csv"} {
		if !strings.Contains(readme, want) {
			t.Errorf("README.txt lacks %q", want)
		}
	}
	for _, sh := range data.ExportSheets() {
		if !strings.Contains(readme, sh.File) {
			t.Errorf("README.txt does not explain %s", sh.File)
		}
	}
	if last := steps[len(steps)-1]; last.Done != last.Total || last.Total != len(data.ExportSheets())+4 { // + the note, the plan, the receipt and README.txt
		t.Errorf("last progress %+v", last)
	}
	log, err := f.st.AuditLog(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(log, func(e data.AuditEntry) bool {
		return e.Action == data.AuditExport && e.Entity == data.AuditPractice
	}) {
		t.Errorf("no audit line for the export: %+v", log)
	}
	again, err := All(ctx, f.st, dir, Options{})
	if err != nil || again != filepath.Join(dir, "Stillpoint export 2026-03-04 (2)") {
		t.Errorf("a second export the same day: %q, %v", again, err)
	}
}

// Text that a spreadsheet would run as a formula is neutralised in the
// file; numbers and phone numbers are not.
func TestAllNeutralisesFormulas(t *testing.T) {
	f := newFixture(t)
	out, err := All(context.Background(), f.st, t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	clients := readCSV(t, readFile(t, filepath.Join(out, "clients.csv")))
	if got := column(t, clients, "Notes")[1]; got != `'=HYPERLINK("http://evil.example","x")` {
		t.Errorf("notes cell %q", got)
	}
	if got := column(t, clients, "Occupation")[1]; got != "'@SUM(A1)" {
		t.Errorf("occupation cell %q", got)
	}
	if got := column(t, clients, "Mobile phone")[0]; got != "+1 416 555 0100" {
		t.Errorf("phone cell %q, want it as typed", got)
	}
	notes := readCSV(t, readFile(t, filepath.Join(out, "notes.csv")))
	if got := column(t, notes, "Complaint"); !slices.Contains(got, "'-sore back") {
		t.Errorf("complaints %q", got)
	}
}

func TestNeutralise(t *testing.T) {
	for in, want := range map[string]string{
		"":                       "",
		"Plain":                  "Plain",
		"=1+2":                   "'=1+2",
		"+cmd|' /C calc'!A0":     "'+cmd|' /C calc'!A0",
		"-2+3+cmd|' /C calc'!A0": "'-2+3+cmd|' /C calc'!A0",
		"@SUM(A1:A2)":            "'@SUM(A1:A2)",
		"\t=1":                   "'\t=1",
		"\r=1":                   "'\r=1",
		"-12.50":                 "-12.50",
		"+3":                     "+3",
		"-5":                     "-5",
		"+1 (416) 555-0100":      "+1 (416) 555-0100",
		"+1 416 CALL":            "'+1 416 CALL",
		"-":                      "'-",
		"a=b":                    "a=b",
	} {
		if got := Neutralise(in); got != want {
			t.Errorf("Neutralise(%q) = %q, want %q", in, got, want)
		}
	}
}

// Stillpoint's own import reads clients.csv back: the names, e-mail,
// phone and birth date come through.
func TestClientsCSVReimports(t *testing.T) {
	f := newFixture(t)
	out, err := All(context.Background(), f.st, t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	tab, err := csvimport.Parse(readFile(t, filepath.Join(out, "clients.csv")))
	if err != nil {
		t.Fatal(err)
	}
	p, err := csvimport.Build(tab, nil, csvimport.Options{Today: data.Date{Year: 2026, Month: 3, Day: 4}})
	if err != nil {
		t.Fatal(err)
	}
	batch := p.Batch()
	if len(batch.New) != 2 {
		t.Fatalf("import reads %d clients, want 2 (%+v)", len(batch.New), p)
	}
	c := batch.New[0]
	if c.FirstName != "Zoë" || c.LastName != "Müller" || c.Email != "zoe@example.com" ||
		c.MobilePhone != "+1 416 555 0100" || c.BirthDate != f.zoe.BirthDate {
		t.Errorf("re-imported %+v", c)
	}
}

// A cancelled export removes its partial folder: nothing is left that
// looks like an export, and no audit line is written.
func TestAllCancelled(t *testing.T) {
	f := newFixture(t)
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	_, err := All(ctx, f.st, dir, Options{Progress: func(p Progress) {
		if p.Done == 3 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	if names := entries(t, dir); len(names) != 0 {
		t.Errorf("a cancelled export left %v", names)
	}
	log, err := f.st.AuditLog(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range log {
		if e.Action == data.AuditExport {
			t.Errorf("a cancelled export was logged: %+v", e)
		}
	}
}

// A document that fails to render stops the export and removes the
// partial files, while the other workers stop too.
func TestWriteDocsFailure(t *testing.T) {
	dir := t.TempDir()
	bad := &docKind{dir: "notes", render: func(_ context.Context, _ *data.Store, id int64) (string, []byte, error) {
		if id == 7 {
			return "", nil, errors.New("broken drawing")
		}
		return "n.pdf", []byte("%PDF-"), nil
	}}
	var jobs []docJob
	for id := range int64(20) {
		jobs = append(jobs, docJob{kind: bad, id: id + 1})
	}
	err := writeDocs(context.Background(), nil, folderSink{dir: dir}, jobs, 2, &progress{})
	if err == nil || !strings.Contains(err.Error(), "notes 7: broken drawing") {
		t.Errorf("err %v, want notes 7's failure", err)
	}
	_ = os.RemoveAll(dir)
}

// Defect: an export killed part-way (kill -9) left a hidden folder of
// client records behind for good. The next export removes such leftovers
// once they are an hour old, and leaves a fresh one (another export may be
// writing it) and anything not ours alone.
func TestLeftoversOfAKilledExportAreSwept(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	dir := t.TempDir()
	old := filepath.Join(dir, PartialPrefix+"111")
	fresh := filepath.Join(dir, PartialPrefix+"222")
	oldZip := filepath.Join(dir, PartialPrefix+"333.zip")
	mine := filepath.Join(dir, "notes.txt")
	for _, d := range []string{old, fresh} {
		if err := os.MkdirAll(filepath.Join(d, "notes"), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{oldZip, mine} {
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	long := testClock.Add(-2 * time.Hour)
	for _, p := range []string{old, oldZip} {
		if err := os.Chtimes(p, long, long); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chtimes(fresh, testClock, testClock); err != nil {
		t.Fatal(err)
	}
	if _, err := All(ctx, f.st, dir, Options{}); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{old: false, oldZip: false, fresh: true, mine: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s: exists %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}
