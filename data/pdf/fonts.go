package pdf

import (
	"fmt"
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/norm"

	"github.com/stillpoint/stillpoint/assets"
)

// fontID names one embedded face. The order is the fallback order.
type fontID int8

const (
	fontRegular fontID = iota // DejaVu Sans
	fontBold                  // DejaVu Sans Bold
	fontCJK                   // Droid Sans Fallback (no bold face: CJK prints regular)
	fontHangul                // NanumSquare Regular: Korean, which Droid Sans Fallback lacks
	fontCount
)

// face is one parsed font: its bytes for fpdf and its outline tables for
// coverage and widths. Immutable after loading.
type face struct {
	family, style string // fpdf's names for it
	data          []byte
	font          *sfnt.Font
	upem          float64
}

// faces is the process-wide, parsed-once set of embedded fonts. It is
// immutable once loaded; per-document caches live in each Doc.
var faces = sync.OnceValues(loadFaces)

func loadFaces() ([fontCount]*face, error) {
	var out [fontCount]*face
	files := [fontCount]struct{ file, family, style string }{
		fontRegular: {"fonts/DejaVuSans.ttf", "dejavu", ""},
		fontBold:    {"fonts/DejaVuSans-Bold.ttf", "dejavu", "B"},
		fontCJK:     {"fonts/DroidSansFallbackFull.ttf", "droid", ""},
		fontHangul:  {"fonts/NanumSquareR.ttf", "nanum", ""},
	}
	for id, f := range files {
		b, err := assets.Fonts.ReadFile(f.file)
		if err != nil {
			return out, fmt.Errorf("pdf: read embedded font %s: %w", f.file, err)
		}
		parsed, err := sfnt.Parse(b)
		if err != nil {
			return out, fmt.Errorf("pdf: parse embedded font %s: %w", f.file, err)
		}
		out[id] = &face{family: f.family, style: f.style, data: b, font: parsed,
			upem: float64(parsed.UnitsPerEm())}
	}
	return out, nil
}

// substitute is printed for a character no embedded font has (an emoji, a
// control character): a visible mark, never an empty box.
const substitute = '\uFFFD'

// glyph is what a Doc knows about one character in one weight: which font
// draws it and its advance in thousandths of the font size (fpdf's unit).
type glyph struct {
	font  fontID
	width int
	sub   bool // no font has it: the substitute is drawn instead
}

// metrics answers "which font, how wide" for characters, caching per
// document (so nothing mutable is shared between goroutines).
type metrics struct {
	faces [fontCount]*face
	buf   sfnt.Buffer
	cache [2]map[rune]glyph // [0] regular, [1] bold
}

func newMetrics(f [fontCount]*face) *metrics {
	return &metrics{faces: f, cache: [2]map[rune]glyph{{}, {}}}
}

// covers reports whether face id has a real glyph for r, and its width.
func (m *metrics) covers(id fontID, r rune) (int, bool) {
	f := m.faces[id]
	idx, err := f.font.GlyphIndex(&m.buf, r)
	if err != nil || idx == 0 {
		return 0, false
	}
	adv, err := f.font.GlyphAdvance(&m.buf, idx, fixed.Int26_6(f.upem*64), font.HintingNone)
	if err != nil {
		return 0, false
	}
	// fpdf rounds the same way when it reads the font's widths.
	return int(math.Round(float64(adv) / 64 * 1000 / f.upem)), true
}

// glyph picks the font for r: the weight's own DejaVu face, then the other
// DejaVu face, then the CJK face, then the Korean one; a character none of them has becomes the
// substitute mark (which DejaVu has).
func (m *metrics) glyph(r rune, bold bool) glyph {
	w := 0
	if bold {
		w = 1
	}
	if g, ok := m.cache[w][r]; ok {
		return g
	}
	order := []fontID{fontRegular, fontBold, fontCJK, fontHangul}
	if bold {
		order = []fontID{fontBold, fontRegular, fontCJK, fontHangul}
	}
	var g glyph
	found := false
	// fpdf's UTF-8 fonts index characters by a 16-bit table: one beyond
	// the Basic Multilingual Plane (most emoji, rare CJK) crashes it even
	// when a font has the glyph (Droid Sans Fallback has some emoji), so
	// such a character always prints as the substitute.
	if r > 0xFFFF {
		order = nil
	}
	for _, id := range order {
		if width, ok := m.covers(id, r); ok {
			g, found = glyph{font: id, width: width}, true
			break
		}
	}
	if !found {
		if r == substitute {
			// Cannot happen with DejaVu; keep a sane width anyway.
			g = glyph{font: order[0], width: 600}
		} else {
			g = m.glyph(substitute, bold)
			g.sub = true
		}
	}
	m.cache[w][r] = g
	return g
}

// clean makes any string safe to print: invalid UTF-8 becomes the
// substitute, text is composed (NFC, so "e" + two accents prints as one
// "ễ"), Windows line ends become "\n", tabs become spaces, invisible
// formatting characters (bidi marks, zero-width joiners, variation
// selectors) are dropped and other control characters become the
// substitute. Newlines are kept for the caller to break lines on.
func clean(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, string(substitute))
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	prevCR := false
	for _, r := range s {
		switch {
		case r == '\r':
			b.WriteByte('\n')
		case r == '\n':
			if !prevCR {
				b.WriteByte('\n')
			}
		case r == '\t':
			b.WriteByte(' ')
		case r == '\u00A0' || r == '\u2007' || r == '\u202F':
			b.WriteRune(r) // no-break spaces stay, DejaVu has them
		case unicode.Is(unicode.Cf, r), r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF:
			// invisible: nothing to draw
		case unicode.IsControl(r), r == '\u2028', r == '\u2029':
			if r == '\u2028' || r == '\u2029' {
				b.WriteByte('\n')
			} else {
				b.WriteRune(substitute)
			}
		default:
			b.WriteRune(r)
		}
		prevCR = r == '\r'
	}
	return b.String()
}

// oneLine is clean for single-line values (names, labels): line breaks
// become spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(clean(s), "\n", " ")), " ")
}
