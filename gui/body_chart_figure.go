package gui

import (
	"bytes"
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/assets"
)

// figureAspect is the width over the height of the body outlines' view box.
const figureAspect = float32(220) / 500

// bodyFigures draws the body chart's outlines and marks and turns taps,
// drags and keys into changes of its bodyChart. Side by side when there is
// room; when narrow one view at a time, its caption switching views.
type bodyFigures struct {
	widget.BaseWidget
	chart    *bodyChart
	showBack bool // narrow: the back is shown

	dragging int // the mark being dragged, or -1
	dragFrom fyne.Position
	dragBy   fyne.Delta
}

var (
	_ fyne.Tappable          = (*bodyFigures)(nil)
	_ fyne.SecondaryTappable = (*bodyFigures)(nil)
	_ fyne.Draggable         = (*bodyFigures)(nil)
	_ fyne.Focusable         = (*bodyFigures)(nil)
)

func newBodyFigures(c *bodyChart) *bodyFigures {
	f := &bodyFigures{chart: c, dragging: -1}
	f.ExtendBaseWidget(f)
	return f
}

// figurePanel is where one view is drawn: its image (letterboxed as
// ImageFillContain does) and caption.
type figurePanel struct {
	view               string
	areaPos, imgPos    fyne.Position
	areaSize, imgSize  fyne.Size
	captionPos         fyne.Position
	captionW, captionH float32
}

// MinSize keeps the figure big enough to aim at.
func (f *bodyFigures) MinSize() fyne.Size { return fyne.NewSize(120, 220) }

// narrow says whether size shows one view at a time.
func narrow(size fyne.Size) bool { return size.Width < 0.66*size.Height }

// panels lays out the views shown at size.
func (f *bodyFigures) panels(size fyne.Size) []figurePanel {
	capH := theme.CaptionTextSize() + 2*theme.Padding()
	views := []string{bodyFront, bodyBack}
	if narrow(size) {
		views = views[:1]
		if f.showBack {
			views[0] = bodyBack
		}
	}
	w := size.Width / float32(len(views))
	out := make([]figurePanel, len(views))
	for i, v := range views {
		p := figurePanel{view: v, areaPos: fyne.NewPos(float32(i)*w, 0),
			areaSize: fyne.NewSize(w, max(size.Height-capH, 1)), captionW: w, captionH: capH}
		p.imgPos, p.imgSize = containRect(p.areaPos, p.areaSize, figureAspect)
		p.captionPos = fyne.NewPos(p.areaPos.X, size.Height-capH)
		out[i] = p
	}
	return out
}

// containRect is the largest rectangle of the aspect (width/height)
// centred in the area: where ImageFillContain draws an image.
func containRect(pos fyne.Position, size fyne.Size, aspect float32) (fyne.Position, fyne.Size) {
	if size.Width/size.Height > aspect {
		w := size.Height * aspect
		return pos.AddXY((size.Width-w)/2, 0), fyne.NewSize(w, size.Height)
	}
	h := size.Width / aspect
	return pos.AddXY(0, (size.Height-h)/2), fyne.NewSize(size.Width, h)
}

// toImage maps pos to 0..1 of the panel's image; ok is false outside it.
func (p figurePanel) toImage(pos fyne.Position) (x, y float32, ok bool) {
	x = (pos.X - p.imgPos.X) / p.imgSize.Width
	y = (pos.Y - p.imgPos.Y) / p.imgSize.Height
	return x, y, x >= 0 && x <= 1 && y >= 0 && y <= 1
}

// fromImage maps 0..1 of the panel's image to a position in the widget.
func (p figurePanel) fromImage(x, y float32) fyne.Position {
	return p.imgPos.AddXY(x*p.imgSize.Width, y*p.imgSize.Height)
}

// markRadius sizes marks for a figure drawn h tall.
func markRadius(h float32) float32 { return min(max(h/55, 5), 10) }

// panelAt finds the panel under pos.
func (f *bodyFigures) panelAt(pos fyne.Position) (figurePanel, bool) {
	for _, p := range f.panels(f.Size()) {
		if pos.X >= p.areaPos.X && pos.X < p.areaPos.X+p.areaSize.Width {
			return p, true
		}
	}
	return figurePanel{}, false
}

// markAt finds the mark nearest pos within reach, or -1.
func (f *bodyFigures) markAt(pos fyne.Position) int {
	best, bestD := -1, float32(0)
	for _, p := range f.panels(f.Size()) {
		reach := max(markRadius(p.imgSize.Height)*1.6, 12)
		for i, m := range f.chart.marks {
			if m.View != p.view {
				continue
			}
			c := p.fromImage(m.X, m.Y)
			dx, dy := c.X-pos.X, c.Y-pos.Y
			if d := dx*dx + dy*dy; d <= reach*reach && (best < 0 || d < bestD) {
				best, bestD = i, d
			}
		}
	}
	return best
}

