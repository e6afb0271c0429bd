package data

import "testing"

// Searching receipts for a gift certificate's code, in any case, lists
// the receipt that sold it and the receipts it paid, not a receipt whose
// number shares the code's digits.
func TestInvoiceSearchByCertificateCode(t *testing.T) {
	f := newReceipts(t)
	for i := 0; i < 3; i++ {
		f.unpaid(t, f.client, 1000) // R-000001…3: the digits a code might hold
	}
	c := GiftCertificate{Code: "GC-A2BC-DEFG", Amount: 20000}
	sale, err := f.s.SellCertificate(f.ctx, &c, Sale{ClientID: f.client, Method: PayCash})
	if err != nil {
		t.Fatal(err)
	}
	paid, err := f.s.CheckOutWith(f.ctx, f.visit(t, 0, svc60, 10).ID, Settle{Method: PayCertificate, CertificateID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	other := GiftCertificate{Code: "GC-ZZZZ-ZZZZ", Amount: 5000}
	if _, err := f.s.SellCertificate(f.ctx, &other, Sale{ClientID: f.client, Method: PayCash}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"GC-A2BC-DEFG", " gc-a2bc-defg ", "gc-zzzz-zzzz"} {
		rows, err := f.s.Invoices(f.ctx, InvoiceFilter{Search: q})
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		var got []int64
		for _, r := range rows {
			got = append(got, r.ID)
		}
		want := []int64{paid.ID, sale.ID}
		if q == "gc-zzzz-zzzz" {
			want = []int64{other.InvoiceID}
		}
		if len(got) != len(want) || got[0] != want[0] || got[len(got)-1] != want[len(want)-1] {
			t.Errorf("search %q lists %v, want %v", q, got, want)
		}
		if n, err := f.s.CountInvoices(f.ctx, InvoiceFilter{Search: q}); err != nil || n != len(want) {
			t.Errorf("count %q: %d, %v", q, n, err)
		}
	}
}
