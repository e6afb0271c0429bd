package data

import (
	"errors"
	"strings"
	"testing"
)

// Tax is rounded half up per line: hand-computed cases.
func TestTaxOfRoundsHalfUp(t *testing.T) {
	for _, c := range []struct {
		amount int64
		bp     int
		want   int64
	}{
		{11000, 1300, 1430}, // $110.00 at 13 % = $14.30 exactly
		{1150, 1300, 150},   // 149.5 cents -> 150 (half up)
		{1149, 1300, 149},   // 149.37 -> 149
		{50, 500, 3},        // 2.5 -> 3
		{49, 500, 2},        // 2.45 -> 2
		{10, 500, 1},        // 0.5 -> 1
		{9, 500, 0},         // 0.45 -> 0
		{6500, 1500, 975},   // $65.00 at 15 % = $9.75
		{12345, 825, 1018},  // 1018.4625 -> 1018
		{0, 1300, 0},
		{1000, 0, 0},
	} {
		if got := TaxOf(c.amount, c.bp); got != c.want {
			t.Errorf("TaxOf(%d, %d) = %d, want %d", c.amount, c.bp, got, c.want)
		}
	}
}

// Per line, not on the sum: three 10-cent lines at 5 % are 1 cent of tax
// each (0.5 rounds up), 3 cents in all, where 5 % of 30 cents would be 2.
func TestInvoiceTaxIsPerLine(t *testing.T) {
	inv := Invoice{Lines: []InvoiceLine{
		{Description: "a", Quantity: 1, Unit: 10, Taxable: true},
		{Description: "b", Quantity: 1, Unit: 10, Taxable: true},
		{Description: "c", Quantity: 1, Unit: 10, Taxable: true},
		{Description: "not taxed", Quantity: 2, Unit: 500, Discount: 100, Taxable: false},
		{Description: "discounted", Quantity: 1, Unit: 11000, Discount: 1000, Taxable: true},
	}}
	inv.Compute(500)
	if inv.Lines[0].Tax != 1 || inv.Lines[3].Tax != 0 || inv.Lines[3].Amount != 900 || inv.Lines[4].Tax != 500 {
		t.Errorf("lines %+v", inv.Lines)
	}
	// Subtotal 30 + 1000 + 11000 = 12030; discount 1100; tax 3 + 500.
	if inv.Subtotal != 12030 || inv.Discount != 1100 || inv.Tax != 503 || inv.Total != 12030-1100+503 {
		t.Errorf("totals sub %d disc %d tax %d total %d", inv.Subtotal, inv.Discount, inv.Tax, inv.Total)
	}
	if inv.Lines[4].TaxRateBP != 500 || inv.Lines[3].TaxRateBP != 0 {
		t.Errorf("rates %d %d", inv.Lines[4].TaxRateBP, inv.Lines[3].TaxRateBP)
	}
}

func TestParseMoney(t *testing.T) {
	for _, c := range []struct {
		in, code string
		want     int64
	}{
		{"85", "CAD", 8500}, {"85.00", "CAD", 8500}, {"85,00", "EUR", 8500}, {"85.5", "CAD", 8550},
		{"$85", "CAD", 8500}, {"1,234.50", "CAD", 123450}, {"1 234,50", "EUR", 123450}, {"1.234,50", "EUR", 123450},
		{"1,234", "USD", 123400}, {" 0.05 ", "CAD", 5}, {"8500", "JPY", 8500}, {"8,500", "JPY", 8500},
		{"85.", "CAD", 8500},
	} {
		got, err := ParseMoney(c.in, c.code)
		if err != nil || got != c.want {
			t.Errorf("ParseMoney(%q, %s) = %d, %v; want %d", c.in, c.code, got, err, c.want)
		}
	}
	for _, bad := range []string{"", "abc", "-5", "85.0001", "85.0.0x", "1,23,4", "12e3", "999999999999"} {
		if got, err := ParseMoney(bad, "CAD"); err == nil {
			t.Errorf("ParseMoney(%q) = %d, want an error", bad, got)
		}
	}
	if _, err := ParseMoney("85.50", "JPY"); err == nil {
		t.Error("yen with decimals accepted")
	}
}

// One function writes money: the locale's grouping and decimal mark from
// x/text, the narrow symbol ("$" for the practice's dollars), placed as
// the locale writes it (after the number in French, German and Spanish).
func TestFormatMoney(t *testing.T) {
	for _, c := range []struct {
		cents        int64
		code, locale string
		want         string
	}{
		{8500, "CAD", "en-CA", "$85.00"},
		{123450, "CAD", "en-CA", "$1,234.50"},
		{123450, "CAD", "fr-CA", "1\u00a0234,50\u00a0$"},
		{123450, "USD", "en-US", "$1,234.50"},
		{8500, "GBP", "en-GB", "£85.00"},
		{8500, "AUD", "en-AU", "$85.00"},
		{8500, "NZD", "en-NZ", "$85.00"},
		{8500, "EUR", "en-IE", "€85.00"},
		{123450, "EUR", "de-DE", "1.234,50\u00a0€"},
		{123450, "EUR", "fr-FR", "1\u00a0234,50\u00a0€"},
		{8500, "EUR", "es-ES", "85,00\u00a0€"},
		{123450, "EUR", "nl-NL", "€\u00a01.234,50"},
		{8500, "JPY", "en-CA", "¥8,500"},
		{-500, "CAD", "en-CA", "-$5.00"},
		{-500, "CAD", "fr-CA", "-5,00\u00a0$"},
		{0, "CAD", "en-CA", "$0.00"},
	} {
		if got := FormatMoney(c.cents, c.code, c.locale); got != c.want {
			t.Errorf("FormatMoney(%d, %s, %s) = %q, want %q", c.cents, c.code, c.locale, got, c.want)
		}
	}
	// Every offered locale has its own placement and name, and what it
	// writes reads back.
	for _, l := range Locales {
		if _, ok := moneyStyles[l]; !ok || LocaleName(l) == l {
			t.Errorf("locale %s has no money style or no name", l)
		}
		if got, err := ParseMoney(FormatMoney(123450, "CAD", l), "CAD"); err != nil || got != 123450 {
			t.Errorf("%s: %q reads back as %d, %v", l, FormatMoney(123450, "CAD", l), got, err)
		}
	}
}

// A locale that is not offered ("banana", a typo) is refused with a
// message that says to choose from the list.
func TestReceiptSettingsRefuseUnknownLocale(t *testing.T) {
	for _, bad := range []string{"banana", "en", "", "fr_CA"} {
		v := ReceiptSettings{InvoicePrefix: "R-", DefaultMethod: PayDebit, Locale: bad}
		err := v.Validate()
		var ve *ValidationError
		if !errors.As(err, &ve) || ve.Problems[0].Field != "Locale" || !strings.Contains(ve.Problems[0].Message, "from the list") {
			t.Errorf("locale %q: %v", bad, err)
		}
	}
}

func TestAmountText(t *testing.T) {
	for _, c := range []struct {
		cents int64
		code  string
		want  string
	}{{12430, "CAD", "124.30"}, {5, "CAD", "0.05"}, {0, "CAD", "0.00"}, {-500, "USD", "-5.00"}, {8500, "JPY", "8500"}, {1234, "KWD", "1.234"}} {
		if got := AmountText(c.cents, c.code); got != c.want {
			t.Errorf("AmountText(%d, %s) = %q, want %q", c.cents, c.code, got, c.want)
		}
	}
}
