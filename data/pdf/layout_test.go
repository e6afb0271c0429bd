package pdf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stillpoint/stillpoint/data"
)

func TestLongTextFlowsOverPagesWithNothingLost(t *testing.T) {
	d := mustNew(t, Options{Practice: samplePractice(), Title: "Flow", Created: created})
	var words []string
	for i := range 1500 {
		words = append(words, fmt.Sprintf("w%04d", i))
	}
	d.Paragraph(strings.Join(words, " "))
	b := render(t, d)
	qpdfCheck(t, b)
	pages := pageTexts(t, b)
	if len(pages) < 3 {
		t.Fatalf("1500 words fit on %d page(s); want the text to flow over at least 3", len(pages))
	}
	// Every word once, in order, over all pages: nothing clipped, nothing
	// printed twice (an overlap would repeat or garble words).
	var got []string
	for _, p := range pages {
		for _, f := range strings.Fields(p) {
			if len(f) == 5 && f[0] == 'w' {
				got = append(got, f)
			}
		}
	}
	if strings.Join(got, " ") != strings.Join(words, " ") {
		t.Fatalf("the words read back differ: got %d words, want %d", len(got), len(words))
	}
	for i, p := range pages {
		if !strings.Contains(p, fmt.Sprintf("Page %d of %d", i+1, len(pages))) {
			t.Errorf("page %d lacks its \"Page %d of %d\"", i+1, i+1, len(pages))
		}
	}
}

func TestTableHeaderRepeatsOnEveryPage(t *testing.T) {
	d := mustNew(t, Options{Practice: samplePractice(), Title: "Statement", Created: created})
	tb := Table{Columns: []Column{{Title: "Visit date"}, {Title: "Service", Width: 3}, {Title: "Amount", Align: AlignRight}}}
	for i := range 120 {
		tb.Rows = append(tb.Rows, []string{fmt.Sprintf("row%03d", i), "Massage 60 min with a longer description that wraps onto a second line of the cell", "$110.00"})
	}
	d.Table(tb)
	b := render(t, d)
	qpdfCheck(t, b)
	pages := pageTexts(t, b)
	if len(pages) < 3 {
		t.Fatalf("the table took %d page(s); want at least 3", len(pages))
	}
	seen := 0
	for i, p := range pages {
		if !strings.Contains(p, "Visit date") || !strings.Contains(p, "Amount") {
			t.Errorf("page %d has no table header", i+1)
		}
		for r := range 120 {
			if strings.Contains(p, fmt.Sprintf("row%03d", r)) {
				seen++
			}
		}
	}
	if seen != 120 {
		t.Fatalf("%d rows read back, want 120 (each exactly once)", seen)
	}
}

func TestPaperSizeFollowsThePractice(t *testing.T) {
	for _, c := range []struct {
		paper data.PaperSize
		w, h  float64
	}{{data.PaperA4, 210, 297}, {data.PaperLetter, 215.9, 279.4}, {"", 215.9, 279.4}} {
		p := samplePractice()
		p.PaperSize = c.paper
		d := mustNew(t, Options{Practice: p, Created: created})
		if w, h := d.pdf.GetPageSize(); abs(w-c.w) > 0.1 || abs(h-c.h) > 0.1 {
			t.Errorf("paper %q: page %.1f×%.1f mm, want %.1f×%.1f", c.paper, w, h, c.w, c.h)
		}
	}
}

func abs(v float64) float64 { return max(v, -v) }

