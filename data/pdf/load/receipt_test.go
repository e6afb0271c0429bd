package load

import (
	"context"
	"errors"
	"testing"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/pdf"
)

// receiptStore is a practice file with one client and one issued, paid
// invoice.
func receiptStore(t *testing.T) (*data.Store, data.Client, data.Invoice) {
	t.Helper()
	ctx := context.Background()
	st := openPractice(t, data.Practice{TherapistName: "Maya Lindqvist", Credentials: "RMT", Currency: "CAD", TimeZone: "America/Toronto",
		PaperSize: data.PaperLetter, TaxName: "HST", TaxRateBP: 1300})
	c := data.Client{FirstName: "Анна", LastName: "Смирнова", BirthDate: data.Date{Year: 1990, Month: 7, Day: 1}}
	if err := st.CreateClient(ctx, &c); err != nil {
		t.Fatal(err)
	}
	inv := data.Invoice{ClientID: c.ID, Lines: []data.InvoiceLine{{Kind: data.LineService, Description: "Massage therapy",
		ServiceDate: data.Date{Year: 2026, Month: 3, Day: 4}, Minutes: 60, Quantity: 1, Unit: 11000, Taxable: true}}}
	if err := st.SaveDraftInvoice(ctx, &inv); err != nil {
		t.Fatal(err)
	}
	if _, err := Receipt(ctx, st, inv.ID); !errors.Is(err, pdf.ErrDraftInvoice) {
		t.Fatalf("a draft: %v, want pdf.ErrDraftInvoice", err)
	}
	inv, err := st.IssueInvoice(ctx, inv.ID)
	if err != nil {
		t.Fatal(err)
	}
	pay := data.Payment{InvoiceID: inv.ID, Method: data.PayDebit, Amount: inv.Total}
	if err := st.RecordPayment(ctx, &pay); err != nil {
		t.Fatal(err)
	}
	return st, c, inv
}

func TestReceiptReadsEverythingItPrints(t *testing.T) {
	ctx := context.Background()
	st, c, inv := receiptStore(t)
	in, err := ReceiptNumber(ctx, st, inv.Number)
	if err != nil {
		t.Fatal(err)
	}
	if in.Client.ID != c.ID || in.Invoice.Total != 12430 || len(in.Invoice.Payments) != 1 || in.Settings.Locale == "" ||
		in.Practice.TaxName != "HST" || in.Duplicate() || in.Loc.String() != "America/Toronto" {
		t.Errorf("loaded %+v", in)
	}
	if _, err := Receipt(ctx, st, 9999); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("a missing invoice: %v, want data.ErrNotFound", err)
	}
	if _, err := ReceiptNumber(ctx, st, "R-999999"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("a missing number: %v, want data.ErrNotFound", err)
	}
	// Voided and re-issued: each names the other.
	if _, err := st.VoidInvoice(ctx, inv.ID, "Wrong service"); err != nil {
		t.Fatal(err)
	}
	again, err := st.ReissueInvoice(ctx, inv.ID, c.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	old, err := Receipt(ctx, st, inv.ID)
	if err != nil || old.ReplacedBy != again.Number || old.Invoice.VoidReason != "Wrong service" {
		t.Errorf("the void receipt: replaced by %q, reason %q (%v)", old.ReplacedBy, old.Invoice.VoidReason, err)
	}
	if nw, err := Receipt(ctx, st, again.ID); err != nil || nw.Replaces != inv.Number {
		t.Errorf("the new receipt replaces %q (%v), want %q", nw.Replaces, err, inv.Number)
	}
}

// Saving or printing a receipt counts the copy and writes the audit line in
// one transaction; the next copy is a duplicate; a copy rendered from a
// count that moved meanwhile is refused and logs nothing.
func TestReceiptOutputCountsCopiesWithTheAuditLine(t *testing.T) {
	ctx := context.Background()
	st, c, inv := receiptStore(t)
	if err := st.RecordReceiptOutput(ctx, inv.ID, data.AuditExport, 0); err != nil {
		t.Fatal(err)
	}
	in, err := Receipt(ctx, st, inv.ID)
	if err != nil || !in.Duplicate() {
		t.Fatalf("the second copy is not a duplicate (%v)", err)
	}
	if err := st.RecordReceiptOutput(ctx, inv.ID, data.AuditPrint, 0); !errors.Is(err, data.ErrPrintedMeanwhile) {
		t.Errorf("a stale copy: %v, want ErrPrintedMeanwhile", err)
	}
	if err := st.RecordReceiptOutput(ctx, inv.ID, data.AuditPrint, 1); err != nil {
		t.Fatal(err)
	}
	if err := st.RecordReceiptOutput(ctx, 9999, data.AuditPrint, 0); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("a missing invoice: %v, want ErrNotFound", err)
	}
	log, err := st.AuditLog(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []data.AuditAction
	for _, e := range log {
		if e.Entity == data.AuditInvoice && e.EntityID == inv.ID {
			got = append(got, e.Action)
		}
	}
	if len(got) != 2 || got[0] != data.AuditPrint || got[1] != data.AuditExport {
		t.Errorf("audit lines %v, want [print export]", got)
	}
	if v, _ := st.Invoice(ctx, inv.ID); v.PrintCount != 2 {
		t.Errorf("print count %d, want 2", v.PrintCount)
	}
}
