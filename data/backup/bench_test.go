package backup

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/demo"
)

// BenchmarkBackup is one plain backup (copy, write, read back, check,
// rename) of the 10-year sample practice and of the ten-times one (see
// data/bench_practices_test.go). docs/performance.md "Backups".
func BenchmarkBackup(b *testing.B) {
	for _, p := range []struct {
		name string
		opts demo.Options
	}{
		{"10y", demo.Options{Years: 10, Seed: 1}},
		{"10x", demo.Options{Years: 10, Seed: 1, Clients: 10000, AppointmentYears: 100}},
	} {
		b.Run(p.name, func(b *testing.B) {
			ctx := context.Background()
			st, err := data.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			if err := demo.Fill(ctx, st, p.opts); err != nil {
				b.Fatal(err)
			}
			folder := b.TempDir()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := Make(ctx, st, Options{Folder: folder, NoRotate: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
