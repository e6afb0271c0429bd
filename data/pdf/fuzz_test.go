package pdf

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzDoc puts one arbitrary string into every text field of a document:
// the result must always be a PDF qpdf accepts, never a panic or an error.
//
//	go test -run '^$' -fuzz FuzzDoc -fuzztime 30s ./data/pdf
func FuzzDoc(f *testing.F) {
	for _, s := range []string{
		"",
		"Zoë Müller, Łukasz Nowak, Nguyễn Thị Hoa, Анна Смирнова, Γιώργος Παπαδόπουλος, 王芳",
		strings.Repeat("very long text without end ", 400),
		strings.Repeat("x", 5000),
		"\x00\x01\x02\x1b[31m\x7f\u0085\u2028\u2029\r\n\t",
		"مرحبا بالعالم — שלום עולם \u202e reversed \u202c",
		"👍🏽 👨‍👩‍👧 ❤️ 🙂 \U0001F9D8",
		"\xff\xfe\xfd invalid \xc3\x28 utf-8 \xed\xa0\x80",
		"(unbalanced \\ parens ) %PDF-1.4 endstream endobj",
		"{nb} {pg} Page 1 of 1",
		"\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n",
		"नमस्ते दुनिया ಕನ್ನಡ 한국어",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := samplePractice()
		p.BusinessName, p.TherapistName, p.Credentials, p.RegistrationNumber = s, s, s, s
		p.Address, p.Phone, p.Email, p.Website = s, s, s, s
		d, err := New(Options{Practice: p, Title: s, Created: created, Duplicate: len(s)%2 == 1})
		if err != nil {
			t.Fatalf("New: %v", err)
		}
		d.Title(s)
		d.Subtitle(s)
		d.Fields(Field{Label: s, Value: s}, Field{Label: s, Value: s, Wide: true}, Field{Label: s, Value: s})
		d.Heading(s)
		d.Paragraph(s)
		d.Subheading(s)
		d.Bullets(s, s)
		d.Steps(s)
		d.Small(s)
		d.Table(Table{
			Columns: []Column{{Title: s, Width: 1}, {Title: s, Width: 2, Align: AlignRight}},
			Rows:    [][]string{{s, s}, {s}, {s, s, s}},
			Totals:  [][]string{{s, s}},
			Zebra:   true,
		})
		d.SignatureLine(Signature{Name: s, Role: s, Date: s})
		var b bytes.Buffer
		if err := d.Write(&b); err != nil {
			t.Fatalf("Write: %v", err)
		}
		if !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) {
			t.Fatalf("the output does not start like a PDF")
		}
		qpdfCheck(t, b.Bytes())
	})
}

// FuzzSVG feeds arbitrary drawings to SVG: an error or a drawing, never a
// panic, and a document that still writes when the drawing was accepted.
func FuzzSVG(f *testing.F) {
	f.Add([]byte(testSVG))
	f.Add([]byte(`<svg viewBox="0 0 10 10"><path d="M 0 0 A 5 5 0 0 1 10 10"/></svg>`))
	f.Add([]byte(`<svg width="10" height="10"><path d="M 1 1 L"/></svg>`))
	f.Add([]byte(`<svg viewBox="0 0 0 0"></svg>`))
	f.Add([]byte(`not xml at all`))
	f.Fuzz(func(t *testing.T, svg []byte) {
		d, err := New(Options{Practice: samplePractice(), Created: created})
		if err != nil {
			t.Fatal(err)
		}
		d.SVG(svg, 50, 50)
		var b bytes.Buffer
		_ = d.Write(&b) // an unsupported drawing is an error, which is fine
	})
}

// FuzzImage feeds arbitrary bytes to Image and as the logo: an error or a
// picture, never a panic (fpdf itself panics on some damaged PNGs).
func FuzzImage(f *testing.F) {
	good := testPNG(20, 10)
	f.Add(good)
	f.Add(good[:60])
	f.Add([]byte("\xff\xd8\xff\xe0 not really a jpeg"))
	f.Fuzz(func(t *testing.T, img []byte) {
		p := samplePractice()
		p.Logo = img
		d, err := New(Options{Practice: p, Created: created})
		if err != nil {
			t.Fatal(err)
		}
		d.Image(img, 30, 30)
		_ = d.Write(&bytes.Buffer{}) // an unreadable picture is an error, which is fine
	})
}