// Tapped selects the mark under the tap, or places one there; a tap on a
// narrow chart's caption switches views.
func (f *bodyFigures) Tapped(ev *fyne.PointEvent) {
	if f.chart.readOnly {
		return
	}
	f.focus()
	if i := f.markAt(ev.Position); i >= 0 {
		f.chart.selectMark(i)
		return
	}
	p, ok := f.panelAt(ev.Position)
	if !ok {
		return
	}
	if ev.Position.Y >= p.captionPos.Y {
		if narrow(f.Size()) {
			f.showBack = !f.showBack
			f.Refresh()
		}
		return
	}
	if x, y, in := p.toImage(ev.Position); in {
		f.chart.place(p.view, x, y)
	} else {
		f.chart.selectMark(-1)
	}
}

// TappedSecondary removes the mark under a right-click.
func (f *bodyFigures) TappedSecondary(ev *fyne.PointEvent) {
	if f.chart.readOnly {
		return
	}
	if i := f.markAt(ev.Position); i >= 0 {
		f.chart.selected = i
		f.chart.removeSelected()
	}
}

// Dragged moves the mark the drag started on. The driver reports where the
// pointer is now; the test driver where it started: both are tried.
func (f *bodyFigures) Dragged(ev *fyne.DragEvent) {
	if f.chart.readOnly {
		return
	}
	if f.dragging < 0 {
		i := f.markAt(ev.Position.Subtract(ev.Dragged))
		if i < 0 {
			i = f.markAt(ev.Position)
		}
		if i < 0 {
			return
		}
		f.dragging, f.dragBy = i, fyne.Delta{}
		m := f.chart.marks[i]
		for _, p := range f.panels(f.Size()) {
			if p.view == m.View {
				f.dragFrom = p.fromImage(m.X, m.Y)
			}
		}
		f.chart.selectMark(i)
	}
	f.dragBy.DX += ev.Dragged.DX
	f.dragBy.DY += ev.Dragged.DY
	m := f.chart.marks[f.dragging]
	for _, p := range f.panels(f.Size()) {
		if p.view == m.View {
			x, y, _ := p.toImage(f.dragFrom.Add(f.dragBy))
			f.chart.move(f.dragging, x, y)
		}
	}
}

// DragEnd reports the moved mark.
func (f *bodyFigures) DragEnd() {
	if f.dragging >= 0 {
		f.dragging = -1
		f.chart.changed()
	}
}

func (f *bodyFigures) focus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(f); c != nil {
		c.Focus(f)
	}
}

// FocusGained does nothing: the selected mark shows where the keys act.
func (f *bodyFigures) FocusGained() {}

// FocusLost does nothing.
func (f *bodyFigures) FocusLost() {}

// TypedRune ignores text.
func (f *bodyFigures) TypedRune(rune) {}

// TypedKey removes the selected mark on Delete or Backspace and clears the
// selection on Escape.
func (f *bodyFigures) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDelete, fyne.KeyBackspace:
		f.chart.removeSelected()
	case fyne.KeyEscape:
		f.chart.selectMark(-1)
	}
}

func (f *bodyFigures) CreateRenderer() fyne.WidgetRenderer {
	r := &figuresRenderer{f: f, imgs: map[string]*canvas.Image{}, captions: map[string]*canvas.Text{}}
	for _, v := range []string{bodyFront, bodyBack} {
		img := &canvas.Image{FillMode: canvas.ImageFillContain}
		r.imgs[v] = img
		r.captions[v] = canvas.NewText("", nil)
	}
	for i := range r.sides {
		r.sides[i] = canvas.NewText("", nil)
	}
	r.Refresh()
	return r
}

type figuresRenderer struct {
	f        *bodyFigures
	imgs     map[string]*canvas.Image
	captions map[string]*canvas.Text
	sides    [4]*canvas.Text // R and L beside each figure
	inkKey   string
	objects  []fyne.CanvasObject
}

