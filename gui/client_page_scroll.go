package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// keptOffset keeps the client page where the therapist had scrolled it
// when the page is built again after a change (a mobility measure, a note,
// a consent saved from a dialog): it is the layout of the page's scrolled
// body, and while an offset is wanted it scrolls there as soon as the
// body is tall enough. The page's sections fill in off the UI goroutine,
// so the body starts short; a scroll by the therapist in the meantime
// drops the wish.
type keptOffset struct {
	scroll *container.Scroll
	want   float32 // the offset to go back to; < 0: none
}

// Layout stacks the body over the whole content area, then goes back to
// the wanted offset when there is room for it.
func (k *keptOffset) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.Position{})
	}
	k.apply(size.Height)
}

// MinSize is the body's.
func (k *keptOffset) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

// apply scrolls to the wanted offset once the body, contentHeight tall,
// reaches that far below the top of the view.
func (k *keptOffset) apply(contentHeight float32) {
	if k.want < 0 || k.scroll == nil {
		return
	}
	view := k.scroll.Size().Height
	if view <= 0 || contentHeight-view < k.want {
		return // not laid out yet, or its sections are still filling in
	}
	k.scroll.Offset = fyne.NewPos(0, k.want)
	k.want = -1
	k.scroll.Refresh()
}

// newKeptScroll is the page's vertical scroll over body.
func newKeptScroll(body fyne.CanvasObject) (*container.Scroll, *keptOffset) {
	k := &keptOffset{want: -1}
	k.scroll = container.NewVScroll(container.New(k, body))
	k.scroll.OnScrolled = func(fyne.Position) { k.want = -1 }
	return k.scroll, k
}

// scrollOffset is how far down the page is scrolled.
func (p *clientPage) scrollOffset() float32 {
	if p == nil || p.scroll == nil {
		return 0
	}
	return p.scroll.Offset.Y
}

// keepScroll scrolls the page to y (from scrollOffset of the page it
// replaces) as soon as its sections make it tall enough.
func (p *clientPage) keepScroll(y float32) {
	if p == nil || p.keep == nil || y <= 0 {
		return
	}
	p.keep.want = y
	if c := p.scroll.Content; c != nil {
		p.keep.apply(c.Size().Height)
	}
}
