package gui

import (
	"fmt"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The two views of the body chart, spelled as the notes data layer stores
// them.
const (
	bodyFront = "front"
	bodyBack  = "back"
)

// maxMarkLabel caps a mark's label, so a huge paste cannot swamp the chart.
// A longer label is refused with a message under the field, never cut.
const maxMarkLabel = 60

// markLabelCountFrom is the length from which a counter under the label
// field shows how much room is left.
const markLabelCountFrom = maxMarkLabel - 15

// bodyMark is one mark on the body chart: which view, where on the
// figure's image (0..1 across and down, so it lands on the same spot at any
// size), its kind (markPain…markTreated) and an optional label.
type bodyMark struct {
	View  string
	X, Y  float32
	Kind  string
	Label string
}

// bodyChart shows the front and back body outlines with the therapist's
// marks. Choose a kind in the toolbar and tap the figure to place a mark;
// tap a mark to select it, then give it a label, drag it to move it, or
// remove it (Remove, the Delete key, or a right-click on it). In read-only
// mode (a signed note) it only shows the marks and a legend of their kinds.
type bodyChart struct {
	widget.BaseWidget

	// OnChanged is told every mark after one is placed, moved, relabelled
	// or removed.
	OnChanged func([]bodyMark)

	marks    []bodyMark
	kind     string
	selected int // index into marks, or -1
	readOnly bool

	figures *bodyFigures
	chips   []*kindChip
	label   *widget.Entry
	hint    *widget.Label // the label's length near the limit, or why it is refused
	remove  *widget.Button
	tools   *fyne.Container
	editRow *fyne.Container
	legend  *fyne.Container
}

// newBodyChart shows marks; readOnly leaves out the tools and ignores taps.
func newBodyChart(marks []bodyMark, readOnly bool) *bodyChart {
	c := &bodyChart{kind: markPain, selected: -1}
	c.ExtendBaseWidget(c)
	c.figures = newBodyFigures(c)
	var cell fyne.Size
	var chips []fyne.CanvasObject
	for _, k := range markKinds() {
		ch := newKindChip(k, c.SetKind)
		c.chips = append(c.chips, ch)
		chips = append(chips, ch)
		cell = cell.Max(ch.MinSize())
	}
	// As many chips a row as fit: one row when wide, three when narrow.
	c.tools = container.NewGridWrap(cell, chips...)
	c.label = widget.NewEntry()
	c.label.SetPlaceHolder("Label for the selected mark (optional)")
	c.label.OnChanged = c.labelChanged
	c.remove = widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), c.removeSelected)
	c.hint = widget.NewLabel("")
	c.hint.SizeName = theme.SizeNameCaptionText
	c.hint.Wrapping = fyne.TextWrapWord
	c.hint.Hide()
	c.editRow = container.NewVBox(container.NewBorder(nil, nil, nil, c.remove, c.label), c.hint)
	c.legend = container.NewStack()
	c.SetMarks(marks)
	c.SetReadOnly(readOnly)
	return c
}

// CreateRenderer puts the kind chooser above the figures and the selected
// mark's label below them (the legend instead, when read-only).
func (c *bodyChart) CreateRenderer() fyne.WidgetRenderer {
	bottom := container.NewVBox(c.editRow, c.legend)
	return widget.NewSimpleRenderer(container.NewBorder(c.tools, bottom, nil, nil, c.figures))
}

// Marks is a copy of the marks shown.
func (c *bodyChart) Marks() []bodyMark { return append([]bodyMark(nil), c.marks...) }

// SetMarks shows marks (copied) with none selected; OnChanged is not told.
func (c *bodyChart) SetMarks(marks []bodyMark) {
	c.marks = append([]bodyMark(nil), marks...)
	c.selected = -1
	c.sync()
}

// SetReadOnly switches between editing and only showing the marks.
func (c *bodyChart) SetReadOnly(readOnly bool) {
	c.readOnly = readOnly
	if readOnly {
		c.selected = -1
	}
	c.sync()
}

// Kind is the kind of mark a tap places.
func (c *bodyChart) Kind() string { return c.kind }

// SetKind chooses the kind of mark a tap places.
func (c *bodyChart) SetKind(kind string) {
	c.kind = markKindOf(kind).key
	for _, ch := range c.chips {
		ch.setChosen(ch.kind.key == c.kind)
	}
}

// Selected is the index of the selected mark, or -1.
func (c *bodyChart) Selected() int { return c.selected }

// place adds a mark of the current kind and selects it.
func (c *bodyChart) place(view string, x, y float32) {
	c.marks = append(c.marks, bodyMark{View: view, X: clamp01(x), Y: clamp01(y), Kind: c.kind})
	c.selected = len(c.marks) - 1
	c.sync()
	c.changed()
}

// selectMark selects marks[i] (-1: none).
func (c *bodyChart) selectMark(i int) {
	if c.selected != i {
		c.selected = i
		c.sync()
	}
}

