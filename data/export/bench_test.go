package export

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/demo"
)

// benchCSV writes every sheet of an export of everything (the CSV part of
// `export all`, no PDFs) from a demo practice filled with opt. Budget:
// under 5 s.
func benchCSV(b *testing.B, opt demo.Options) {
	ctx := context.Background()
	st, err := data.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if err := demo.Fill(ctx, st, opt); err != nil {
		b.Fatal(err)
	}
	// A cancellable context, as the app's and the command line's are.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	rows := 0
	for b.Loop() {
		dir, err := os.MkdirTemp(b.TempDir(), "csv")
		if err != nil {
			b.Fatal(err)
		}
		rows = 0
		err = st.ReadExport(ctx, func(r *data.ExportReader) error {
			for _, sh := range data.ExportSheets() {
				n, err := writeSheet(ctx, r, folderSink{dir: dir}, sh, 0)
				if err != nil {
					return err
				}
				rows += n
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(rows), "rows")
}

func BenchmarkExportCSV10y(b *testing.B) { benchCSV(b, demo.Options{Years: 10, Seed: 1}) }

// BenchmarkExportCSV10x is the ten-times practice of docs/performance.md
// (10,000 clients, ~100 years of visits): run it with -benchtime=1x, its
// demo takes a while to fill.
func BenchmarkExportCSV10x(b *testing.B) {
	benchCSV(b, demo.Options{Years: 10, Seed: 1, Clients: 10000, AppointmentYears: 100})
}
