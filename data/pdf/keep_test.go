package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stillpoint/stillpoint/assets"
	"github.com/stillpoint/stillpoint/data"
)

// placement is where one piece of text or picture landed.
type placement struct {
	page int
	y    float64
	what string
}

// tracked starts a document that records what goes where.
func tracked(t *testing.T, paper data.PaperSize) (*Doc, *[]placement) {
	t.Helper()
	p := samplePractice()
	p.PaperSize = paper
	d := mustNew(t, Options{Practice: p, Title: "Keep", Created: created})
	var got []placement
	d.placed = func(page int, y float64, what string) { got = append(got, placement{page, y, what}) }
	return d, &got
}

// pageOf is the page where the first placement matching what landed (0 if none).
func pageOf(got []placement, match func(string) bool) int {
	for _, p := range got {
		if match(p.what) {
			return p.page
		}
	}
	return 0
}

func TestHeadingIsKeptWithTheStartOfTheNextBlock(t *testing.T) {
	long := strings.Repeat("A first row that wraps onto several lines of its cell. ", 6)
	blocks := map[string]struct {
		add   func(d *Doc)
		first func(string) bool // the block's first placement
	}{
		"paragraph": {func(d *Doc) { d.Paragraph("NEXT " + long) }, func(s string) bool { return strings.HasPrefix(s, "NEXT") }},
		"bullets":   {func(d *Doc) { d.Bullets("NEXT "+long, "two") }, func(s string) bool { return strings.HasPrefix(s, "NEXT") }},
		"fields": {func(d *Doc) { d.Fields(Field{Label: "NEXT", Value: long}, Field{Label: "Other", Value: "x"}) },
			func(s string) bool { return s == "NEXT" }},
		"table": {func(d *Doc) {
			d.Table(Table{Columns: []Column{{Title: "NEXT"}, {Title: "Why", Width: 0.5}}, Rows: [][]string{{long, "x"}}})
		}, func(s string) bool { return s == "NEXT" }},
		"drawing": {func(d *Doc) { d.SVG(assets.BodyFrontSVG, 60, 60) }, func(s string) bool { return s == "[drawing]" }},
		"picture": {func(d *Doc) { d.Image(testPNG(200, 200), 50, 50) }, func(s string) bool { return s == "[picture]" }},
		"signature": {func(d *Doc) { d.SignatureLine(Signature{Name: "NEXT"}) },
			func(s string) bool { return s == "NEXT" }},
	}
	for _, paper := range []data.PaperSize{data.PaperA4, data.PaperLetter} {
		for name, b := range blocks {
			// From roomy to tight: the heading's place must follow its block's.
			for room := 10.0; room <= 60; room += 2.5 {
				t.Run(fmt.Sprintf("%s/%s/%.1fmm", paper, name, room), func(t *testing.T) {
					d, got := tracked(t, paper)
					d.Paragraph("Opening text.")
					d.Space(d.Remaining() - room)
					d.Heading("THE HEADING")
					d.Subheading("THE SUBHEADING")
					b.add(d)
					render(t, d)
					hp := pageOf(*got, func(s string) bool { return s == "THE HEADING" })
					sp := pageOf(*got, func(s string) bool { return s == "THE SUBHEADING" })
					fp := pageOf(*got, b.first)
					if hp == 0 || fp == 0 {
						t.Fatalf("heading on page %d, block on page %d: something was not drawn", hp, fp)
					}
					if hp != fp || sp != fp {
						t.Fatalf("with %.1f mm left, the heading is on page %d, its subheading on %d, but the %s starts on page %d",
							room, hp, sp, name, fp)
					}
				})
			}
		}
	}
}

func TestHeadingAtTheEndIsStillPrinted(t *testing.T) {
	d, got := tracked(t, data.PaperA4)
	d.Paragraph("Text.")
	d.Heading("LAST HEADING")
	render(t, d)
	if pageOf(*got, func(s string) bool { return s == "LAST HEADING" }) != 1 {
		t.Fatal("a heading with nothing after it was not printed")
	}
}

// planHeadings are the care plan's headings and the first text after each.
var planHeadings = []struct{ heading, first string }{
	{"Goals", "Goal 01"},
	{"Treatment", "Techniques"},
	{"Reassessments", "Pain, range of motion"},
	{"Home care", "Chin tucks"},
	{"Advice", "Use heat on the neck"},
	{"Referrals", "Dr. Singh"},
	{"Body chart", "Front"},
	{"Discharge", "Discharged on"},
}

func TestCarePlanHeadingsStayWithTheirFirstLines(t *testing.T) {
	needTool(t, "pdftotext")
	checked := 0
	for _, paper := range []data.PaperSize{data.PaperA4, data.PaperLetter} {
		// More and more goals push every later heading down the pages, so
		// some land near a page's foot.
		for n := 1; n <= 24; n++ {
			in := samplePlan(t, "Zoë Müller")
			in.Practice.PaperSize = paper
			in.Plan.Goals = nil
			for i := 1; i <= n; i++ {
				in.Plan.Goals = append(in.Plan.Goals, data.Goal{Description: fmt.Sprintf("Goal %02d: pain down", i),
					Unit: "/10", Baseline: 7, Target: 3, Direction: data.LowerIsBetter})
			}
			var b bytes.Buffer
			if err := WriteCarePlan(&b, in); err != nil {
				t.Fatal(err)
			}
			pages := pageTexts(t, b.Bytes())
			for _, h := range planHeadings {
				line := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(h.heading) + `\s*$`)
				hp, fp := -1, -1
				for i, p := range pages {
					if hp < 0 && line.MatchString(p) {
						hp = i
					}
					if hp >= 0 && fp < 0 && strings.Contains(p, h.first) {
						fp = i
					}
				}
				if hp < 0 {
					t.Fatalf("%s, %d goals: no heading %q", paper, n, h.heading)
				}
				if hp != fp {
					t.Errorf("%s, %d goals: heading %q ends page %d; %q starts on page %d", paper, n, h.heading, hp+1, h.first, fp+1)
				}
				checked++
			}
			// The discharge's summary and the signature stay with it.
			last := pages[len(pages)-1]
			for _, w := range []string{"Discharge", "Goals for pain met", "Marie-Claire Dubois, RMT"} {
				if !strings.Contains(last, w) {
					t.Errorf("%s, %d goals: the last page lacks %q:\n%s", paper, n, w, last)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no heading was checked")
	}
}
