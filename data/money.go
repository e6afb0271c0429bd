package data

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/currency"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Money is always an int64 count of the currency's minor unit ("cents"):
// 8500 is $85.00, and for a currency without minor units (JPY) 8500 is
// ¥8,500. Nothing in the package does arithmetic on money with floats.

// maxMoneyCents caps one typed amount: a hundred million in major units,
// far beyond any visit and far below int64's range for sums.
const maxMoneyCents = 100_000_000_00

// currencyScale is the number of decimals of the currency (2 for CAD, 0 for
// JPY), from CLDR's data in golang.org/x/text/currency; 2 for a code it
// does not know.
func currencyScale(code string) int {
	u, err := currency.ParseISO(code)
	if err != nil {
		return 2
	}
	scale, _ := currency.Standard.Rounding(u)
	return scale
}

// moneyStyle is where a locale writes the currency symbol: before the
// number ("$1,234.50") or after it ("1 234,50 $"), and whether a space
// separates them ("€ 1.234,50" in Dutch).
type moneyStyle struct {
	after, space bool
}

// moneyStyles holds the convention of each locale a practice can choose
// (Locales), from CLDR's currency patterns: x/text/currency always puts the
// symbol first, so the placement is Stillpoint's.
var moneyStyles = map[string]moneyStyle{
	"en-CA": {}, "en-US": {}, "en-GB": {}, "en-AU": {}, "en-NZ": {}, "en-IE": {},
	"fr-CA": {after: true, space: true}, "fr-FR": {after: true, space: true},
	"de-DE": {after: true, space: true}, "es-ES": {after: true, space: true},
	"nl-NL": {space: true},
}

// styleOf is the locale's money style; for a locale not offered, that of
// its language (French, German and Spanish write the symbol after).
func styleOf(locale string) moneyStyle {
	if st, ok := moneyStyles[locale]; ok {
		return st
	}
	base, _ := language.Make(locale).Base()
	switch base.String() {
	case "fr", "de", "es":
		return moneyStyle{after: true, space: true}
	case "nl":
		return moneyStyle{space: true}
	}
	return moneyStyle{}
}

// FormatMoney writes cents of the currency code for the locale (one of
// Locales, a BCP 47 tag such as "en-CA" or "fr-CA"): "$85.00" in en-CA,
// "1 234,50 $" in fr-CA, "1.234,50 €" in de-DE. It is the one place money
// is written for the therapist. The digits' grouping and decimal mark come
// from CLDR through golang.org/x/text/number, the currency's narrow symbol
// ("$" for CAD, "€", "£") from x/text/currency, and the symbol's place from
// moneyStyles. An unknown locale is read as English; an unknown currency
// shows its code.
func FormatMoney(cents int64, code, locale string) string {
	tag, err := language.Parse(locale)
	if err != nil {
		tag = language.English
	}
	p := message.NewPrinter(tag)
	scale := currencyScale(code)
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	// A float64 holds every cent exactly up to 2^53 (90 trillion dollars);
	// it only carries the value to the formatter.
	num := p.Sprint(number.Decimal(float64(cents)/math.Pow10(scale), number.Scale(scale)))
	sym := code
	if u, err := currency.ParseISO(code); err == nil {
		sym = p.Sprint(currency.NarrowSymbol(u))
	}
	st := styleOf(locale)
	gap := ""
	if st.space || sym == code {
		gap = "\u00a0"
	}
	if st.after {
		return sign + num + gap + sym
	}
	return sign + sym + gap + num
}

// ParseMoney reads a typed amount of the currency code into cents: "85",
// "85.00", "85,00", "$85.5", "1,234.50", "1 234,50". The last '.' or ','
// followed by at most the currency's number of decimals is the decimal
// mark; other dots, commas and spaces group digits. A negative amount, more
// decimals than the currency has, or anything but digits is an error in
// plain words.
func ParseMoney(s, code string) (int64, error) {
	typed := strings.TrimSpace(s)
	t := strings.TrimLeft(typed, "$€£¥￥ ")
	t = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(t, code), "$"))
	if t == "" {
		return 0, fmt.Errorf("no amount was given; write it like 85 or 85.00")
	}
	if strings.HasPrefix(t, "-") {
		return 0, fmt.Errorf("%q is negative; write the amount without a minus sign", typed)
	}
	scale := currencyScale(code)
	whole, frac := t, ""
	if i := strings.LastIndexAny(t, ".,"); i >= 0 {
		after := t[i+1:]
		switch {
		case after == "":
			whole = t[:i]
		case !digitsOnly(after):
			return 0, fmt.Errorf("%q is not an amount; write it like %s", typed, moneyExample(scale))
		case len(after) <= scale:
			whole, frac = t[:i], after
		case len(after) == 3:
			// A group of thousands: "1,234".
		default:
			return 0, fmt.Errorf("%q has more decimals than the currency has (%d); write it like %s",
				typed, scale, moneyExample(scale))
		}
	}
	groups := strings.FieldsFunc(whole, func(r rune) bool { return strings.ContainsRune(",. '\u00a0\u202f", r) })
	for i, g := range groups {
		if i > 0 && len(g) != 3 {
			return 0, fmt.Errorf("%q is not an amount; write it like %s", typed, moneyExample(scale))
		}
	}
	whole = strings.Join(groups, "")
	if whole == "" {
		whole = "0"
	}
	if !digitsOnly(whole) {
		return 0, fmt.Errorf("%q is not an amount; write it like %s", typed, moneyExample(scale))
	}
	frac += strings.Repeat("0", scale-len(frac))
	n, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil || n > maxMoneyCents {
		return 0, fmt.Errorf("%q is too large an amount", typed)
	}
	return n, nil
}

// moneyExample is how an amount is written in a currency with scale decimals.
func moneyExample(scale int) string {
	if scale == 0 {
		return "85"
	}
	return "85 or 85." + strings.Repeat("0", scale)
}

// digitsOnly reports a non-empty string of ASCII digits.
func digitsOnly(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// TaxOf is the tax on amount cents at rateBP basis points (1300 = 13 %),
// rounded half up to the cent: 1.5 cents is 2 cents, 1.4999 cents is 1.
// Tax is computed per invoice line, never on the sum (docs/receipts.md).
func TaxOf(amount int64, rateBP int) int64 {
	if amount <= 0 || rateBP <= 0 {
		return 0
	}
	return (amount*int64(rateBP) + 5000) / 10000
}

// AmountText writes cents of the currency code as a plain decimal number
// with a dot and no symbol or grouping ("124.30", "-5.00", "8500" for JPY):
// the form for machine-read output (tab-separated lists, CSV), never for
// the therapist's eyes (FormatMoney).
func AmountText(cents int64, code string) string {
	scale := currencyScale(code)
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	s := strconv.FormatInt(cents, 10)
	if scale == 0 {
		return sign + s
	}
	if len(s) <= scale {
		s = strings.Repeat("0", scale-len(s)+1) + s
	}
	return sign + s[:len(s)-scale] + "." + s[len(s)-scale:]
}
