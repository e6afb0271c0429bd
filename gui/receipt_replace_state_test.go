package gui

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// Retyping an amount the same ("110.00" as "110") or adding spaces is no
// change: Cancel closes the replacement without asking. A real change
// asks; undoing it by hand no longer does.
func TestReplacementRetypedAmountIsNoChange(t *testing.T) {
	sh := newTestShell(t, true)
	void := voidedCheckout(t, sh)
	d := sh.showInvoice(void.ID, nil)
	test.Tap(d.reissueBtn)
	r := d.replace
	if r == nil || r.lines[0].unit.Text != "110.00" {
		t.Fatal("the replacement is not prefilled")
	}
	typeInto(r.lines[0].unit, "110")
	typeInto(r.lines[0].desc, r.lines[0].desc.Text+"  ")
	typeInto(r.pays[0].amount, "124.3")
	typeInto(r.lines[0].qty, " 1")
	if r.dirty {
		t.Errorf("retyped amounts count as unsaved changes")
	}
	typeInto(r.lines[0].unit, "111")
	if !r.dirty {
		t.Fatalf("a new price does not count as a change")
	}
	typeInto(r.lines[0].unit, "110.0")
	if r.dirty {
		t.Errorf("the price typed back still counts as a change")
	}
	overlays := len(sh.win.Canvas().Overlays().List())
	r.cancel()
	if n := len(sh.win.Canvas().Overlays().List()); n >= overlays {
		t.Errorf("Cancel asked about unsaved changes (%d overlays, was %d)", n, overlays)
	}
}
