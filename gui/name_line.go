package gui

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// nameLine lays out a name followed by its details on one line: the name
// at its full width while there is room, shortened with "…" only when the
// details would otherwise not fit (the name label truncates).
type nameLine struct {
	name  *widget.Label
	whole *widget.Label // an untruncated twin, never shown: it measures the whole name
}

// newNameLine is a container of name then detail on one line.
func newNameLine(name *widget.Label, detail fyne.CanvasObject) *fyne.Container {
	l := &nameLine{name: name, whole: widget.NewLabelWithStyle(name.Text, name.Alignment, name.TextStyle)}
	l.whole.SizeName = name.SizeName
	return container.New(l, name, detail)
}

// naturalWidth is the width the name needs to show whole.
func (l *nameLine) naturalWidth() float32 {
	if l.whole.Text != l.name.Text {
		l.whole.SetText(l.name.Text)
	}
	// One pixel more: the label's own fit test subtracts the padding again,
	// and float rounding can otherwise cut the last letter.
	return float32(math.Ceil(float64(l.whole.MinSize().Width))) + 1
}

// Layout places the name (Objects[0]) then the details (Objects[1]).
func (l *nameLine) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	detail := objs[1].MinSize().Width
	w := min(l.naturalWidth(), max(size.Width-detail, objs[0].MinSize().Width))
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(w, size.Height))
	objs[1].Move(fyne.NewPos(w, 0))
	objs[1].Resize(fyne.NewSize(max(detail, size.Width-w), size.Height))
}

// MinSize is the shortened name beside the details.
func (l *nameLine) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(a.Width+b.Width, max(a.Height, b.Height))
}
