package gui

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// timeGrid is the body of the week and day views, drawn from canvas
// primitives: hour labels in a gutter, one column per day, shading outside
// working hours, appointment blocks (side by side where they overlap), the
// highlighted slot and the now-line. It turns taps into a slot or a block;
// the view that owns it handles focus and keys.
type timeGrid struct {
	widget.BaseWidget

	days     []time.Time // midnight of each column
	hours    weekHours
	blocks   []calendarBlock
	bands    []blockedBand // blocked time, drawn under the blocks
	now      func() time.Time
	detailed bool // the day view: times as ranges ("10:00–11:00")

	highlight     bool // draw the keyboard's slot
	hlDay, hlMin  int
	onSlot        func(day, minute int)
	onBlock       func(id int64)
	placed        []placedBlock // as last laid out, for taps
	lastGeo       gridGeometry
	from, to      int
	minColumnSize float32
}

var _ fyne.Tappable = (*timeGrid)(nil)

func newTimeGrid() *timeGrid {
	g := &timeGrid{now: time.Now, hours: defaultWeekHours(), minColumnSize: 64}
	g.ExtendBaseWidget(g)
	return g
}

// update recomputes the hours shown after days, hours, blocks or the
// highlight changed, and redraws.
func (g *timeGrid) update() {
	var extra []int
	if g.highlight {
		extra = append(extra, g.hlMin)
	}
	g.from, g.to = gridRange(g.days, g.hours, g.blocks, extra...)
	g.placed = placeBlocks(g.days, g.blocks)
	g.Refresh()
}

// geometry maps the grid at size.
func (g *timeGrid) geometry(size fyne.Size) gridGeometry {
	return gridGeometry{days: g.days, from: g.from, to: g.to, size: size, gutter: gutterWidth()}
}

// MinSize keeps every quarter hour one line of text high.
func (g *timeGrid) MinSize() fyne.Size {
	geo := g.geometry(fyne.Size{})
	return fyne.NewSize(geo.gutter+float32(max(len(g.days), 1))*g.minColumnSize,
		float32(geo.slots())*minSlotHeight())
}

// Tapped opens the block under the tap, or offers its quarter hour.
func (g *timeGrid) Tapped(ev *fyne.PointEvent) {
	geo := g.geometry(g.Size())
	if id, ok := g.blockAt(geo, ev.Position); ok {
		if g.onBlock != nil {
			g.onBlock(id)
		}
		return
	}
	if day, m, ok := geo.slotAt(ev.Position); ok && g.onSlot != nil {
		g.onSlot(day, m)
	}
}

// blockAt is the block drawn at pos; the last drawn (on top) wins.
func (g *timeGrid) blockAt(geo gridGeometry, pos fyne.Position) (int64, bool) {
	for i := len(g.placed) - 1; i >= 0; i-- {
		x, y, w, h := blockRect(geo, g.placed[i])
		if pos.X >= x && pos.X < x+w && pos.Y >= y && pos.Y < y+h {
			return g.placed[i].ID, true
		}
	}
	return 0, false
}

// blockCovering is the block over minute m of day column day, if any.
func (g *timeGrid) blockCovering(day, m int) (int64, bool) {
	for i := len(g.placed) - 1; i >= 0; i-- {
		p := g.placed[i]
		if p.day == day && p.start <= m && m < p.end {
			return p.ID, true
		}
	}
	return 0, false
}

// blockRect is where a placed block is drawn: its lane of its day, from
// its start to its end, never shorter than one legible line.
func blockRect(geo gridGeometry, p placedBlock) (x, y, w, h float32) {
	lw := geo.columnWidth() / float32(max(p.lanes, 1))
	x = geo.columnX(p.day) + float32(p.lane)*lw + 1
	y = geo.y(p.start) + 1
	h = max(geo.y(p.end)-geo.y(p.start), minSlotHeight()) - 2
	return x, y, lw - 3, h
}

