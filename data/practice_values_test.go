package data

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/png"
	"strings"
	"testing"
)

// validPractice is a profile that passes validation, to change one field of.
func validPractice() Practice {
	return Practice{TherapistName: "Maya Lindqvist", Currency: "CAD", TimeZone: "America/Toronto", PaperSize: PaperLetter}
}

// practiceProblem normalizes and validates p and returns the message for field.
func practiceProblem(t *testing.T, p Practice, field string) string {
	t.Helper()
	p.normalize()
	err := p.Validate()
	var ve *ValidationError
	if err != nil && !errors.As(err, &ve) {
		t.Fatalf("Validate = %v", err)
	}
	if ve == nil {
		return ""
	}
	return ve.For(field)
}

func TestCurrencyIsAnISOCode(t *testing.T) {
	for _, code := range []string{"CAD", "usd", " eur ", "NZD", "GBP", "AUD", "CHF", "JPY", "XCG"} {
		p := validPractice()
		p.Currency = code
		if msg := practiceProblem(t, p, "Currency"); msg != "" {
			t.Errorf("%q refused: %s", code, msg)
		}
	}
	for _, code := range []string{"XYZ", "ABC", "HRK", "XAU", "XXX", "CA", "CADD", "ÇAD", "$"} {
		p := validPractice()
		p.Currency = code
		msg := practiceProblem(t, p, "Currency")
		if !strings.Contains(msg, strings.ToUpper(strings.TrimSpace(code))) || !strings.Contains(msg, "CAD") {
			t.Errorf("%q: message %q should name the code and give an example", code, msg)
		}
	}
	if codes := CurrencyCodes(); len(codes) < 150 || CurrencyName("CAD") != "Canadian Dollar" {
		t.Errorf("%d codes, CAD is %q", len(codes), CurrencyName("CAD"))
	}
}

func TestWebsiteLooksLikeOne(t *testing.T) {
	for _, site := range []string{"www.example.com", "example.ca", "https://cedar-stone.example.ca/book?now=1",
		"http://example.com", "massage.example.co.uk/", "https://bücher.example/", "example.com:8080"} {
		p := validPractice()
		p.Website = site
		if msg := practiceProblem(t, p, "Website"); msg != "" {
			t.Errorf("%q refused: %s", site, msg)
		}
	}
	for _, site := range []string{"example", "http://", "www example.com", "ftp://example.com",
		"mailto:maya@example.com", "https://exa_mple.com", "10.0.0.1", "https://.example.com",
		"maya@example.com", "https://user:pw@example.com", "javascript:alert(1)", "example..com"} {
		p := validPractice()
		p.Website = site
		if msg := practiceProblem(t, p, "Website"); !strings.Contains(msg, "www.example.com") {
			t.Errorf("%q: message %q should refuse it with an example", site, msg)
		}
	}
}

// pngHeader returns a tiny real PNG whose header claims w × h pixels, with
// a correct IHDR checksum: image.DecodeConfig believes it.
func pngHeader(t *testing.T, w, h uint32) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 1, 1))); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	// 8-byte signature, then IHDR: length (4), type (4), data (13), CRC (4).
	if string(b[12:16]) != "IHDR" {
		t.Fatalf("unexpected PNG layout %q", b[12:16])
	}
	binary.BigEndian.PutUint32(b[16:20], w)
	binary.BigEndian.PutUint32(b[20:24], h)
	binary.BigEndian.PutUint32(b[29:33], crc32.ChecksumIEEE(b[12:29]))
	return b
}

// A logo is refused by its size in pixels, read from its header, before
// anything decodes it: a 30000 × 30000 PNG is a few bytes on disk.
func TestLogoPixelLimit(t *testing.T) {
	huge := pngHeader(t, 30000, 30000)
	if cfg, err := png.DecodeConfig(bytes.NewReader(huge)); err != nil || cfg.Width != 30000 {
		t.Fatalf("crafted header: %+v, %v", cfg, err)
	}
	for _, tc := range []struct {
		w, h uint32
		says string
	}{
		{30000, 30000, "30000 × 30000 pixels"},
		{5000, 10, "5000 × 10 pixels"},
		{4096, 4000, "at most 4096 pixels"},
		{800, 400, ""},
		{4000, 4000, ""},
	} {
		p := validPractice()
		p.Logo = pngHeader(t, tc.w, tc.h)
		msg := practiceProblem(t, p, "Logo")
		if (tc.says == "") != (msg == "") || !strings.Contains(msg, tc.says) {
			t.Errorf("%d × %d: message %q, want %q", tc.w, tc.h, msg, tc.says)
		}
	}
	p := validPractice()
	p.Logo = make([]byte, 3<<20)
	copy(p.Logo, huge)
	if msg := practiceProblem(t, p, "Logo"); !strings.Contains(msg, "2 MB") {
		t.Errorf("3 MB logo: %q", msg)
	}
}
