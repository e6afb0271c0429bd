package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// checkMarkShown reports whether an entry shows its validation check mark.
func checkMarkShown(e *widget.Entry) bool {
	want := theme.Icon(theme.IconNameConfirm).Name()
	var walk func(o fyne.CanvasObject) bool
	walk = func(o fyne.CanvasObject) bool {
		if o == nil || !o.Visible() {
			return false
		}
		switch v := o.(type) {
		case *canvas.Image:
			return v.Resource != nil && v.Resource.Name() == want
		case *fyne.Container:
			for _, c := range v.Objects {
				if walk(c) {
					return true
				}
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				if walk(c) {
					return true
				}
			}
		}
		return false
	}
	return walk(e)
}

func TestPassphraseCheckMarkOnlyWhenBothMatchAndAreLongEnough(t *testing.T) {
	sh := lockedShell(t)
	d := newDataSectionScreen(sh)
	d.onSetPassphrase()
	pass, again := d.passEntry, d.passAgain
	c := sh.win.Canvas()
	c.Focus(pass)
	test.Type(pass, "abc")
	c.Focus(again)
	test.Type(again, "abd")
	if checkMarkShown(again) {
		t.Error("a check mark beside a passphrase that does not match (while typing it)")
	}
	again.SetText("abc")
	if checkMarkShown(again) {
		t.Error("a check mark beside a passphrase shorter than 8 characters")
	}
	pass.SetText("a long passphrase")
	again.SetText("a long passphrase")
	if !checkMarkShown(again) {
		t.Error("no check mark when both match and are long enough")
	}
	c.Focus(pass)
	test.Type(pass, "!")
	if checkMarkShown(again) {
		t.Error("the check mark stayed after the first passphrase changed")
	}
}

func TestPassphraseDialogSaysWhereThePassphraseIsKept(t *testing.T) {
	for _, words := range []string{"keeps this passphrase in your practice file", "without asking", "can also read the passphrase"} {
		if !strings.Contains(passphraseWhere, words) {
			t.Errorf("the passphrase dialog does not say %q", words)
		}
	}
	sh := lockedShell(t)
	d := newDataSectionScreen(sh)
	d.onSetPassphrase()
	if !labelShown(sh.win.Canvas().Overlays().Top(), passphraseWhere) {
		t.Error("the dialog does not show where the passphrase is kept")
	}
}

// labelShown reports whether a label with text is in the object tree.
func labelShown(o fyne.CanvasObject, text string) bool {
	switch v := o.(type) {
	case *widget.Label:
		return v.Text == text
	case *fyne.Container:
		for _, c := range v.Objects {
			if labelShown(c, text) {
				return true
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			if labelShown(c, text) {
				return true
			}
		}
	}
	return false
}