// CreateRenderer draws the grid afresh on each layout.
func (g *timeGrid) CreateRenderer() fyne.WidgetRenderer {
	return &timeGridRenderer{g: g}
}

type timeGridRenderer struct {
	g       *timeGrid
	objects []fyne.CanvasObject
}

func (r *timeGridRenderer) Destroy()                     {}
func (r *timeGridRenderer) MinSize() fyne.Size           { return r.g.MinSize() }
func (r *timeGridRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *timeGridRenderer) Refresh()                     { r.Layout(r.g.Size()) }

// Layout rebuilds the drawing: a week is a few hundred primitives.
func (r *timeGridRenderer) Layout(size fyne.Size) {
	g := r.g
	geo := g.geometry(size)
	g.lastGeo = geo
	fg := theme.Color(theme.ColorNameForeground)
	var objs []fyne.CanvasObject
	add := func(o ...fyne.CanvasObject) { objs = append(objs, o...) }
	now := g.now()

	// Closed hours shaded, today's column tinted.
	for i, d := range g.days {
		x, w := geo.columnX(i), geo.columnWidth()
		if sameDate(d, now) {
			add(rect(withAlpha(theme.Color(theme.ColorNamePrimary), 0x14), x, 0, w, size.Height))
		}
		h := g.hours[d.Weekday()]
		shade := withAlpha(fg, 0x0f)
		if !h.open() {
			add(rect(shade, x, 0, w, size.Height))
			continue
		}
		if top := geo.y(h.Start * 60); top > 0 {
			add(rect(shade, x, 0, w, top))
		}
		if bottom := geo.y(h.End * 60); bottom < size.Height {
			add(rect(shade, x, bottom, w, size.Height-bottom))
		}
	}
	for i, d := range g.days {
		for _, b := range g.bands {
			add(r.band(geo, i, d, b)...)
		}
	}
	// Hour and half-hour lines, with the hour in the gutter.
	quiet := theme.Color(theme.ColorNamePlaceHolder)
	for m := g.from; m < g.to; m += 30 {
		y := geo.y(m)
		if m%60 == 0 {
			add(line(withAlpha(fg, 0x38), geo.gutter-4, y, size.Width, y))
			add(text(clockAt(m).String(), quiet, theme.CaptionTextSize(), fyne.TextStyle{},
				theme.Padding(), y+1))
		} else {
			add(line(withAlpha(fg, 0x16), geo.gutter, y, size.Width, y))
		}
	}
	for i := range g.days {
		x := geo.columnX(i)
		add(line(withAlpha(fg, 0x38), x, 0, x, size.Height))
	}
	for _, p := range g.placed {
		add(r.block(geo, p)...)
	}
	if g.highlight && g.hlDay < len(g.days) {
		y := geo.y(g.hlMin)
		hl := rect(withAlpha(theme.Color(theme.ColorNamePrimary), 0x20), geo.columnX(g.hlDay)+1, y, geo.columnWidth()-2, geo.slotHeight())
		hl.StrokeColor, hl.StrokeWidth = theme.Color(theme.ColorNamePrimary), 1.5
		add(hl)
	}
	// The now-line across today's column, over everything.
	for i, d := range g.days {
		if m := wallMinutes(now, d.Location()); sameDate(d, now) && m >= g.from && m < g.to {
			y := geo.y(m) + geo.slotHeight()*float32(now.Second())/float32(slotMinutes*60)
			red := theme.Color(theme.ColorNameError)
			l := line(red, geo.columnX(i), y, geo.columnX(i)+geo.columnWidth(), y)
			l.StrokeWidth = 2
			dot := canvas.NewCircle(red)
			dot.Move(fyne.NewPos(geo.columnX(i)-4, y-4))
			dot.Resize(fyne.NewSize(8, 8))
			add(l, dot)
		}
	}
	r.objects = objs
	canvas.Refresh(g)
}

