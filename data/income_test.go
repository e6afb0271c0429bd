package data

import (
	"reflect"
	"testing"
)

// The income summary on a hand-computed year: a visit paid by debit and a
// gift certificate sold by credit card in January; in February a visit
// paid with that certificate ($74.30 left owing) and a visit whose receipt
// was voided; a cash part-payment in March; a visit only booked.
func TestIncomeByMonth(t *testing.T) {
	f := newReceipts(t)
	jan := f.visit(t, 0, svc60, 10)
	if _, err := f.s.CheckOut(f.ctx, jan.ID); err != nil { // $124.30 by debit, $14.30 HST
		t.Fatal(err)
	}
	c := GiftCertificate{Amount: 5000, Buyer: "Tom Okafor"}
	if _, err := f.s.SellCertificate(f.ctx, &c, Sale{ClientID: f.client, Method: PayCredit}); err != nil {
		t.Fatal(err)
	}
	f.later(29) // Tuesday 3 February
	feb := f.visit(t, 0, svc60, 10)
	owed, err := f.s.CheckOutWith(f.ctx, feb.ID, Settle{Method: PayCertificate, CertificateID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	wrong := f.visit(t, 0, svc60, 12)
	w, err := f.s.CheckOut(f.ctx, wrong.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.VoidInvoice(f.ctx, w.ID, "Charged twice"); err != nil {
		t.Fatal(err)
	}
	f.later(27) // Monday 2 March
	if err := f.s.RecordPayment(f.ctx, &Payment{InvoiceID: owed.ID, Method: PayCash, Amount: 3000}); err != nil {
		t.Fatal(err)
	}
	today, _ := f.s.Today(f.ctx)
	if _, err := f.s.Book(f.ctx, Booking{ClientID: f.client, ServiceID: svc60, Date: today, Clock: Clock{16, 0}, Override: true}); err != nil {
		t.Fatal(err)
	}

	y, err := f.s.Income(f.ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	want := [3]IncomeMonth{
		{Month: 1, Visits: 1, Receipts: 2, Invoiced: 17430, Tax: 1430, Received: 17430},
		{Month: 2, Visits: 2, Receipts: 1, Invoiced: 12430, Tax: 1430, Redeemed: 5000},
		{Month: 3, Received: 3000},
	}
	for i, w := range want {
		if y.Months[i] != w {
			t.Errorf("month %d: %+v, want %+v", i+1, y.Months[i], w)
		}
	}
	for _, m := range y.Months[3:] {
		if m != (IncomeMonth{Month: m.Month}) {
			t.Errorf("%s: %+v, want nothing", m.Month, m)
		}
	}
	total := IncomeMonth{Visits: 3, Receipts: 3, Invoiced: 29860, Tax: 2860, Received: 20430, Redeemed: 5000}
	if y.Total != total || y.Owing != 4430 || y.TaxName != "HST" || y.Currency != "CAD" {
		t.Errorf("total %+v owing %d tax %q currency %q", y.Total, y.Owing, y.TaxName, y.Currency)
	}
	methods := map[PaymentMethod]int64{PayDebit: 12430, PayCredit: 5000, PayCash: 3000, PayCertificate: 5000}
	if !reflect.DeepEqual(y.ByMethod, methods) {
		t.Errorf("by method %v, want %v", y.ByMethod, methods)
	}

	// A year without receipts names the tax as the practice does, so
	// spreadsheets of several years have the same columns.
	if y, err := f.s.Income(f.ctx, 2025); err != nil || y.Total != (IncomeMonth{}) || y.Owing != 0 || y.TaxName != "HST" {
		t.Errorf("2025: %+v tax %q, %v", y.Total, y.TaxName, err)
	}
	if _, err := f.s.Income(f.ctx, 0); err == nil {
		t.Error("year 0 accepted")
	}
	if years, err := f.s.IncomeYears(f.ctx); err != nil || !reflect.DeepEqual(years, []int{2026}) {
		t.Errorf("years %v, %v", years, err)
	}
	if got := fillYears([]int{2026, 2023}); !reflect.DeepEqual(got, []int{2026, 2025, 2024, 2023}) {
		t.Errorf("fill %v", got)
	}
}
