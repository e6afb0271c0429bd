package data

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Clock is a time of day on the wall clock, in the practice's time zone.
type Clock struct {
	Hour   int // 0–23 (24 only as the end of a day: 24:00)
	Minute int // 0–59
}

// ClockOf returns the wall-clock time of day of t in t's own location.
func ClockOf(t time.Time) Clock { return Clock{Hour: t.Hour(), Minute: t.Minute()} }

// clockFromMinutes turns minutes after midnight into a Clock.
func clockFromMinutes(m int) Clock { return Clock{Hour: m / 60, Minute: m % 60} }

// Minutes is the number of minutes after midnight.
func (c Clock) Minutes() int { return c.Hour*60 + c.Minute }

// Valid reports whether c is a time of day (00:00–23:59).
func (c Clock) Valid() bool { return c.Hour >= 0 && c.Hour < 24 && c.Minute >= 0 && c.Minute < 60 }

// String formats the clock as 24-hour "HH:MM".
func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", c.Hour, c.Minute) }

// ParseClock reads a time of day as a person types it: "10:30", "1030",
// "14", "2pm", "2:15 pm", "9.45". Minutes must be 00–59; hours 0–23 (1–12
// with am/pm).
func ParseClock(s string) (Clock, error) {
	t := strings.ToLower(strings.Join(strings.Fields(s), ""))
	bad := fmt.Errorf("%q is not a time of day; write it like 10:30, 14 or 2pm", strings.TrimSpace(s))
	pm, am := strings.HasSuffix(t, "pm") || strings.HasSuffix(t, "p"), strings.HasSuffix(t, "am") || strings.HasSuffix(t, "a")
	t = strings.TrimRight(t, "apm.")
	if t == "" {
		return Clock{}, bad
	}
	var hs, ms string
	if i := strings.IndexAny(t, ":.h"); i >= 0 {
		hs, ms = t[:i], t[i+1:]
	} else if len(t) > 2 {
		hs, ms = t[:len(t)-2], t[len(t)-2:]
	} else {
		hs = t
	}
	if ms == "" {
		ms = "0"
	}
	h, err1 := strconv.Atoi(hs)
	m, err2 := strconv.Atoi(ms)
	if err1 != nil || err2 != nil || digits(hs) != hs || digits(ms) != ms || len(ms) > 2 || m > 59 {
		return Clock{}, bad
	}
	if am || pm {
		if h < 1 || h > 12 {
			return Clock{}, bad
		}
		h %= 12
		if pm {
			h += 12
		}
	}
	if h > 23 {
		return Clock{}, bad
	}
	return Clock{Hour: h, Minute: m}, nil
}

// LocalLayout is how an appointment's wall-clock start is stored and shown
// to other programs: "2026-03-08T10:00".
const LocalLayout = "2006-01-02T15:04"

// WallClockError says that a date and time of day cannot be used in the
// practice's time zone: the clocks skip it (the hour lost when daylight
// saving time starts).
type WallClockError struct {
	Date  Date
	Clock Clock
	Zone  string
	Jump  string // e.g. "from 02:00 to 03:00"
}

// Error explains the skipped time in plain words.
func (e *WallClockError) Error() string {
	return fmt.Sprintf("%s on %s does not exist in %s: the clocks jump %s that night (daylight saving time). Pick another time.",
		e.Clock, e.Date.Format(), e.Zone, e.Jump)
}

// WallTime returns the instant at which the wall clock in loc shows date d
// at clock c. When the clocks go back and the time happens twice, it is
// the FIRST of the two instants (still on summer time). When the clocks
// skip the time (they jump forward), it returns a *WallClockError.
//
// Go's time.Date does not promise which instant it picks for a repeated
// time, so WallTime tries each UTC offset in force within a day either side
// and keeps the earliest instant whose wall clock in loc is exactly d at c.
func WallTime(loc *time.Location, d Date, c Clock) (time.Time, error) {
	naive := time.Date(d.Year, d.Month, d.Day, c.Hour, c.Minute, 0, 0, time.UTC)
	var best time.Time
	for _, probe := range []time.Duration{-26 * time.Hour, 0, 26 * time.Hour} {
		_, off := naive.Add(probe).In(loc).Zone()
		t := naive.Add(-time.Duration(off) * time.Second)
		lt := t.In(loc)
		if DateOf(lt) == d && ClockOf(lt) == c && (best.IsZero() || t.Before(best)) {
			best = t
		}
	}
	if best.IsZero() {
		return time.Time{}, skipped(loc, d, c, naive)
	}
	return best.UTC(), nil
}

// skipped builds the error for a wall-clock time the clocks jump over.
func skipped(loc *time.Location, d Date, c Clock, naive time.Time) error {
	_, before := naive.Add(-26 * time.Hour).In(loc).Zone()
	_, after := naive.Add(26 * time.Hour).In(loc).Zone()
	gap := time.Duration(after-before) * time.Second
	// The jump happens at a wall time at or before c, when the clock shows
	// the earlier offset's reading; find it by walking back in minutes.
	from := c.Minutes()
	for m := from; m >= 0; m-- {
		t := time.Date(d.Year, d.Month, d.Day, m/60, m%60, 0, 0, time.UTC).Add(-time.Duration(before) * time.Second)
		if ClockOf(t.In(loc)).Minutes() == m && DateOf(t.In(loc)) == d {
			from = m + 1
			break
		}
	}
	start := clockFromMinutes(from)
	end := clockFromMinutes(from + int(gap.Minutes()))
	return &WallClockError{Date: d, Clock: c, Zone: loc.String(), Jump: fmt.Sprintf("from %s to %s", start, end)}
}

// localStart formats t's wall clock in loc as LocalLayout.
func localStart(t time.Time, loc *time.Location) string { return t.In(loc).Format(LocalLayout) }
