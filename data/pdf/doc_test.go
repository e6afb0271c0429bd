package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stillpoint/stillpoint/assets"
)

// testSVG is a drawing in the handouts' subset: relative and absolute
// commands, an accent stroke.
const testSVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 180">
<path d="M 40 150 L 40 60 Q 40 30 70 30 L 120 30 c 20 0 30 10 30 30 v 40 h -40 z" fill="none" stroke="#2b4a4a" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>
<path d="M160 120 C 180 100, 200 100, 220 120 l -8 -2 m 8 2 l -2 -8" fill="none" stroke="#c0563b" stroke-width="3"/>
</svg>`

// sampleDoc builds a document using every building block.
func sampleDoc(t testing.TB, o Options) *Doc {
	t.Helper()
	d := mustNew(t, o)
	d.Title("Treatment note")
	d.Subtitle("Zoë Müller · born 1984-02-11 · visit 4 March 2026, 15:30")
	d.Fields(
		Field{Label: "Client", Value: "Zoë Müller"},
		Field{Label: "Date of birth", Value: "1984-02-11"},
		Field{Label: "Service", Value: "Massage 60 min"},
		Field{Label: "Pain", Value: "6 / 10"},
		Field{Label: "Referred by", Value: "Dr. Łukasz Nowak", Wide: true},
	)
	d.Heading("Subjective")
	d.Paragraph("Client reports tension in the neck and upper back after long days at the desk. " +
		"Sleep is better since the last visit.\n\nSecond paragraph: " + strings.Join(sixNames, ", ") + ".")
	d.Subheading("Home care")
	d.Bullets("Chin tucks, 2 × 10, twice a day", "Heat 15 minutes in the evening")
	d.Steps("Sit tall.", "Draw the chin straight back.", "Hold five seconds, then relax.")
	d.Table(Table{
		Columns: []Column{{Title: "Date", Width: 1}, {Title: "Service", Width: 2.4},
			{Title: "Amount", Width: 1, Align: AlignRight}},
		Rows: [][]string{{"2026-03-04", "Massage 60 min — Анна Смирнова", "$110.00"},
			{"2026-03-11", "Massage 90 min, Γιώργος Παπαδόπουλος", "$150.00"}},
		Totals: [][]string{{"", "Total", "$260.00"}},
		Zebra:  true,
	})
	d.SVG([]byte(testSVG), 60, 45)
	d.Image(testPNG(200, 100), 40, 30)
	d.Small("Printed from Stillpoint. 王芳, Nguyễn Thị Hoa.")
	d.SignatureLine(Signature{Name: "Marie-Claire Dubois, RMT", Role: "Massage therapist", Date: "2026-03-04", Image: testPNG(150, 40)})
	return d
}

func TestEveryFieldAndNamePrints(t *testing.T) {
	b := render(t, sampleDoc(t, Options{Practice: samplePractice(), Title: "Treatment note", Created: created}))
	qpdfCheck(t, b)
	text := squash(strings.Join(pageTexts(t, b), "\n"))
	want := append([]string{"Stillpoint Massage Therapy", "Marie-Claire Dubois, RMT", "Registration no. RMT-004512",
		"214 Elm Street, Suite 3", "Guelph, ON N1H 3T4", "(519) 555-0142", "hello@stillpoint.example", "stillpoint.example",
		"Treatment note", "Date of birth", "1984-02-11", "Massage 60 min", "6 / 10", "Subjective", "Home care",
		"Chin tucks, 2 × 10, twice a day", "Hold five seconds, then relax.", "Amount", "$260.00", "Massage therapist",
		"Page 1 of"}, sixNames...)
	for _, w := range want {
		if !strings.Contains(text, squash(w)) {
			t.Errorf("the PDF's text lacks %q", w)
		}
	}
	if strings.Contains(text, "\uFFFD") {
		t.Errorf("a substitute mark was printed for text every font has")
	}
}

func TestSameInputSameBytes(t *testing.T) {
	o := Options{Practice: samplePractice(), Title: "Treatment note", Created: created}
	a := render(t, sampleDoc(t, o))
	b := render(t, sampleDoc(t, o))
	if !bytes.Equal(a, b) {
		t.Fatalf("two renders of the same input differ (%d and %d bytes)", len(a), len(b))
	}
	o.Created = created.AddDate(0, 0, 1)
	if c := render(t, sampleDoc(t, o)); bytes.Equal(a, c) {
		t.Fatalf("the creation date is not in the file")
	}
}

func TestNewNeedsACreationDate(t *testing.T) {
	if _, err := New(Options{Practice: samplePractice()}); !errors.Is(err, ErrNoCreated) {
		t.Fatalf("New without Created: %v, want ErrNoCreated", err)
	}
}

// TestWritePNGs renders the sample to PNG pages for a person to look at:
// STILLPOINT_PDF_LOOK=/some/dir go test -run TestWritePNGs ./data/pdf
func TestWritePNGs(t *testing.T) {
	dir := os.Getenv("STILLPOINT_PDF_LOOK")
	if dir == "" {
		t.Skip("set STILLPOINT_PDF_LOOK to a folder to get the sample pages as PDF files")
	}
	for i, o := range []Options{
		{Practice: samplePractice(), Title: "Treatment note", Created: created},
		{Practice: samplePractice(), Title: "Receipt", Created: created, Duplicate: true},
	} {
		d := sampleDoc(t, o)
		d.Heading("Long text")
		for range 12 {
			d.Paragraph(strings.Repeat("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", 12))
		}
		long := Table{Columns: []Column{{Title: "#", Width: 0.4, Align: AlignRight}, {Title: "Text", Width: 4}}}
		for r := range 40 {
			long.Rows = append(long.Rows, []string{fmt.Sprint(r + 1), strings.Repeat("wrapped cell text ", r%5+1)})
		}
		d.Table(long)
		d.SVG(mustRead(t, "body-front.svg"), 50, 100)
		if err := os.WriteFile(fmt.Sprintf("%s/sample%d.pdf", dir, i), render(t, d), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func mustRead(t testing.TB, name string) []byte {
	t.Helper()
	switch name {
	case "body-front.svg":
		return assets.BodyFrontSVG
	}
	t.Fatalf("no asset %s", name)
	return nil
}
