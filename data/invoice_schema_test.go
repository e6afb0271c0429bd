package data

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"
)

// The schema itself refuses to change or delete an issued or void invoice,
// its lines and its payments, whatever program writes to the file.
func TestSchemaRefusesChangesToIssuedInvoices(t *testing.T) {
	f := newReceipts(t)
	inv, err := f.s.CheckOut(f.ctx, f.visit(t, 0, svc60, 10).ID)
	if err != nil {
		t.Fatal(err)
	}
	line, pay := inv.Lines[0].ID, inv.Payments[0].ID
	refused := []string{
		fmt.Sprintf(`UPDATE invoices SET total_cents = 1 WHERE id = %d`, inv.ID),
		fmt.Sprintf(`UPDATE invoices SET tax_cents = 0 WHERE id = %d`, inv.ID),
		fmt.Sprintf(`UPDATE invoices SET number = 'R-999' WHERE id = %d`, inv.ID),
		fmt.Sprintf(`UPDATE invoices SET client_id = client_id + 1 WHERE id = %d`, inv.ID),
		fmt.Sprintf(`UPDATE invoices SET issued_on = '2020-01-01' WHERE id = %d`, inv.ID),
		fmt.Sprintf(`UPDATE invoices SET status = 'draft', seq = 0, number = '' WHERE id = %d`, inv.ID),
		fmt.Sprintf(`UPDATE invoices SET status = 'void', void_reason = '' WHERE id = %d`, inv.ID),
		fmt.Sprintf(`UPDATE invoices SET void_reason = 'sneaky' WHERE id = %d`, inv.ID),
		fmt.Sprintf(`UPDATE invoices SET print_count = -1 WHERE id = %d`, inv.ID),
		fmt.Sprintf(`DELETE FROM invoices WHERE id = %d`, inv.ID),
		fmt.Sprintf(`UPDATE invoice_lines SET unit_cents = 1 WHERE id = %d`, line),
		fmt.Sprintf(`UPDATE invoice_lines SET description = 'x' WHERE id = %d`, line),
		fmt.Sprintf(`DELETE FROM invoice_lines WHERE id = %d`, line),
		fmt.Sprintf(`INSERT INTO invoice_lines (invoice_id, position, kind, description, quantity, unit_cents, taxable,
			tax_rate_bp, tax_cents, amount_cents) VALUES (%d, 2, 'other', 'extra', 1, 100, 0, 0, 0, 100)`, inv.ID),
		fmt.Sprintf(`UPDATE payments SET amount_cents = 1 WHERE id = %d`, pay),
		fmt.Sprintf(`DELETE FROM payments WHERE id = %d`, pay),
		`UPDATE invoice_counter SET last_seq = 0`,
		// The amount paid is the payments' sum, on any invoice.
		fmt.Sprintf(`UPDATE invoices SET paid_cents = 0 WHERE id = %d`, inv.ID),
		`INSERT INTO invoices (client_id, currency, paid_cents, created_at, updated_at) VALUES (1, 'CAD', 500, 0, 0)`,
	}
	for _, q := range refused {
		if _, err := f.s.w.ExecContext(f.ctx, q); err == nil {
			t.Errorf("the schema accepted: %s", q)
		}
	}
	// What stays allowed: counting a print, and voiding with a reason.
	for _, q := range []string{
		fmt.Sprintf(`UPDATE invoices SET print_count = print_count + 1 WHERE id = %d`, inv.ID),
		fmt.Sprintf(`UPDATE invoices SET status = 'void', void_reason = 'wrong client', voided_at = 1 WHERE id = %d`, inv.ID),
	} {
		if _, err := f.s.w.ExecContext(f.ctx, q); err != nil {
			t.Errorf("the schema refused %s: %v", q, err)
		}
	}
	// A void invoice is fixed too: not back to issued, not deleted, its reason kept.
	for _, q := range []string{
		fmt.Sprintf(`UPDATE invoices SET status = 'issued', void_reason = '', voided_at = 0 WHERE id = %d`, inv.ID),
		fmt.Sprintf(`UPDATE invoices SET void_reason = 'other' WHERE id = %d`, inv.ID),
		fmt.Sprintf(`DELETE FROM invoices WHERE id = %d`, inv.ID),
		fmt.Sprintf(`INSERT INTO payments (invoice_id, paid_on, method, amount_cents, created_at) VALUES (%d, '2026-01-05', 'cash', 1, 0)`, inv.ID),
	} {
		if _, err := f.s.w.ExecContext(f.ctx, q); err == nil {
			t.Errorf("the schema accepted on a void invoice: %s", q)
		}
	}
	got, _ := f.s.Invoice(f.ctx, inv.ID)
	if got.Total != 12430 || got.Number != "R-000001" || len(got.Lines) != 1 || got.Lines[0].Unit != 11000 || got.VoidReason != "wrong client" {
		t.Errorf("invoice after the refused statements %+v", got)
	}
}

