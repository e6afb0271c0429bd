package gui

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The size of a signature as PNG gives it.
const (
	signatureWidth  = 600
	signatureHeight = 200
)

// errNoSignature is PNG's answer when nothing has been drawn.
var errNoSignature = errors.New("there is no signature yet: please sign in the box first")

// signaturePad captures a signature drawn with a mouse, trackpad or touch:
// each drag draws a stroke. Clear starts again; PNG renders the strokes.
type signaturePad struct {
	widget.BaseWidget

	// OnChanged is told after each stroke and after Clear.
	OnChanged func()

	// strokes are the points of each stroke, 0..1 across and down the
	// drawing area, so they scale with it.
	strokes [][]fyne.Position
	ink     *signatureInk
	clear   *widget.Button
}

func newSignaturePad() *signaturePad {
	p := &signaturePad{}
	p.ExtendBaseWidget(p)
	p.ink = &signatureInk{pad: p}
	p.ink.ExtendBaseWidget(p.ink)
	p.clear = widget.NewButtonWithIcon("Clear", theme.ContentClearIcon(), p.Clear)
	return p
}

// CreateRenderer puts the Clear button under the drawing area.
func (p *signaturePad) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, container.NewHBox(layoutSpacer(), p.clear), nil, nil, p.ink))
}

// Empty says whether nothing has been drawn.
func (p *signaturePad) Empty() bool { return len(p.strokes) == 0 }

// Clear removes every stroke.
func (p *signaturePad) Clear() {
	p.strokes = nil
	p.ink.drawing = false
	p.ink.Refresh()
	if p.OnChanged != nil {
		p.OnChanged()
	}
}

