package data

// Between returns the outcomes within a period: each series keeps its
// values dated from `from` to `to` (zero: no bound at that end) and is
// summarized again from `from`; a measure with no value in the period is
// left out. A progress report covers a care plan's dates this way.
func (o Outcomes) Between(from, to Date) Outcomes {
	out := Outcomes{ClientID: o.ClientID, From: from}
	for _, s := range o.Series {
		var pts []Point
		for _, p := range s.Points {
			if (from.IsZero() || !p.Date.Before(from)) && (to.IsZero() || !to.Before(p.Date)) {
				pts = append(pts, p)
			}
		}
		if len(pts) > 0 {
			out.Series = append(out.Series, Summarize(s.Measure, pts, from))
		}
	}
	return out
}
