package gui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// inView reports whether obj lies wholly inside the booking form's
// scrolled view.
func inView(b *bookingDialog, obj fyne.CanvasObject) bool {
	pos, ok := offsetIn(b.scroll.Content, obj)
	top, bottom := b.scroll.Offset.Y, b.scroll.Offset.Y+b.scroll.Size().Height
	return ok && obj.Size().Height > 0 && pos.Y >= top-1 && pos.Y+obj.Size().Height <= bottom+1
}

// Tab onto the Repeat tick box below the fold scrolls it into view, and
// back onto the service list above it scrolls up again.
func TestBookingTabToRepeatAndServiceScrollsThemIntoView(t *testing.T) {
	w := newSchedWorld(t)
	w.sh.win.Resize(fyne.NewSize(1024, 600))
	b := w.slotAt(t, w.tuesday, 14, 0)
	c := w.sh.win.Canvas()
	if inView(b, b.repeat) {
		t.Skip("the whole form fits: nothing to scroll")
	}
	c.Focus(b.repeat)
	if !inView(b, b.repeat) {
		t.Errorf("Repeat has the focus but is off screen (offset %v)", b.scroll.Offset.Y)
	}
	c.Focus(b.service)
	if !inView(b, b.service) {
		t.Errorf("the service list has the focus but is off screen (offset %v)", b.scroll.Offset.Y)
	}
}