// band draws blocked time b in day column i (date d): a tint of the
// theme's warning colour, hatched, with its label in italics — unlike the
// plain grey of closed hours, and readable in both themes.
func (r *timeGridRenderer) band(geo gridGeometry, i int, d time.Time, b blockedBand) []fyne.CanvasObject {
	next := addDays(d, 1)
	start, end := b.Start, b.End
	if start.Before(d) {
		start = d
	}
	if end.After(next) {
		end = next
	}
	if !start.Before(end) {
		return nil
	}
	m1, m2 := wallMinutes(start, d.Location()), wallMinutes(end, d.Location())
	if !end.Before(next) {
		m2 = 24 * 60
	}
	m1, m2 = max(m1, r.g.from), min(m2, r.g.to)
	if m2 <= m1 {
		return nil
	}
	x, w := geo.columnX(i)+1, geo.columnWidth()-2
	y, h := geo.y(m1), geo.y(m2)-geo.y(m1)
	warn := theme.Color(theme.ColorNameWarning)
	objs := []fyne.CanvasObject{rect(withAlpha(warn, 0x22), x, y, w, h)}
	hatch := withAlpha(warn, 0x66)
	const step = 12
	for c := float32(step); c < w+h; c += step { // lines up and to the right, clipped to the band
		x1, y1 := max(c-h, 0), min(h, c)
		x2, y2 := min(w, c), max(c-w, 0)
		objs = append(objs, line(hatch, x+x1, y+y1, x+x2, y+y2))
	}
	if label := ellipsize(b.Label, blockTextSize(), fyne.TextStyle{Italic: true}, w-2*blockPad); label != "" {
		if ly, ok := r.bandLabelY(geo, i, m1, m2); ok {
			objs = append(objs, text(label, theme.Color(theme.ColorNameForeground), blockTextSize(),
				fyne.TextStyle{Italic: true}, x+blockPad, ly))
		}
	}
	return objs
}

// bandLabelY is where a blocked band's label goes in day column i: the
// first line of the band (minutes m1 to m2) not under a booked visit, so
// "Lunch" shows even when a visit runs into the band; ok is false when
// there is no such room.
func (r *timeGridRenderer) bandLabelY(geo gridGeometry, i, m1, m2 int) (float32, bool) {
	need := blockTextSize() + 2
	top := geo.y(m1)
	for moved := true; moved; {
		moved = false
		for _, p := range r.g.placed {
			if p.day != i {
				continue
			}
			if by, bh := geo.y(p.start), geo.y(p.end)-geo.y(p.start); by < top+need && by+bh > top {
				top, moved = by+bh, true
			}
		}
	}
	if top+need > geo.y(m2)+0.5 {
		return 0, false
	}
	return top + 1, true
}

