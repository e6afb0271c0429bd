package data

import "fmt"

// Repeat makes a booking recurring: every EveryWeeks weeks on the same
// weekday and wall-clock time, Count times or until the date Until
// (inclusive), whichever is given (Count wins when both are).
type Repeat struct {
	EveryWeeks int
	Count      int
	Until      Date
}

// maxOccurrences caps one series: five years of weekly visits.
const maxOccurrences = 260

// dates lists the dates of a series that starts on first.
func (r *Repeat) dates(first Date) []Date {
	if r == nil {
		return []Date{first}
	}
	var out []Date
	for d := first; len(out) < maxOccurrences; d = d.addDays(7 * r.EveryWeeks) {
		if r.Count > 0 && len(out) == r.Count {
			break
		}
		if r.Count <= 0 && r.Until.Before(d) {
			break
		}
		out = append(out, d)
	}
	return out
}

// validate reports a repeat that cannot be right, for a series from first.
func (r *Repeat) validate(p *problems, first Date) {
	if r == nil {
		return
	}
	if r.EveryWeeks < 1 || r.EveryWeeks > 52 {
		p.add("EveryWeeks", "Repeat every 1 to 52 weeks (it is %d).", r.EveryWeeks)
		return
	}
	switch {
	case r.Count < 0:
		p.add("Count", "The number of visits cannot be negative.")
	case r.Count == 0 && r.Until.IsZero():
		p.add("Count", "Say how many visits, or until which date, the booking repeats.")
	case r.Count == 0 && !r.Until.Valid():
		p.add("Until", "The last date is not a real date.")
	case r.Count == 0 && r.Until.Before(first):
		p.add("Until", "The last date (%s) comes before the first visit (%s).", r.Until.Format(), first.Format())
	case r.Count > maxOccurrences:
		p.add("Count", "A series can have at most %d visits (asked for %d).", maxOccurrences, r.Count)
	}
	if r.Count == 0 && r.Until.Valid() && !r.Until.Before(first) {
		weeks := int(r.Until.Time(utc).Sub(first.Time(utc)).Hours()/24) / 7 / r.EveryWeeks
		if weeks+1 > maxOccurrences {
			p.add("Until", "A series can have at most %d visits; %s would make %d.", maxOccurrences, r.Until.Format(), weeks+1)
		}
	}
}

// String describes the repeat: "every 2 weeks, 6 visits".
func (r *Repeat) String() string {
	if r == nil {
		return "once"
	}
	every := "every week"
	if r.EveryWeeks > 1 {
		every = fmt.Sprintf("every %d weeks", r.EveryWeeks)
	}
	if r.Count > 0 {
		return fmt.Sprintf("%s, %d visits", every, r.Count)
	}
	return fmt.Sprintf("%s until %s", every, r.Until.Format())
}
