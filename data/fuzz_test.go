package data

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// Whatever is typed, folding never panics, is stable, and leaves no
// upper case or doubled spaces behind.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"Zoë", "Łukasz", "  O'Brien–Smythe ", "Анна", "王小明", "\xff\xfe", "ǅemal"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if Fold(got) != got {
			t.Errorf("Fold(%q) = %q is not stable: %q", s, got, Fold(got))
		}
		if strings.Contains(got, "  ") || strings.HasPrefix(got, " ") || strings.HasSuffix(got, " ") {
			t.Errorf("Fold(%q) = %q has stray spaces", s, got)
		}
		if !utf8.ValidString(got) {
			t.Errorf("Fold(%q) = %q is not UTF-8", s, got)
		}
	})
}

// Whatever is typed in a form, validation answers with a message or nil,
// never a panic, and dates either parse or explain themselves.
func FuzzClientValidate(f *testing.F) {
	f.Add("Zoë", "zoe@example.com", "416-555-0134", "1984-03-21", "13")
	f.Add("", "@", "x12345", "2999-99-99", "1.234")
	f.Add("Ana", "ana@example.com", "0412 345 678", "2024-02-30", "13,5")
	f.Fuzz(func(t *testing.T, name, email, phone, date, rate string) {
		c := Client{FirstName: name, LastName: name, Email: email, MobilePhone: phone}
		d, err := ParseDate(date)
		switch {
		case err == nil && !d.IsZero() && !d.Valid():
			t.Errorf("ParseDate(%q) = %v, not a real date", date, d)
		case err == nil:
			c.BirthDate = d
		case !strings.Contains(err.Error(), "YYYY-MM-DD") && !strings.Contains(err.Error(), "not a real date"):
			t.Errorf("date error %q does not say how to write a date", err)
		}
		c.normalize()
		_ = c.Validate(DateOf(time.Now()))
		if bp, err := ParseTaxRate(rate); err == nil && (bp < 0 || bp > 10000) {
			t.Errorf("ParseTaxRate(%q) = %d", rate, bp)
		}
	})
}
