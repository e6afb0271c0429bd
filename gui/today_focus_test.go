package gui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// Tab onto a button of a visit below the fold scrolls the agenda to show
// that visit (it once moved the focus out of sight at 1024×600).
func TestTodayKeepsTheFocusedVisitInView(t *testing.T) {
	f := newTodayFixture(t)
	f.sh.win.Resize(fyne.NewSize(992, 330))
	s := f.sh.today
	last := s.rows[len(s.rows)-1]
	if s.scroll.Offset.Y != 0 {
		t.Fatalf("the agenda starts scrolled at %v", s.scroll.Offset)
	}
	pos, _ := offsetIn(s.scroll.Content, last.obj)
	if pos.Y+last.obj.Size().Height <= s.scroll.Size().Height {
		t.Fatalf("the last visit is already in view: make the window smaller (at %v of %v)", pos.Y, s.scroll.Size().Height)
	}
	f.sh.win.Canvas().Focus(last.client)
	top := s.scroll.Offset.Y
	if pos.Y < top || pos.Y+last.obj.Size().Height > top+s.scroll.Size().Height {
		t.Errorf("the focused visit at %v–%v is outside the view %v–%v", pos.Y, pos.Y+last.obj.Size().Height, top, top+s.scroll.Size().Height)
	}
	f.sh.win.Canvas().Focus(s.rows[0].client)
	if s.scroll.Offset.Y != 0 {
		t.Errorf("Shift+Tab back to the first visit leaves the agenda at %v", s.scroll.Offset.Y)
	}
}
