package gui

import (
	"errors"
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// servicePalette is the colours offered for services: calm, mid-tone
// colours whose calendar tint stays readable under the theme's text in the
// light and the dark variant (TestServicePaletteIsReadable).
var servicePalette = []string{
	"#5B9BD5", // blue
	"#4BA3A8", // teal
	"#70AD47", // green
	"#9AA84A", // olive
	"#E0943A", // amber
	"#D9756B", // coral
	"#C76F9B", // rose
	"#A569BD", // violet
	"#7D83C9", // periwinkle
	"#8C8C8C", // grey
}

// hexToColor reads "#RRGGBB"; ok is false for anything else.
func hexToColor(s string) (color.NRGBA, bool) {
	if len(s) != 7 || s[0] != '#' {
		return color.NRGBA{}, false
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return color.NRGBA{}, false
	}
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}, true
}

// parsePrice reads a price as typed ("85", "85.50", "$85.5", "1,200")
// into cents.
func parsePrice(s string) (int64, error) {
	t := strings.TrimSpace(s)
	t = strings.TrimLeft(t, "$£€ ")
	t = strings.ReplaceAll(t, ",", "")
	if t == "" {
		return 0, errors.New("Give the price, e.g. 85 or 85.50 (0 for a free service).")
	}
	whole, frac, dot := strings.Cut(t, ".")
	if whole == "" {
		whole = "0"
	}
	if !digits(whole) || !digits(frac) || (dot && frac == "") || len(frac) > 2 || len(whole) > 7 {
		if strings.HasPrefix(t, "-") {
			return 0, errors.New("The price cannot be negative.")
		}
		return 0, fmt.Errorf("“%s” is not a price; write it like 85 or 85.50.", firstRunes(strings.TrimSpace(s), 20))
	}
	for len(frac) < 2 {
		frac += "0"
	}
	w, _ := strconv.ParseInt(whole, 10, 64)
	f, _ := strconv.ParseInt(frac, 10, 64)
	return w*100 + f, nil
}

// priceText is cents as a plain amount for the price field: "85.50".
func priceText(cents int64) string { return fmt.Sprintf("%d.%02d", cents/100, cents%100) }

// formatMoney shows cents in the practice's currency: "$85.50",
// "£60.00", "85.50 CHF".
func formatMoney(cents int64, currency string) string {
	amount := priceText(cents)
	switch currency {
	case "CAD", "USD", "AUD", "NZD":
		return "$" + amount
	case "GBP":
		return "£" + amount
	case "EUR":
		return "€" + amount
	}
	return strings.TrimSpace(amount + " " + currency)
}

// colorPicker offers the palette as a row of swatches; the chosen one is
// outlined. A stored colour outside the palette is kept and shown first.
type colorPicker struct {
	widget.BaseWidget
	OnChanged func(string)
	selected  string
	swatches  []*swatch
	box       *fyne.Container
}

func newColorPicker() *colorPicker {
	p := &colorPicker{box: container.NewHBox()}
	p.ExtendBaseWidget(p)
	p.setOptions(servicePalette)
	return p
}

func (p *colorPicker) setOptions(hexes []string) {
	p.swatches = nil
	p.box.Objects = nil
	for _, h := range hexes {
		s := newSwatch(h, func(h string) { p.pick(h) })
		p.swatches = append(p.swatches, s)
		p.box.Add(s)
	}
	p.box.Refresh()
}

// SetSelected shows hex as the chosen colour without telling OnChanged.
func (p *colorPicker) SetSelected(hex string) {
	hex = strings.ToUpper(hex)
	found := false
	for _, h := range servicePalette {
		found = found || h == hex
	}
	if found || hex == "" {
		p.setOptions(servicePalette)
	} else {
		p.setOptions(append([]string{hex}, servicePalette...))
	}
	p.selected = hex
	for _, s := range p.swatches {
		s.setChosen(s.hex == hex)
	}
}

// Selected is the chosen colour, "#RRGGBB".
func (p *colorPicker) Selected() string { return p.selected }

func (p *colorPicker) pick(hex string) {
	changed := hex != p.selected
	p.SetSelected(hex)
	if changed && p.OnChanged != nil {
		p.OnChanged(hex)
	}
}

// CreateRenderer draws the swatches in a row.
func (p *colorPicker) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(p.box) }

// swatch is one tappable colour square.
type swatch struct {
	widget.BaseWidget
	hex    string
	rect   *canvas.Rectangle
	onTap  func(string)
	chosen bool
}

var _ fyne.Tappable = (*swatch)(nil)

func newSwatch(hex string, onTap func(string)) *swatch {
	c, _ := hexToColor(hex)
	s := &swatch{hex: hex, onTap: onTap, rect: canvas.NewRectangle(c)}
	s.rect.CornerRadius = 4
	s.ExtendBaseWidget(s)
	return s
}

func (s *swatch) setChosen(on bool) {
	s.chosen = on
	s.rect.StrokeWidth = 0
	if on {
		s.rect.StrokeColor = theme.Color(theme.ColorNameForeground)
		s.rect.StrokeWidth = 3
	}
	s.rect.Refresh()
}

// Tapped chooses the colour.
func (s *swatch) Tapped(*fyne.PointEvent) { s.onTap(s.hex) }

// MinSize is a small square.
func (s *swatch) MinSize() fyne.Size { return fyne.NewSize(28, 28) }

// CreateRenderer draws the square.
func (s *swatch) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(s.rect) }
