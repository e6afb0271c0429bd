package pdf

import (
	"bytes"
	"testing"

	"github.com/stillpoint/stillpoint/data"
)

// Every built-in handout — exercises and the longer advice sheets — fits
// one page on A4 and on US Letter: alone, and printed for a client with a
// dose from the plan, under a letterhead with a logo, a two-line name and
// a three-line address.
func TestEveryBuiltinHandoutFitsOnePage(t *testing.T) {
	tall := samplePractice()
	tall.Address = "Unit 4, The Old Mill\n214 Elm Street\nGuelph, ON N1H 3T4"
	for _, paper := range []data.PaperSize{data.PaperA4, data.PaperLetter} {
		for _, pr := range []data.Practice{samplePractice(), tall} {
			pr.PaperSize = paper
			for _, h := range builtinHandouts(t) {
				for _, in := range []HandoutInput{
					{Practice: pr, Handout: h, Created: created},
					{Practice: pr, Handout: h, For: "Nguyễn Thị Hoa", Created: created,
						Plan: data.HomeCareItem{HandoutID: h.ID, HandoutTitle: h.Title, Frequency: "Twice a day"}},
				} {
					var b bytes.Buffer
					if err := WriteHandout(&b, in); err != nil {
						t.Fatalf("%s: %v", h.BuiltinKey, err)
					}
					if n := len(pageTexts(t, b.Bytes())); n != 1 {
						t.Errorf("%s on %s (for %q) takes %d pages, want 1", h.BuiltinKey, paper, in.For, n)
					}
				}
			}
		}
	}
}