// move puts marks[i] at x, y of its view.
func (c *bodyChart) move(i int, x, y float32) {
	c.marks[i].X, c.marks[i].Y = clamp01(x), clamp01(y)
	c.figures.Refresh()
}

// removeSelected removes the selected mark, if any.
func (c *bodyChart) removeSelected() {
	if c.readOnly || c.selected < 0 || c.selected >= len(c.marks) {
		return
	}
	c.marks = append(c.marks[:c.selected], c.marks[c.selected+1:]...)
	c.selected = -1
	c.sync()
	c.changed()
}

// labelChanged gives the selected mark the label typed, unless it is too
// long: then the mark keeps its label and the field says why.
func (c *bodyChart) labelChanged(s string) {
	if !c.showLabelLength(utf8.RuneCountInString(s)) {
		return
	}
	if c.selected < 0 || c.readOnly || c.marks[c.selected].Label == s {
		return
	}
	c.marks[c.selected].Label = s
	c.figures.Refresh()
	c.changed()
}

// sync shows the tools, label field and legend for the current state.
func (c *bodyChart) sync() {
	if c.readOnly {
		c.tools.Hide()
		c.editRow.Hide()
		kinds := make([]string, 0, len(c.marks))
		for _, m := range c.marks {
			kinds = append(kinds, m.Kind)
		}
		c.legend.Objects = nil
		if len(kinds) > 0 {
			c.legend.Objects = []fyne.CanvasObject{newBodyChartLegend(kinds...)}
		}
		c.legend.Show()
		c.legend.Refresh()
	} else {
		c.tools.Show()
		c.editRow.Show()
		c.legend.Hide()
		c.SetKind(c.kind)
	}
	text := ""
	if c.selected >= 0 {
		text = c.marks[c.selected].Label
		c.label.Enable()
		c.remove.Enable()
	} else {
		c.label.Disable()
		c.remove.Disable()
	}
	if c.label.Text != text {
		c.label.SetText(text)
	}
	c.figures.Refresh()
}

func (c *bodyChart) changed() {
	if c.OnChanged != nil {
		c.OnChanged(c.Marks())
	}
}

func clamp01(v float32) float32 { return min(max(v, 0), 1) }

// kindChip is a toolbar button choosing a kind of mark: its swatch and
// name, shaded while chosen.
type kindChip struct {
	widget.BaseWidget
	kind     markKind
	chosen   bool
	onChoose func(string)
	bg       *canvas.Rectangle
}

var _ fyne.Tappable = (*kindChip)(nil)

func newKindChip(k markKind, onChoose func(string)) *kindChip {
	ch := &kindChip{kind: k, onChoose: onChoose, bg: canvas.NewRectangle(nil)}
	ch.bg.CornerRadius = 4
	ch.ExtendBaseWidget(ch)
	return ch
}

// Tapped chooses the chip's kind.
func (ch *kindChip) Tapped(*fyne.PointEvent) { ch.onChoose(ch.kind.key) }

func (ch *kindChip) setChosen(chosen bool) {
	if ch.chosen != chosen {
		ch.chosen = chosen
		ch.Refresh()
	}
}

func (ch *kindChip) CreateRenderer() fyne.WidgetRenderer {
	l := widget.NewLabel(ch.kind.short)
	row := container.NewBorder(nil, nil, newMarkSwatch(ch.kind.key), nil, l)
	r := &chipRenderer{ch: ch, WidgetRenderer: widget.NewSimpleRenderer(container.NewStack(ch.bg, row))}
	r.Refresh()
	return r
}

type chipRenderer struct {
	fyne.WidgetRenderer
	ch *kindChip
}

// Refresh shades the chip while it is chosen.
func (r *chipRenderer) Refresh() {
	th := r.ch.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	if r.ch.chosen {
		r.ch.bg.FillColor = th.Color(theme.ColorNameSelection, v)
		r.ch.bg.StrokeColor, r.ch.bg.StrokeWidth = th.Color(theme.ColorNamePrimary, v), 1.5
	} else {
		r.ch.bg.FillColor = nil
		r.ch.bg.StrokeColor, r.ch.bg.StrokeWidth = th.Color(theme.ColorNameSeparator, v), 1
	}
	r.WidgetRenderer.Refresh()
}

// showLabelLength shows the counter or the refusal under the label field
// for a label of n characters, and reports whether it fits.
func (c *bodyChart) showLabelLength(n int) bool {
	switch {
	case n > maxMarkLabel:
		c.hint.Importance = widget.DangerImportance
		c.hint.SetText(fmt.Sprintf("Too long: %d characters; a label holds up to %d. Shorten it — until then the mark keeps its label as it was.", n, maxMarkLabel))
		c.hint.Show()
		return false
	case n >= markLabelCountFrom:
		c.hint.Importance = widget.LowImportance
		c.hint.SetText(fmt.Sprintf("%d of %d characters", n, maxMarkLabel))
		c.hint.Show()
	default:
		c.hint.Hide()
	}
	return true
}
