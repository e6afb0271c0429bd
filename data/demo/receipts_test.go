package demo

import (
	"context"
	"testing"

	"github.com/stillpoint/stillpoint/data"
)

// Every past completed visit has a receipt; the mix has several methods,
// a certificate and a package redeemed, a void and re-issue and two
// clients owing.
func TestFillReceipts(t *testing.T) {
	s := fill(t, Options{Years: 2, Seed: 3})
	ctx := context.Background()
	m, _ := s.Moment(ctx)
	appts, _ := s.Appointments(ctx, m.Now.AddDate(-5, 0, 0), m.Now)
	completed := 0
	for _, a := range appts {
		if a.Status == data.StatusCompleted && a.End.Before(m.Now) {
			completed++
			if _, err := s.VisitInvoice(ctx, a.ID); err != nil {
				t.Fatalf("visit %d on %s has no receipt: %v", a.ID, a.LocalStart, err)
			}
		}
	}
	rows, err := s.Invoices(ctx, data.InvoiceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	// One per visit, plus the re-issue, two certificate sales and a package sale.
	if len(rows) != completed+4 {
		t.Errorf("%d invoices for %d visits", len(rows), completed)
	}
	states := map[data.PayState]int{}
	for _, r := range rows {
		states[r.State]++
	}
	if states[data.StateVoid] != 1 || states[data.StateUnpaid] != 1 || states[data.StatePartly] != 1 || states[data.StateDraft] != 0 {
		t.Errorf("states %v", states)
	}
	bs, _ := s.Balances(ctx)
	if len(bs) != 2 {
		t.Errorf("balances %+v", bs)
	}
	if cs, _ := s.GiftCertificates(ctx, false); len(cs) != 2 {
		t.Errorf("certificates %+v", cs)
	}
	if ks, _ := s.Packages(ctx, 0, false); len(ks) != 1 || ks[0].SessionsUsed == 0 {
		t.Errorf("packages %+v", ks)
	}
	methods := map[data.PaymentMethod]bool{}
	for _, r := range rows[:min(len(rows), 400)] {
		inv, _ := s.Invoice(ctx, r.ID)
		for _, p := range inv.Payments {
			methods[p.Method] = true
		}
	}
	if len(methods) < 5 || !methods[data.PayCertificate] || !methods[data.PayPackage] {
		t.Errorf("methods %v", methods)
	}
	// The same seed gives the same receipts.
	again := fill(t, Options{Years: 2, Seed: 3})
	rows2, _ := again.Invoices(ctx, data.InvoiceFilter{})
	if len(rows2) != len(rows) || rows2[len(rows2)-1] != rows[len(rows)-1] || rows2[7].Total != rows[7].Total {
		t.Errorf("not deterministic")
	}
}
