package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"
)

// Before Bea's 14:00 visit starts, Completed and No-show are off, look
// off (no raised face) and a quiet line says when they can be used; Sam's
// visit, begun, has them on and no such line.
func TestTodayNotYetStartedSaysWhyTheMarksAreOff(t *testing.T) {
	f := newTodayFixture(t)
	bea := f.row(t, f.bea)
	if !bea.complete.Disabled() || !bea.noShow.Disabled() {
		t.Fatal("the marks are on before the visit starts")
	}
	if bea.complete.Importance != widget.LowImportance {
		t.Errorf("the disabled Completed keeps its raised face (importance %v)", bea.complete.Importance)
	}
	if bea.hint == nil || !strings.Contains(bea.hint.Text, "once it has started") ||
		!strings.Contains(allText(bea.obj), "once it has started") {
		t.Errorf("no hint on the row: %s", allText(bea.obj))
	}
	sam := f.row(t, f.sam)
	if sam.complete.Disabled() || sam.hint != nil {
		t.Errorf("a begun visit: Completed off %v, hint %v", sam.complete.Disabled(), sam.hint != nil)
	}
}
