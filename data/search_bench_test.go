package data_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/demo"
)

// openBenchPractice fills a temporary database with a demo practice of n
// clients (n = 0: the 10-year practice `stillpoint demo --years 10` makes).
func openBenchPractice(b *testing.B, n int) *data.Store {
	b.Helper()
	ctx := context.Background()
	s, err := data.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if err := demo.Fill(ctx, s, demo.Options{Years: 10, Seed: 1, Clients: n}); err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkSearchClients measures one keystroke of the client search with
// 10,000 clients: each sub-benchmark is what the list asks for after that
// much has been typed. Budget: under 2 ms per keystroke.
func BenchmarkSearchClients(b *testing.B) {
	s := openBenchPractice(b, 10000)
	ctx := context.Background()
	for _, q := range []string{"m", "ma", "mar", "mart", "martin", "zoe", "lukasz", "anna iv", "416-555", "nomatch"} {
		b.Run(q, func(b *testing.B) {
			var n int
			for b.Loop() {
				rows, err := s.SearchClients(ctx, data.ClientQuery{Text: q, Limit: data.SearchLimit})
				if err != nil {
					b.Fatal(err)
				}
				n = len(rows)
			}
			b.ReportMetric(float64(n), "rows")
		})
	}
	// A save moves the clients version: the next search reloads the index.
	b.Run("after-save", func(b *testing.B) {
		some, err := s.SearchClients(ctx, data.ClientQuery{Text: "zoe"})
		if err != nil || len(some) == 0 {
			b.Fatal(err)
		}
		archived := false
		for b.Loop() {
			archived = !archived
			if err := s.SetClientArchived(ctx, some[0].ID, archived); err != nil {
				b.Fatal(err)
			}
			if _, err := s.SearchClients(ctx, data.ClientQuery{Text: "zoe", Limit: data.SearchLimit}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("all-10000", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.SearchClients(ctx, data.ClientQuery{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkOpenClient measures loading one whole client record (the page
// shown when a row is chosen) in the 10-year demo practice.
func BenchmarkOpenClient(b *testing.B) {
	s := openBenchPractice(b, 0)
	ctx := context.Background()
	all, err := s.SearchClients(ctx, data.ClientQuery{})
	if err != nil || len(all) == 0 {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		if _, err := s.Client(ctx, all[i%len(all)].ID); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkSaveClient measures saving an edited client (one transaction
// with synchronous=FULL) in the 10-year demo practice.
func BenchmarkSaveClient(b *testing.B) {
	s := openBenchPractice(b, 0)
	ctx := context.Background()
	all, err := s.SearchClients(ctx, data.ClientQuery{})
	if err != nil || len(all) == 0 {
		b.Fatal(err)
	}
	c, err := s.Client(ctx, all[0].ID)
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		i++
		c.Notes = "Visit " + string(rune('A'+i%26))
		if err := s.UpdateClient(ctx, &c); err != nil {
			b.Fatal(err)
		}
	}
}
