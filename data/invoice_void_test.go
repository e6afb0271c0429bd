package data

import (
	"errors"
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

// A replacement starts from the void receipt (lines and payments as they
// were), may change lines, prices, quantities, discount and how it was
// paid, and keeps the link both ways.
func TestIssueReplacementCorrectsLinesAndPayment(t *testing.T) {
	f := newReceipts(t)
	first, err := f.s.CheckOut(f.ctx, f.visit(t, 0, svc60, 10).ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.DraftReplacement(f.ctx, first.ID); fieldOf(t, err) != "Lines" {
		t.Errorf("replacing an issued receipt: %v", err)
	}
	if _, err := f.s.VoidInvoice(f.ctx, first.ID, "paid cash, not debit"); err != nil {
		t.Fatal(err)
	}
	r, err := f.s.DraftReplacement(f.ctx, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Lines) != 1 || r.Lines[0].Unit != 11000 || len(r.Payments) != 1 || r.Payments[0].Method != PayDebit ||
		r.Payments[0].Amount != 12430 || r.Payments[0].MovedFromID != first.Payments[0].ID {
		t.Fatalf("draft %+v", r)
	}
	r.Lines[0].Quantity, r.Lines[0].Discount = 2, 2000 // 2 x 110 - 20 = 200 + 13 % = 226.00
	r.Lines = append(r.Lines, InvoiceLine{Kind: LineOther, Description: "Hot stones", Quantity: 1, Unit: 1500})
	r.Payments[0].Method, r.Payments[0].Amount = PayCash, 20000
	f.later(1)
	re, err := f.s.IssueReplacement(f.ctx, first.ID, r)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := f.s.Invoice(f.ctx, re.ID)
	if got.ReplacesID != first.ID || got.Total != 24100 || len(got.Lines) != 2 || len(got.Payments) != 1 ||
		got.Payments[0].Method != PayCash || got.Payments[0].Amount != 20000 || got.Payments[0].PaidOn != first.Payments[0].PaidOn ||
		got.Balance() != 4100 {
		t.Errorf("replacement total %d lines %d payments %+v", got.Total, len(got.Lines), got.Payments)
	}
	by, err := f.s.ReplacedBy(f.ctx, first.ID)
	if err != nil || by.ID != re.ID {
		t.Errorf("replaced by: %v %d", err, by.ID)
	}
	if _, err := f.s.DraftReplacement(f.ctx, first.ID); err == nil || !strings.Contains(UserMessage(err), "already replaced by "+re.Number) {
		t.Errorf("replacing twice: %v", err)
	}
}

// A replacement's payments are checked as any payment is: not more than
// is owed, and not dated in the future; nothing is stored when one fails.
func TestIssueReplacementRefusesBadPayments(t *testing.T) {
	f := newReceipts(t)
	first, err := f.s.CheckOut(f.ctx, f.visit(t, 0, svc60, 10).ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.VoidInvoice(f.ctx, first.ID, "wrong price"); err != nil {
		t.Fatal(err)
	}
	r, _ := f.s.DraftReplacement(f.ctx, first.ID)
	r.Lines[0].Unit = 5000
	if _, err := f.s.IssueReplacement(f.ctx, first.ID, r); fieldOf(t, err) != "Amount" {
		t.Errorf("paying more than the new total: %v", err)
	}
	r.Payments[0].Amount = 5650
	r.Payments[0].PaidOn = day(2026, 2, 1)
	if _, err := f.s.IssueReplacement(f.ctx, first.ID, r); fieldOf(t, err) != "PaidOn" {
		t.Errorf("a payment dated in the future: %v", err)
	}
	if _, err := f.s.ReplacedBy(f.ctx, first.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("a refused replacement was stored: %v", err)
	}
}
