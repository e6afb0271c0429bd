package gui

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/statements"
)

// Gift certificate balance closes with Enter in its code field, and with
// Escape there or with nothing focused.
func TestCertificateBalanceClosesWithEnterAndEscape(t *testing.T) {
	sh := newTestShell(t, true)
	for _, how := range []string{"enter", "escape-in-field", "escape"} {
		d := sh.showCertificateBalance("en-CA")
		top := sh.win.Canvas().Overlays().Top()
		switch how {
		case "enter":
			typeInto(d.code, "GC-")
			d.code.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		case "escape-in-field":
			d.code.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		default:
			sh.win.Canvas().Unfocus()
			pressKey(sh, fyne.KeyEscape)
		}
		if sh.win.Canvas().Overlays().Top() == top {
			t.Errorf("%s did not close the Gift certificate balance dialog", how)
			d.dlg.Hide()
		}
	}
}

// The finished Year-end statements dialog closes with Escape; a run in
// progress does not.
func TestYearEndStatementsEscapeCloses(t *testing.T) {
	sh := newTestShell(t, true)
	a := completedVisit(t, sh)
	if _, err := sh.store.CheckOut(context.Background(), a.ID); err != nil {
		t.Fatal(err)
	}
	r := sh.showStatements()
	top := sh.win.Canvas().Overlays().Top()
	r.chooseFolder = func(done func(string)) { done(t.TempDir()) }
	test.Tap(r.choose)
	r.year.SetSelected(strconv.Itoa(a.Start.Year()))
	r.write = func(ctx context.Context, _ *data.Store, year int, dir string, o statements.Options) (statements.Result, error) {
		pressKey(sh, fyne.KeyEscape)
		if sh.win.Canvas().Overlays().Top() != top {
			t.Error("Escape closed the dialog while statements were being written")
		}
		return statements.Result{Year: year, Dir: dir, Total: 1, Files: []string{filepath.Join(dir, "a.pdf")}}, nil
	}
	test.Tap(r.start)
	sh.win.Canvas().Unfocus()
	pressKey(sh, fyne.KeyEscape)
	if sh.win.Canvas().Overlays().Top() == top {
		t.Error("Escape did not close the finished Year-end statements dialog")
	}
}
