package gui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// gridHeader is the row of dates above a time grid, its columns lined up
// with the grid's. Each date is written in the longest of formats that
// fits its column; today's is bold in the accent colour and underlined.
type gridHeader struct {
	widget.BaseWidget
	days    []time.Time
	now     func() time.Time
	formats []string // Go time layouts, longest first
}

func newGridHeader(formats ...string) *gridHeader {
	h := &gridHeader{now: time.Now, formats: formats}
	h.ExtendBaseWidget(h)
	return h
}

// label is day written to fit width.
func (h *gridHeader) label(day time.Time, width float32, style fyne.TextStyle) string {
	for _, f := range h.formats {
		if s := day.Format(f); fyne.MeasureText(s, theme.TextSize(), style).Width <= width {
			return s
		}
	}
	return day.Format("2")
}

func (h *gridHeader) MinSize() fyne.Size {
	return fyne.NewSize(0, theme.TextSize()+2*theme.InnerPadding())
}

func (h *gridHeader) CreateRenderer() fyne.WidgetRenderer { return &gridHeaderRenderer{h: h} }

type gridHeaderRenderer struct {
	h       *gridHeader
	objects []fyne.CanvasObject
}

func (r *gridHeaderRenderer) Destroy()                     {}
func (r *gridHeaderRenderer) MinSize() fyne.Size           { return r.h.MinSize() }
func (r *gridHeaderRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *gridHeaderRenderer) Refresh()                     { r.Layout(r.h.Size()) }

func (r *gridHeaderRenderer) Layout(size fyne.Size) {
	h := r.h
	geo := gridGeometry{days: h.days, size: size, gutter: gutterWidth()}
	now := h.now()
	fg := theme.Color(theme.ColorNameForeground)
	objs := []fyne.CanvasObject{line(withAlpha(fg, 0x38), 0, size.Height-1, size.Width, size.Height-1)}
	for i, d := range h.days {
		x, w := geo.columnX(i), geo.columnWidth()
		style, c := fyne.TextStyle{}, fg
		today := sameDate(d, now)
		if today {
			style, c = fyne.TextStyle{Bold: true}, theme.Color(theme.ColorNamePrimary)
		}
		t := canvas.NewText(h.label(d, w-2*theme.Padding(), style), c)
		t.TextStyle, t.Alignment = style, fyne.TextAlignCenter
		t.Move(fyne.NewPos(x, 0))
		t.Resize(fyne.NewSize(w, size.Height-3))
		objs = append(objs, t)
		if today {
			objs = append(objs, rect(c, x+w/4, size.Height-4, w/2, 3))
		}
	}
	r.objects = objs
	canvas.Refresh(h)
}
