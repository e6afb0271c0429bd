package gui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The kinds of body-chart mark, spelled as the notes data layer stores them.
const (
	markPain         = "pain"
	markTension      = "tension"
	markTriggerPoint = "trigger_point"
	markNumbness     = "numbness"
	markInflammation = "inflammation"
	markTreated      = "treated"
)

// markKind is how one kind of mark looks and reads. Each kind has its own
// shape as well as its own colour, so the chart reads without colour too.
type markKind struct {
	key, short, long string
	light, dark      color.NRGBA
}

// markKinds lists the kinds in toolbar and legend order.
func markKinds() []markKind {
	return []markKind{
		{markPain, "Pain", "Pain", rgb(0xc6, 0x3a, 0x32), rgb(0xff, 0x7d, 0x70)},
		{markTension, "Tension", "Tension / hypertonicity", rgb(0x2a, 0x62, 0xc4), rgb(0x82, 0xae, 0xff)},
		{markTriggerPoint, "Trigger point", "Trigger point", rgb(0x86, 0x32, 0xae), rgb(0xd6, 0x96, 0xff)},
		{markNumbness, "Numbness", "Numbness / tingling", rgb(0x0b, 0x7f, 0x86), rgb(0x4c, 0xd4, 0xd9)},
		{markInflammation, "Inflammation", "Inflammation", rgb(0xc8, 0x64, 0x05), rgb(0xff, 0xaa, 0x4d)},
		{markTreated, "Treated", "Treated area", rgb(0x2b, 0x80, 0x4e), rgb(0x72, 0xd6, 0x9c)},
	}
}

func rgb(r, g, b uint8) color.NRGBA { return color.NRGBA{R: r, G: g, B: b, A: 0xff} }

// markKindOf finds the kind named key; unknown kinds draw as pain.
func markKindOf(key string) markKind {
	for _, k := range markKinds() {
		if k.key == key {
			return k
		}
	}
	return markKinds()[0]
}

// markInk is what marks are drawn with in the current theme.
type markInk struct {
	dark bool
	halo color.Color // the background, drawn round each shape
}

// inkFor reads the theme of obj's app: dark when its background is dark.
func inkFor(th fyne.Theme) markInk {
	v := fyne.CurrentApp().Settings().ThemeVariant()
	bg := th.Color(theme.ColorNameBackground, v)
	r, g, b, _ := bg.RGBA()
	lum := (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)) / 0xffff
	return markInk{dark: lum < 0.5, halo: bg}
}

func (k markKind) colour(ink markInk) color.Color {
	if ink.dark {
		return k.dark
	}
	return k.light
}

// markObjects draws one mark of kind centred on c with radius r.
func markObjects(kind string, c fyne.Position, r float32, ink markInk) []fyne.CanvasObject {
	k := markKindOf(kind)
	col := k.colour(ink)
	box := func(o interface{ Resize(fyne.Size) }, m interface{ Move(fyne.Position) }, rr float32) {
		o.Resize(fyne.NewSize(2*rr, 2*rr))
		m.Move(c.SubtractXY(rr, rr))
	}
	line := func(x1, y1, x2, y2, w float32, col color.Color) *canvas.Line {
		l := canvas.NewLine(col)
		l.StrokeWidth = w
		l.Position1, l.Position2 = c.AddXY(x1, y1), c.AddXY(x2, y2)
		return l
	}
	switch k.key {
	case markTension, markInflammation:
		sides, rr := uint(4), r*1.25
		if k.key == markInflammation {
			sides, rr = 3, r*1.3
		}
		p := canvas.NewPolygon(sides, col)
		p.StrokeColor, p.StrokeWidth = ink.halo, 1.5
		box(p, p, rr)
		if k.key == markInflammation {
			p.Move(c.SubtractXY(rr, rr*0.8)) // a triangle's centroid sits low
		}
		return []fyne.CanvasObject{p}
	case markTriggerPoint:
		d := r * 0.85
		return []fyne.CanvasObject{
			line(-d, -d, d, d, 5, ink.halo), line(-d, d, d, -d, 5, ink.halo),
			line(-d, -d, d, d, 2.5, col), line(-d, d, d, -d, 2.5, col),
		}
	case markNumbness:
		halo := canvas.NewCircle(color.Transparent)
		halo.StrokeColor, halo.StrokeWidth = ink.halo, 5
		box(halo, halo, r*0.9)
		ring := canvas.NewCircle(color.Transparent)
		ring.StrokeColor, ring.StrokeWidth = col, 2.5
		box(ring, ring, r*0.9)
		dot := canvas.NewCircle(col)
		box(dot, dot, r*0.25)
		return []fyne.CanvasObject{halo, ring, dot}
	case markTreated:
		fill := k.light
		if ink.dark {
			fill = k.dark
		}
		fill.A = 0x40
		disc := canvas.NewCircle(fill)
		disc.StrokeColor, disc.StrokeWidth = col, 2
		box(disc, disc, r)
		h := r * 0.6
		return []fyne.CanvasObject{disc,
			line(-h, h, h, -h, 1.5, col), line(-r*0.95, 0, 0, -r*0.95, 1.5, col), line(0, r*0.95, r*0.95, 0, 1.5, col)}
	default: // pain
		dot := canvas.NewCircle(col)
		dot.StrokeColor, dot.StrokeWidth = ink.halo, 1.5
		box(dot, dot, r)
		return []fyne.CanvasObject{dot}
	}
}

// markSwatch is one mark drawn small, for the toolbar and the legend.
type markSwatch struct {
	widget.BaseWidget
	kind string
}

func newMarkSwatch(kind string) *markSwatch {
	s := &markSwatch{kind: kind}
	s.ExtendBaseWidget(s)
	return s
}

// MinSize fits a mark of radius 6 with room round it.
func (s *markSwatch) MinSize() fyne.Size { return fyne.NewSize(20, 20) }

func (s *markSwatch) CreateRenderer() fyne.WidgetRenderer {
	r := &swatchRenderer{s: s}
	r.Layout(s.Size())
	return r
}

type swatchRenderer struct {
	s       *markSwatch
	objects []fyne.CanvasObject
}

func (r *swatchRenderer) Layout(size fyne.Size) {
	c := fyne.NewPos(size.Width/2, size.Height/2)
	r.objects = markObjects(r.s.kind, c, min(size.Width, size.Height)*0.32, inkFor(r.s.Theme()))
}
func (r *swatchRenderer) MinSize() fyne.Size           { return r.s.MinSize() }
func (r *swatchRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *swatchRenderer) Destroy()                     {}
func (r *swatchRenderer) Refresh() {
	r.Layout(r.s.Size())
	canvas.Refresh(r.s)
}

// newBodyChartLegend explains the marks of the given kinds (every kind
// when none are given), one line each: the mark and what it means.
func newBodyChartLegend(kinds ...string) fyne.CanvasObject {
	want := map[string]bool{}
	for _, k := range kinds {
		want[k] = true
	}
	box := container.NewGridWithColumns(2)
	for _, k := range markKinds() {
		if len(kinds) > 0 && !want[k.key] {
			continue
		}
		l := widget.NewLabel(k.long)
		l.SizeName = theme.SizeNameCaptionText
		box.Add(container.NewBorder(nil, nil, newMarkSwatch(k.key), nil, l))
	}
	return box
}
