package data_test

import (
	"testing"
)

// BenchmarkIncome is the Reports screen's Income tab: a whole year's
// visits, receipts and payments summed by month (budget: 50 ms).
func BenchmarkIncome(b *testing.B) {
	for _, p := range benchPractices {
		b.Run(p.name, func(b *testing.B) {
			ctx, s := filledPractice(b, p.opts)
			year := s.Now().Year() - 1
			b.ResetTimer()
			for b.Loop() {
				y, err := s.Income(ctx, year)
				if err != nil || y.Total.Receipts == 0 {
					b.Fatalf("%+v %v", y.Total, err)
				}
			}
		})
	}
}