// block draws one appointment: a tint of its service's colour with a solid
// bar on the left (readable in light and dark themes whatever the colour),
// the start time and client name on the first line, the service on the
// second when there is room, and a red mark for an alert.
func (r *timeGridRenderer) block(geo gridGeometry, p placedBlock) []fyne.CanvasObject {
	x, y, w, h := blockRect(geo, p)
	col := p.Color
	if col == nil {
		col = theme.Color(theme.ColorNamePrimary)
	}
	bgc := theme.Color(theme.ColorNameBackground)
	tint, barAlpha, txt := 0.32, uint8(0xff), theme.Color(theme.ColorNameForeground)
	if fyne.CurrentApp().Settings().ThemeVariant() == theme.VariantDark {
		tint = 0.55
	}
	if p.Faint {
		tint, barAlpha, txt = 0.10, 0x60, theme.Color(theme.ColorNamePlaceHolder)
	}
	bg := rect(blend(col, bgc, tint), x, y, w, h)
	bg.CornerRadius = 3
	objs := []fyne.CanvasObject{bg, rect(withAlpha(col, barAlpha), x, y, 3, h)}

	size := blockTextSize()
	style := fyne.TextStyle{Bold: !p.Faint, Italic: p.Faint}
	tx, right := x+3+blockPad, x+w-blockPad
	if p.Alert {
		d := size
		mark := canvas.NewCircle(theme.Color(theme.ColorNameError))
		mark.Move(fyne.NewPos(right-d, y+blockPad))
		mark.Resize(fyne.NewSize(d, d))
		bang := canvas.NewText("!", theme.Color(theme.ColorNameForegroundOnError))
		bang.TextSize, bang.TextStyle, bang.Alignment = size-1, fyne.TextStyle{Bold: true}, fyne.TextAlignCenter
		bang.Move(fyne.NewPos(right-d, y+blockPad-1))
		bang.Resize(fyne.NewSize(d, d))
		objs = append(objs, mark, bang)
		right -= d + 2
	}
	when := clockAt(p.start).String()
	if p.clippedStart {
		when = "…"
	} else if w < 110 {
		when = "" // a narrow lane: the name matters more, the grid shows the time
	} else if geo.columnWidth() > 180 && r.g.detailed {
		when += "–" + clockAt(p.end).String()
	}
	tw := float32(0)
	if when != "" {
		tw = fyne.MeasureText(when, size, fyne.TextStyle{}).Width + 4
		objs = append(objs, text(when, txt, size, fyne.TextStyle{Italic: p.Faint}, tx, y+blockPad-1))
	}
	lineH := size + 3
	if name := ellipsize(p.Title, size, style, right-tx-tw); name != "" {
		objs = append(objs, text(name, txt, size, style, tx+tw, y+blockPad-1))
	}
	if h >= 2*lineH+2*blockPad-2 && p.Subtitle != "" {
		sub := ellipsize(p.Subtitle, size, fyne.TextStyle{Italic: p.Faint}, x+w-blockPad-tx)
		objs = append(objs, text(sub, txt, size, fyne.TextStyle{Italic: p.Faint}, tx, y+blockPad-1+lineH))
	}
	return objs
}

// ellipsize shortens s with "…" to fit width; "" when not even one
// character fits.
func ellipsize(s string, size float32, style fyne.TextStyle, width float32) string {
	if width <= 0 {
		return ""
	}
	if fyne.MeasureText(s, size, style).Width <= width {
		return s
	}
	runes := []rune(s)
	lo, hi := 0, len(runes) // the longest prefix that fits with "…"
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(runes[:mid])+"…", size, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return ""
	}
	return string(runes[:lo]) + "…"
}

func rect(c color.Color, x, y, w, h float32) *canvas.Rectangle {
	r := canvas.NewRectangle(c)
	r.Move(fyne.NewPos(x, y))
	r.Resize(fyne.NewSize(max(w, 0), max(h, 0)))
	return r
}

func line(c color.Color, x1, y1, x2, y2 float32) *canvas.Line {
	l := canvas.NewLine(c)
	l.StrokeWidth = 1
	l.Position1, l.Position2 = fyne.NewPos(x1, y1), fyne.NewPos(x2, y2)
	return l
}

func text(s string, c color.Color, size float32, style fyne.TextStyle, x, y float32) *canvas.Text {
	t := canvas.NewText(s, c)
	t.TextSize, t.TextStyle = size, style
	t.Move(fyne.NewPos(x, y))
	t.Resize(t.MinSize())
	return t
}

// withAlpha is c with alpha a.
func withAlpha(c color.Color, a uint8) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = uint8(uint16(n.A) * uint16(a) / 0xff)
	return n
}

// blend mixes share of c into base, giving an opaque colour.
func blend(c, base color.Color, share float64) color.Color {
	a := color.NRGBAModel.Convert(c).(color.NRGBA)
	b := color.NRGBAModel.Convert(base).(color.NRGBA)
	mix := func(x, y uint8) uint8 { return uint8(float64(x)*share + float64(y)*(1-share) + 0.5) }
	return color.NRGBA{R: mix(a.R, b.R), G: mix(a.G, b.G), B: mix(a.B, b.B), A: 0xff}
}
