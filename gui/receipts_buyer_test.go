package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// Selling a gift certificate to someone who is not yet a client: New
// buyer… asks a first and last name in the same dialog, and the sale makes
// their client record and the receipt out to it.
func TestSellCertificateToNewBuyer(t *testing.T) {
	sh := newTestShell(t, true)
	ctx := context.Background()
	who := sh.sellCertificate(nil)
	overlay := sh.win.Canvas().Overlays().Top()
	typeInto(findEntry(t, overlay, "e.g. 100"), "100")
	test.Tap(buttonNamed(t, overlay, "New buyer…"))
	if !who.isNew || who.pick.Visible() || !who.fresh.Visible() {
		t.Fatal("New buyer… does not ask for a name")
	}
	typeInto(who.first, "Jonah")
	test.Tap(buttonNamed(t, overlay, "Sell"))
	if got := allText(overlay); !strings.Contains(got, "Type the buyer's last name.") {
		t.Fatalf("no last name, no message: %s", got)
	}
	if rows := storedClients(t, sh, data.ClientQuery{Text: "jonah"}); len(rows) != 0 {
		t.Fatalf("a refused sale made a client: %+v", rows)
	}
	typeInto(who.last, "Whitfield")
	test.Tap(buttonNamed(t, overlay, "Sell"))
	rows := storedClients(t, sh, data.ClientQuery{Text: "whitfield"})
	if len(rows) != 1 {
		t.Fatalf("clients named Whitfield after the sale: %+v", rows)
	}
	cs, err := sh.store.GiftCertificates(ctx, false)
	if err != nil || len(cs) != 1 || cs[0].Buyer != "Jonah Whitfield" {
		t.Fatalf("certificates %+v, %v", cs, err)
	}
	inv, err := sh.store.Invoice(ctx, cs[0].InvoiceID)
	if err != nil || inv.ClientID != rows[0].ID || inv.Balance() != 0 {
		t.Errorf("the sale's receipt is made out to %d (want %d), balance %d, %v", inv.ClientID, rows[0].ID, inv.Balance(), err)
	}
	if sh.receipt == nil || sh.receipt.inv.ID != inv.ID {
		t.Errorf("the sale's receipt is not shown")
	}
}

// "Choose an existing client instead" goes back to the picker, which is
// then required again.
func TestNewBuyerBackToPicker(t *testing.T) {
	sh := newTestShell(t, true)
	who := sh.sellCertificate(nil)
	overlay := sh.win.Canvas().Overlays().Top()
	test.Tap(buttonNamed(t, overlay, "New buyer…"))
	test.Tap(who.pickBtn)
	if who.isNew || !who.pick.Visible() || who.fresh.Visible() {
		t.Fatal("the picker is not back")
	}
	typeInto(findEntry(t, overlay, "e.g. 100"), "100")
	test.Tap(buttonNamed(t, overlay, "Sell"))
	if got := allText(overlay); !strings.Contains(got, "Choose the client") {
		t.Errorf("no client chosen, no message: %s", got)
	}
}
