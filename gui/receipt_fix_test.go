package gui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// voidedCheckout checks a visit out (paid by debit) and voids its receipt.
func voidedCheckout(t *testing.T, sh *shell) data.Invoice {
	t.Helper()
	ctx := context.Background()
	inv, err := sh.store.CheckOut(ctx, completedVisit(t, sh).ID)
	if err != nil {
		t.Fatal(err)
	}
	if inv, err = sh.store.VoidInvoice(ctx, inv.ID, "paid cash, not debit"); err != nil {
		t.Fatal(err)
	}
	return inv
}

// "Issue a replacement" opens an editable draft prefilled from the void
// receipt; nothing is stored until it is issued with the corrections, and
// then each receipt names the other.
func TestReplacementIsAnEditableDraft(t *testing.T) {
	sh := newTestShell(t, true)
	ctx := context.Background()
	void := voidedCheckout(t, sh)
	d := sh.showInvoice(void.ID, nil)
	test.Tap(d.reissueBtn)
	r := d.replace
	if r == nil || len(r.lines) != 1 || r.lines[0].unit.Text != "110.00" || len(r.pays) != 1 ||
		r.pays[0].method.Selected != data.PayDebit.Label() || r.pays[0].amount.Text != "124.30" {
		t.Fatalf("the draft is not prefilled from the void receipt")
	}
	if n, _ := sh.store.CountInvoices(ctx, data.InvoiceFilter{}); n != 1 {
		t.Fatalf("%d receipts before the replacement is issued", n)
	}
	typeInto(r.lines[0].disc, "10")
	if !strings.Contains(r.total.Text, "$") || !strings.Contains(r.total.Text, "113.00") {
		t.Errorf("new total shown %q", r.total.Text)
	}
	r.pays[0].method.SetSelected(data.PayCash.Label())
	typeInto(r.pays[0].amount, "113")
	test.Tap(r.saveBtn)
	got, err := sh.store.ReplacedBy(ctx, void.ID)
	if err != nil {
		t.Fatalf("no replacement issued: %v (%s)", err, r.summary.Text)
	}
	if got.Total != 11300 || got.Payments[0].Method != data.PayCash || got.Balance() != 0 || got.ReplacesID != void.ID {
		t.Errorf("replacement total %d payments %+v", got.Total, got.Payments)
	}
	if sh.receipt.inv.ID != got.ID || !strings.Contains(allText(sh.receipt.content), "receipt "+void.Number) {
		t.Errorf("the replacement does not say what it replaces: %s", allText(sh.receipt.content))
	}
	sh.receipt.dlg.Hide()
	d = sh.showInvoice(void.ID, nil)
	if !strings.Contains(allText(d.content), "Replaced by") || !strings.Contains(allText(d.content), got.Number) || d.reissueBtn.Visible() {
		t.Errorf("the void receipt does not name its replacement, or still offers one: %s", allText(d.content))
	}
}

// A refusal on the receipt says what is wrong in receipt words, without
// "Please check the form" (there is none); Enter dismisses it.
func TestReceiptRefusalIsPlainAndEnterDismissesIt(t *testing.T) {
	sh := newTestShell(t, true)
	ctx := context.Background()
	void := voidedCheckout(t, sh)
	if _, err := sh.store.ReissueInvoice(ctx, void.ID, 0, nil); err != nil {
		t.Fatal(err)
	}
	d := sh.showInvoice(void.ID, nil)
	d.reissue() // the button is hidden; a stale screen could still ask
	top := sh.win.Canvas().Overlays().Top()
	text := allText(top)
	if !strings.Contains(text, "already replaced by R-000002") || strings.Contains(text, "Please check the form") ||
		strings.Contains(text, "Invoice") {
		t.Errorf("refusal reads %q", text)
	}
	pressKey(sh, fyne.KeyReturn)
	if sh.win.Canvas().Overlays().Top() == top {
		t.Error("Enter did not dismiss the error")
	}
	if sh.win.Canvas().Overlays().Top() == nil {
		t.Error("Enter on the error closed the receipt under it too")
	}
}

// Escape closes the receipt, but not while a question is over it.
func TestEscapeClosesTheReceipt(t *testing.T) {
	sh := newTestShell(t, true)
	inv, err := sh.store.CheckOut(context.Background(), completedVisit(t, sh).ID)
	if err != nil {
		t.Fatal(err)
	}
	d := sh.showInvoice(inv.ID, nil)
	receipt := sh.win.Canvas().Overlays().Top()
	test.Tap(d.voidBtn)
	pressKey(sh, fyne.KeyEscape)
	d.voidDlg.Hide()
	if sh.win.Canvas().Overlays().Top() != receipt {
		t.Fatal("Escape in the Void question closed the receipt")
	}
	pressKey(sh, fyne.KeyEscape)
	if sh.win.Canvas().Overlays().Top() == receipt {
		t.Error("Escape did not close the receipt")
	}
}

// Check out… pays a visit another way than the usual method, before the
// receipt is issued.
func TestCheckOutWithAnotherMethod(t *testing.T) {
	sh := newTestShell(t, true)
	a := completedVisit(t, sh)
	sh.openAppointment(a.ID)
	test.Tap(buttonNamed(t, sh.sched.appointment.buttons, "Check out…"))
	overlay := sh.win.Canvas().Overlays().Top()
	findRadio(t, overlay).SetSelected(data.PayCash.Label())
	test.Tap(buttonNamed(t, overlay, "Check out"))
	inv, err := sh.store.VisitInvoice(context.Background(), a.ID)
	if err != nil || inv.Payments[0].Method != data.PayCash || inv.Balance() != 0 {
		t.Fatalf("checked out: %v %+v", err, inv.Payments)
	}
}

