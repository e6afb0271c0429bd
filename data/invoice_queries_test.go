package data

import (
	"testing"
)

// unpaid issues an unpaid invoice of amount cents (untaxed) for client today.
func (f *rcptFixture) unpaid(t *testing.T, client int64, amount int64) Invoice {
	t.Helper()
	inv := Invoice{ClientID: client, Lines: []InvoiceLine{{Kind: LineService, Description: "Visit", Unit: amount}}}
	if err := f.s.SaveDraftInvoice(f.ctx, &inv); err != nil {
		t.Fatal(err)
	}
	got, err := f.s.IssueInvoice(f.ctx, inv.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestInvoiceListSearchAndFilters(t *testing.T) {
	f := newReceipts(t)
	ana := mustCreate(t, f.s, &Client{FirstName: "Ána", LastName: "Łukasik"})
	paid, _ := f.s.CheckOut(f.ctx, f.visit(t, 0, svc60, 10).ID) // R-000001, 5 Jan, Bea, paid
	f.later(10)
	part := f.unpaid(t, ana.ID, 10000) // R-000002, 15 Jan, Ana
	if err := f.s.RecordPayment(f.ctx, &Payment{InvoiceID: part.ID, Method: PayCash, Amount: 4000}); err != nil {
		t.Fatal(err)
	}
	f.later(10)
	open := f.unpaid(t, ana.ID, 2000) // R-000003, 25 Jan, Ana, unpaid
	void := f.unpaid(t, f.client, 500)
	if _, err := f.s.VoidInvoice(f.ctx, void.ID, "test"); err != nil {
		t.Fatal(err)
	}
	draft := Invoice{ClientID: f.client, Lines: []InvoiceLine{{Description: "d", Unit: 1}}}
	if err := f.s.SaveDraftInvoice(f.ctx, &draft); err != nil {
		t.Fatal(err)
	}
	numbers := func(fl InvoiceFilter) []string {
		t.Helper()
		rows, err := f.s.Invoices(f.ctx, fl)
		if err != nil {
			t.Fatal(err)
		}
		n, err := f.s.CountInvoices(f.ctx, InvoiceFilter{Search: fl.Search, State: fl.State, From: fl.From, To: fl.To})
		if err != nil || (fl.Limit == 0 && n != len(rows)) {
			t.Errorf("count %d for %d rows (%v)", n, len(rows), err)
		}
		var out []string
		for _, r := range rows {
			out = append(out, r.Number+":"+string(r.State))
		}
		return out
	}
	check := func(name string, fl InvoiceFilter, want ...string) {
		t.Helper()
		got := numbers(fl)
		if len(got) != len(want) {
			t.Errorf("%s: %v, want %v", name, got, want)
			return
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: %v, want %v", name, got, want)
				return
			}
		}
	}
	check("all, drafts first then newest", InvoiceFilter{}, ":draft", "R-000004:void", "R-000003:unpaid", "R-000002:partly_paid", "R-000001:paid")
	check("by number", InvoiceFilter{Search: "r-000002"}, "R-000002:partly_paid")
	check("by accent-free name", InvoiceFilter{Search: "lukasik"}, "R-000003:unpaid", "R-000002:partly_paid")
	check("by preferred name", InvoiceFilter{Search: "bea"}, ":draft", "R-000004:void", "R-000001:paid")
	check("unpaid", InvoiceFilter{State: StateUnpaid}, "R-000003:unpaid")
	check("partly", InvoiceFilter{State: StatePartly}, "R-000002:partly_paid")
	check("paid", InvoiceFilter{State: StatePaid}, "R-000001:paid")
	check("void", InvoiceFilter{State: StateVoid}, "R-000004:void")
	check("period", InvoiceFilter{From: day(2026, 1, 10), To: day(2026, 1, 20)}, "R-000002:partly_paid")
	check("page", InvoiceFilter{Limit: 2, Offset: 1}, "R-000004:void", "R-000003:unpaid")
	check("a % is literal", InvoiceFilter{Search: "%"})
	rows, _ := f.s.Invoices(f.ctx, InvoiceFilter{State: StatePartly})
	if rows[0].Paid != 4000 || rows[0].Total != 10000 || rows[0].ClientName != "Ána Łukasik" || rows[0].IssuedOn != day(2026, 1, 15) {
		t.Errorf("row %+v", rows[0])
	}
	_, _ = paid, open
}

// Balances: who owes, split by the age of each debt.
func TestBalancesByAge(t *testing.T) {
	f := newReceipts(t)
	ana := mustCreate(t, f.s, &Client{FirstName: "Ana", LastName: "Lima"})
	f.unpaid(t, f.client, 1000) // 5 Jan
	f.later(45)
	part := f.unpaid(t, f.client, 2000) // 19 Feb
	if err := f.s.RecordPayment(f.ctx, &Payment{InvoiceID: part.ID, Method: PayCash, Amount: 500}); err != nil {
		t.Fatal(err)
	}
	f.later(50)
	f.unpaid(t, ana.ID, 9000) // 10 Apr
	f.later(5)                // today: 15 Apr; Bea's debts are 100 and 55 days old
	bs, err := f.s.Balances(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) != 2 {
		t.Fatalf("balances %+v", bs)
	}
	if b := bs[0]; b.ClientID != ana.ID || b.Owed != 9000 || b.ByAge != [4]int64{9000, 0, 0, 0} || b.Invoices != 1 {
		t.Errorf("Ana %+v", b)
	}
	if b := bs[1]; b.ClientName != "Bea Okafor" || b.Owed != 2500 || b.ByAge != [4]int64{0, 1500, 0, 1000} || b.Oldest != day(2026, 1, 5) {
		t.Errorf("Bea %+v", b)
	}
	for days, want := range map[int]int{0: 0, 30: 0, 31: 1, 60: 1, 61: 2, 90: 2, 91: 3, 400: 3} {
		if got := ageBucket(days); got != want {
			t.Errorf("%d days: bucket %d, want %d", days, got, want)
		}
	}
}

// The year-end statement lists the visits of fully paid invoices of that year.
func TestPaidVisitsForYear(t *testing.T) {
	f := newReceipts(t)
	a := f.visit(t, 0, svc60, 10)
	if _, err := f.s.CheckOut(f.ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	f.later(1)
	unpaid := f.visit(t, 0, svc30, 10)
	inv := Invoice{ClientID: f.client, Lines: []InvoiceLine{{Kind: LineService, AppointmentID: unpaid.ID, Description: "30-min massage",
		ServiceDate: day(2026, 1, 6), Minutes: 30, Unit: 6500, Taxable: true}}}
	if err := f.s.SaveDraftInvoice(f.ctx, &inv); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.IssueInvoice(f.ctx, inv.ID); err != nil {
		t.Fatal(err)
	}
	vs, err := f.s.PaidVisits(f.ctx, f.client, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 1 || vs[0].Amount != 12430 || vs[0].Minutes != 60 || vs[0].Date != day(2026, 1, 5) || vs[0].Number != "R-000001" {
		t.Errorf("paid visits %+v", vs)
	}
	if vs, _ := f.s.PaidVisits(f.ctx, f.client, 2025); len(vs) != 0 {
		t.Errorf("2025: %+v", vs)
	}
	if ids, _ := f.s.StatementClients(f.ctx, 2026); len(ids) != 1 || ids[0] != f.client {
		t.Errorf("statement clients %v", ids)
	}
}