func (r *figuresRenderer) Destroy()                     {}
func (r *figuresRenderer) MinSize() fyne.Size           { return r.f.MinSize() }
func (r *figuresRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Refresh recolours the outlines when the theme changed and redraws.
func (r *figuresRenderer) Refresh() {
	ink := inkFor(r.f.Theme())
	stroke, fill := "#5f7a86", "#e9eef0"
	if ink.dark {
		stroke, fill = "#9fb4bd", "#2c3437"
	}
	if key := stroke + fill; key != r.inkKey {
		r.inkKey = key
		for v, src := range map[string][]byte{bodyFront: assets.BodyFrontSVG, bodyBack: assets.BodyBackSVG} {
			b := bytes.ReplaceAll(src, []byte("#5f7a86"), []byte(stroke))
			b = bytes.ReplaceAll(b, []byte("#e9eef0"), []byte(fill))
			r.imgs[v].Resource = fyne.NewStaticResource(fmt.Sprintf("body-%s-%s.svg", v, key[1:7]), b)
			r.imgs[v].Refresh()
		}
	}
	r.Layout(r.f.Size())
	canvas.Refresh(r.f)
}

// Layout places the outlines, captions and marks for size.
func (r *figuresRenderer) Layout(size fyne.Size) {
	th := r.f.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg, quiet := th.Color(theme.ColorNameForeground, v), th.Color(theme.ColorNameDisabled, v)
	ink := inkFor(th)
	panels := r.f.panels(size)
	r.objects = r.objects[:0]
	for i, p := range panels {
		img := r.imgs[p.view]
		img.Move(p.areaPos)
		img.Resize(p.areaSize)
		ct := r.captions[p.view]
		ct.Text, ct.Color, ct.TextSize = viewCaption(p.view, len(panels) == 1), quiet, theme.CaptionTextSize()
		ct.Alignment = fyne.TextAlignCenter
		ct.Move(p.captionPos)
		ct.Resize(fyne.NewSize(p.captionW, p.captionH))
		// The client's right is on the viewer's left from the front.
		left, right := "R", "L"
		if p.view == bodyBack {
			left, right = "L", "R"
		}
		for j, s := range []string{left, right} {
			t := r.sides[2*i+j]
			t.Text, t.Color, t.TextSize = s, quiet, theme.CaptionTextSize()
			x := p.imgPos.X + p.imgSize.Width*0.05
			if j == 1 {
				x = p.imgPos.X + p.imgSize.Width*0.95 - t.MinSize().Width
			}
			t.Move(fyne.NewPos(x, p.imgPos.Y+p.imgSize.Height*0.02))
			r.objects = append(r.objects, t)
		}
		r.objects = append(r.objects, img, ct)
	}
	for _, p := range panels {
		rad := markRadius(p.imgSize.Height)
		for i, m := range r.f.chart.marks {
			if m.View != p.view {
				continue
			}
			c := p.fromImage(m.X, m.Y)
			if i == r.f.chart.selected && !r.f.chart.readOnly {
				ring := canvas.NewCircle(color.Transparent)
				ring.StrokeColor, ring.StrokeWidth = fg, 1.5
				ring.Resize(fyne.NewSize(4*rad, 4*rad))
				ring.Move(c.SubtractXY(2*rad, 2*rad))
				r.objects = append(r.objects, ring)
			}
			r.objects = append(r.objects, markObjects(m.Kind, c, rad, ink)...)
			if m.Label != "" {
				r.objects = append(r.objects, markLabel(m, c, rad, i == r.f.chart.selected, fg, ink.halo)...)
			}
		}
	}
}

// viewCaption names a view; alone (narrow) it says how to see the other.
func viewCaption(view string, alone bool) string {
	switch {
	case view == bodyFront && alone:
		return "Front (tap here for the back)"
	case view == bodyFront:
		return "Front"
	case alone:
		return "Back (tap here for the front)"
	default:
		return "Back"
	}
}

// markLabel draws a mark's label beside it, away from the body's midline
// (left of marks on the left half, right of those on the right half), so
// the labels of a pair of marks either side of the spine or sternum never
// run into each other; on a veil of the background so the outline does not
// cross it.
func markLabel(m bodyMark, c fyne.Position, rad float32, selected bool, fg, bg color.Color) []fyne.CanvasObject {
	t := canvas.NewText(m.Label, fg)
	t.TextSize = theme.CaptionTextSize()
	ts := t.MinSize()
	gap := rad + 4
	if selected {
		gap = 2*rad + 3 // clear of the selection ring
	}
	x := c.X + gap
	if m.X < 0.5 {
		x = c.X - gap - ts.Width
	}
	t.Move(fyne.NewPos(x, c.Y-ts.Height/2))
	veil := canvas.NewRectangle(withAlpha(bg, 0xcc))
	veil.CornerRadius = 3
	veil.Move(t.Position().SubtractXY(2, 0))
	veil.Resize(ts.AddWidthHeight(4, 0))
	return []fyne.CanvasObject{veil, t}
}
