package data

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestAuditLinesForEachAction(t *testing.T) {
	f := newNoteFixture(t)
	ctx := context.Background()
	c := f.client
	c.Email, c.Alerts = "zoe.ngata@example.com", "Latex allergy"
	if err := f.s.UpdateClient(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := f.s.SetClientArchived(ctx, c.ID, true); err != nil {
		t.Fatal(err)
	}
	if err := f.s.SetClientArchived(ctx, c.ID, false); err != nil {
		t.Fatal(err)
	}
	n := f.draft()
	if err := f.s.SaveDraft(ctx, n); err != nil {
		t.Fatal(err)
	}
	// Autosaves within a minute leave one "edit" line; a later one another.
	for i, step := range []time.Duration{2 * time.Second, 2 * time.Second, 2 * time.Second, 2 * time.Minute} {
		f.advance(step)
		n.Goals = fmt.Sprintf("goal %d", i)
		if i == 3 {
			n.Marks = n.Marks[:1]
		}
		if err := f.s.SaveDraft(ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	f.advance(time.Minute)
	if _, err := f.s.SignNote(ctx, n.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.AddAmendment(ctx, n.ID, "Wrong side", "Left, not right."); err != nil {
		t.Fatal(err)
	}
	if err := f.s.RecordExport(ctx, AuditNote, n.ID); err != nil {
		t.Fatal(err)
	}
	if err := f.s.RecordPrint(ctx, AuditClient, c.ID); err != nil {
		t.Fatal(err)
	}
	other := f.draft()
	other.VisitDate = Date{2026, time.May, 1}
	if err := f.s.SaveDraft(ctx, other); err != nil {
		t.Fatal(err)
	}
	if err := f.s.DeleteDraft(ctx, other.ID); err != nil {
		t.Fatal(err)
	}
	if err := f.s.RecordPrint(ctx, AuditNote, other.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("printing a deleted note: %v", err)
	}
	log, err := f.s.AuditLog(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i := len(log) - 1; i >= 0; i-- { // oldest first, to read
		got = append(got, string(log[i].Entity)+" "+string(log[i].Action)+": "+log[i].Summary)
	}
	want := []string{
		"client create: client record created",
		"client update: changed Email, Alerts",
		"client archive: archived",
		"client restore: brought back from the archive",
		"note create: draft note for 2026-05-12",
		"note edit: changed Goals",
		"note edit: changed Goals, Marks",
		"note sign: signed by Maya Lindqvist",
		"note amend: amended: Wrong side",
		"note export: ",
		"client print: ",
		"note create: draft note for 2026-05-01",
		"note delete: draft note for 2026-05-01 deleted",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("audit log\n got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	db := f.rawDB(t)
	for _, q := range []string{`DELETE FROM audit_log`, `UPDATE audit_log SET summary = 'nothing happened'`,
		`DELETE FROM audit_log WHERE action = 'sign'`} {
		_, err := db.Exec(q)
		if err == nil || !errors.Is(mapLocked(err), ErrAppendOnly) {
			t.Errorf("%s: %v", q, err)
		}
	}
	if after, _ := f.s.AuditLog(ctx, c.ID); len(after) != len(log) {
		t.Errorf("audit log has %d lines after the refused deletes, had %d", len(after), len(log))
	}
}
