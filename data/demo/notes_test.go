package demo

import (
	"context"
	"testing"

	"github.com/stillpoint/stillpoint/data"
)

// Every past completed visit has a note: most signed, some drafts, some
// amended, with marks, varied techniques and plausible pain.
func TestFillNotes(t *testing.T) {
	s := fill(t, Options{Years: 2, Seed: 3})
	ctx := context.Background()
	rows, err := s.NoteRows(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(noteSummary(rows))
	m, _ := s.Moment(ctx)
	appts, _ := s.Appointments(ctx, m.Now.AddDate(-5, 0, 0), m.Now)
	completed := 0
	for _, a := range appts {
		if a.Status == data.StatusCompleted && a.End.Before(m.Now) {
			completed++
		}
	}
	var signed, drafts, amended int
	for _, r := range rows {
		switch {
		case r.Status == data.NoteSigned:
			signed++
		default:
			drafts++
		}
		if r.Amendments > 0 {
			amended++
		}
	}
	if len(rows) != completed || completed < 1000 {
		t.Fatalf("%d notes for %d completed visits", len(rows), completed)
	}
	if signed < len(rows)*85/100 || drafts == 0 || amended == 0 || amended > len(rows)/10 {
		t.Errorf("%d signed, %d drafts, %d amended of %d", signed, drafts, amended, len(rows))
	}
	notes, err := s.ClientNotes(ctx, rows[len(rows)-1].ClientID)
	if err != nil || len(notes) == 0 {
		t.Fatal(err)
	}
	techniques, marks := map[string]bool{}, 0
	for _, n := range notes {
		if n.Pain < 0 || n.Pain > 10 || n.Complaint == "" || len(n.Areas) == 0 || n.AppointmentID == 0 {
			t.Errorf("implausible note %+v", n)
		}
		for _, tq := range n.Techniques {
			techniques[tq] = true
		}
		marks += len(n.Marks)
	}
	if len(techniques) < 2 || marks < len(notes) {
		t.Errorf("%d techniques, %d marks over %d notes", len(techniques), marks, len(notes))
	}
	if log, err := s.AuditLog(ctx, rows[0].ClientID); err != nil || len(log) < 3 {
		t.Errorf("audit log of a client: %d lines, %v", len(log), err)
	}
	if hits, err := s.SearchNotes(ctx, "trapezius", 5); err != nil || len(hits) == 0 {
		t.Errorf("search the sample: %v %v", hits, err)
	}
}
