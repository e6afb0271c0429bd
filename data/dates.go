package data

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Date is a calendar date with no time of day and no zone, such as a birth
// date. The zero Date means "not given". It is stored as "YYYY-MM-DD".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the calendar date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// IsZero reports whether the date was not given.
func (d Date) IsZero() bool { return d == Date{} }

// String formats the date as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Time returns midnight of the date in loc.
func (d Date) Time(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// Before reports whether d comes before e.
func (d Date) Before(e Date) bool {
	return d.String() < e.String()
}

// Format formats the date for people, e.g. "3 Mar 1984".
func (d Date) Format() string {
	if d.IsZero() {
		return ""
	}
	return d.Time(time.UTC).Format("2 Jan 2006")
}

// AgeOn returns the age in whole years of someone born on d, on day on.
func (d Date) AgeOn(on Date) int {
	age := on.Year - d.Year
	if on.Month < d.Month || (on.Month == d.Month && on.Day < d.Day) {
		age--
	}
	return age
}

// Valid reports whether d is a real calendar date between the years 1 and
// 9999 (2024-02-29 is, 2023-02-29 and 2024-02-30 are not). The zero Date
// ("not given") is not valid; check IsZero first.
func (d Date) Valid() bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < time.January || d.Month > time.December || d.Day < 1 {
		return false
	}
	return d.Day <= daysIn(d.Year, d.Month)
}

// daysIn returns the number of days in the month.
func daysIn(year int, month time.Month) int {
	return time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// notRealDate explains why d, written as typed, is not a calendar date.
func notRealDate(typed string, d Date) error {
	if d.Month >= time.January && d.Month <= time.December && d.Day > 28 && d.Year >= 1 && d.Year <= 9999 {
		return fmt.Errorf("%q is not a real date: %s %d has only %d days", typed, d.Month, d.Year, daysIn(d.Year, d.Month))
	}
	return fmt.Errorf("%q is not a real date; write it as YYYY-MM-DD, e.g. 1984-03-21", typed)
}

// dateLayouts are the forms ParseDate accepts, most specific first.
var dateLayouts = []string{"2006-01-02", "2006/01/02", "2 Jan 2006", "2 January 2006", "Jan 2, 2006", "January 2, 2006", "02.01.2006"}

// ParseDate reads a date typed by a person. It accepts ISO dates
// (1984-03-21) and written dates (21 Mar 1984, March 21, 1984). Empty input
// gives the zero Date. Ambiguous numeric forms such as 03/04/1984 are refused
// rather than guessed, and so are dates that do not exist (2024-02-30), with
// a message that says why.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	if d, ok := isoParts(s); ok && !d.Valid() {
		return Date{}, notRealDate(s, d)
	}
	for _, layout := range dateLayouts {
		t, err := time.Parse(layout, s)
		if err == nil {
			return DateOf(t), nil
		}
		var pe *time.ParseError
		if errors.As(err, &pe) && strings.Contains(pe.Message, "day out of range") {
			return Date{}, fmt.Errorf("%q is not a real date: that month has fewer days; write it as YYYY-MM-DD, e.g. 1984-03-21", s)
		}
	}
	return Date{}, fmt.Errorf("%q is not a date Stillpoint understands; write it as YYYY-MM-DD, e.g. 1984-03-21", s)
}

// isoParts splits "YYYY-MM-DD" (or with slashes) into its numbers without
// checking that they make a date.
func isoParts(s string) (Date, bool) {
	if len(s) != 10 || (s[4] != '-' && s[4] != '/') || s[7] != s[4] {
		return Date{}, false
	}
	y, m, d := s[:4], s[5:7], s[8:]
	if digits(y) != y || digits(m) != m || digits(d) != d {
		return Date{}, false
	}
	return Date{Year: atoi(y), Month: time.Month(atoi(m)), Day: atoi(d)}, true
}

// atoi reads a string of ASCII digits (checked by the caller).
func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

// MarshalText writes the date as YYYY-MM-DD (for JSON exports and snapshots).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads a date written by MarshalText.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := scanDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// scanDate parses a stored date: empty (not given) or a real 'YYYY-MM-DD'.
// Anything else is an error, never a silent zero that the next save would
// write back over the stored value.
func scanDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	d, ok := isoParts(s)
	if !ok || s[4] != '-' {
		return Date{}, fmt.Errorf("stored date %q is not in the form YYYY-MM-DD", s)
	}
	if !d.Valid() {
		return Date{}, fmt.Errorf("stored date %q is not a real date", s)
	}
	return d, nil
}

// addDays returns the date n days later (earlier when n < 0).
func (d Date) addDays(n int) Date {
	return DateOf(d.Time(time.UTC).AddDate(0, 0, n))
}

// addMonths returns the date n calendar months later, clamped to the end of
// a shorter month (31 Jan + 1 month is 28 or 29 Feb).
func (d Date) addMonths(n int) Date {
	first := time.Date(d.Year, d.Month+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	day := min(d.Day, daysIn(first.Year(), first.Month()))
	return Date{Year: first.Year(), Month: first.Month(), Day: day}
}
