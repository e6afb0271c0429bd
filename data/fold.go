package data

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// foldSpecial maps letters that Unicode does not decompose into a base letter
// plus a mark, so that "lukasz" finds "Łukasz" and "soren" finds "Søren".
var foldSpecial = map[rune]string{
	'ł': "l", 'ø': "o", 'đ': "d", 'ð': "d", 'ħ': "h", 'ı': "i", 'ŀ': "l",
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'þ': "th", 'ŋ': "n", 'ŧ': "t",
}

// Fold turns text into its search form: lower case, accents removed, and every
// run of characters that is neither a letter nor a digit turned into one space.
// Letters of other scripts (Cyrillic, Greek, Han…) are kept, lower-cased.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true // suppress leading spaces
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
			if rep, ok := foldSpecial[r]; ok {
				b.WriteString(rep)
			} else {
				b.WriteRune(r)
			}
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// digits keeps only the ASCII digits of s (for phone numbers).
func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Collator produces sort keys that order names the way people expect:
// "Łukasz" under L, "Émile" with the Es, case ignored. It is safe for
// concurrent use.
type Collator struct {
	mu  sync.Mutex
	c   *collate.Collator
	buf collate.Buffer
}

// NewCollator returns a collator for the root (language-neutral) order.
func NewCollator() *Collator {
	return &Collator{c: collate.New(language.Und, collate.IgnoreCase)}
}

// Key returns a byte string whose byte order is the name order of s. Join a
// last and a first name with a space: a space sorts before every letter, so
// "Smith Zoë" comes before "Smithson Al".
func (c *Collator) Key(s string) []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	key := append([]byte(nil), c.c.KeyFromString(&c.buf, s)...)
	c.buf.Reset()
	return key
}
