package gui

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// newTestChart shows a body chart alone in a window of size.
func newTestChart(t *testing.T, marks []bodyMark, readOnly bool, size fyne.Size) (*bodyChart, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	c := newBodyChart(marks, readOnly)
	w := test.NewTempWindow(t, c)
	w.Resize(size)
	return c, w
}

// figurePoint is where 0..1 of view's image is inside the figures widget,
// computed independently of the widget: the letterbox of a 220:500 image.
func figurePoint(f *bodyFigures, view string, x, y float32) fyne.Position {
	size := f.Size()
	capH := float32(0)
	for _, p := range f.panels(size) {
		capH = p.captionH
	}
	areaW := size.Width / 2
	left := float32(0)
	if view == bodyBack {
		left = areaW
	}
	if narrow(size) {
		areaW, left = size.Width, 0
	}
	areaH := size.Height - capH
	scale := float32(math.Min(float64(areaW/220), float64(areaH/500)))
	imgW, imgH := 220*scale, 500*scale
	return fyne.NewPos(left+(areaW-imgW)/2+x*imgW, (areaH-imgH)/2+y*imgH)
}

func near(a, b float32) bool { return math.Abs(float64(a-b)) < 0.01 }

func TestBodyChartTapPlacesMarkAtNormalisedPoint(t *testing.T) {
	// A wide window letterboxes each figure left and right, a tall narrow
	// one above and below: the mark must land on the same spot of the body.
	for _, size := range []fyne.Size{{Width: 900, Height: 600}, {Width: 320, Height: 900}} {
		c, _ := newTestChart(t, nil, false, size)
		var got []bodyMark
		c.OnChanged = func(m []bodyMark) { got = m }
		c.SetKind(markTriggerPoint)
		test.TapAt(c.figures, figurePoint(c.figures, bodyFront, 0.3, 0.25))
		if len(got) != 1 {
			t.Fatalf("%v: OnChanged got %d marks, want 1", size, len(got))
		}
		m := got[0]
		if m.View != bodyFront || m.Kind != markTriggerPoint || !near(m.X, 0.3) || !near(m.Y, 0.25) {
			t.Errorf("%v: placed %+v, want a front trigger point at 0.30, 0.25", size, m)
		}
		if c.Selected() != 0 {
			t.Errorf("%v: the new mark is not selected", size)
		}
	}
}

func TestBodyChartTapOnBackView(t *testing.T) {
	c, _ := newTestChart(t, nil, false, fyne.NewSize(900, 600))
	test.TapAt(c.figures, figurePoint(c.figures, bodyBack, 0.6, 0.5))
	m := c.Marks()
	if len(m) != 1 || m[0].View != bodyBack || !near(m[0].X, 0.6) || !near(m[0].Y, 0.5) || m[0].Kind != markPain {
		t.Errorf("marks %+v, want one back pain mark at 0.6, 0.5", m)
	}
}

func TestBodyChartTapInLetterboxPlacesNothing(t *testing.T) {
	c, _ := newTestChart(t, nil, false, fyne.NewSize(900, 600))
	test.TapAt(c.figures, fyne.NewPos(3, 100)) // left of the front figure's image
	if n := len(c.Marks()); n != 0 {
		t.Errorf("a tap beside the figure placed %d marks", n)
	}
}

func TestBodyChartNarrowCaptionSwitchesView(t *testing.T) {
	c, _ := newTestChart(t, nil, false, fyne.NewSize(300, 800))
	s := c.figures.Size()
	test.TapAt(c.figures, fyne.NewPos(s.Width/2, s.Height-5))
	test.TapAt(c.figures, figurePoint(c.figures, bodyBack, 0.5, 0.5))
	if m := c.Marks(); len(m) != 1 || m[0].View != bodyBack {
		t.Errorf("after switching to the back, a tap placed %+v", m)
	}
}

func TestBodyChartDragMovesMark(t *testing.T) {
	c, w := newTestChart(t, []bodyMark{{View: bodyFront, X: 0.5, Y: 0.5, Kind: markTension}}, false, fyne.NewSize(900, 600))
	var got []bodyMark
	c.OnChanged = func(m []bodyMark) { got = m }
	f := c.figures
	from := figurePoint(f, bodyFront, 0.5, 0.5)
	to := figurePoint(f, bodyFront, 0.4, 0.3)
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(f)
	test.Drag(w.Canvas(), from.Add(abs), to.X-from.X, to.Y-from.Y)
	if len(got) != 1 || !near(got[0].X, 0.4) || !near(got[0].Y, 0.3) || got[0].Kind != markTension {
		t.Errorf("after the drag OnChanged got %+v, want the mark at 0.4, 0.3", got)
	}
}

func TestBodyChartDeleteKeyAndSecondaryTapRemove(t *testing.T) {
	marks := []bodyMark{
		{View: bodyFront, X: 0.5, Y: 0.3, Kind: markPain},
		{View: bodyBack, X: 0.5, Y: 0.6, Kind: markTreated, Label: "low back"},
	}
	c, w := newTestChart(t, marks, false, fyne.NewSize(900, 600))
	var got []bodyMark
	c.OnChanged = func(m []bodyMark) { got = m }
	test.TapAt(c.figures, figurePoint(c.figures, bodyFront, 0.5, 0.3))
	if c.Selected() != 0 || len(c.Marks()) != 2 {
		t.Fatalf("tapping a mark: selected %d with %d marks, want the first selected and none added", c.Selected(), len(c.Marks()))
	}
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if !reflect.DeepEqual(got, marks[1:]) {
		t.Errorf("after Delete OnChanged got %+v, want %+v", got, marks[1:])
	}
	test.TapSecondaryAt(c.figures, figurePoint(c.figures, bodyBack, 0.5, 0.6))
	if len(got) != 0 || len(c.Marks()) != 0 {
		t.Errorf("after a right-click on it, marks %+v remain", c.Marks())
	}
}

