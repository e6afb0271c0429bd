package data_test

import (
	"fmt"
	"testing"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/demo"
)

// BenchmarkClinicalRecord measures the clinical record's budgets against
// the same two sample practices as BenchmarkSchedule: "10y" (`demo --years
// 10`: about 9,000 notes) and "10x" (10,000 clients, about 90,000 notes over
// the ten-times calendar). Run it short: -benchtime=200x.
//
// Budgets: a client's timeline of 200 notes < 10 ms, a note search over
// every note < 20 ms, an autosave < 5 ms.
func BenchmarkClinicalRecord(b *testing.B) {
	for _, p := range benchPractices {
		b.Run(p.name, func(b *testing.B) { benchClinical(b, p.opts) })
	}
}

func benchClinical(b *testing.B, opts demo.Options) {
	ctx, s := filledPractice(b, opts)
	rows, err := s.NoteRows(ctx, 0)
	if err != nil {
		b.Fatal(err)
	}
	// The client whose note count is nearest 200 (at least 200 when any
	// client has that many): a regular of ten years.
	per := map[int64]int{}
	for _, r := range rows {
		per[r.ClientID]++
	}
	var busiest int64
	score := func(n int) int {
		if n >= 200 {
			return n - 200
		}
		return 1_000_000 + 200 - n
	}
	for id, n := range per {
		if busiest == 0 || score(n) < score(per[busiest]) || (score(n) == score(per[busiest]) && id < busiest) {
			busiest = id
		}
	}
	b.Logf("%d notes; client %d has %d", len(rows), busiest, per[busiest])
	b.Run(fmt.Sprintf("timeline-%d-notes", per[busiest]), func(b *testing.B) {
		for b.Loop() {
			notes, err := s.ClientNotes(ctx, busiest)
			if err != nil || len(notes) != per[busiest] {
				b.Fatalf("%d notes, %v", len(notes), err)
			}
		}
	})
	for _, q := range []struct{ name, text string }{
		{"search-word", "piriformis"},       // rare: a few hundred notes
		{"search-common-prefix", "trap"},    // prefix of a word in thousands of notes
		{"search-two-words", "neck stiff"},  // two common words, the last as a prefix
		{"search-client-name", "lindqvist"}, // no match: the therapist's name is not indexed
	} {
		b.Run(q.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.SearchNotes(ctx, q.text, 50); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	today, err := s.Today(ctx)
	if err != nil {
		b.Fatal(err)
	}
	n := &data.Note{ClientID: busiest, VisitDate: today, Pain: 4, Complaint: "Neck",
		Techniques: []string{"Swedish"}, Areas: []string{"Neck"},
		Marks: []data.Mark{{Kind: data.MarkPain, View: data.ViewBack, X: 0.5, Y: 0.2}}}
	if err := s.SaveDraft(ctx, n); err != nil {
		b.Fatal(err)
	}
	b.Run("autosave", func(b *testing.B) {
		i := 0
		for b.Loop() {
			i++
			n.Complaint = fmt.Sprintf("Neck stiff after a long drive, day %d", i)
			n.Marks[0].X = float64(i%100) / 100
			if err := s.SaveDraft(ctx, n); err != nil {
				b.Fatal(err)
			}
		}
	})
}
