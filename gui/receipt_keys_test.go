package gui

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

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

// Void: Enter in the reason voids, and "Say why" goes once a reason is
// typed.
func TestVoidReasonEnterAndMessageClears(t *testing.T) {
	sh := newTestShell(t, true)
	ctx := context.Background()
	inv, err := sh.store.CheckOut(ctx, completedVisit(t, sh).ID)
	if err != nil {
		t.Fatal(err)
	}
	d := sh.showInvoice(inv.ID, nil)
	test.Tap(d.voidBtn)
	test.Tap(buttonNamed(t, sh.win.Canvas().Overlays().Top(), "Void receipt"))
	if d.voidForm.fields["VoidReason"].err.Text == "" {
		t.Fatal("no message without a reason")
	}
	typeInto(d.voidReason, "Wrong client")
	if msg := d.voidForm.fields["VoidReason"].err.Text; msg != "" || d.voidForm.summary.Visible() {
		t.Errorf("the message stays after a reason is typed: %q", msg)
	}
	d.voidReason.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got, _ := sh.store.Invoice(ctx, inv.ID); got.Status != data.InvoiceVoid {
		t.Errorf("Enter did not void: %s", got.Status)
	}
}

// New buyer… after a refused sale shows no name errors before anything is
// typed, and the hint has no doubled full stop.
func TestNewBuyerNoErrorsBeforeTyping(t *testing.T) {
	sh := newTestShell(t, true)
	sh.sellCertificate(nil)
	overlay := sh.win.Canvas().Overlays().Top()
	typeInto(findEntry(t, overlay, "e.g. 100"), "100")
	test.Tap(buttonNamed(t, overlay, "Sell"))
	if txt := allText(overlay); strings.Contains(txt, "….") || !strings.Contains(txt, "Choose the client") {
		t.Errorf("message after a sale without a buyer: %s", txt)
	}
	test.Tap(buttonNamed(t, overlay, "New buyer…"))
	if txt := allText(overlay); strings.Contains(txt, "Type the buyer's first name") || strings.Contains(txt, "Type the buyer's last name") {
		t.Errorf("name errors before anything is typed: %s", txt)
	}
}

// Sell package: typing part of a name says which clients match, and Down
// opens the list of them; Down and Return there choose one.
func TestSellPackageClientSuggestions(t *testing.T) {
	sh := newTestShell(t, true)
	ctx := context.Background()
	for _, c := range []*data.Client{{FirstName: "Sofia", LastName: "Smith"}, {FirstName: "Tom", LastName: "Baker"}} {
		if err := sh.store.CreateClient(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	choice := sh.sellPackage(0, nil)
	dlg := sh.win.Canvas().Overlays().Top()
	sh.win.Canvas().Focus(choice.sel)
	test.Type(choice.sel, "Sofia Sm")
	if txt := allText(dlg); !strings.Contains(txt, "Sofia Smith: press Down to choose.") {
		t.Errorf("no suggestion while typing: %s", txt)
	}
	choice.sel.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	menu, ok := sh.win.Canvas().Focused().(*widget.PopUpMenu)
	if !ok {
		t.Fatal("Down did not open the list")
	}
	menu.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	menu.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if choice.sel.Text != "Sofia Smith" || choice.id() == 0 {
		t.Errorf("chosen %q", choice.sel.Text)
	}
}
