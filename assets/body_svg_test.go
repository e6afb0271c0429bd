package assets

import (
	"bytes"
	"encoding/xml"
	"io"
	"testing"
)

// TestBodyOutlinesAreSmallWellFormedSVG checks both body-chart views parse
// as XML, carry the colours the body chart swaps per theme, use the same
// view box (marks are stored relative to it) and stay small.
func TestBodyOutlinesAreSmallWellFormedSVG(t *testing.T) {
	for name, b := range map[string][]byte{"front": BodyFrontSVG, "back": BodyBackSVG} {
		if len(b) == 0 || len(b) > 20_000 {
			t.Errorf("%s: %d bytes, want 1..20000", name, len(b))
		}
		d := xml.NewDecoder(bytes.NewReader(b))
		var root string
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: not well-formed: %v", name, err)
			}
			if se, ok := tok.(xml.StartElement); ok && root == "" {
				root = se.Name.Local
				for _, a := range se.Attr {
					if a.Name.Local == "viewBox" && a.Value != "0 0 220 500" {
						t.Errorf("%s: viewBox %q, want 0 0 220 500", name, a.Value)
					}
				}
			}
		}
		if root != "svg" {
			t.Errorf("%s: root element %q, want svg", name, root)
		}
		for _, c := range []string{"#5f7a86", "#e9eef0"} {
			if !bytes.Contains(b, []byte(c)) {
				t.Errorf("%s: lacks the colour %s the body chart recolours", name, c)
			}
		}
	}
}
