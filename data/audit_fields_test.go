package data

import (
	"context"
	"strings"
	"testing"
	"time"
)

// Every stored field that changes reaches the audit log, even when the
// changes come in autosaves seconds apart: pain, techniques, areas and
// template-filled fields included.
func TestNoteEditAuditNamesEveryChangedField(t *testing.T) {
	f := newNoteFixture(t)
	ctx := context.Background()
	n := f.draft()
	if err := f.s.SaveDraft(ctx, n); err != nil {
		t.Fatal(err)
	}
	steps := []func(){
		func() { n.ServiceName, n.Complaint = "90-min massage", "Neck and jaw" },
		func() { n.Pain = 3 },
		func() { n.Techniques = append(n.Techniques, "Myofascial release") },
		func() { n.Areas = []string{"Neck"} },
		func() { n.RangeOfMotion, n.HomeCare, n.NextFocus = "Full", "Heat", "Jaw" }, // a template
		func() { n.Complaint = "Neck only" },                                        // already named
		func() { n.Marks = n.Marks[:1] },
	}
	for _, step := range steps {
		f.advance(3 * time.Second)
		step()
		if err := f.s.SaveDraft(ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	log, err := f.s.AuditLog(ctx, f.client.ID)
	if err != nil {
		t.Fatal(err)
	}
	var edits []string
	for i := len(log) - 1; i >= 0; i-- {
		if log[i].Action == AuditEdit {
			edits = append(edits, log[i].Summary)
		}
	}
	want := []string{"changed ServiceName, Complaint", "changed Pain", "changed Techniques", "changed Areas",
		"changed RangeOfMotion, NextFocus, HomeCare", "changed Marks"}
	if strings.Join(edits, "\n") != strings.Join(want, "\n") {
		t.Errorf("edit lines\n got: %q\nwant: %q", edits, want)
	}
	// Every stored note field is compared.
	for _, field := range NoteFieldNames() {
		old, changed := *f.draft(), *f.draft()
		switch field {
		case "Techniques":
			old.Techniques = nil
		case "Areas":
			old.Areas = nil
		case "Marks":
			continue
		default:
			if !setSomething(&changed, field) {
				t.Errorf("field %s: test cannot set it", field)
				continue
			}
		}
		if got := changedFields(&noteTable, &old, &changed); len(got) != 1 || got[0] != field {
			t.Errorf("changing %s: changedFields = %v", field, got)
		}
	}
}

// setSomething changes the named field of n; false when it does not know it.
func setSomething(n *Note, field string) bool {
	switch field {
	case "ClientID":
		n.ClientID++
	case "VisitDate":
		n.VisitDate = Date{2026, time.May, 11}
	case "Kind":
		n.Kind = NoteDischarge
	case "Pain":
		n.Pain = 1
	case "Minutes":
		n.Minutes = 30
	default:
		for _, c := range noteTable.cols {
			if c.field == field {
				if p, ok := c.scan(n).(*string); ok {
					*p = "changed"
					return true
				}
			}
		}
		return false
	}
	return true
}

func TestAuditFieldLabel(t *testing.T) {
	for _, tc := range []struct {
		entity      AuditEntity
		field, want string
	}{
		{AuditNote, "ServiceName", "service"},
		{AuditNote, "RangeOfMotion", "range of motion"},
		{AuditNote, "HomeCare", "home care"},
		{AuditNote, "Marks", "body chart"},
		{AuditNote, "Pain", "pain rating"},
		{AuditClient, "Email", "e-mail"},
		{AuditClient, "MobilePhone", "mobile phone"},
		{AuditClient, "Conditions", "health conditions"},
	} {
		if got := AuditFieldLabel(tc.entity, tc.field); got != tc.want {
			t.Errorf("AuditFieldLabel(%s, %s) = %q, want %q", tc.entity, tc.field, got, tc.want)
		}
	}
	for _, field := range NoteFieldNames() {
		if l := AuditFieldLabel(AuditNote, field); l == "" || l != strings.ToLower(l) {
			t.Errorf("note field %s: label %q", field, l)
		}
	}
}

// Recording and withdrawing a consent and reviewing the health history
// each leave an audit line on the client, in plain words.
func TestConsentAndReviewAudited(t *testing.T) {
	f := newConsentFixture(t)
	c := f.record(t, ConsentSensitive, AreaGluteals)
	if err := f.s.WithdrawConsent(f.ctx, c.ID, "changed my mind"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.ReviewHealthHistory(f.ctx, f.client.ID, "new medication"); err != nil {
		t.Fatal(err)
	}
	log, err := f.s.AuditLog(f.ctx, f.client.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i := len(log) - 1; i >= 0; i-- {
		if log[i].Action == AuditUpdate {
			got = append(got, log[i].Summary)
		}
	}
	want := []string{
		"consent for sensitive areas signed on 2 Mar 2026 recorded (gluteals)",
		"consent for sensitive areas signed on 2 Mar 2026 withdrawn; reason: changed my mind",
		"health history reviewed: new medication",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("audit lines\n got: %q\nwant: %q", got, want)
	}
}
