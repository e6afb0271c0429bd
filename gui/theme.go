package gui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// calmTheme is Fyne's default theme with a quiet sage accent and an alert
// red that cannot be missed. Light or dark follows the operating system.
type calmTheme struct{}

var _ fyne.Theme = calmTheme{}

// Colours of the calm theme, by variant.
var (
	sageLight  = color.NRGBA{R: 0x3e, G: 0x7c, B: 0x74, A: 0xff}
	sageDark   = color.NRGBA{R: 0x7f, G: 0xbf, B: 0xb3, A: 0xff}
	alertRed   = color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}
	alertRedDk = color.NRGBA{R: 0xef, G: 0x53, B: 0x50, A: 0xff}
	demoAmber  = color.NRGBA{R: 0xf5, G: 0xb0, B: 0x41, A: 0xff}
	cautionBg  = color.NRGBA{R: 0xff, G: 0xf1, B: 0xd6, A: 0xff}
	cautionBgD = color.NRGBA{R: 0x4a, G: 0x3a, B: 0x1c, A: 0xff}
)

// Color gives the calm palette, falling back to Fyne's default.
func (calmTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	dark := v == theme.VariantDark
	switch n {
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		if dark {
			return sageDark
		}
		return sageLight
	case theme.ColorNameFocus:
		// Not the primary sage: a focused Save button (sage) must still
		// look different from an unfocused one.
		if dark {
			return color.NRGBA{R: 0xf2, G: 0xff, B: 0xfc, A: 0xa0}
		}
		return color.NRGBA{R: 0x0e, G: 0x33, B: 0x2e, A: 0x99}
	case theme.ColorNameSelection:
		c := sageLight
		if dark {
			c = sageDark
		}
		c.A = 0x40
		return c
	case theme.ColorNameError:
		if dark {
			return alertRedDk
		}
		return alertRed
	case theme.ColorNameDisabled, theme.ColorNamePlaceHolder:
		// Quiet text (low-importance labels use the disabled colour) and
		// placeholders stay readable: at least 4.5:1 on every background
		// they are drawn on (WCAG AA), see TestGreyTextReachesWCAGContrast.
		if dark {
			if n == theme.ColorNamePlaceHolder {
				break // Fyne's dark placeholder already reaches 4.5:1
			}
			return color.NRGBA{R: 0x94, G: 0x94, B: 0x94, A: 0xff}
		}
		return color.NRGBA{R: 0x6b, G: 0x6b, B: 0x6b, A: 0xff}
	case theme.ColorNameForeground:
		if !dark {
			return color.NRGBA{R: 0x2b, G: 0x32, B: 0x30, A: 0xff}
		}
	case theme.ColorNameSuccess:
		if dark {
			return color.NRGBA{R: 0x81, G: 0xc7, B: 0x84, A: 0xff}
		}
		return color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff}
	case theme.ColorNameWarning:
		return demoAmber
	case theme.ColorNameForegroundOnWarning:
		return color.NRGBA{R: 0x1a, G: 0x1a, B: 0x1a, A: 0xff} // dark text on amber, in both variants
	case theme.ColorNameForegroundOnPrimary:
		if dark {
			return color.NRGBA{R: 0x10, G: 0x20, B: 0x1e, A: 0xff}
		}
		return color.White
	}
	return theme.DefaultTheme().Color(n, v)
}

// Font is Fyne's default font.
func (calmTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

// Icon is Fyne's default icon.
func (calmTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

// Size is a little more generous padding than Fyne's default.
func (calmTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNamePadding:
		return 5
	case theme.SizeNameInnerPadding:
		return 9
	}
	return theme.DefaultTheme().Size(n)
}

// cautionBackground is the soft amber behind health cautions.
func cautionBackground(v fyne.ThemeVariant) color.Color {
	if v == theme.VariantDark {
		return cautionBgD
	}
	return cautionBg
}
