package data

import "testing"

// A void receipt's payments and total are not added into the list's
// totals, nor is a draft; a filter narrows the totals like the list.
func TestInvoiceTotalsLeaveOutVoidAndDrafts(t *testing.T) {
	f := newReceipts(t)
	paid, err := f.s.CheckOut(f.ctx, f.visit(t, 0, svc60, 10).ID)
	if err != nil {
		t.Fatal(err)
	}
	void, err := f.s.CheckOut(f.ctx, f.visit(t, 0, svc60, 12).ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.VoidInvoice(f.ctx, void.ID, "paid cash, not debit"); err != nil {
		t.Fatal(err)
	}
	open := f.unpaid(t, f.client, 2000)
	draft := Invoice{ClientID: f.client, Lines: []InvoiceLine{{Description: "d", Unit: 999}}}
	if err := f.s.SaveDraftInvoice(f.ctx, &draft); err != nil {
		t.Fatal(err)
	}
	got, err := f.s.InvoiceTotals(f.ctx, InvoiceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	want := InvoiceTotal{Currency: "CAD", Count: 2, Total: paid.Total + open.Total, Paid: paid.Total}
	if len(got) != 1 || got[0] != want {
		t.Errorf("totals %+v, want %+v (the void receipt of %d must not count)", got, want, void.Total)
	}
	got, err = f.s.InvoiceTotals(f.ctx, InvoiceFilter{State: StateVoid})
	if err != nil || len(got) != 0 {
		t.Errorf("totals of the void receipts alone: %+v, %v", got, err)
	}
}
