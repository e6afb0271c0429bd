package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// voidedCertificateCheckout checks a visit ($124.30 with tax) out with a
// $200 gift certificate and voids its receipt for a wrong payment method.
func voidedCertificateCheckout(t *testing.T, sh *shell) (data.Invoice, data.GiftCertificate) {
	t.Helper()
	ctx := context.Background()
	a := completedVisit(t, sh)
	c := data.GiftCertificate{Amount: 20000, Buyer: "Ana"}
	if _, err := sh.store.SellCertificate(ctx, &c, data.Sale{ClientID: a.ClientID, Method: data.PayCash}); err != nil {
		t.Fatal(err)
	}
	inv, err := sh.store.CheckOutWith(ctx, a.ID, data.Settle{Method: data.PayCertificate, CertificateID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	if inv, err = sh.store.VoidInvoice(ctx, inv.ID, "Wrong payment method"); err != nil {
		t.Fatal(err)
	}
	return inv, c
}

// A replacement may lower the price below what the certificate paid: it
// records what the new total takes, says plainly that the rest goes back on
// the certificate, and the certificate's balance shows it.
func TestReplacementLowerTotalThanCertificatePaid(t *testing.T) {
	sh := newTestShell(t, true)
	ctx := context.Background()
	void, c := voidedCertificateCheckout(t, sh)
	d := sh.showInvoice(void.ID, nil)
	test.Tap(d.reissueBtn)
	r := d.replace
	if len(r.pays) != 1 || r.pays[0].amount.Text != "124.30" {
		t.Fatalf("the certificate payment is not an editable row")
	}
	typeInto(r.lines[0].unit, "50")
	if !r.over.Visible() || !strings.Contains(r.over.Text, "$67.80") || !strings.Contains(r.over.Text, c.Code) {
		t.Errorf("over-payment line %q", r.over.Text)
	}
	test.Tap(r.saveBtn)
	got, err := sh.store.ReplacedBy(ctx, void.ID)
	if err != nil {
		t.Fatalf("no replacement issued: %v (%s)", err, r.summary.Text)
	}
	if got.Total != 5650 || len(got.Payments) != 1 || got.Payments[0].Amount != 5650 || got.Payments[0].Method != data.PayCertificate {
		t.Errorf("replacement total %d payments %+v", got.Total, got.Payments)
	}
	after, err := sh.store.GiftCertificateByCode(ctx, c.Code)
	if err != nil || after.Remaining != 20000-5650 {
		t.Errorf("certificate left %d (%v), want %d", after.Remaining, err, 20000-5650)
	}
}

// A carried-over certificate payment can be paid another way or removed.
func TestReplacementChangesOrDropsCertificatePayment(t *testing.T) {
	sh := newTestShell(t, true)
	ctx := context.Background()
	void, c := voidedCertificateCheckout(t, sh)
	d := sh.showInvoice(void.ID, nil)
	test.Tap(d.reissueBtn)
	r := d.replace
	r.pays[0].method.SetSelected(data.PayCash.Label())
	test.Tap(r.saveBtn)
	got, err := sh.store.ReplacedBy(ctx, void.ID)
	if err != nil {
		t.Fatalf("no replacement issued: %v (%s)", err, r.summary.Text)
	}
	if len(got.Payments) != 1 || got.Payments[0].Method != data.PayCash || got.Payments[0].CertificateID != 0 ||
		got.Payments[0].MovedFromID != void.Payments[0].ID {
		t.Errorf("payments %+v", got.Payments)
	}
	if after, _ := sh.store.GiftCertificateByCode(ctx, c.Code); after.Remaining != 20000 {
		t.Errorf("certificate left %d, want all of it back", after.Remaining)
	}

	void2, _ := voidedCertificateCheckout(t, sh)
	sh.receipt.dlg.Hide()
	d = sh.showInvoice(void2.ID, nil)
	test.Tap(d.reissueBtn)
	r = d.replace
	test.Tap(buttonNamed(t, r.paysBox, "Remove"))
	test.Tap(r.saveBtn)
	got, err = sh.store.ReplacedBy(ctx, void2.ID)
	if err != nil || len(got.Payments) != 0 || got.Balance() != got.Total {
		t.Errorf("replacement with the payment removed: %v %+v", err, got.Payments)
	}
}

// Check out… shows the amount due, and with a gift certificate how much it
// pays and what remains to pay.
func TestCheckOutShowsDueAndWhatCertificatePays(t *testing.T) {
	sh := newTestShell(t, true)
	a := completedVisit(t, sh)
	c := data.GiftCertificate{Amount: 10000, Buyer: "Ana"}
	if _, err := sh.store.SellCertificate(context.Background(), &c, data.Sale{ClientID: a.ClientID, Method: data.PayCash}); err != nil {
		t.Fatal(err)
	}
	sh.openAppointment(a.ID)
	test.Tap(buttonNamed(t, sh.sched.appointment.buttons, "Check out…"))
	overlay := sh.win.Canvas().Overlays().Top()
	if !strings.Contains(allText(overlay), "Amount due: $124.30") {
		t.Errorf("no amount due: %s", allText(overlay))
	}
	findRadio(t, overlay).SetSelected(data.PayCertificate.Label())
	typeInto(findEntry(t, overlay, "GC-XXXX-XXXX"), c.Code)
	if txt := allText(overlay); !strings.Contains(txt, "It pays $100.00; $24.30 is still to pay another way.") {
		t.Errorf("the certificate's share is not shown: %s", txt)
	}
}
