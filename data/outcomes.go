package data

import (
	"fmt"
	"math"
	"strconv"
)

// Point is one value of a measure at a visit.
type Point struct {
	Date  Date
	Value float64
}

// Series is one measure of one client across visits, oldest first, with
// its baseline, latest value and change in words.
type Series struct {
	Measure  Measure
	Points   []Point // oldest first
	Baseline Point   // the first point on or after the start date (zero when none)
	Latest   Point   // the last point (zero when none)
	Change   float64 // Latest - Baseline (0 with fewer than two points since the start)
	Words    string  // "Pain down 4 points since 3 March"
}

// Improved reports whether the change goes the measure's good way.
func (s Series) Improved() bool {
	if s.Measure.LowerIsBetter {
		return s.Change < 0
	}
	return s.Change > 0
}

// Since returns the points on or after the date (all of them for a zero date).
func (s Series) Since(from Date) []Point {
	for i, p := range s.Points {
		if from.IsZero() || !p.Date.Before(from) {
			return s.Points[i:]
		}
	}
	return nil
}

// Summarize builds a measure's series from its points (oldest first): the
// baseline is the first point on or after from (the first point when from
// is zero), the latest is the last point, and Words says the change since
// the baseline in plain words.
func Summarize(m Measure, points []Point, from Date) Series {
	s := Series{Measure: m, Points: points}
	since := s.Since(from)
	switch len(since) {
	case 0:
		s.Words = fmt.Sprintf("%s: not recorded yet", m.Label)
		if !from.IsZero() {
			s.Words = fmt.Sprintf("%s: not recorded since %s", m.Label, dayMonth(from, from))
		}
		return s
	case 1:
		s.Baseline, s.Latest = since[0], since[0]
		s.Words = fmt.Sprintf("%s %s on %s (one reading so far)", m.Label, m.Unit.bare(since[0].Value),
			dayMonth(since[0].Date, since[0].Date))
		return s
	}
	s.Baseline, s.Latest = since[0], since[len(since)-1]
	s.Change = round1(s.Latest.Value - s.Baseline.Value)
	when := dayMonth(s.Baseline.Date, s.Latest.Date)
	switch {
	case s.Change > 0:
		s.Words = fmt.Sprintf("%s up %s since %s", m.Label, m.Unit.amount(s.Change), when)
	case s.Change < 0:
		s.Words = fmt.Sprintf("%s down %s since %s", m.Label, m.Unit.amount(-s.Change), when)
	default:
		s.Words = fmt.Sprintf("%s unchanged since %s", m.Label, when)
	}
	return s
}

// dayMonth writes d as "3 March", with the year when it differs from ref's.
func dayMonth(d, ref Date) string {
	if d.Year != ref.Year {
		return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
	}
	return fmt.Sprintf("%d %s", d.Day, d.Month)
}

// formatValue writes a measured value without trailing zeros: 20, 12.5.
func formatValue(v float64) string { return strconv.FormatFloat(round1(v), 'f', -1, 64) }

// round1 rounds to one decimal, which is as fine as anything is measured.
func round1(v float64) float64 { return math.Round(v*10) / 10 }
