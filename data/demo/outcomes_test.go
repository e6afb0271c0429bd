package demo

import (
	"context"
	"testing"

	"github.com/stillpoint/stillpoint/data"
)

// Every completed visit has a check-in; clients followed over several
// visits mostly improve, some do not; mobility is measured for some
// clients, always inside its measure's range; the same seed gives the same
// outcomes.
func TestFillOutcomes(t *testing.T) {
	s := fill(t, Options{Years: 2, Seed: 3})
	ctx := context.Background()
	rows, err := s.NoteRows(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	report, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if report.Counts["checkins"] != len(rows) || report.Counts["mobility_readings"] == 0 ||
		report.Counts["psfs_scores"] == 0 {
		t.Fatalf("%d notes; counts %v", len(rows), report.Counts)
	}
	var better, worseOrSame, mobility int
	seen := map[int64]bool{}
	for _, r := range rows {
		if seen[r.ClientID] {
			continue
		}
		seen[r.ClientID] = true
		o, err := s.ClientOutcomes(ctx, r.ClientID, data.Date{})
		if err != nil {
			t.Fatal(err)
		}
		if st, ok := o.Find(data.MeasureStress); ok && len(st.Points) >= 8 {
			if st.Improved() {
				better++
			} else {
				worseOrSame++
			}
		}
		for _, sr := range o.Series {
			if sr.Measure.Kind != data.MobilityMeasure {
				continue
			}
			mobility++
			for _, p := range sr.Points {
				if p.Value < sr.Measure.Min || p.Value > sr.Measure.Max {
					t.Errorf("client %d %s = %v out of range", r.ClientID, sr.Measure.Key, p.Value)
				}
			}
		}
	}
	t.Logf("stress better for %d clients, not for %d; %d mobility series", better, worseOrSame, mobility)
	if better < 2*worseOrSame || worseOrSame == 0 || mobility == 0 {
		t.Errorf("stress better for %d clients and not for %d: want most, not all, to improve", better, worseOrSame)
	}
	// Deterministic: a second sample with the same seed has the same first client's outcomes.
	again := fill(t, Options{Years: 2, Seed: 3})
	a, _ := s.ClientOutcomes(ctx, rows[0].ClientID, data.Date{})
	b, _ := again.ClientOutcomes(ctx, rows[0].ClientID, data.Date{})
	if len(a.Series) != len(b.Series) {
		t.Fatalf("same seed, %d and %d series", len(a.Series), len(b.Series))
	}
	for i := range a.Series {
		if a.Series[i].Words != b.Series[i].Words {
			t.Errorf("same seed: %q and %q", a.Series[i].Words, b.Series[i].Words)
		}
	}
}
