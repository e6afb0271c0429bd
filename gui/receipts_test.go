package gui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// completedVisit books a 60-minute visit for a new client yesterday (the
// practice's date) and marks it completed.
func completedVisit(t *testing.T, sh *shell) data.Appointment {
	t.Helper()
	ctx := context.Background()
	p, _ := sh.store.Practice(ctx)
	p.TaxName, p.TaxRateBP = "HST", 1300
	if err := sh.store.SavePractice(ctx, &p); err != nil {
		t.Fatal(err)
	}
	c := &data.Client{FirstName: "Zoë", LastName: "Nguyễn"}
	if err := sh.store.CreateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	today, _ := sh.store.Today(ctx)
	y := data.DateOf(today.Time(time.UTC).AddDate(0, 0, -1))
	as, err := sh.store.Book(ctx, data.Booking{ClientID: c.ID, ServiceID: 2, Date: y, Clock: data.Clock{Hour: 10}, Override: true})
	if err != nil {
		t.Fatal(err)
	}
	a, err := sh.store.SetAppointmentStatus(ctx, as[0].ID, data.StatusCompleted, "")
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// buttonNamed finds the visible button with that text under o.
func buttonNamed(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	found := buttonIn(o, text)
	if found == nil {
		t.Fatalf("no button %q in %s", text, allText(o))
	}
	return found
}

// One click on Check out in the appointment dialog makes the receipt, paid
// with the usual method, and shows it; a second click shows the same one.
func TestCheckOutFromAppointmentDialog(t *testing.T) {
	sh := newTestShell(t, true)
	a := completedVisit(t, sh)
	ctx := context.Background()
	sh.openAppointment(a.ID)
	test.Tap(buttonNamed(t, sh.sched.appointment.buttons, "Check out"))
	inv, err := sh.store.VisitInvoice(ctx, a.ID)
	if err != nil {
		t.Fatalf("no receipt after Check out: %v", err)
	}
	if inv.Total != 12430 || inv.Balance() != 0 || inv.Payments[0].Method != data.PayDebit {
		t.Errorf("receipt total %d balance %d", inv.Total, inv.Balance())
	}
	if sh.receipt == nil || sh.receipt.inv.ID != inv.ID {
		t.Fatal("the receipt is not shown")
	}
	text := allText(sh.receipt.content)
	for _, want := range []string{"Zoë Nguyễn", "60-min massage – 60 minutes", "$124.30", "Paid", "Debit"} {
		if !strings.Contains(text, want) {
			t.Errorf("the receipt does not show %q:\n%s", want, text)
		}
	}
	sh.receipt.dlg.Hide()
	sh.openAppointment(a.ID)
	test.Tap(buttonNamed(t, sh.sched.appointment.buttons, "Receipt"))
	if n, _ := sh.store.CountInvoices(ctx, data.InvoiceFilter{}); n != 1 {
		t.Errorf("%d receipts after two clicks", n)
	}
}

// A partial payment leaves a balance; more than is owed is refused under
// the amount, and nothing is stored.
func TestPartialPaymentDialog(t *testing.T) {
	sh := newTestShell(t, true)
	a := completedVisit(t, sh)
	ctx := context.Background()
	inv := data.Invoice{ClientID: a.ClientID, Lines: []data.InvoiceLine{{Kind: data.LineService, Description: "60-min massage", Unit: 11000, Taxable: true}}}
	if err := sh.store.SaveDraftInvoice(ctx, &inv); err != nil {
		t.Fatal(err)
	}
	inv, _ = sh.store.IssueInvoice(ctx, inv.ID)
	d := sh.showInvoice(inv.ID, nil)
	test.Tap(d.payBtn)
	p := d.payment
	if p.amount.Text != "124.30" {
		t.Errorf("amount offered %q, want the balance", p.amount.Text)
	}
	typeInto(p.amount, "50")
	p.method.SetSelected(data.PayCash.Label())
	test.Tap(p.saveBtn)
	got, _ := sh.store.Invoice(ctx, inv.ID)
	if got.Paid() != 5000 || got.Balance() != 7430 || got.Payments[0].Method != data.PayCash || got.State() != data.StatePartly {
		t.Fatalf("after paying 50: paid %d balance %d", got.Paid(), got.Balance())
	}
	d = sh.receipt // shown again with the new balance
	if !strings.Contains(allText(d.content), "Partly paid") {
		t.Errorf("the receipt does not say Partly paid")
	}
	test.Tap(d.payBtn)
	p = d.payment
	typeInto(p.amount, "100,00")
	test.Tap(p.saveBtn)
	if msg := p.fields["Amount"].err.Text; !strings.Contains(msg, "more than") {
		t.Errorf("overpayment message %q", msg)
	}
	typeInto(p.amount, "ten")
	test.Tap(p.saveBtn)
	if msg := p.fields["Amount"].err.Text; !strings.Contains(msg, "not an amount") {
		t.Errorf("typo message %q", msg)
	}
	if got, _ := sh.store.Invoice(ctx, inv.ID); len(got.Payments) != 1 {
		t.Errorf("%d payments after refused ones", len(got.Payments))
	}
	typeInto(p.amount, "74.30")
	test.Tap(p.saveBtn)
	if got, _ := sh.store.Invoice(ctx, inv.ID); got.State() != data.StatePaid {
		t.Errorf("split payment: state %s", got.State())
	}
}

// Void asks for a reason; without one nothing changes; with one the
// receipt is void, keeps its number, and a replacement can be issued.
func TestVoidWithReason(t *testing.T) {
	sh := newTestShell(t, true)
	a := completedVisit(t, sh)
	ctx := context.Background()
	inv, err := sh.store.CheckOut(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	d := sh.showInvoice(inv.ID, nil)
	test.Tap(d.voidBtn)
	confirm := func() {
		t.Helper()
		overlay := sh.win.Canvas().Overlays().Top()
		test.Tap(buttonNamed(t, overlay, "Void receipt"))
	}
	confirm()
	if msg := d.voidForm.fields["VoidReason"].err.Text; !strings.Contains(msg, "Say why") {
		t.Errorf("no reason: message %q", msg)
	}
	if got, _ := sh.store.Invoice(ctx, inv.ID); got.Status != data.InvoiceIssued {
		t.Fatalf("voided without a reason: %s", got.Status)
	}
	typeInto(d.voidReason, "Wrong client")
	confirm()
	got, _ := sh.store.Invoice(ctx, inv.ID)
	if got.Status != data.InvoiceVoid || got.VoidReason != "Wrong client" || got.Number != inv.Number {
		t.Fatalf("after void: %s %q %s", got.Status, got.VoidReason, got.Number)
	}
	d = sh.receipt
	if !strings.Contains(allText(d.content), "Wrong client") || d.voidBtn.Visible() || !d.reissueBtn.Visible() {
		t.Errorf("the void receipt shows %s", allText(d.content))
	}
	test.Tap(d.reissueBtn)
	test.Tap(d.replace.saveBtn) // issued as it was: the draft is prefilled
	if sh.receipt.inv.ReplacesID != inv.ID || sh.receipt.inv.Number != "R-000002" || sh.receipt.inv.Balance() != 0 {
		t.Errorf("replacement %+v", sh.receipt.inv)
	}
}

// Redeem… at checkout with a gift certificate's code shows the redemption.
func TestRedeemCertificateAtCheckout(t *testing.T) {
	sh := newTestShell(t, true)
	a := completedVisit(t, sh)
	ctx := context.Background()
	c := data.GiftCertificate{Code: "GC-AAAA-BBBB", Amount: 20000}
	if _, err := sh.store.SellCertificate(ctx, &c, data.Sale{ClientID: a.ClientID, Method: data.PayCash}); err != nil {
		t.Fatal(err)
	}
	sh.openAppointment(a.ID)
	test.Tap(buttonNamed(t, sh.sched.appointment.buttons, "Check out…"))
	overlay := sh.win.Canvas().Overlays().Top()
	radio := findRadio(t, overlay)
	radio.SetSelected(data.PayCertificate.Label())
	entry := findEntry(t, overlay, "GC-XXXX-XXXX")
	typeInto(entry, "gc-aaaa-bbbb")
	test.Tap(buttonNamed(t, overlay, "Check out"))
	inv, err := sh.store.VisitInvoice(ctx, a.ID)
	if err != nil || inv.Balance() != 0 || inv.Payments[0].Method != data.PayCertificate {
		t.Fatalf("redeemed: %v %+v", err, inv.Payments)
	}
	if !strings.Contains(allText(sh.receipt.content), "Gift certificate · GC-AAAA-BBBB") {
		t.Errorf("the receipt does not show the redemption: %s", allText(sh.receipt.content))
	}
}

func findRadio(t *testing.T, o fyne.CanvasObject) *widget.RadioGroup {
	t.Helper()
	var found *widget.RadioGroup
	walkObjects(o, func(o fyne.CanvasObject) {
		if r, ok := o.(*widget.RadioGroup); ok && found == nil {
			found = r
		}
	})
	if found == nil {
		t.Fatal("no choice of payment")
	}
	return found
}

func findEntry(t *testing.T, o fyne.CanvasObject, placeholder string) *entry {
	t.Helper()
	var found *entry
	walkObjects(o, func(o fyne.CanvasObject) {
		if e, ok := o.(*entry); ok && e.PlaceHolder == placeholder && found == nil {
			found = e
		}
	})
	if found == nil {
		t.Fatalf("no entry %q", placeholder)
	}
	return found
}

// The client page offers Check out under a completed visit without a
// receipt, and no longer once it has one.
func TestCheckOutFromClientPage(t *testing.T) {
	sh := newTestShell(t, true)
	a := completedVisit(t, sh)
	sh.show(sectionClients)
	sh.clients.refresh()
	sh.clients.openClient(a.ClientID)
	test.Tap(buttonNamed(t, sh.clients.page.obj, "Check out"))
	if _, err := sh.store.VisitInvoice(context.Background(), a.ID); err != nil {
		t.Fatalf("no receipt: %v", err)
	}
	sh.receipt.dlg.Hide()
	sh.clients.openClient(a.ClientID)
	if strings.Contains(allText(sh.clients.page.obj), "Check out") {
		t.Error("Check out still offered after the visit was checked out")
	}
}