func TestTextIsCleanedAndEveryCharacterHasAFont(t *testing.T) {
	d := mustNew(t, Options{Practice: samplePractice(), Created: created})
	cases := map[string]string{
		"Zoe\u0308":            "Zoë", // decomposed: composed before printing
		"a\x00b\x07c":          "a\uFFFDb\uFFFDc",
		"bad \xff\xfe bytes":   "bad \uFFFD bytes",
		"tab\there":            "tab here",
		"line\r\nbreak\rold":   "line\nbreak\nold",
		"bidi\u200f\u202emark": "bidimark",
		"emoji 👍\ufe0f":        "emoji 👍",
	}
	for in, want := range cases {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
	for _, r := range "Zoë Müller Łukasz Nguyễn Thị Hoa Анна Смирнова Γιώργος Παπαδόπουλος €£¥•—…" {
		if g := d.m.glyph(r, false); g.sub || g.font != fontRegular {
			t.Errorf("%q: font %d (sub %v), want DejaVu Sans", r, g.font, g.sub)
		}
		if g := d.m.glyph(r, true); g.sub || g.font != fontBold {
			t.Errorf("%q bold: font %d (sub %v), want DejaVu Sans Bold", r, g.font, g.sub)
		}
	}
	for _, r := range "王芳日本語ひらがなカタカナ" {
		if g := d.m.glyph(r, false); g.sub || g.font != fontCJK {
			t.Errorf("%q: font %d (sub %v), want Droid Sans Fallback", r, g.font, g.sub)
		}
	}
	for _, r := range "민준박지민김한글" {
		if g := d.m.glyph(r, false); g.sub || g.font != fontHangul {
			t.Errorf("%q: font %d (sub %v), want NanumSquare", r, g.font, g.sub)
		}
	}
	// 😀 and 🌸 are beyond the 16-bit range fpdf can index (a font that has
	// them made fpdf panic): they print as the substitute too.
	for _, r := range "👍🙂😀🌸\U0001F9D8\U00020000\U0010FFFDनத" {
		if g := d.m.glyph(r, false); !g.sub {
			t.Errorf("%q has no font yet is not replaced by the substitute mark", r)
		}
	}
	rs := d.runs("Anna 王芳 Hoa 👍", styleBody)
	var got []string
	for _, r := range rs {
		got = append(got, fmt.Sprintf("%d:%s", r.font, r.text))
	}
	if want := "0:Anna |2:王芳|0: Hoa \uFFFD"; strings.Join(got, "|") != want {
		t.Errorf("runs = %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestEmojiAndControlCharactersPrintAVisibleMark(t *testing.T) {
	d := mustNew(t, Options{Practice: samplePractice(), Created: created})
	// 😀 is in a fallback font but beyond what fpdf can index: it made
	// fpdf panic (index out of range [65536]) for any document naming it.
	d.Paragraph("Thumbs 👍 bell\x07 end, Sam 😀 王芳")
	text := strings.Join(pageTexts(t, render(t, d)), "")
	if !strings.Contains(text, "Thumbs \uFFFD bell\uFFFD end, Sam \uFFFD 王芳") {
		t.Fatalf("the text read back is %q; want the substitute mark where no font has the character", text)
	}
}

func TestCJKFontIsEmbeddedOnlyWhenNeeded(t *testing.T) {
	d := mustNew(t, Options{Practice: samplePractice(), Created: created})
	d.Paragraph("Zoë Müller")
	latin := render(t, d)
	d = mustNew(t, Options{Practice: samplePractice(), Created: created})
	d.Paragraph("王芳")
	cjk := render(t, d)
	if strings.Contains(string(latin), "utf8droid") {
		t.Errorf("a Latin-only document embeds the CJK font")
	}
	if !strings.Contains(string(cjk), "utf8droid") {
		t.Errorf("a document with 王芳 does not embed the CJK font")
	}
}

func TestWrapNeverLosesText(t *testing.T) {
	d := mustNew(t, Options{Practice: samplePractice(), Created: created})
	for _, s := range []string{
		"short",
		strings.Repeat("x", 500),  // one word wider than a line
		strings.Repeat("王芳", 200), // no spaces at all
		"  leading spaces and   runs   of spaces  ",
		"a-very-long-hyphenated-compound-word-that-goes-on-and-on-and-on-and-on-and-on",
	} {
		lines := d.wrap(s, styleBody, 40)
		joined := strings.Join(lines, "")
		if squash(joined) != squash(s) {
			t.Errorf("wrap(%.20q) lost text: %q", s, joined)
		}
		for _, l := range lines {
			if w := d.measure(l, styleBody); w > 40.01 && len([]rune(l)) > 1 {
				t.Errorf("wrap(%.20q): line %q is %.1f mm wide, over 40", s, l, w)
			}
		}
	}
	if got := d.wrap("x", styleBody, 0.1); len(got) != 1 {
		t.Errorf("a line narrower than a character gives %d lines", len(got))
	}
}
