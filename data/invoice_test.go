package data

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"
)

// rcptFixture is a practice in Toronto charging 13 % HST, with one client
// (Bea Okafor) and a clock that tests can move.
type rcptFixture struct {
	s      *Store
	ctx    context.Context
	client int64
	now    *time.Time
}

// rcptStart is Monday 5 January 2026, 15:00 in Toronto.
var rcptStart = time.Date(2026, time.January, 5, 20, 0, 0, 0, time.UTC)

func newReceipts(t *testing.T) *rcptFixture {
	t.Helper()
	now := rcptStart
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "practice.db"), WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	p := Practice{TherapistName: "Maya Lindqvist", Currency: "CAD", TimeZone: "America/Toronto", TaxName: "HST", TaxRateBP: 1300}
	if err := s.SavePractice(ctx, &p); err != nil {
		t.Fatalf("save practice: %v", err)
	}
	c := mustCreate(t, s, &Client{FirstName: "Beatrice", PreferredName: "Bea", LastName: "Okafor"})
	return &rcptFixture{s: s, ctx: ctx, client: c.ID, now: &now}
}

// visit books a completed visit of service svc for client (the fixture's
// when 0) today at hour:00, Toronto time.
func (f *rcptFixture) visit(t *testing.T, client, svc int64, hour int) Appointment {
	t.Helper()
	if client == 0 {
		client = f.client
	}
	today, _ := f.s.Today(f.ctx)
	as, err := f.s.Book(f.ctx, Booking{ClientID: client, ServiceID: svc, Date: today, Clock: Clock{hour, 0}, Override: true})
	if err != nil {
		t.Fatalf("book: %v", err)
	}
	a, err := f.s.SetAppointmentStatus(f.ctx, as[0].ID, StatusCompleted, "")
	if err != nil {
		t.Fatalf("complete: %v", err)
	}
	return a
}

// later moves the clock on by days.
func (f *rcptFixture) later(days int) { *f.now = f.now.AddDate(0, 0, days) }

func fieldOf(t *testing.T, err error) string {
	t.Helper()
	var ve *ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) == 0 {
		t.Fatalf("got %v, want a *ValidationError", err)
	}
	return ve.Problems[0].Field
}

