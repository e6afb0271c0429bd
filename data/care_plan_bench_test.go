package data_test

import (
	"testing"

	"github.com/stillpoint/stillpoint/data/demo"
)

// BenchmarkCarePlans measures the care plans against the two sample
// practices (about a third of clients have a plan: 142 on "10y", 2,992 on
// "10x"). Run it short: -benchtime=200x.
//
// Budgets: open a plan with its figures < 5 ms; a client's plans on their
// page < 2 ms; the list of every plan (the command line) < 50 ms.
func BenchmarkCarePlans(b *testing.B) {
	for _, p := range benchPractices {
		b.Run(p.name, func(b *testing.B) { benchPlans(b, p.opts) })
	}
}

func benchPlans(b *testing.B, opts demo.Options) {
	ctx, s := filledPractice(b, opts)
	rows, err := s.CarePlans(ctx)
	if err != nil || len(rows) == 0 {
		b.Fatalf("%d plans, %v", len(rows), err)
	}
	busiest := rows[0] // the plan with the most completed visits
	for _, r := range rows {
		if r.SessionsDone > busiest.SessionsDone {
			busiest = r
		}
	}
	b.Logf("%d plans; plan %d has %d sessions done", len(rows), busiest.ID, busiest.SessionsDone)
	b.Run("open-plan-with-figures", func(b *testing.B) {
		for b.Loop() {
			p, err := s.CarePlan(ctx, busiest.ID)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := s.CarePlanFigures(ctx, &p); err != nil {
				b.Fatal(err)
			}
			for _, g := range p.Goals {
				g.Trend()
			}
		}
	})
	b.Run("client-plans", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.ClientCarePlans(ctx, busiest.ClientID); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("list-all-plans", func(b *testing.B) {
		for b.Loop() {
			if got, err := s.CarePlans(ctx); err != nil || len(got) != len(rows) {
				b.Fatal(err)
			}
		}
	})
	p, err := s.CarePlan(ctx, busiest.ID)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("save-plan", func(b *testing.B) {
		for b.Loop() {
			if err := s.SaveCarePlan(ctx, &p); err != nil {
				b.Fatal(err)
			}
		}
	})
}
