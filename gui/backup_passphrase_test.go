package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data/backup"
)

// labelWithText finds the label whose text starts with prefix under o.
func labelWithText(o fyne.CanvasObject, prefix string) *widget.Label {
	var found *widget.Label
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || found != nil {
			return
		}
		switch v := o.(type) {
		case *widget.Label:
			if strings.HasPrefix(v.Text, prefix) {
				found = v
			}
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return found
}

// The Set passphrase dialog: no red marks before anything is typed, the
// explanation starts at the dialog's left (not in the fields' column), and
// Enter in "Type it again" uses the passphrase when both match.
func TestSetPassphraseDialogEnterSubmitsNoMarksUntilTyped(t *testing.T) {
	sh := lockedShell(t)
	d := newDataSectionScreen(sh)
	d.onSetPassphrase()
	pass, again := d.passEntry, d.passAgain
	c := sh.win.Canvas()
	c.Focus(again) // the cursor passed through the first field
	c.Focus(nil)
	if pass.Validate() != nil || again.Validate() != nil { // as Fyne's form checks its fields
		t.Error("an empty field counts as wrong (a red mark) before anything is typed")
	}
	if errorMarkShown(pass) || errorMarkShown(again) {
		t.Error("red marks beside the empty fields before anything was typed")
	}
	top := c.Overlays().Top()
	warning := labelWithText(top, passphraseWarning[:30])
	if warning == nil {
		t.Fatal("no warning in the dialog")
	}
	drv := fyne.CurrentApp().Driver()
	if wx, px := drv.AbsolutePositionForObject(warning).X, drv.AbsolutePositionForObject(pass).X; wx >= px {
		t.Errorf("the explanation starts at x=%v, in the fields' column (x=%v)", wx, px)
	}
	c.Focus(pass)
	test.Type(pass, "a long passphrase")
	c.Focus(again)
	test.Type(again, "a long passphrase")
	again.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if s, _ := backup.Load(context.Background(), sh.store); !s.CheckPassphrase("a long passphrase") {
		t.Error("Enter in Type it again did not use the passphrase")
	}
	if c.Overlays().Top() != nil {
		t.Error("the dialog stayed open after Enter")
	}
}
