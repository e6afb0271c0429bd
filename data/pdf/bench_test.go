package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// BenchmarkNote renders the sample signed note (letterhead with logo, body
// chart, one amendment).
//
//	go test -tags "x11 sqlite_fts5 migrated_fynedo" -run '^$' -bench . -benchmem ./data/pdf
func BenchmarkNote(b *testing.B) {
	in := sampleNote("Zoë Müller")
	var buf bytes.Buffer
	defer reportCPU(b)()
	for b.Loop() {
		buf.Reset()
		if err := WriteNote(&buf, in); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KB/doc")
}

// BenchmarkThreePages renders a three-page document with a line drawing, a
// picture and a 45-row table: with all six sample names ("cjk", which embeds
// the 4 MB CJK font) and with the five that DejaVu covers ("latin").
func BenchmarkThreePages(b *testing.B) {
	b.Run("cjk", func(b *testing.B) { benchThreePages(b, sixNames) })
	b.Run("latin", func(b *testing.B) { benchThreePages(b, sixNames[:5]) })
}

func benchThreePages(b *testing.B, names []string) {
	var buf bytes.Buffer
	pages := 0
	defer reportCPU(b)()
	for b.Loop() {
		buf.Reset()
		d := threePages(b, names)
		pages = d.Pages()
		if err := d.Write(&buf); err != nil {
			b.Fatal(err)
		}
	}
	if pages != 3 {
		b.Fatalf("the document has %d pages, want 3", pages)
	}
	b.ReportMetric(float64(buf.Len())/1024, "KB/doc")
}

func threePages(b testing.TB, names []string) *Doc {
	d := mustNew(b, Options{Practice: samplePractice(), Title: "Care plan", Created: created})
	d.Title("Care plan")
	d.Subtitle(strings.Join(names, " · "))
	d.Heading("Why we are working together")
	d.Paragraph(strings.Repeat("Neck and shoulder tension from desk work, with headaches twice a week. ", 6))
	d.Heading("Home care")
	d.SVG([]byte(testSVG), 70, 52)
	d.Steps("Sit tall.", "Draw the chin straight back.", "Hold five seconds, then relax.")
	d.Image(testPNG(300, 150), 50, 25)
	t := Table{Columns: []Column{{Title: "Date"}, {Title: "Service", Width: 3}, {Title: "Amount", Align: AlignRight}}, Zebra: true}
	for i := range 45 {
		t.Rows = append(t.Rows, []string{fmt.Sprintf("2026-03-%02d", i%28+1), "Massage 60 min · " + names[i%len(names)], "$110.00"})
	}
	d.Table(t)
	d.SignatureLine(Signature{Name: "Marie-Claire Dubois, RMT", Role: "Massage therapist", Date: "4 Mar 2026"})
	return d
}

// reportCPU adds "cpu-ms/op" (CPU time, which other programs on a busy
// machine do not inflate; the benchmark loop itself is single-threaded
// apart from the garbage collector). Call as defer reportCPU(b)().
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		if b.N > 0 {
			b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
		}
	}
}

// BenchmarkLongStatement renders a 20-page table (how a long document grows).
func BenchmarkLongStatement(b *testing.B) {
	var buf bytes.Buffer
	pages := 0
	defer reportCPU(b)()
	for b.Loop() {
		buf.Reset()
		d := mustNew(b, Options{Practice: samplePractice(), Title: "Statement", Created: created})
		t := Table{Columns: []Column{{Title: "Date"}, {Title: "Service", Width: 3}, {Title: "Amount", Align: AlignRight}}, Zebra: true}
		for i := range 640 {
			t.Rows = append(t.Rows, []string{fmt.Sprintf("2026-03-%02d", i%28+1), "Massage 60 min · " + sixNames[i%5], "$110.00"})
		}
		d.Table(t)
		pages = d.Pages()
		if err := d.Write(&buf); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(buf.Len())/1024, "KB/doc")
}
