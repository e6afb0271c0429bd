package pdf

import (
	"strings"
	"unicode"
)

// The look: one sans-serif family, generous margins, a thin accent rule,
// grey secondary text. All lengths are millimetres, font sizes points.
const (
	marginSide   = 20.0
	marginTop    = 16.0
	marginBottom = 20.0 // the footer sits inside it

	titleSize      = 17.0
	headingSize    = 12.5
	subheadingSize = 10.5
	bodySize       = 10.0
	smallSize      = 8.5
	footerSize     = 7.5

	leading = 1.38 // line height as a multiple of the font size

	gapParagraph     = 2.6
	gapHeadingBefore = 5.0
	gapHeadingAfter  = 1.6
	gapBlock         = 3.5

	ptToMM = 25.4 / 72
)

// rgb is a colour.
type rgb struct{ r, g, b int }

var (
	colInk    = rgb{33, 37, 41}
	colMuted  = rgb{104, 112, 118}
	colAccent = rgb{43, 74, 74}
	colRule   = rgb{205, 212, 214}
	colZebra  = rgb{243, 246, 246}
	colHead   = rgb{232, 238, 238}
	colMark   = rgb{226, 230, 232}
)

// textStyle is how a piece of text is drawn.
type textStyle struct {
	size  float64
	bold  bool
	color rgb
}

var (
	styleBody    = textStyle{bodySize, false, colInk}
	styleSmall   = textStyle{smallSize, false, colMuted}
	styleLabel   = textStyle{smallSize, false, colMuted}
	styleTitle   = textStyle{titleSize, true, colInk}
	styleHeading = textStyle{headingSize, true, colAccent}
	styleSubhead = textStyle{subheadingSize, true, colInk}
	styleStrong  = textStyle{bodySize, true, colInk}
)

// lineHeight is the height of one line of text in st.
func (st textStyle) lineHeight() float64 { return st.size * ptToMM * leading }

// Align is how text sits in its column.
type Align int

// The alignments.
const (
	AlignLeft Align = iota
	AlignRight
	AlignCenter
)

// runeWidth is the advance of r in st, in millimetres.
func (d *Doc) runeWidth(r rune, st textStyle) float64 {
	return float64(d.m.glyph(r, st.bold).width) * st.size / 1000 * ptToMM
}

// measure is the width of one line of cleaned text.
func (d *Doc) measure(s string, st textStyle) float64 {
	w := 0.0
	for _, r := range s {
		w += d.runeWidth(r, st)
	}
	return w
}

// breaksAround reports whether a line may break before or after r without a
// space: Chinese, Japanese and Korean text has no spaces between words.
func breaksAround(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

// wrap breaks cleaned text into lines no wider than width: at "\n", at
// spaces, around CJK characters, and inside a word only when the word alone
// is wider than the line.
func (d *Doc) wrap(s string, st textStyle, width float64) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, d.wrapLine([]rune(para), st, width)...)
	}
	return out
}

func (d *Doc) wrapLine(rs []rune, st textStyle, width float64) []string {
	if len(rs) == 0 {
		return []string{""}
	}
	var lines []string
	start := 0
	for start < len(rs) {
		// Skip spaces at the start of a continued line.
		if len(lines) > 0 {
			for start < len(rs) && rs[start] == ' ' {
				start++
			}
			if start == len(rs) {
				break
			}
		}
		w := 0.0
		end := start // exclusive end of the line so far
		brk := -1    // best break: the line ends before brk
		for end < len(rs) {
			r := rs[end]
			rw := d.runeWidth(r, st)
			if r == ' ' {
				brk = end
			} else if breaksAround(r) && end > start {
				brk = end
			}
			if w+rw > width && end > start {
				break
			}
			w += rw
			end++
			if breaksAround(r) || r == '-' || r == '/' {
				if end < len(rs) {
					brk = end
				}
			}
		}
		if end == len(rs) {
			lines = append(lines, strings.TrimRight(string(rs[start:]), " "))
			break
		}
		if brk > start {
			end = brk
		}
		lines = append(lines, strings.TrimRight(string(rs[start:end]), " "))
		start = end
	}
	return lines
}

// run is a stretch of text drawn in one font.
type run struct {
	font fontID
	text string
	w    float64
}

// runs splits a line into runs by font; characters no font has become the
// substitute mark.
func (d *Doc) runs(s string, st textStyle) []run {
	var out []run
	var b strings.Builder
	cur := fontID(-1)
	w := 0.0
	flush := func() {
		if b.Len() > 0 {
			out = append(out, run{cur, b.String(), w})
		}
		b.Reset()
		w = 0
	}
	for _, r := range s {
		g := d.m.glyph(r, st.bold)
		if g.font != cur {
			flush()
			cur = g.font
		}
		if g.sub {
			r = substitute
		}
		b.WriteRune(r)
		w += float64(g.width) * st.size / 1000 * ptToMM
	}
	flush()
	return out
}

// useFont selects face id at size in fpdf, adding a fallback face (CJK,
// Korean) the first time a document needs it: most documents never do, and
// they are the large ones.
func (d *Doc) useFont(id fontID, size float64) {
	f := d.m.faces[id]
	if id >= fontCJK && !d.added[id] {
		d.pdf.AddUTF8FontFromBytes(f.family, f.style, f.data)
		d.added[id] = true
	}
	d.pdf.SetFont(f.family, f.style, size)
}

// drawLine draws one line of cleaned text with its box's top at y, aligned
// within [x, x+width].
func (d *Doc) drawLine(x, y, width float64, s string, st textStyle, al Align) {
	d.mark(y, s)
	rs := d.runs(s, st)
	total := 0.0
	for _, r := range rs {
		total += r.w
	}
	switch al {
	case AlignRight:
		x += width - total
	case AlignCenter:
		x += (width - total) / 2
	}
	sizeMM := st.size * ptToMM
	base := y + (st.lineHeight()-sizeMM)/2 + sizeMM*0.78
	for _, r := range rs {
		d.useFont(r.font, st.size)
		// The fill colour is set with the text colour so each run carries
		// its colour (fpdf then emits it once, in the page's own state).
		d.pdf.SetTextColor(st.color.r, st.color.g, st.color.b)
		d.pdf.SetFillColor(st.color.r, st.color.g, st.color.b)
		d.pdf.Text(x, base, r.text)
		x += r.w
	}
}

// textBlock wraps text into width and draws it from the current position at
// x, breaking pages between lines. It never splits a line. A held heading
// goes down with its first lines.
func (d *Doc) textBlock(x, width float64, text string, st textStyle, al Align) {
	lh := st.lineHeight()
	lines := d.wrap(clean(text), st, width)
	d.placeHeld(firstLines(len(lines), st))
	for _, line := range lines {
		if !d.room(lh) {
			d.newPage()
		}
		if line != "" {
			d.drawLine(x, d.y, width, line, st, al)
		}
		d.y += lh
	}
}

// rule draws a horizontal line across the text column at y.
func (d *Doc) rule(y, thick float64, c rgb) {
	d.pdf.SetDrawColor(c.r, c.g, c.b)
	d.pdf.SetLineWidth(thick)
	d.pdf.Line(marginSide, y, d.pageW-marginSide, y)
}
