package data

import (
	"fmt"
	"strings"
	"testing"
)

// Voiding the receipt that sold an unused gift certificate cancels the
// certificate: nothing left, not usable, refused at checkout and as a
// payment, and its receipt is not re-issued.
func TestVoidingACertificateSaleCancelsIt(t *testing.T) {
	f := newReceipts(t)
	c := GiftCertificate{Amount: 10000, Buyer: "Tom Okafor"}
	sale, err := f.s.SellCertificate(f.ctx, &c, Sale{ClientID: f.client, Method: PayCash})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.VoidInvoice(f.ctx, sale.ID, "sold by mistake"); err != nil {
		t.Fatal(err)
	}
	got, err := f.s.GiftCertificateByCode(f.ctx, c.Code)
	if err != nil || !got.Cancelled || got.Remaining != 0 {
		t.Errorf("after voiding its sale: %v cancelled %v remaining %d", err, got.Cancelled, got.Remaining)
	}
	if usable, _ := f.s.GiftCertificates(f.ctx, true); len(usable) != 0 {
		t.Errorf("usable certificates after the void: %+v", usable)
	}
	a := f.visit(t, 0, svc60, 10)
	if _, err := f.s.CheckOutWith(f.ctx, a.ID, Settle{Method: PayCertificate, CertificateID: c.ID}); fieldOf(t, err) != "Reference" ||
		!strings.Contains(UserMessage(err), "cancelled") {
		t.Errorf("checkout with a cancelled certificate: %v", err)
	}
	inv, err := f.s.CheckOut(f.ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.VoidInvoice(f.ctx, inv.ID, "pay another way"); err != nil {
		t.Fatal(err)
	}
	// The schema refuses the payment even when the Go checks are bypassed.
	q := fmt.Sprintf(`INSERT INTO payments (invoice_id, paid_on, method, amount_cents, gift_certificate_id, created_at)
		VALUES (%d, '2026-01-05', 'gift_certificate', 100, %d, 0)`, f.otherIssued(t), c.ID)
	if _, err := f.s.w.ExecContext(f.ctx, q); err == nil || !strings.Contains(err.Error(), "cancelled") {
		t.Errorf("the schema accepted a payment with a cancelled certificate: %v", err)
	}
	if _, err := f.s.ReissueInvoice(f.ctx, sale.ID, 0, nil); fieldOf(t, err) != "Lines" {
		t.Errorf("re-issuing a certificate's sale: %v", err)
	}
}

// otherIssued issues an unpaid invoice of $50 and returns its id.
func (f *rcptFixture) otherIssued(t *testing.T) int64 {
	t.Helper()
	d := Invoice{ClientID: f.client, Lines: []InvoiceLine{{Kind: LineOther, Description: "Oil", Quantity: 1, Unit: 5000}}}
	if err := f.s.SaveDraftInvoice(f.ctx, &d); err != nil {
		t.Fatal(err)
	}
	inv, err := f.s.IssueInvoice(f.ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	return inv.ID
}

// A sale whose certificate was partly spent is not voided: the message
// says why, and the schema refuses the same change made directly.
func TestVoidingAUsedCertificateSaleIsRefused(t *testing.T) {
	f := newReceipts(t)
	c := GiftCertificate{Amount: 5000}
	sale, err := f.s.SellCertificate(f.ctx, &c, Sale{ClientID: f.client, Method: PayCash})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.CheckOutWith(f.ctx, f.visit(t, 0, svc60, 10).ID, Settle{Method: PayCertificate, CertificateID: c.ID}); err != nil {
		t.Fatal(err)
	}
	_, err = f.s.VoidInvoice(f.ctx, sale.ID, "refund")
	if fieldOf(t, err) != "VoidReason" || !strings.Contains(UserMessage(err), "already spent") {
		t.Errorf("voiding a used certificate's sale: %v", err)
	}
	q := fmt.Sprintf(`UPDATE invoices SET status = 'void', void_reason = 'x', voided_at = 1 WHERE id = %d`, sale.ID)
	if _, err := f.s.w.ExecContext(f.ctx, q); err == nil {
		t.Error("the schema voided the sale of a spent certificate")
	}
	if got, _ := f.s.Invoice(f.ctx, sale.ID); got.Status != InvoiceIssued {
		t.Errorf("sale status %s", got.Status)
	}
}

// Voiding a package's sale cancels an unused package and is refused once
// a session was used.
func TestVoidingAPackageSale(t *testing.T) {
	f := newReceipts(t)
	unused := Package{ClientID: f.client, ServiceID: svc60, SessionsTotal: 3, Price: 30000}
	sale, err := f.s.SellPackage(f.ctx, &unused, Sale{Method: PayCash})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.VoidInvoice(f.ctx, sale.ID, "changed their mind"); err != nil {
		t.Fatal(err)
	}
	ks, err := f.s.Packages(f.ctx, f.client, false)
	if err != nil || len(ks) != 1 || !ks[0].Cancelled || ks[0].SessionsLeft() != 0 {
		t.Fatalf("after voiding its sale: %v %+v", err, ks)
	}
	if usable, _ := f.s.Packages(f.ctx, f.client, true); len(usable) != 0 {
		t.Errorf("usable packages after the void: %+v", usable)
	}
	a := f.visit(t, 0, svc60, 10)
	if _, err := f.s.CheckOutWith(f.ctx, a.ID, Settle{Method: PayPackage, PackageID: unused.ID}); fieldOf(t, err) != "Reference" {
		t.Errorf("checkout with a cancelled package: %v", err)
	}
	used := Package{ClientID: f.client, ServiceID: svc60, SessionsTotal: 3, Price: 30000}
	sale2, err := f.s.SellPackage(f.ctx, &used, Sale{Method: PayCash})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.CheckOutWith(f.ctx, a.ID, Settle{Method: PayPackage, PackageID: used.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.VoidInvoice(f.ctx, sale2.ID, "refund"); fieldOf(t, err) != "VoidReason" {
		t.Errorf("voiding a used package's sale: %v", err)
	}
}