func TestBodyChartRemoveButtonAndLabel(t *testing.T) {
	c, _ := newTestChart(t, nil, false, fyne.NewSize(900, 600))
	var got []bodyMark
	c.OnChanged = func(m []bodyMark) { got = m }
	if !c.label.Disabled() || !c.remove.Disabled() {
		t.Error("label and Remove are enabled with no mark selected")
	}
	test.TapAt(c.figures, figurePoint(c.figures, bodyFront, 0.5, 0.5))
	test.Type(c.label, "knot")
	if len(got) != 1 || got[0].Label != "knot" {
		t.Errorf("after typing a label OnChanged got %+v", got)
	}
	test.Tap(c.remove)
	if len(got) != 0 {
		t.Errorf("after Remove OnChanged got %+v", got)
	}
}

func TestBodyChartReadOnlyIgnoresTaps(t *testing.T) {
	marks := []bodyMark{{View: bodyFront, X: 0.5, Y: 0.5, Kind: markNumbness}}
	c, w := newTestChart(t, marks, true, fyne.NewSize(900, 600))
	c.OnChanged = func([]bodyMark) { t.Error("OnChanged called in read-only mode") }
	f := c.figures
	test.TapAt(f, figurePoint(f, bodyFront, 0.3, 0.3))
	test.TapAt(f, figurePoint(f, bodyFront, 0.5, 0.5))
	test.TapSecondaryAt(f, figurePoint(f, bodyFront, 0.5, 0.5))
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(f)
	test.Drag(w.Canvas(), figurePoint(f, bodyFront, 0.5, 0.5).Add(abs), 40, 40)
	if !reflect.DeepEqual(c.Marks(), marks) || c.Selected() != -1 {
		t.Errorf("read-only chart changed: %+v, selected %d", c.Marks(), c.Selected())
	}
	if c.tools.Visible() || c.editRow.Visible() || !c.legend.Visible() {
		t.Error("read-only chart shows its tools or hides its legend")
	}
}

func TestBodyChartMarksRoundTrip(t *testing.T) {
	in := sampleMarks()
	c, _ := newTestChart(t, in, false, fyne.NewSize(600, 600))
	out := c.Marks()
	if !reflect.DeepEqual(out, in) {
		t.Errorf("marks came back as %+v, want %+v", out, in)
	}
	out[0].Label = "changed"
	if c.Marks()[0].Label == "changed" {
		t.Error("Marks shares its slice with the chart")
	}
	keys := map[string]bool{}
	for _, k := range markKinds() {
		keys[k.key] = true
	}
	for _, want := range []string{"pain", "tension", "trigger_point", "numbness", "inflammation", "treated"} {
		if !keys[want] {
			t.Errorf("kind %q (as the data layer spells it) is missing", want)
		}
	}
}

func BenchmarkBodyChartRedraw50Marks(b *testing.B) {
	test.NewTempApp(b)
	marks := make([]bodyMark, 50)
	kinds := markKinds()
	for i := range marks {
		marks[i] = bodyMark{View: []string{bodyFront, bodyBack}[i%2], X: float32(i%10) / 10, Y: float32(i) / 50,
			Kind: kinds[i%len(kinds)].key, Label: "label"}
	}
	c := newBodyChart(marks, false)
	w := test.NewTempWindow(b, c)
	w.Resize(fyne.NewSize(900, 700))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.move(i%50, float32(i%7)/7, 0.5)
	}
}

// A label over the limit is refused with a message under the field, never
// cut: the field keeps what was typed and the mark its last label; near the
// limit a counter shows the room left.
func TestBodyChartLabelTooLongIsRefusedNotCut(t *testing.T) {
	c, _ := newTestChart(t, nil, false, fyne.NewSize(900, 600))
	test.TapAt(c.figures, figurePoint(c.figures, bodyFront, 0.5, 0.5))
	c.label.SetText("left upper trapezius")
	if c.hint.Visible() {
		t.Errorf("a short label shows %q under the field", c.hint.Text)
	}
	c.label.SetText(strings.Repeat("é", markLabelCountFrom+1))
	if !c.hint.Visible() || !strings.Contains(c.hint.Text, fmt.Sprintf("%d of %d characters", markLabelCountFrom+1, maxMarkLabel)) {
		t.Errorf("near the limit the field says %q (shown %v), want a counter", c.hint.Text, c.hint.Visible())
	}
	long := strings.Repeat("é", maxMarkLabel+25)
	c.label.SetText(long)
	if c.label.Text != long {
		t.Errorf("the field was cut to %d letters", len([]rune(c.label.Text)))
	}
	if got := c.Marks()[0].Label; got != strings.Repeat("é", markLabelCountFrom+1) {
		t.Errorf("a %d-letter label was stored as %d letters; the mark should keep its last label", maxMarkLabel+25, len([]rune(got)))
	}
	if !c.hint.Visible() || c.hint.Importance != widget.DangerImportance || !strings.Contains(c.hint.Text, "up to 60") {
		t.Errorf("an over-long label says %q (shown %v), want why it is refused", c.hint.Text, c.hint.Visible())
	}
	c.label.SetText("R levator scapulae")
	if c.hint.Visible() || c.Marks()[0].Label != "R levator scapulae" {
		t.Errorf("after shortening: hint %q shown %v, label %q", c.hint.Text, c.hint.Visible(), c.Marks()[0].Label)
	}
}
