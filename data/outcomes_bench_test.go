package data_test

import (
	"testing"

	"github.com/stillpoint/stillpoint/data"
)

// BenchmarkClientOutcomes reads the full outcome history of the client
// with the most check-ins (every series, summarized) on each sample
// practice. Budget: under 10 ms with its charts (docs/performance.md).
func BenchmarkClientOutcomes(b *testing.B) {
	for _, p := range benchPractices {
		if testing.Short() && p.name == "10x" {
			continue
		}
		b.Run(p.name, func(b *testing.B) {
			ctx, s := filledPractice(b, p.opts)
			var client int64
			var most int
			rows, err := s.NoteRows(ctx, 0)
			if err != nil {
				b.Fatal(err)
			}
			count := map[int64]int{}
			for _, r := range rows {
				count[r.ClientID]++
				if count[r.ClientID] > most {
					client, most = r.ClientID, count[r.ClientID]
				}
			}
			o, err := s.ClientOutcomes(ctx, client, data.Date{})
			if err != nil {
				b.Fatal(err)
			}
			points := 0
			for _, sr := range o.Series {
				points += len(sr.Points)
			}
			for b.Loop() {
				if _, err := s.ClientOutcomes(ctx, client, data.Date{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(most), "visits")
			b.ReportMetric(float64(len(o.Series)), "series")
			b.ReportMetric(float64(points), "points")
		})
	}
}

// BenchmarkPracticeOutcomes computes the practice's outcomes (average
// change in pain, stress and sleep and the goals met over every completed
// care plan) on each sample practice.
func BenchmarkPracticeOutcomes(b *testing.B) {
	for _, p := range benchPractices {
		if testing.Short() && p.name == "10x" {
			continue
		}
		b.Run(p.name, func(b *testing.B) {
			ctx, s := filledPractice(b, p.opts)
			o, err := s.PracticeOutcomes(ctx)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := s.PracticeOutcomes(ctx); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(o.CompletedPlans), "plans")
			b.ReportMetric(float64(o.Goals), "goals")
		})
	}
}
