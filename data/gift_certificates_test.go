package data

import (
	"strings"
	"testing"
)

// A certificate is sold on its own invoice, untaxed, and pays a visit up to
// what remains on it; the rest of the visit is paid another way.
func TestGiftCertificateSaleAndRedemption(t *testing.T) {
	f := newReceipts(t)
	c := GiftCertificate{Amount: 5000, Buyer: "Tom Okafor", Recipient: "Bea Okafor"}
	sale, err := f.s.SellCertificate(f.ctx, &c, Sale{ClientID: f.client, Method: PayCredit})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(c.Code, "GC-") || len(c.Code) != 12 || c.Remaining != 5000 || c.InvoiceID != sale.ID {
		t.Errorf("certificate %+v", c)
	}
	if sale.Total != 5000 || sale.Tax != 0 || sale.Lines[0].Kind != LineCertificate || sale.Balance() != 0 {
		t.Errorf("sale total %d tax %d balance %d", sale.Total, sale.Tax, sale.Balance())
	}
	// Typed in lower case with spaces, it is found.
	found, err := f.s.GiftCertificateByCode(f.ctx, " "+strings.ToLower(c.Code[:6])+" "+strings.ToLower(c.Code[6:]))
	if err != nil || found.ID != c.ID {
		t.Fatalf("by code: %v %+v", err, found)
	}
	a := f.visit(t, 0, svc60, 10)
	inv, err := f.s.CheckOutWith(f.ctx, a.ID, Settle{Method: PayCertificate, CertificateID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	// $124.30 visit: $50.00 from the certificate, $74.30 still owed.
	if inv.Paid() != 5000 || inv.Balance() != 7430 || inv.Payments[0].Reference != c.Code {
		t.Errorf("paid %d balance %d payments %+v", inv.Paid(), inv.Balance(), inv.Payments)
	}
	used, _ := f.s.GiftCertificateByCode(f.ctx, c.Code)
	if used.Remaining != 0 {
		t.Errorf("remaining %d", used.Remaining)
	}
	if err := f.s.RecordPayment(f.ctx, &Payment{InvoiceID: inv.ID, Method: PayCertificate, CertificateID: c.ID, Amount: 1}); fieldOf(t, err) != "Amount" {
		t.Errorf("spending an empty certificate: %v", err)
	}
	if err := f.s.RecordPayment(f.ctx, &Payment{InvoiceID: inv.ID, Method: PayDebit, Amount: 7430}); err != nil {
		t.Fatal(err)
	}
	if usable, _ := f.s.GiftCertificates(f.ctx, true); len(usable) != 0 {
		t.Errorf("usable certificates %+v", usable)
	}
	// Voiding the visit's invoice gives the value back.
	if _, err := f.s.VoidInvoice(f.ctx, inv.ID, "entered twice"); err != nil {
		t.Fatal(err)
	}
	back, _ := f.s.GiftCertificateByCode(f.ctx, c.Code)
	if back.Remaining != 5000 {
		t.Errorf("after the void: remaining %d", back.Remaining)
	}
}

func TestGiftCertificateRefusals(t *testing.T) {
	f := newReceipts(t)
	if _, err := f.s.SellCertificate(f.ctx, &GiftCertificate{Amount: 0}, Sale{ClientID: f.client, Method: PayCash}); fieldOf(t, err) != "Amount" {
		t.Errorf("zero certificate: %v", err)
	}
	if _, err := f.s.SellCertificate(f.ctx, &GiftCertificate{Amount: 100, ExpiresOn: day(2025, 12, 31)}, Sale{ClientID: f.client}); fieldOf(t, err) != "ExpiresOn" {
		t.Errorf("expired at sale: %v", err)
	}
	if _, err := f.s.SellCertificate(f.ctx, &GiftCertificate{Amount: 100}, Sale{ClientID: f.client, Method: PayCertificate}); fieldOf(t, err) != "Method" {
		t.Errorf("certificate paid by certificate: %v", err)
	}
	c := GiftCertificate{Code: "gc-test-0001", Amount: 10000, ExpiresOn: day(2026, 1, 31)}
	if _, err := f.s.SellCertificate(f.ctx, &c, Sale{ClientID: f.client, Method: PayCash}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.SellCertificate(f.ctx, &GiftCertificate{Code: "GC-TEST-0001", Amount: 100}, Sale{ClientID: f.client}); fieldOf(t, err) != "Code" {
		t.Errorf("duplicate code: %v", err)
	}
	f.later(40)
	a := f.visit(t, 0, svc60, 10)
	if _, err := f.s.CheckOutWith(f.ctx, a.ID, Settle{Method: PayCertificate, CertificateID: c.ID}); fieldOf(t, err) != "Reference" {
		t.Errorf("expired certificate: %v", err)
	}
	if n, _ := f.s.CountInvoices(f.ctx, InvoiceFilter{}); n != 1 {
		t.Errorf("a refused checkout left %d invoices (want the sale only)", n)
	}
}

// A package's sale is taxed as its service is; each session's receipt
// shows the redemption (a fifth of $565.00, tax included, not taxed again)
// and nothing due.
func TestPackageSaleAndRedemption(t *testing.T) {
	f := newReceipts(t)
	k := Package{ClientID: f.client, ServiceID: svc60, SessionsTotal: 5, Price: 50000}
	sale, err := f.s.SellPackage(f.ctx, &k, Sale{Method: PayETransfer, Reference: "ET-77"})
	if err != nil {
		t.Fatal(err)
	}
	if k.Name != "5 x 60-min massage" || sale.Total != 56500 || sale.Balance() != 0 || sale.Payments[0].Reference != "ET-77" {
		t.Errorf("package %q sale total %d balance %d", k.Name, sale.Total, sale.Balance())
	}
	a := f.visit(t, 0, svc60, 10)
	inv, err := f.s.CheckOutWith(f.ctx, a.ID, Settle{Method: PayPackage, PackageID: k.ID})
	if err != nil {
		t.Fatal(err)
	}
	if inv.Total != 11300 || inv.Tax != 0 || inv.Balance() != 0 || inv.Payments[0].Method != PayPackage || inv.State() != StatePaid {
		t.Errorf("session invoice total %d tax %d balance %d", inv.Total, inv.Tax, inv.Balance())
	}
	ks, _ := f.s.Packages(f.ctx, f.client, true)
	if len(ks) != 1 || ks[0].SessionsUsed != 1 || ks[0].SessionsLeft() != 4 || ks[0].ClientName != "Bea Okafor" {
		t.Errorf("packages %+v", ks)
	}
	// Another client cannot use it.
	other := mustCreate(t, f.s, &Client{FirstName: "Ana", LastName: "Lima"})
	b := f.visit(t, other.ID, svc60, 12)
	if _, err := f.s.CheckOutWith(f.ctx, b.ID, Settle{Method: PayPackage, PackageID: k.ID}); fieldOf(t, err) != "Reference" {
		t.Errorf("someone else's package: %v", err)
	}
	// Used up, it is refused.
	for i := 0; i < 4; i++ {
		f.later(7)
		v := f.visit(t, 0, svc60, 10)
		if _, err := f.s.CheckOutWith(f.ctx, v.ID, Settle{Method: PayPackage, PackageID: k.ID}); err != nil {
			t.Fatalf("session %d: %v", i+2, err)
		}
	}
	f.later(7)
	v := f.visit(t, 0, svc60, 10)
	if _, err := f.s.CheckOutWith(f.ctx, v.ID, Settle{Method: PayPackage, PackageID: k.ID}); fieldOf(t, err) != "Reference" {
		t.Errorf("a sixth session: %v", err)
	}
	if ks, _ := f.s.Packages(f.ctx, 0, true); len(ks) != 0 {
		t.Errorf("used-up package still usable: %+v", ks)
	}
}

func TestSessionPriceRoundsHalfUp(t *testing.T) {
	for _, c := range []struct {
		price int64
		n     int
		want  int64
	}{{50000, 5, 10000}, {10000, 3, 3333}, {20000, 3, 6667}, {5, 2, 3}, {0, 4, 0}} {
		k := Package{Price: c.price, SessionsTotal: c.n}
		if got := k.SessionPrice(); got != c.want {
			t.Errorf("%d / %d = %d, want %d", c.price, c.n, got, c.want)
		}
	}
}