// One click makes the invoice for a completed visit, taxed, paid in full
// with the default method; a second click returns the same invoice.
func TestCheckOutOneClickIsIdempotent(t *testing.T) {
	f := newReceipts(t)
	a := f.visit(t, 0, svc60, 10)
	inv, err := f.s.CheckOut(f.ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if inv.Number != "R-000001" || inv.Status != InvoiceIssued || inv.IssuedOn != day(2026, 1, 5) {
		t.Errorf("invoice %s %s %v", inv.Number, inv.Status, inv.IssuedOn)
	}
	// $110.00 + 13 % HST = $124.30.
	if inv.Subtotal != 11000 || inv.Tax != 1430 || inv.Total != 12430 || inv.TaxName != "HST" || inv.Currency != "CAD" {
		t.Errorf("totals %d + %d = %d (%s %s)", inv.Subtotal, inv.Tax, inv.Total, inv.TaxName, inv.Currency)
	}
	l := inv.Lines[0]
	if l.AppointmentID != a.ID || l.Minutes != 60 || l.Description != "60-min massage" || l.ServiceDate != day(2026, 1, 5) {
		t.Errorf("line %+v", l)
	}
	if len(inv.Payments) != 1 || inv.Payments[0].Method != PayDebit || inv.Payments[0].Amount != 12430 || inv.Balance() != 0 || inv.State() != StatePaid {
		t.Errorf("payments %+v balance %d", inv.Payments, inv.Balance())
	}
	again, err := f.s.CheckOut(f.ctx, a.ID)
	if err != nil || again.ID != inv.ID || len(again.Payments) != 1 {
		t.Errorf("second click: %v, invoice %d (first %d), %d payments", err, again.ID, inv.ID, len(again.Payments))
	}
	if n, _ := f.s.CountInvoices(f.ctx, InvoiceFilter{}); n != 1 {
		t.Errorf("%d invoices after two clicks", n)
	}
	got, err := f.s.VisitInvoice(f.ctx, a.ID)
	if err != nil || got.ID != inv.ID || got.ClientName != "Bea Okafor" {
		t.Errorf("visit invoice %v %+v", err, got)
	}
}

func TestCheckOutRefusesAVisitNotCompleted(t *testing.T) {
	f := newReceipts(t)
	today, _ := f.s.Today(f.ctx)
	as, err := f.s.Book(f.ctx, Booking{ClientID: f.client, ServiceID: svc60, Date: today, Clock: Clock{10, 0}, Override: true})
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.s.CheckOut(f.ctx, as[0].ID)
	if fieldOf(t, err) != "Status" {
		t.Errorf("got %v", err)
	}
	if n, _ := f.s.CountInvoices(f.ctx, InvoiceFilter{}); n != 0 {
		t.Errorf("%d invoices made", n)
	}
}

// The default method comes from the settings; a non-taxable service has no tax.
func TestCheckOutUsesSettings(t *testing.T) {
	f := newReceipts(t)
	set, _ := f.s.ReceiptSettings(f.ctx)
	set.DefaultMethod, set.InvoicePrefix = PayCash, "SP-"
	if err := f.s.SaveReceiptSettings(f.ctx, &set); err != nil {
		t.Fatal(err)
	}
	svc, _ := f.s.Service(f.ctx, svc30)
	svc.Taxable = false
	if err := f.s.SaveService(f.ctx, &svc); err != nil {
		t.Fatal(err)
	}
	if err := f.s.SaveBillingCode(f.ctx, BillingCode{ServiceID: svc30, CPTCode: "97124", CPTUnits: 2}); err != nil {
		t.Fatal(err)
	}
	a := f.visit(t, 0, svc30, 9)
	if err := f.s.SaveVisitDiagnoses(f.ctx, a.ID, "m54.5; M62.830"); err != nil {
		t.Fatal(err)
	}
	inv, err := f.s.CheckOut(f.ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	l := inv.Lines[0]
	if inv.Number != "SP-000001" || inv.Tax != 0 || inv.Total != 6500 || inv.Payments[0].Method != PayCash {
		t.Errorf("invoice %s tax %d total %d method %s", inv.Number, inv.Tax, inv.Total, inv.Payments[0].Method)
	}
	if l.CPTCode != "97124" || l.CPTUnits != 2 || l.ICD10Codes != "M54.5, M62.830" {
		t.Errorf("superbill codes %q %d %q", l.CPTCode, l.CPTUnits, l.ICD10Codes)
	}
}

// Partial and split payments, and the balance in between.
func TestPartialAndSplitPayments(t *testing.T) {
	f := newReceipts(t)
	inv := Invoice{ClientID: f.client, Lines: []InvoiceLine{{Kind: LineService, Description: "90-min massage", Minutes: 90, Quantity: 1, Unit: 15500, Taxable: true}}}
	if err := f.s.SaveDraftInvoice(f.ctx, &inv); err != nil {
		t.Fatal(err)
	}
	if inv.Total != 17515 || inv.Number != "" || inv.State() != StateDraft {
		t.Fatalf("draft total %d number %q", inv.Total, inv.Number)
	}
	// A draft takes no payment.
	if err := f.s.RecordPayment(f.ctx, &Payment{InvoiceID: inv.ID, Method: PayCash, Amount: 100}); fieldOf(t, err) != "Amount" {
		t.Errorf("payment on a draft: %v", err)
	}
	inv, err := f.s.IssueInvoice(f.ctx, inv.ID)
	if err != nil {
		t.Fatal(err)
	}
	pay := func(m PaymentMethod, amount int64) error {
		return f.s.RecordPayment(f.ctx, &Payment{InvoiceID: inv.ID, Method: m, Amount: amount, Reference: " slip 42 "})
	}
	if err := pay(PayCash, 5000); err != nil {
		t.Fatal(err)
	}
	got, _ := f.s.Invoice(f.ctx, inv.ID)
	if got.Balance() != 12515 || got.State() != StatePartly {
		t.Errorf("after $50: balance %d state %s", got.Balance(), got.State())
	}
	if err := pay(PayCredit, 12516); fieldOf(t, err) != "Amount" {
		t.Errorf("overpayment: %v", err)
	}
	if err := pay(PayCredit, 0); fieldOf(t, err) != "Amount" {
		t.Errorf("zero payment: %v", err)
	}
	if err := pay("bitcoin", 10); fieldOf(t, err) != "Method" {
		t.Errorf("unknown method: %v", err)
	}
	if err := pay(PayCredit, 12515); err != nil {
		t.Fatal(err)
	}
	got, _ = f.s.Invoice(f.ctx, inv.ID)
	if got.Balance() != 0 || got.State() != StatePaid || len(got.Payments) != 2 || got.Payments[1].Reference != "slip 42" {
		t.Errorf("after the split: balance %d state %s payments %+v", got.Balance(), got.State(), got.Payments)
	}
}

// Voiding keeps the number; re-issuing takes the next one, references the
// void invoice and carries its payments over; balances ignore the void one.
func TestVoidAndReissue(t *testing.T) {
	f := newReceipts(t)
	a := f.visit(t, 0, svc60, 10)
	first, err := f.s.CheckOut(f.ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.VoidInvoice(f.ctx, first.ID, "  "); fieldOf(t, err) != "VoidReason" {
		t.Errorf("void without a reason: %v", err)
	}
	if _, err := f.s.ReissueInvoice(f.ctx, first.ID, 0, nil); fieldOf(t, err) != "Lines" {
		t.Errorf("re-issue before voiding: %v", err)
	}
	void, err := f.s.VoidInvoice(f.ctx, first.ID, "Wrong service")
	if err != nil {
		t.Fatal(err)
	}
	if void.Number != first.Number || void.State() != StateVoid || void.VoidReason != "Wrong service" || void.VoidedAt.IsZero() {
		t.Errorf("void %+v", void)
	}
	if _, err := f.s.VoidInvoice(f.ctx, first.ID, "again"); fieldOf(t, err) != "VoidReason" {
		t.Errorf("void twice: %v", err)
	}
	// The visit is free to be checked out again once its invoice is void;
	// here it is re-issued with a corrected line instead.
	lines := append([]InvoiceLine(nil), first.Lines...)
	lines[0].Discount = 1000
	re, err := f.s.ReissueInvoice(f.ctx, first.ID, 0, lines)
	if err != nil {
		t.Fatal(err)
	}
	if re.Number != "R-000002" || re.ReplacesID != first.ID || re.Total != 11300 {
		t.Errorf("re-issued %s replaces %d total %d", re.Number, re.ReplacesID, re.Total)
	}
	// The $124.30 paid carries over up to the new total.
	got, _ := f.s.Invoice(f.ctx, re.ID)
	if len(got.Payments) != 1 || got.Payments[0].Amount != 11300 || got.Payments[0].MovedFromID != first.Payments[0].ID || got.Balance() != 0 {
		t.Errorf("payments carried over %+v", got.Payments)
	}
	if _, err := f.s.ReissueInvoice(f.ctx, first.ID, 0, nil); fieldOf(t, err) != "Lines" {
		t.Errorf("re-issue twice: %v", err)
	}
	if again, err := f.s.CheckOut(f.ctx, a.ID); err != nil || again.ID != re.ID {
		t.Errorf("checkout after re-issue: %v, %d (want %d)", err, again.ID, re.ID)
	}
	bs, _ := f.s.Balances(f.ctx)
	if len(bs) != 0 {
		t.Errorf("balances %+v", bs)
	}
}

// A draft can be edited and deleted; an issued invoice can neither.
func TestDraftsEditAndDeleteIssuedDoNot(t *testing.T) {
	f := newReceipts(t)
	inv := Invoice{ClientID: f.client, Lines: []InvoiceLine{{Description: "Hot stones", Unit: 2000}}}
	if err := f.s.SaveDraftInvoice(f.ctx, &inv); err != nil {
		t.Fatal(err)
	}
	inv.Lines = append(inv.Lines, InvoiceLine{Description: "Card surcharge", Unit: 300})
	if err := f.s.SaveDraftInvoice(f.ctx, &inv); err != nil {
		t.Fatal(err)
	}
	got, _ := f.s.Invoice(f.ctx, inv.ID)
	if len(got.Lines) != 2 || got.Total != 2300 || got.Lines[0].Kind != LineOther {
		t.Errorf("edited draft %+v", got)
	}
	if err := f.s.SaveDraftInvoice(f.ctx, &Invoice{}); fieldOf(t, err) != "ClientID" {
		t.Errorf("empty invoice: %v", err)
	}
	issued, err := f.s.IssueInvoice(f.ctx, inv.ID)
	if err != nil {
		t.Fatal(err)
	}
	issued.Lines[0].Unit = 1
	if err := f.s.SaveDraftInvoice(f.ctx, &issued); fieldOf(t, err) != "Lines" {
		t.Errorf("edit issued: %v", err)
	}
	if err := f.s.DeleteDraftInvoice(f.ctx, issued.ID); fieldOf(t, err) != "Lines" {
		t.Errorf("delete issued: %v", err)
	}
	d := Invoice{ClientID: f.client, Lines: []InvoiceLine{{Description: "x", Unit: 1}}}
	if err := f.s.SaveDraftInvoice(f.ctx, &d); err != nil {
		t.Fatal(err)
	}
	if err := f.s.DeleteDraftInvoice(f.ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Invoice(f.ctx, d.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted draft: %v", err)
	}
	// Deleting a draft frees no number: the next issued one follows on.
	d2 := Invoice{ClientID: f.client, Lines: []InvoiceLine{{Description: "y", Unit: 1}}}
	if err := f.s.SaveDraftInvoice(f.ctx, &d2); err != nil {
		t.Fatal(err)
	}
	if got, _ := f.s.IssueInvoice(f.ctx, d2.ID); got.Seq != 2 {
		t.Errorf("next number %d, want 2", got.Seq)
	}
}

// Each print counts; the second and later are duplicates.
func TestInvoicePrintedCountsCopies(t *testing.T) {
	f := newReceipts(t)
	inv, err := f.s.CheckOut(f.ctx, f.visit(t, 0, svc60, 10).ID)
	if err != nil {
		t.Fatal(err)
	}
	for want := 1; want <= 3; want++ {
		if n, err := f.s.InvoicePrinted(f.ctx, inv.ID); err != nil || n != want {
			t.Errorf("print %d: %d %v", want, n, err)
		}
	}
	d := Invoice{ClientID: f.client, Lines: []InvoiceLine{{Description: "x", Unit: 1}}}
	if err := f.s.SaveDraftInvoice(f.ctx, &d); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.InvoicePrinted(f.ctx, d.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("printing a draft: %v", err)
	}
}
