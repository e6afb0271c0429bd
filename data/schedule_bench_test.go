package data_test

import (
	"io"
	"testing"
	"time"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/demo"
	"github.com/stillpoint/stillpoint/data/ics"
)

// BenchmarkSchedule measures the calendar's budgets against two sample
// practices: "10y" is `stillpoint demo --years 10` (480 clients, about
// 10,700 appointments) and "10x" a ten-times practice: 10,000 clients and
// about 107,000 appointments. A solo calendar cannot hold ten times the
// visits in the same ten years without overlaps, so the 10x practice has
// the same ~20 visits a week over 100 years: every query below is bounded
// by an index on start_at, so what it meets near the chosen week is the
// same and what grows is the depth of the indexes.
//
// Budgets: loading a week < 5 ms, a conflict check < 1 ms, the next 10
// free times < 20 ms, exporting a year as .ics < 200 ms.
func BenchmarkSchedule(b *testing.B) {
	for _, p := range benchPractices {
		b.Run(p.name, func(b *testing.B) { benchSchedule(b, p.opts) })
	}
}

func benchSchedule(b *testing.B, opts demo.Options) {
	ctx, s := filledPractice(b, opts)
	m, err := s.Moment(ctx)
	if err != nil {
		b.Fatal(err)
	}
	// The week two weeks ago (Monday to Monday), fully booked by the demo.
	monday := m.Today.Time(m.Loc).AddDate(0, 0, -14)
	for monday.Weekday() != time.Monday {
		monday = monday.AddDate(0, 0, -1)
	}
	weekEnd := monday.AddDate(0, 0, 7)
	week, err := s.Appointments(ctx, monday, weekEnd)
	if err != nil || len(week) < 15 {
		b.Fatalf("the bench week holds %d appointments (%v)", len(week), err)
	}
	report, err := s.Check(ctx)
	if err != nil {
		b.Fatal(err)
	}
	total := report.Counts["appointments"]
	b.Run("load-week", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Appointments(ctx, monday, weekEnd); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(week)), "appts")
		b.ReportMetric(float64(total), "stored")
	})
	b.Run("conflict-check", func(b *testing.B) {
		bk := data.Booking{ClientID: week[0].ClientID, ServiceID: week[0].ServiceID,
			Date: data.DateOf(week[0].Start.In(m.Loc)), Clock: data.ClockOf(week[0].Start.In(m.Loc))}
		for b.Loop() {
			_, ce, err := s.CheckBooking(ctx, bk)
			if err != nil || ce == nil {
				b.Fatalf("expected a conflict: %v", err)
			}
		}
	})
	b.Run("find-10-times", func(b *testing.B) {
		for b.Loop() {
			slots, err := s.FindTimes(ctx, week[0].ServiceID, monday, 10)
			if err != nil || len(slots) != 10 {
				b.Fatalf("%d slots, %v", len(slots), err)
			}
		}
	})
	yearFrom := monday.AddDate(-1, 0, 0)
	var n int
	b.Run("export-year-ics", func(b *testing.B) {
		for b.Loop() {
			if n, err = ics.Export(ctx, s, io.Discard, yearFrom, monday); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(n), "events")
	})
}
