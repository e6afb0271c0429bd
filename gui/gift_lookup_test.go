package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// sellTestCertificate sells a certificate of amount cents with a known code.
func sellTestCertificate(t *testing.T, sh *shell, clientID int64, code string, amount int64) data.GiftCertificate {
	t.Helper()
	c := data.GiftCertificate{Code: code, Amount: amount, Buyer: "Tom Okafor", Recipient: "Ana"}
	if _, err := sh.store.SellCertificate(context.Background(), &c, data.Sale{ClientID: clientID, Method: data.PayCash}); err != nil {
		t.Fatal(err)
	}
	return c
}

// In the payment dialog, "Gift certificate" with a typed code (any case)
// shows what is left on it and applies it, up to what is owed; the rest
// stays owed.
func TestPaymentDialogAppliesGiftCertificate(t *testing.T) {
	sh := newTestShell(t, true)
	a := completedVisit(t, sh)
	ctx := context.Background()
	c := sellTestCertificate(t, sh, a.ClientID, "GC-AAAA-BBBB", 5000)
	inv := data.Invoice{ClientID: a.ClientID, Lines: []data.InvoiceLine{{Kind: data.LineService, Description: "60-min massage", Unit: 11000, Taxable: true}}}
	if err := sh.store.SaveDraftInvoice(ctx, &inv); err != nil {
		t.Fatal(err)
	}
	inv, _ = sh.store.IssueInvoice(ctx, inv.ID)
	d := sh.showInvoice(inv.ID, nil)
	test.Tap(d.payBtn)
	p := d.payment
	p.method.SetSelected(data.PayCertificate.Label())
	typeInto(p.reference, "gc-aaaa-xxxx")
	if hint := p.refField.hint.Text; !strings.Contains(hint, "No gift certificate has the code GC-AAAA-XXXX") {
		t.Errorf("an unknown code hints %q", hint)
	}
	typeInto(p.reference, " gc-aaaa-bbbb ")
	hint := p.refField.hint.Text
	if !containsAll(hint, "$50.00 left of $50.00", "$50.00 applied", "$74.30 is still owed") || p.amount.Text != "50.00" {
		t.Errorf("the code hints %q, amount %q", hint, p.amount.Text)
	}
	test.Tap(p.saveBtn)
	got, _ := sh.store.Invoice(ctx, inv.ID)
	if got.Paid() != 5000 || got.Payments[0].Method != data.PayCertificate || got.Payments[0].CertificateID != c.ID {
		t.Fatalf("paid %d with %+v", got.Paid(), got.Payments)
	}
	if left, _ := sh.store.GiftCertificateByCode(ctx, c.Code); left.Remaining != 0 {
		t.Errorf("%d left on the certificate", left.Remaining)
	}
	// Used up, the next payment's code says so and applies nothing.
	test.Tap(sh.receipt.payBtn)
	p = sh.receipt.payment
	p.method.SetSelected(data.PayCertificate.Label())
	typeInto(p.reference, "GC-AAAA-BBBB")
	if hint := p.refField.hint.Text; !strings.Contains(hint, "used up") || p.amount.Text != "74.30" {
		t.Errorf("a used-up code hints %q, amount %q", hint, p.amount.Text)
	}
}

// From the Receipts screen, a certificate's balance is found by its code:
// in "Gift certificate balance…" and by typing the code in the search.
func TestCertificateBalanceFromReceipts(t *testing.T) {
	sh := newTestShell(t, true)
	a := completedVisit(t, sh)
	sellTestCertificate(t, sh, a.ClientID, "GC-AAAA-BBBB", 20000)
	sh.showMain(sectionReceipts)
	s := sh.receipts
	s.tabs.SelectIndex(2)
	test.Tap(buttonNamed(t, s.tabs.Items[2].Content, "Gift certificate balance…"))
	d := sh.win.Canvas().Overlays().Top()
	e := findEntry(t, d, "the code on the certificate, e.g. GC-7KQ4-M2XP")
	typeInto(e, "gc-aaaa-bbbb")
	if got := allText(d); !containsAll(got, "GC-AAAA-BBBB: $200.00 left of $200.00", "Bought by Tom Okafor, for Ana") {
		t.Errorf("the balance dialog shows %s", got)
	}
	sh.win.Canvas().Overlays().Remove(d)
	s.tabs.SelectIndex(0)
	s.search.SetText("gc-aaaa-bbbb")
	if !s.cert.Visible() || !strings.Contains(s.cert.Text, "$200.00 left") {
		t.Errorf("searching the code shows %q", s.cert.Text)
	}
	if len(s.rows) != 1 || s.rows[0].Number != "R-000001" {
		t.Errorf("searching the code lists %+v, want its sale", s.rows)
	}
	s.search.SetText("")
	if s.cert.Visible() {
		t.Errorf("the certificate line stays after the search is cleared")
	}
}

// "Check out…" shows what is left on a certificate as its code is typed.
func TestCheckOutShowsCertificateBalance(t *testing.T) {
	sh := newTestShell(t, true)
	a := completedVisit(t, sh)
	sellTestCertificate(t, sh, a.ClientID, "GC-AAAA-BBBB", 20000)
	sh.openAppointment(a.ID)
	test.Tap(buttonNamed(t, sh.sched.appointment.buttons, "Check out…"))
	overlay := sh.win.Canvas().Overlays().Top()
	findRadio(t, overlay).SetSelected(data.PayCertificate.Label())
	typeInto(findEntry(t, overlay, "GC-XXXX-XXXX"), "gc-aaaa-bbbb")
	if got := allText(overlay); !strings.Contains(got, "$200.00 left of $200.00") {
		t.Errorf("the checkout does not show the certificate's balance: %s", got)
	}
}
