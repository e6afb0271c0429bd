package csvimport

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// DateOrder is how numeric dates such as 05/03/1980 are read.
type DateOrder int

// The orders of day and month in numeric dates.
const (
	// AutoOrder decides from the column's values: a first number above 12
	// means day first, a second number above 12 means month first. When no
	// value settles it, dates are read day first and the preview says so.
	AutoOrder DateOrder = iota
	DayFirst
	MonthFirst
)

// String names the order the way the preview says it.
func (o DateOrder) String() string {
	switch o {
	case DayFirst:
		return "day/month/year"
	case MonthFirst:
		return "month/day/year"
	}
	return "automatic"
}

// monthNames maps English and French month names and their usual
// abbreviations (accents removed, lower case) to months.
var monthNames = map[string]time.Month{}

func init() {
	for m, names := range map[time.Month][]string{
		time.January: {"january", "jan", "janvier", "janv"}, time.February: {"february", "feb", "fevrier", "fev", "fevr"},
		time.March: {"march", "mar", "mars"}, time.April: {"april", "apr", "avril", "avr"},
		time.May: {"may", "mai"}, time.June: {"june", "jun", "juin"},
		time.July: {"july", "jul", "juillet", "juil"}, time.August: {"august", "aug", "aout"},
		time.September: {"september", "sep", "sept", "septembre"}, time.October: {"october", "oct", "octobre"},
		time.November: {"november", "nov", "novembre"}, time.December: {"december", "dec", "decembre"},
	} {
		for _, n := range names {
			monthNames[n] = m
		}
	}
}

// numericDate is a date written with three numbers, such as 05/03/1980:
// a and b are the first two numbers and y the four-digit year.
type numericDate struct{ a, b, y int }

// splitNumeric reads "05/03/1980", "5-3-1980" or "05.03.1980".
func splitNumeric(s string) (numericDate, bool) {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	if len(parts) != 3 || len(parts[0]) > 2 || len(parts[1]) > 2 || len(parts[2]) != 4 {
		return numericDate{}, false
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return numericDate{}, false
		}
		n[i] = v
	}
	return numericDate{n[0], n[1], n[2]}, true
}

// detectOrder decides a column's day/month order from its values. ambiguous
// is true when numeric dates occur but none of them settles the order.
func detectOrder(values []string) (order DateOrder, ambiguous bool) {
	var dayFirst, monthFirst, numeric int
	for _, v := range values {
		d, ok := splitNumeric(strings.TrimSpace(v))
		if !ok {
			continue
		}
		numeric++
		switch {
		case d.a > 12 && d.b <= 12:
			dayFirst++
		case d.b > 12 && d.a <= 12:
			monthFirst++
		}
	}
	switch {
	case dayFirst > monthFirst:
		return DayFirst, false
	case monthFirst > dayFirst:
		return MonthFirst, false
	}
	return DayFirst, numeric > 0
}

// parseDate reads a date of birth in the forms other programs write:
// 1980-03-05 (also with / or ., and with a time after it), 05/03/1980 in the
// column's order, 5 Mar 1980, March 5, 1980, 5 mars 1980. The error says
// what is wrong in plain words.
func parseDate(s string, order DateOrder) (data.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return data.Date{}, nil
	}
	if len(s) > 10 && (s[10] == ' ' || s[10] == 'T') {
		if d, err := parseDate(s[:10], order); err == nil {
			return d, nil
		}
	}
	var d data.Date
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	if n, ok := splitNumeric(s); ok {
		d = data.Date{Year: n.y, Month: time.Month(n.b), Day: n.a}
		if order == MonthFirst {
			d.Month, d.Day = time.Month(n.a), n.b
		}
	} else if len(parts) == 3 && len(parts[0]) == 4 && allDigits(parts[0]+parts[1]+parts[2]) && len(parts[1]) <= 2 && len(parts[2]) <= 2 {
		y, _ := strconv.Atoi(parts[0])
		m, _ := strconv.Atoi(parts[1])
		dd, _ := strconv.Atoi(parts[2])
		d = data.Date{Year: y, Month: time.Month(m), Day: dd}
	} else if w, ok := writtenDate(s); ok {
		d = w
	} else if len(parts) == 3 && allDigits(parts[0]+parts[1]+parts[2]) && len(parts[2]) == 2 {
		return data.Date{}, fmt.Errorf("the date of birth %q has a two-digit year; write the whole year (e.g. 1980)", s)
	} else {
		return data.Date{}, fmt.Errorf("the date of birth %q is not a date Stillpoint can read (write it like 1980-03-05)", s)
	}
	if !d.Valid() {
		return data.Date{}, fmt.Errorf("the date of birth %q is not a real date (read as %s)", s, order)
	}
	return d, nil
}

// writtenDate reads dates with the month in words, in either order and
// with or without a comma: "5 Mar 1980", "March 5, 1980", "1er mars 1980".
func writtenDate(s string) (data.Date, bool) {
	words := strings.Fields(data.Fold(s))
	if len(words) != 3 {
		return data.Date{}, false
	}
	var d data.Date
	for _, w := range words {
		if m, ok := monthNames[w]; ok && d.Month == 0 {
			d.Month = m
			continue
		}
		w = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "er"), "st"), "th")
		w = strings.TrimSuffix(strings.TrimSuffix(w, "nd"), "rd")
		if !allDigits(w) || w == "" {
			return data.Date{}, false
		}
		n, err := strconv.Atoi(w)
		if err != nil {
			return data.Date{}, false
		}
		switch {
		case len(w) == 4 && d.Year == 0:
			d.Year = n
		case len(w) <= 2 && d.Day == 0:
			d.Day = n
		default:
			return data.Date{}, false
		}
	}
	return d, d.Month != 0 && d.Year != 0 && d.Day != 0
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// orderConflict is the notice for a file whose numeric dates of birth
// disagree: some can only be month first (12/31/1975) and others only day
// first (31/02/1990). It names an example and a row of each and the order
// chosen; "" when the dates do not disagree.
func orderConflict(t *Table, cols []Column, chosen DateOrder) string {
	var dayFirst, monthFirst string // "31/02/1990 (row 5)"
	for i, rec := range t.Rows {
		for j, c := range cols {
			if c.Field != BirthDate || j >= len(rec) {
				continue
			}
			v := strings.TrimSpace(rec[j])
			d, ok := splitNumeric(v)
			switch {
			case !ok:
			case d.a > 12 && d.b <= 12 && dayFirst == "":
				dayFirst = fmt.Sprintf("%s on row %d", v, i+2)
			case d.b > 12 && d.a <= 12 && monthFirst == "":
				monthFirst = fmt.Sprintf("%s on row %d", v, i+2)
			}
		}
	}
	if dayFirst == "" || monthFirst == "" {
		return ""
	}
	return fmt.Sprintf("The dates of birth in the file conflict: some are written month first (like %s) and "+
		"others day first (like %s). They are read as %s, so the others cannot be imported with their date: "+
		"check those rows, choose the other order, or import them without the date.", monthFirst, dayFirst, chosen)
}
