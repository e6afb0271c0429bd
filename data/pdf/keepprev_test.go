package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/stillpoint/stillpoint/data"
)

// signatureAlone reports the first page (from 1) that holds nothing but the
// signature block under its running header, or 0.
func signatureAlone(pages []string) int {
	for i, p := range pages {
		var body []string
		for _, l := range strings.Split(p, "\n") {
			l = strings.TrimSpace(l)
			if l == "" || strings.Contains(l, "Page ") || strings.HasPrefix(l, "Care plan ·") {
				continue
			}
			body = append(body, l)
		}
		if len(body) > 0 && len(body) <= 2 && strings.Contains(strings.Join(body, " "), "Massage therapist") {
			return i + 1
		}
	}
	return 0
}

// An active plan whose body chart grows mark by mark pushes the signature
// over the page end at some count, on both paper sizes: it must always go
// with the last blocks above it, never alone on a page.
func TestCarePlanSignatureNeverAlone(t *testing.T) {
	for _, paper := range []data.PaperSize{data.PaperLetter, data.PaperA4} {
		for n := 1; n <= 14; n++ {
			in := samplePlan(t, "Ana Petrova")
			in.Practice.PaperSize = paper
			in.Plan.Status, in.Plan.DischargeDate, in.Plan.DischargeSummary = data.PlanActive, data.Date{}, ""
			in.Plan.Marks = nil
			for i := range n {
				in.Plan.Marks = append(in.Plan.Marks, data.Mark{Kind: data.MarkPain, View: data.ViewBack,
					X: 0.3 + 0.03*float64(i), Y: 0.2, Label: fmt.Sprintf("spot %d", i+1)})
			}
			var b bytes.Buffer
			if err := WriteCarePlan(&b, in); err != nil {
				t.Fatalf("%s, %d marks: %v", paper, n, err)
			}
			if p := signatureAlone(pageTexts(t, b.Bytes())); p > 0 {
				t.Errorf("%s, %d marks: page %d holds only the signature", paper, n, p)
			}
		}
	}
}
