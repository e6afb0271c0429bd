package statements

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/demo"
)

// template is a two-year sample practice filled once per test run (the
// fill takes seconds under -race); each test opens its own copy.
var template struct {
	once sync.Once
	path string
	err  error
}

// samplePractice opens a copy of the sample practice on a fixed clock, and
// returns the last full year, which has statements. Benchmarks fill their
// own practice from opts.
func samplePractice(t testing.TB, opts demo.Options) (*data.Store, int) {
	t.Helper()
	ctx := context.Background()
	clock := time.Date(2026, 3, 4, 20, 0, 0, 0, time.UTC)
	at := data.WithClock(func() time.Time { return clock })
	path := filepath.Join(t.TempDir(), "p.db")
	if _, bench := t.(*testing.B); bench || opts.Years != 2 || opts.Seed != 1 || opts.Clients != 0 {
		st, err := data.Open(ctx, path, at)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		if err := demo.Fill(ctx, st, opts); err != nil {
			t.Fatal(err)
		}
		return st, 2025
	}
	template.once.Do(func() {
		dir, err := os.MkdirTemp("", "statements-template-")
		if err != nil {
			template.err = err
			return
		}
		template.path = filepath.Join(dir, "template.db")
		st, err := data.Open(ctx, template.path, at)
		if err != nil {
			template.err = err
			return
		}
		template.err = errors.Join(demo.Fill(ctx, st, opts), st.Close())
	})
	if template.err != nil {
		t.Fatal(template.err)
	}
	b, err := os.ReadFile(template.path) // closed: the WAL is checkpointed into it
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := data.Open(ctx, path, at)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, 2025
}

// folder lists the PDFs and the partial files in dir.
func folder(t *testing.T, dir string) (pdfs, partial []string) {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		switch {
		case strings.HasSuffix(e.Name(), ".partial"):
			partial = append(partial, e.Name())
		case strings.HasSuffix(e.Name(), ".pdf"):
			pdfs = append(pdfs, e.Name())
		}
	}
	return pdfs, partial
}

func TestWriteEveryStatementOfTheYear(t *testing.T) {
	ctx := context.Background()
	st, year := samplePractice(t, demo.Options{Years: 2, Seed: 1})
	ids, err := st.StatementClients(ctx, year)
	if err != nil || len(ids) < 10 {
		t.Fatalf("the sample has %d statement clients (%v)", len(ids), err)
	}
	dir := t.TempDir()
	var calls []int
	res, err := Write(ctx, st, year, dir, Options{Workers: 2, Progress: func(done, total int) {
		if total != len(ids) {
			t.Errorf("progress total %d, want %d", total, len(ids))
		}
		calls = append(calls, done)
	}})
	if err != nil {
		t.Fatal(err)
	}
	pdfs, partial := folder(t, dir)
	if len(pdfs) != len(ids) || len(res.Files) != len(ids) || res.Total != len(ids) || len(partial) != 0 {
		t.Fatalf("%d clients: %d PDFs, %d files reported, %d partial", len(ids), len(pdfs), len(res.Files), len(partial))
	}
	for i, n := range calls {
		if n != i+1 {
			t.Fatalf("progress went %v", calls)
		}
	}
	for _, p := range pdfs {
		if !strings.HasPrefix(p, "Statement 2025 - ") {
			t.Errorf("file name %q", p)
		}
	}
	if _, err := exec.LookPath("qpdf"); err == nil {
		if out, err := exec.Command("qpdf", "--check", res.Files[0]).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check %s: %v\n%s", res.Files[0], err, out)
		}
	}
	// Each statement is in the audit log as an export of the client's record.
	log, err := st.AuditLog(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range log {
		found = found || (e.Action == data.AuditExport && e.Entity == data.AuditClient && e.EntityID == ids[0])
	}
	if !found {
		t.Error("the statement's export is not in the audit log")
	}
}

