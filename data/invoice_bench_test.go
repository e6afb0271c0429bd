package data_test

import (
	"testing"

	"github.com/stillpoint/stillpoint/data"
)

// BenchmarkReceipts measures what the Receipts screen reads on the two
// sample practices (see docs/performance.md, "Receipts"):
//
//	go test -tags "x11 sqlite_fts5 migrated_fynedo" -run '^$' -bench Receipts -benchtime=50x ./data/
func BenchmarkReceipts(b *testing.B) {
	for _, p := range benchPractices {
		b.Run(p.name, func(b *testing.B) {
			ctx, s := filledPractice(b, p.opts)
			n, err := s.CountInvoices(ctx, data.InvoiceFilter{})
			if err != nil || n == 0 {
				b.Fatalf("%d invoices: %v", n, err)
			}
			b.Logf("%d invoices", n)
			first, err := s.Invoices(ctx, data.InvoiceFilter{Limit: 1})
			if err != nil {
				b.Fatal(err)
			}
			client := first[0].ClientID
			for _, c := range []struct {
				name string
				run  func() error
			}{
				{"first-page", func() error { _, err := s.Invoices(ctx, data.InvoiceFilter{Limit: 200}); return err }},
				{"count", func() error { _, err := s.CountInvoices(ctx, data.InvoiceFilter{}); return err }},
				{"unpaid", func() error {
					_, err := s.Invoices(ctx, data.InvoiceFilter{State: data.StateUnpaid, Limit: 200})
					return err
				}},
				{"search-name", func() error { _, err := s.Invoices(ctx, data.InvoiceFilter{Search: "ana", Limit: 200}); return err }},
				{"search-number", func() error {
					_, err := s.Invoices(ctx, data.InvoiceFilter{Search: "R-000042", Limit: 200})
					return err
				}},
				{"balances", func() error { _, err := s.Balances(ctx); return err }},
				{"paid-visits-year", func() error { _, err := s.PaidVisits(ctx, client, 2025); return err }},
			} {
				b.Run(c.name, func(b *testing.B) {
					for i := 0; i < b.N; i++ {
						if err := c.run(); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}
