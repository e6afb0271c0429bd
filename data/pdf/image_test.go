package pdf

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
)

func TestPicturesAndDrawings(t *testing.T) {
	// A 16-bit PNG (which fpdf cannot read itself) is converted and prints.
	img := image.NewRGBA64(image.Rect(0, 0, 40, 20))
	for x := range 40 {
		img.Set(x, 10, color.RGBA64{0x2b2b, 0x4a4a, 0x4a4a, 0xffff})
	}
	var deep bytes.Buffer
	if err := png.Encode(&deep, img); err != nil {
		t.Fatal(err)
	}
	if !needsConversion(deep.Bytes()) {
		t.Fatal("a 16-bit PNG is not recognised as one to convert")
	}
	d := mustNew(t, Options{Practice: samplePractice(), Created: created})
	d.Image(deep.Bytes(), 40, 20)
	d.Image(testPNG(10, 10), 40, 20) // the logo's picture again: registered once
	d.SVG([]byte(testSVG), 50, 40)
	qpdfCheck(t, render(t, d))

	for _, c := range []struct {
		name string
		add  func(*Doc)
		want error
	}{
		{"not a picture", func(d *Doc) { d.Image([]byte("GIF89a nonsense"), 10, 10) }, ErrImage},
		{"a truncated PNG", func(d *Doc) { d.Image(testPNG(50, 50)[:60], 10, 10) }, ErrImage},
		{"a signature that is not a picture", func(d *Doc) { d.SignatureLine(Signature{Name: "x", Image: []byte("x")}) }, ErrImage},
		{"an arc", func(d *Doc) {
			d.SVG([]byte(`<svg viewBox="0 0 10 10"><path d="M 0 0 A 5 5 0 0 1 10 10"/></svg>`), 10, 10)
		}, ErrSVG},
		{"no size", func(d *Doc) { d.SVG([]byte(`<svg><path d="M 0 0 L 1 1"/></svg>`), 10, 10) }, ErrSVG},
		{"not XML", func(d *Doc) { d.SVG([]byte(`<svg`), 10, 10) }, ErrSVG},
	} {
		d := mustNew(t, Options{Practice: samplePractice(), Created: created})
		c.add(d)
		d.Paragraph("after the problem")
		if err := d.Write(&bytes.Buffer{}); !errors.Is(err, c.want) {
			t.Errorf("%s: Write gives %v, want %v", c.name, err, c.want)
		}
	}
}

func TestBrokenLogoIsLeftOut(t *testing.T) {
	p := samplePractice()
	p.Logo = []byte("\x89PNG\r\n\x1a\n broken")
	d := mustNew(t, Options{Practice: p, Created: created})
	d.Paragraph("The document still prints.")
	text := strings.Join(pageTexts(t, render(t, d)), "")
	if !strings.Contains(text, "The document still prints.") || !strings.Contains(text, "Stillpoint Massage Therapy") {
		t.Fatalf("a broken logo stopped the letterhead or the document:\n%s", text)
	}
}

func TestDuplicateMark(t *testing.T) {
	for _, dup := range []bool{false, true} {
		d := mustNew(t, Options{Practice: samplePractice(), Title: "Receipt", Created: created, Duplicate: dup})
		d.Paragraph("Receipt body")
		d.PageBreak()
		d.Paragraph("Second page")
		pages := pageTexts(t, render(t, d))
		for i, p := range pages {
			if got := strings.Contains(p, "DUPLICATE"); got != dup {
				t.Errorf("Duplicate %v: page %d shows DUPLICATE %v", dup, i+1, got)
			}
		}
	}
}

func TestKeepTogetherAndPageBreak(t *testing.T) {
	d := mustNew(t, Options{Practice: samplePractice(), Created: created})
	d.PageBreak() // an empty first page is not left behind
	if d.Pages() != 1 {
		t.Fatalf("PageBreak on an empty page made %d pages", d.Pages())
	}
	d.KeepTogether(d.Remaining() - 1)
	if d.Pages() != 1 {
		t.Fatal("KeepTogether broke the page though the block fits")
	}
	d.Paragraph("x")
	d.KeepTogether(d.Remaining() + 1)
	if d.Pages() != 2 {
		t.Fatal("KeepTogether did not break the page for a block that does not fit")
	}
}