// A void certificate sale says it is cancelled and offers no replacement.
func TestVoidSaleOffersNoReplacement(t *testing.T) {
	sh := newTestShell(t, true)
	ctx := context.Background()
	a := completedVisit(t, sh)
	sale, err := sh.store.SellCertificate(ctx, &data.GiftCertificate{Amount: 10000}, data.Sale{ClientID: a.ClientID, Method: data.PayCash})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sh.store.VoidInvoice(ctx, sale.ID, "sold by mistake"); err != nil {
		t.Fatal(err)
	}
	d := sh.showInvoice(sale.ID, nil)
	if d.reissueBtn.Visible() || !strings.Contains(allText(d.content), "can no longer be used") {
		t.Errorf("void sale: %s", allText(d.content))
	}
}

// Record payment has a date: today by default, an earlier day kept, a day
// in the future refused under the date; the reference is kept.
func TestRecordPaymentDate(t *testing.T) {
	sh := newTestShell(t, true)
	ctx := context.Background()
	a := completedVisit(t, sh)
	inv := data.Invoice{ClientID: a.ClientID, Lines: []data.InvoiceLine{{Kind: data.LineService, Description: "60-min massage", Unit: 11000}}}
	if err := sh.store.SaveDraftInvoice(ctx, &inv); err != nil {
		t.Fatal(err)
	}
	inv, _ = sh.store.IssueInvoice(ctx, inv.ID)
	today, _ := sh.store.Today(ctx)
	d := sh.showInvoice(inv.ID, nil)
	test.Tap(d.payBtn)
	p := d.payment
	if p.date.Text != today.Format() {
		t.Errorf("date offered %q, want today %q", p.date.Text, today.Format())
	}
	tomorrow := data.DateOf(today.Time(time.UTC).AddDate(0, 0, 1))
	typeInto(p.date, tomorrow.String())
	typeInto(p.amount, "50")
	test.Tap(p.saveBtn)
	if msg := p.fields["PaidOn"].err.Text; !strings.Contains(msg, "future") {
		t.Errorf("future date message %q", msg)
	}
	earlier := data.DateOf(today.Time(time.UTC).AddDate(0, 0, -3))
	typeInto(p.date, earlier.String())
	typeInto(p.reference, "cheque 104")
	test.Tap(p.saveBtn)
	got, _ := sh.store.Invoice(ctx, inv.ID)
	if len(got.Payments) != 1 || got.Payments[0].PaidOn != earlier || got.Payments[0].Reference != "cheque 104" {
		t.Errorf("payments %+v", got.Payments)
	}
}

// The payment dialog writes every amount the one way the practice chose:
// the hint and the data layer's refusal agree (no "CA$" beside "$").
func TestPaymentDialogMoneyIsConsistent(t *testing.T) {
	sh := newTestShell(t, true)
	ctx := context.Background()
	set, _ := sh.store.ReceiptSettings(ctx)
	set.Locale = "fr-CA"
	if err := sh.store.SaveReceiptSettings(ctx, &set); err != nil {
		t.Fatal(err)
	}
	a := completedVisit(t, sh)
	inv := data.Invoice{ClientID: a.ClientID, Lines: []data.InvoiceLine{{Kind: data.LineService, Description: "60-min massage", Unit: 11000, Taxable: true}}}
	if err := sh.store.SaveDraftInvoice(ctx, &inv); err != nil {
		t.Fatal(err)
	}
	inv, _ = sh.store.IssueInvoice(ctx, inv.ID)
	d := sh.showInvoice(inv.ID, nil)
	test.Tap(d.payBtn)
	p := d.payment
	typeInto(p.amount, "200")
	test.Tap(p.saveBtn)
	want := "124,30\u00a0$"
	if hint := allText(p.fields["Amount"].obj); !strings.Contains(hint, "Still owed: "+want) {
		t.Errorf("hint %q", hint)
	}
	if msg := p.fields["Amount"].err.Text; !strings.Contains(msg, want) || strings.Contains(msg, "CA$") {
		t.Errorf("refusal %q, want the amount written %q", msg, want)
	}
}

// Selling a gift certificate: typing in the client picker narrows the
// list (accents ignored), and the "Choose the client" message goes once a
// client is picked.
func TestSellCertificateClientPicker(t *testing.T) {
	sh := newTestShell(t, true)
	ctx := context.Background()
	for _, c := range []*data.Client{{FirstName: "Zoë", LastName: "Nguyễn"}, {FirstName: "Tom", LastName: "Baker"}} {
		if err := sh.store.CreateClient(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	choice := sh.sellCertificate(nil).clients
	overlay := sh.win.Canvas().Overlays().Top()
	pick := choice.sel
	typeInto(findEntry(t, overlay, "e.g. 100"), "100")
	test.Tap(buttonNamed(t, overlay, "Sell"))
	if !strings.Contains(allText(overlay), "Choose the client") {
		t.Fatalf("no client chosen, no message: %s", allText(overlay))
	}
	typeInto(pick, "zoe")
	if len(choice.shown) != 1 || !strings.Contains(choice.shown[0], "Zoë") {
		t.Errorf("typing zoe offers %v", choice.shown)
	}
	pick.SetText(choice.shown[0])
	if strings.Contains(allText(overlay), "Choose the client") {
		t.Errorf("the message stays after a client is picked: %s", allText(overlay))
	}
	if len(choice.shown) != 2 {
		t.Errorf("once chosen, the list offers %v", choice.shown)
	}
}