// PNG renders the signature in near-black on white, 600×200 pixels.
func (p *signaturePad) PNG() ([]byte, error) {
	if p.Empty() {
		return nil, errNoSignature
	}
	img := image.NewNRGBA(image.Rect(0, 0, signatureWidth, signatureHeight))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	ink := image.NewUniform(color.NRGBA{R: 0x14, G: 0x18, B: 0x1c, A: 0xff})
	const r = 1.6 // pen radius in pixels
	dot := func(x, y float64) {
		rect := image.Rect(int(math.Floor(x-r)), int(math.Floor(y-r)), int(math.Ceil(x+r))+1, int(math.Ceil(y+r))+1)
		draw.DrawMask(img, rect, ink, image.Point{}, &discMask{cx: x, cy: y, r: r}, rect.Min, draw.Over)
	}
	for _, s := range p.strokes {
		for i := range s {
			x1, y1 := float64(s[i].X)*signatureWidth, float64(s[i].Y)*signatureHeight
			x0, y0 := x1, y1
			if i > 0 {
				x0, y0 = float64(s[i-1].X)*signatureWidth, float64(s[i-1].Y)*signatureHeight
			}
			steps := int(math.Hypot(x1-x0, y1-y0)/0.5) + 1
			for k := 0; k <= steps; k++ {
				t := float64(k) / float64(steps)
				dot(x0+(x1-x0)*t, y0+(y1-y0)*t)
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("saving the signature as a picture: %w", err)
	}
	return buf.Bytes(), nil
}

// discMask is an alpha mask of a disc of radius r centred on cx, cy.
type discMask struct{ cx, cy, r float64 }

func (m *discMask) ColorModel() color.Model { return color.AlphaModel }
func (m *discMask) Bounds() image.Rectangle {
	return image.Rect(int(m.cx-m.r)-1, int(m.cy-m.r)-1, int(m.cx+m.r)+2, int(m.cy+m.r)+2)
}
func (m *discMask) At(x, y int) color.Color {
	d := math.Hypot(float64(x)+0.5-m.cx, float64(y)+0.5-m.cy)
	a := math.Min(math.Max(m.r+0.5-d, 0), 1) // a soft edge one pixel wide
	return color.Alpha{A: uint8(a * 0xff)}
}

// signatureInk is the pad's drawing area: drags add strokes to the pad.
type signatureInk struct {
	widget.BaseWidget
	pad     *signaturePad
	drawing bool
	pen     fyne.Position // where the pointer is, in the area
}

var _ fyne.Draggable = (*signatureInk)(nil)

// MinSize keeps room for a signature at the PNG's 3:1 shape.
func (s *signatureInk) MinSize() fyne.Size { return fyne.NewSize(300, 100) }

// Dragged extends the stroke being drawn, starting one where the drag began.
func (s *signatureInk) Dragged(ev *fyne.DragEvent) {
	size := s.Size()
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	norm := func(p fyne.Position) fyne.Position {
		return fyne.NewPos(clamp01(p.X/size.Width), clamp01(p.Y/size.Height))
	}
	if !s.drawing {
		s.drawing = true
		s.pen = ev.Position.Subtract(ev.Dragged)
		s.pad.strokes = append(s.pad.strokes, []fyne.Position{norm(s.pen)})
	}
	s.pen = s.pen.Add(ev.Dragged)
	last := len(s.pad.strokes) - 1
	s.pad.strokes[last] = append(s.pad.strokes[last], norm(s.pen))
	s.Refresh()
}

// DragEnd finishes the stroke.
func (s *signatureInk) DragEnd() {
	if s.drawing {
		s.drawing = false
		if s.pad.OnChanged != nil {
			s.pad.OnChanged()
		}
	}
}

func (s *signatureInk) CreateRenderer() fyne.WidgetRenderer {
	r := &inkRenderer{s: s, bg: canvas.NewRectangle(nil), line: canvas.NewLine(nil), hint: canvas.NewText("Sign here", nil)}
	r.bg.CornerRadius = theme.InputRadiusSize()
	r.Refresh()
	return r
}

type inkRenderer struct {
	s       *signatureInk
	bg      *canvas.Rectangle
	line    *canvas.Line // the line to sign on
	hint    *canvas.Text
	objects []fyne.CanvasObject
}

func (r *inkRenderer) Destroy()                     {}
func (r *inkRenderer) MinSize() fyne.Size           { return r.s.MinSize() }
func (r *inkRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Refresh takes the theme's colours and redraws the strokes.
func (r *inkRenderer) Refresh() {
	r.Layout(r.s.Size())
	canvas.Refresh(r.s)
}

// Layout draws the box, the line to sign on and the strokes in the
// theme's text colour, so they show on light and dark backgrounds.
func (r *inkRenderer) Layout(size fyne.Size) {
	th := r.s.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	r.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.bg.StrokeColor, r.bg.StrokeWidth = th.Color(theme.ColorNameInputBorder, v), 1
	r.bg.Resize(size)
	r.line.StrokeColor, r.line.StrokeWidth = th.Color(theme.ColorNameDisabled, v), 1
	y := size.Height * 0.75
	r.line.Position1, r.line.Position2 = fyne.NewPos(size.Width*0.06, y), fyne.NewPos(size.Width*0.94, y)
	r.hint.Color, r.hint.TextSize = th.Color(theme.ColorNamePlaceHolder, v), theme.CaptionTextSize()
	r.hint.Move(fyne.NewPos(size.Width*0.06, y+4))
	r.hint.Hidden = !r.s.pad.Empty()
	r.objects = append(r.objects[:0], r.bg, r.line, r.hint)
	for _, st := range r.s.pad.strokes {
		for i := 1; i < len(st); i++ {
			l := canvas.NewLine(fg)
			l.StrokeWidth = 2.5
			l.Position1 = fyne.NewPos(st[i-1].X*size.Width, st[i-1].Y*size.Height)
			l.Position2 = fyne.NewPos(st[i].X*size.Width, st[i].Y*size.Height)
			r.objects = append(r.objects, l)
		}
	}
}
