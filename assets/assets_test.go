package assets

import (
	"bytes"
	"image/png"
	"strings"
	"testing"
)

func TestIconsAreUsable(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(IconPNG))
	if err != nil {
		t.Fatalf("icon.png: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 512 || b.Dy() != 512 {
		t.Errorf("icon.png is %dx%d, want 512x512", b.Dx(), b.Dy())
	}
	if !strings.Contains(string(IconSVG), "<svg") {
		t.Error("icon.svg is not an SVG")
	}
}
