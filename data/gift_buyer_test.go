package data

import (
	"testing"
)

// A certificate sold to someone who is not yet a client creates their
// client record (found by search) in the sale's transaction and makes the
// receipt out to it; a sale that fails stores neither.
func TestSellCertificateToNewBuyer(t *testing.T) {
	f := newReceipts(t)
	buyer := Client{FirstName: " Jonah ", LastName: "Whitfield"}
	c := GiftCertificate{Code: "GC-AAAA-BBBB", Amount: 10000, Recipient: "Bea"}
	inv, err := f.s.SellCertificate(f.ctx, &c, Sale{NewClient: &buyer, Method: PayCash})
	if err != nil {
		t.Fatal(err)
	}
	if buyer.ID == 0 || inv.ClientID != buyer.ID || c.Buyer != "Jonah Whitfield" {
		t.Fatalf("buyer %d, receipt made out to %d, certificate from %q", buyer.ID, inv.ClientID, c.Buyer)
	}
	got, err := f.s.Client(f.ctx, buyer.ID)
	if err != nil || got.FirstName != "Jonah" || got.LastName != "Whitfield" {
		t.Errorf("the new client: %+v, %v", got, err)
	}
	if rows, err := f.s.SearchClients(f.ctx, ClientQuery{Text: "whitf"}); err != nil || len(rows) != 1 || rows[0].ID != buyer.ID {
		t.Errorf("the new client is not found by search: %+v, %v", rows, err)
	}
	count := func() (clients, certs int) {
		t.Helper()
		if err := f.s.r.QueryRowContext(f.ctx, `SELECT (SELECT COUNT(*) FROM clients), (SELECT COUNT(*) FROM gift_certificates)`).
			Scan(&clients, &certs); err != nil {
			t.Fatal(err)
		}
		return
	}
	before, beforeCerts := count()
	// A name missing: refused under the name, nothing stored.
	noName := Client{FirstName: "Ana"}
	if _, err := f.s.SellCertificate(f.ctx, &GiftCertificate{Amount: 5000}, Sale{NewClient: &noName, Method: PayCash}); fieldOf(t, err) != "LastName" {
		t.Errorf("a buyer without a last name: %v", err)
	}
	// The sale refused inside the transaction (its code is taken): the
	// buyer's record is not kept either.
	other := Client{FirstName: "Ana", LastName: "Silva"}
	if _, err := f.s.SellCertificate(f.ctx, &GiftCertificate{Code: "gc-aaaa-bbbb", Amount: 5000}, Sale{NewClient: &other, Method: PayCash}); fieldOf(t, err) != "Code" {
		t.Errorf("a taken code: %v", err)
	}
	if other.ID != 0 {
		t.Errorf("the failed sale left the buyer's id %d", other.ID)
	}
	if n, certs := count(); n != before || certs != beforeCerts {
		t.Errorf("refused sales stored %d clients and %d certificates", n-before, certs-beforeCerts)
	}
	if rows, _ := f.s.SearchClients(f.ctx, ClientQuery{Text: "silva"}); len(rows) != 0 {
		t.Errorf("the failed sale's buyer is found by search: %+v", rows)
	}
}