// Cancelling stops the run between statements: what was written stays and
// is complete, the statement being written is removed, nothing is left
// half-written, and the error says it was cancelled.
func TestCancelledRunLeavesNoHalfWrittenFiles(t *testing.T) {
	st, year := samplePractice(t, demo.Options{Years: 2, Seed: 1})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dir := t.TempDir()
	var n atomic.Int32
	res, err := Write(ctx, st, year, dir, Options{Workers: 2, afterRender: func() {
		if n.Add(1) == 4 {
			cancel() // while a statement sits in its partial file
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("a cancelled run: %v, want context.Canceled", err)
	}
	pdfs, partial := folder(t, dir)
	if len(partial) != 0 {
		t.Errorf("partial files left: %v", partial)
	}
	if len(pdfs) != len(res.Files) || len(pdfs) >= 4 || len(pdfs) >= res.Total {
		t.Errorf("%d PDFs in the folder, %d reported, of %d", len(pdfs), len(res.Files), res.Total)
	}
	for _, p := range res.Files {
		b, err := os.ReadFile(p)
		if err != nil || !strings.HasSuffix(strings.TrimSpace(string(b)), "%%EOF") {
			t.Errorf("%s is not a complete PDF (%v)", p, err)
		}
	}
}

// A folder that cannot be written stops the run with a plain error and no
// files.
func TestUnwritableFolderStopsTheRun(t *testing.T) {
	st, year := samplePractice(t, demo.Options{Years: 2, Seed: 1})
	missing := filepath.Join(t.TempDir(), "gone")
	res, err := Write(context.Background(), st, year, missing, Options{})
	if err == nil || !strings.Contains(err.Error(), "cannot write in") || len(res.Files) != 0 {
		t.Errorf("a missing folder: %v, %d files", err, len(res.Files))
	}
}

func TestClientsSharingANameGetTheirNumber(t *testing.T) {
	got := fileNames([]data.Client{{ID: 3, FirstName: "Anna", LastName: "Lee"}, {ID: 9, FirstName: "anna", LastName: "lee"},
		{ID: 4, FirstName: "Zoë", LastName: "Müller/Smith"}}, 2025)
	want := []string{"Statement 2025 - Anna Lee 3.pdf", "Statement 2025 - anna lee 9.pdf", "Statement 2025 - Zoë Müller Smith.pdf"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("name %d: %q, want %q", i, got[i], want[i])
		}
	}
}

// BenchmarkYearEndStatements writes a whole year's statements of the
// 10-year sample and of the ten-times practice (budget: 1,000 statements
// in < 20 s).
//
//	go test -tags "x11 sqlite_fts5 migrated_fynedo" -run '^$' -bench YearEnd -benchtime 1x ./data/statements
func BenchmarkYearEndStatements(b *testing.B) {
	for _, bp := range []struct {
		name string
		opts demo.Options
	}{
		{"10y", demo.Options{Years: 10, Seed: 1}},
		{"10x", demo.Options{Years: 10, Seed: 1, Clients: 10000, AppointmentYears: 100}},
	} {
		b.Run(bp.name, func(b *testing.B) {
			st, year := samplePractice(b, bp.opts)
			n := 0
			cpu := cpuTime()
			for b.Loop() {
				res, err := Write(context.Background(), st, year, b.TempDir(), Options{})
				if err != nil {
					b.Fatal(err)
				}
				n = len(res.Files)
			}
			b.ReportMetric(float64(n), "statements")
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)/float64(max(n, 1))*1000, "ms/statement")
			// CPU time, which other programs on a busy machine do not inflate.
			b.ReportMetric(float64(cpuTime()-cpu)/1e6/float64(b.N)/float64(max(n, 1)), "cpu-ms/statement")
		})
	}
}

// TestMain removes the shared template practice after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if template.path != "" {
		os.RemoveAll(filepath.Dir(template.path))
	}
	os.Exit(code)
}