// Two programs (two Stores on one file) issuing at once: numbers 1..N,
// no gap and no duplicate.
func TestNumberingTwoWritersNoGapsNoDuplicates(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "practice.db")
	a, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	c := mustCreate(t, a, &Client{FirstName: "Ana", LastName: "Lima"})
	const each = 25
	var wg sync.WaitGroup
	errs := make(chan error, 2*each)
	for _, s := range []*Store{a, b} {
		wg.Add(1)
		go func(s *Store) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				inv := Invoice{ClientID: c.ID, Lines: []InvoiceLine{{Description: "Visit", Unit: 100}}}
				if err := s.SaveDraftInvoice(ctx, &inv); err != nil {
					errs <- err
					return
				}
				// Every third draft is thrown away: it must not leave a gap.
				if i%3 == 0 {
					if err := s.DeleteDraftInvoice(ctx, inv.ID); err != nil {
						errs <- err
					}
					continue
				}
				if _, err := s.IssueInvoice(ctx, inv.ID); err != nil {
					errs <- err
					return
				}
			}
		}(s)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	rows, err := a.r.QueryContext(ctx, `SELECT seq, number FROM invoices WHERE status <> 'draft' ORDER BY seq`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	want := int64(1)
	for rows.Next() {
		var seq int64
		var number string
		if err := rows.Scan(&seq, &number); err != nil {
			t.Fatal(err)
		}
		if seq != want || number != fmt.Sprintf("R-%06d", want) {
			t.Fatalf("number %d is %d (%s): a gap or a duplicate", want, seq, number)
		}
		want++
	}
	if issued := 2 * (each - (each+2)/3); want-1 != int64(issued) {
		t.Errorf("%d numbers for %d issued invoices", want-1, issued)
	}
}

// The descriptions cover every column of the new tables, and check counts them.
func TestReceiptColumnsMatchTheSchema(t *testing.T) {
	s := openTemp(t)
	check := func(name string, got []string) {
		t.Helper()
		if want := tableColumns(t, s, name); !slices.Equal(got, want) {
			t.Errorf("%s: described\n%v\nschema\n%v", name, got, want)
		}
	}
	check("invoices", describedColumns(&invoiceTable))
	check("invoice_lines", describedColumns(&invoiceLineTable))
	check("payments", describedColumns(&paymentTable))
	check("gift_certificates", describedColumns(&certificateTable))
	check("packages", describedColumns(&packageTable))
	check("receipt_settings", describedColumns(&receiptSettingsTable))
	for _, name := range []string{"invoices", "invoice_lines", "payments", "gift_certificates", "packages"} {
		if !slices.Contains(CountedTables(), name) {
			t.Errorf("check does not count %s", name)
		}
	}
}

func TestReceiptSettingsRoundTripAndValidate(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	def, err := s.ReceiptSettings(ctx)
	if err != nil || def.InvoicePrefix != "R-" || def.DefaultMethod != PayDebit || def.Locale != "en-CA" {
		t.Fatalf("defaults %+v %v", def, err)
	}
	v := ReceiptSettings{InvoicePrefix: " INV- ", DefaultMethod: PayETransfer, PrintBirthDate: true, Locale: "fr-CA",
		NPI: "1234567893", TaxID: "12-3456789", PlaceOfService: "11"}
	if err := s.SaveReceiptSettings(ctx, &v); err != nil {
		t.Fatal(err)
	}
	got, _ := s.ReceiptSettings(ctx)
	got.UpdatedAt = time.Time{}
	v.UpdatedAt = time.Time{}
	if got != v || got.InvoicePrefix != "INV-" {
		t.Errorf("read back %+v, saved %+v", got, v)
	}
	bad := ReceiptSettings{InvoicePrefix: "WAY-TOO-LONG-PREFIX", DefaultMethod: PayCertificate, Locale: "", NPI: "12", PlaceOfService: "office"}
	ve := bad.Validate().(*ValidationError)
	fields := map[string]bool{}
	for _, p := range ve.Problems {
		fields[p.Field] = true
	}
	for _, f := range []string{"InvoicePrefix", "DefaultMethod", "Locale", "NPI", "PlaceOfService"} {
		if !fields[f] || !slices.Contains(ReceiptSettingsFieldNames(), f) {
			t.Errorf("field %s: reported %v, named %v", f, fields[f], slices.Contains(ReceiptSettingsFieldNames(), f))
		}
	}
}
