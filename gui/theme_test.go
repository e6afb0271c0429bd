package gui

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// relativeLuminance is WCAG 2's relative luminance of an opaque colour.
func relativeLuminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrastRatio is WCAG 2's contrast ratio of two colours, from 1 to 21.
// A translucent foreground is blended over the background first.
func contrastRatio(fg, bg color.Color) float64 {
	fg = over(fg, bg)
	a, b := relativeLuminance(fg), relativeLuminance(bg)
	if a < b {
		a, b = b, a
	}
	return (a + 0.05) / (b + 0.05)
}

// over blends fg over an opaque bg.
func over(fg, bg color.Color) color.Color {
	fr, fg2, fb, fa := fg.RGBA()
	br, bg2, bb, _ := bg.RGBA()
	mix := func(f, b uint32) uint8 {
		return uint8((f + b*(0xffff-fa)/0xffff) >> 8)
	}
	return color.NRGBA{R: mix(fr, br), G: mix(fg2, bg2), B: mix(fb, bb), A: 0xff}
}

func TestContrastRatioMatchesWCAGExamples(t *testing.T) {
	for _, tc := range []struct {
		fg, bg color.Color
		want   float64
	}{
		{color.Black, color.White, 21},
		{color.NRGBA{R: 0x76, G: 0x76, B: 0x76, A: 0xff}, color.White, 4.54},
		{color.NRGBA{R: 0x77, G: 0x77, B: 0x77, A: 0xff}, color.White, 4.48},
	} {
		if got := contrastRatio(tc.fg, tc.bg); math.Abs(got-tc.want) > 0.01 {
			t.Errorf("contrast of %v on %v = %.2f, want %.2f", tc.fg, tc.bg, got, tc.want)
		}
	}
}

// Grey text — low-importance labels (drawn in the disabled colour),
// placeholders and disabled text — stays readable: at least 4.5:1 (WCAG
// AA for body text) on every surface it is drawn on, in both variants.
func TestGreyTextReachesWCAGContrast(t *testing.T) {
	th := calmTheme{}
	surfaces := []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameInputBackground,
		theme.ColorNameOverlayBackground, theme.ColorNameMenuBackground}
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		for _, text := range []fyne.ThemeColorName{theme.ColorNameDisabled, theme.ColorNamePlaceHolder, theme.ColorNameForeground} {
			for _, bg := range surfaces {
				fg := th.Color(text, v)
				// A surface may be translucent over the page.
				back := over(th.Color(bg, v), th.Color(theme.ColorNameBackground, v))
				if r := contrastRatio(fg, back); r < 4.5 {
					t.Errorf("variant %d: %s %v on %s %v: contrast %.2f:1, want at least 4.5:1", v, text, fg, bg, back, r)
				}
			}
		}
	}
}

// A focused button must look different from an unfocused one, also the
// primary (sage) Save button: the focus colour drawn over it must change it
// visibly (at least 1.4:1), in both variants.
func TestFocusIsVisibleOnPrimaryButtons(t *testing.T) {
	th := calmTheme{}
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		primary := th.Color(theme.ColorNamePrimary, v)
		focused := over(th.Color(theme.ColorNameFocus, v), primary)
		if r := contrastRatio(focused, primary); r < 1.4 {
			t.Errorf("variant %d: a focused primary button differs by only %.2f:1", v, r)
		}
		bg := th.Color(theme.ColorNameButton, v)
		if r := contrastRatio(over(th.Color(theme.ColorNameFocus, v), bg), bg); r < 1.4 {
			t.Errorf("variant %d: a focused plain button differs by only %.2f:1", v, r)
		}
	}
}
