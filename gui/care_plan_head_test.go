package gui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// A new plan has no figures yet: no empty line stands between the client's
// name and the form (it cost about 60 px at 1024×600).
func TestNewCarePlanHasNoEmptyBandUnderTheName(t *testing.T) {
	sh := newTestShell(t, true)
	sh.win.Resize(fyne.NewSize(1024, 600))
	c := planClient(t, sh)
	sh.newCarePlan(c.ID, nil)
	e := sh.planEd
	d := fyne.CurrentApp().Driver()
	gap := d.AbsolutePositionForObject(e.scroll).Y - d.AbsolutePositionForObject(e.content).Y
	name := fyne.MeasureText(c.DisplayName(), fyne.CurrentApp().Settings().Theme().Size("headingText"), fyne.TextStyle{Bold: true}).Height
	t.Logf("form starts %.0f px under the top of the dialog's content; the name is %.0f px high", gap, name)
	if e.figures.Visible() {
		t.Errorf("a new plan shows an empty figures line %q", e.figures.Text)
	}
	if gap > name+40 {
		t.Errorf("the form starts %.0f px under the top; the name is %.0f px high: an empty band is left", gap, name)
	}
}
