package data

import (
	"errors"
	"testing"
)

// Printing or exporting a care plan, a receipt, a handout or the whole
// practice is written to the audit log under the right client (0 for a
// handout or the practice); a record that does not exist is refused and
// logs nothing; the log stays append-only after migration 11 rebuilt it.
func TestAuditFollowsDocumentsThatLeaveThePractice(t *testing.T) {
	f := newPlanFixture(t)
	p := f.plan()
	if err := f.s.SaveCarePlan(f.ctx, &p); err != nil {
		t.Fatal(err)
	}
	today, _ := f.s.Today(f.ctx)
	as := f.book(t, Booking{Date: today, Clock: Clock{5, 0}, Override: true})
	if _, err := f.s.SetAppointmentStatus(f.ctx, as[0].ID, StatusCompleted, ""); err != nil {
		t.Fatal(err)
	}
	inv, err := f.s.CheckOut(f.ctx, as[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	before, err := f.s.AuditLog(f.ctx, f.client)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		entity AuditEntity
		id     int64
		print  bool
	}{{AuditCarePlan, p.ID, true}, {AuditInvoice, inv.ID, false}, {AuditHandout, f.handout, true}, {AuditPractice, 0, false}} {
		rec := f.s.RecordExport
		if c.print {
			rec = f.s.RecordPrint
		}
		if err := rec(f.ctx, c.entity, c.id); err != nil {
			t.Fatalf("%s %d: %v", c.entity, c.id, err)
		}
	}
	after, err := f.s.AuditLog(f.ctx, f.client)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(after) - len(before); got != 2 {
		t.Fatalf("client's log grew by %d lines, want 2 (care plan printed, receipt exported): %+v", got, after)
	}
	var n int
	if err := f.s.r.QueryRowContext(f.ctx, `SELECT count(*) FROM audit_log WHERE client_id = 0 AND entity IN ('handout', 'practice')`).Scan(&n); err != nil || n != 2 {
		t.Fatalf("lines about no one client = %d, %v; want 2", n, err)
	}
	if err := f.s.RecordPrint(f.ctx, AuditInvoice, inv.ID+100); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing invoice: %v, want ErrNotFound", err)
	}
	if err := f.s.RecordExport(f.ctx, AuditPractice, 7); err == nil {
		t.Fatal("the practice with an id was accepted")
	}
	if _, err := f.s.w.ExecContext(f.ctx, `UPDATE audit_log SET summary = 'x'`); err == nil {
		t.Fatal("audit log accepted an update after the rebuild")
	}
	if _, err := f.s.w.ExecContext(f.ctx, `DELETE FROM audit_log`); err == nil {
		t.Fatal("audit log accepted a delete after the rebuild")
	}
}
