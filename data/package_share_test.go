package data

import (
	"strings"
	"testing"
)

// A package session is worth its share of what was paid for the package,
// tax included: $292.50 + 13 % HST = $330.53 over 5 sessions is 3 x $66.11
// and 2 x $66.10 (the shares add up to the total), each redemption receipt
// says the tax was paid on the sale's receipt rather than charging it
// again, and the year-end statement lists the visits at those values.
func TestPackageSessionValuedWithTaxPaid(t *testing.T) {
	f := newReceipts(t)
	k := Package{ClientID: f.client, ServiceID: svc60, SessionsTotal: 5, Price: 29250}
	sale, err := f.s.SellPackage(f.ctx, &k, Sale{Method: PayCash})
	if err != nil {
		t.Fatal(err)
	}
	if sale.Total != 33053 {
		t.Fatalf("sale total %d, want 33053", sale.Total)
	}
	var sum int64
	var want = []int64{6611, 6611, 6611, 6610, 6610}
	for i := range 5 {
		inv, err := f.s.CheckOutWith(f.ctx, f.visit(t, 0, svc60, 9+i).ID, Settle{Method: PayPackage, PackageID: k.ID})
		if err != nil {
			t.Fatal(err)
		}
		l := inv.Lines[0]
		if inv.Total != want[i] || inv.Tax != 0 || l.Tax != 0 || inv.Paid() != inv.Total {
			t.Errorf("session %d: total %d tax %d paid %d, want %d untaxed and paid", i+1, inv.Total, inv.Tax, inv.Paid(), want[i])
		}
		if i == 0 {
			for _, w := range []string{"session 1 of 5", "prepaid on receipt " + sale.Number, "HST $7.61 included"} {
				if !strings.Contains(l.Description, w) {
					t.Errorf("redemption line %q lacks %q", l.Description, w)
				}
			}
			if inv.Payments[0].Reference != sale.Number {
				t.Errorf("payment reference %q, want the sale's number %s", inv.Payments[0].Reference, sale.Number)
			}
		}
		sum += inv.Total
	}
	if sum != sale.Total {
		t.Errorf("sessions add up to %d, want the sale's %d", sum, sale.Total)
	}
	visits, err := f.s.PaidVisits(f.ctx, f.client, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if len(visits) != 5 || visits[0].Amount != 6611 || visits[4].Amount != 6610 {
		t.Errorf("statement visits %+v", visits)
	}
}
