package data

import (
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

// dateLayouts are the forms ParseDate accepts, most specific first.
var dateLayouts = []string{"2006-01-02", "2006/01/02", "2 Jan 2006", "2 January 2006", "Jan 2, 2006", "January 2, 2006", "02.01.2006"}

// ParseDate reads a date typed by a person. It accepts ISO dates
// (1984-03-21) and written dates (21 Mar 1984, March 21, 1984). Empty input
// gives the zero Date. Ambiguous numeric forms such as 03/04/1984 are refused
// rather than guessed.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return DateOf(t), nil
		}
	}
	return Date{}, fmt.Errorf("%q is not a date Stillpoint understands; write it as YYYY-MM-DD, e.g. 1984-03-21", s)
}

// MarshalText writes the date as YYYY-MM-DD (for JSON exports and snapshots).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads a date written by MarshalText.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// scanDate parses a stored date column.
func scanDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		return Date{}
	}
	return d
}

// addDays returns the date n days later (earlier when n < 0).
func (d Date) addDays(n int) Date {
	return DateOf(d.Time(time.UTC).AddDate(0, 0, n))
}
