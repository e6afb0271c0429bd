package data

import (
	"errors"
	"strings"
	"testing"
)

// Exporting or printing a plan writes one line on its client's history
// naming the plan; a missing plan is ErrNotFound and writes nothing.
func TestRecordCarePlanOutput(t *testing.T) {
	f := newPlanFixture(t)
	ctx, st := f.ctx, f.s
	p := f.plan()
	if err := st.SaveCarePlan(ctx, &p); err != nil {
		t.Fatal(err)
	}
	c := &Client{ID: p.ClientID}
	if err := st.RecordCarePlanOutput(ctx, AuditExport, p.ID, false); err != nil {
		t.Fatal(err)
	}
	if err := st.RecordCarePlanOutput(ctx, AuditPrint, p.ID, true); err != nil {
		t.Fatal(err)
	}
	if err := st.RecordCarePlanOutput(ctx, AuditPrint, 9999, false); !errors.Is(err, ErrNotFound) {
		t.Errorf("a missing plan: %v, want ErrNotFound", err)
	}
	if err := st.RecordCarePlanOutput(ctx, AuditSign, p.ID, false); err == nil {
		t.Error("a plan was recorded as signed")
	}
	log, err := st.AuditLog(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range log {
		if e.Action == AuditExport || e.Action == AuditPrint {
			got = append(got, string(e.Action)+": "+e.Summary)
		}
	}
	want := []string{"print: care plan " + itoa(p.ID) + " (Low-back pain) and its home-care handouts",
		"export: care plan " + itoa(p.ID) + " (Low-back pain)"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("audit lines %q, want %q", got, want)
	}
}
