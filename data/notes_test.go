package data

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// noteFixture is a practice with one client, on a clock the test moves.
type noteFixture struct {
	s      *Store
	path   string
	now    *time.Time
	client Client
}

func newNoteFixture(t *testing.T) *noteFixture {
	t.Helper()
	ctx := context.Background()
	now := time.Date(2026, 5, 12, 15, 0, 0, 0, time.UTC)
	f := &noteFixture{path: filepath.Join(t.TempDir(), "practice.db"), now: &now}
	s, err := Open(ctx, f.path, WithClock(func() time.Time { return *f.now }))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	f.s = s
	p := Practice{TherapistName: "Maya Lindqvist", Currency: "CAD", TimeZone: "America/Toronto"}
	if err := s.SavePractice(ctx, &p); err != nil {
		t.Fatalf("save practice: %v", err)
	}
	f.client = Client{FirstName: "Zoë", LastName: "Ngata", Email: "zoe@example.com"}
	if err := s.CreateClient(ctx, &f.client); err != nil {
		t.Fatalf("create client: %v", err)
	}
	return f
}

func (f *noteFixture) advance(d time.Duration) { *f.now = f.now.Add(d) }

// draft is a filled-in note for the fixture's client, not yet saved.
func (f *noteFixture) draft() *Note {
	return &Note{ClientID: f.client.ID, VisitDate: Date{2026, time.May, 12}, ServiceName: "60-min massage",
		Complaint: "Stiff neck after a long drive", Pain: 6, Techniques: []string{"Swedish", "Trigger point therapy"},
		Areas: []string{"Neck", "Shoulders"}, Pressure: "Moderate", Minutes: 60,
		Marks: []Mark{{Kind: MarkPain, Label: "R upper trap", View: ViewBack, X: 0.62, Y: 0.18},
			{Kind: MarkTriggerPoint, View: ViewFront, X: 0.5, Y: 0.25}}}
}

// signed saves and signs a note with one amendment and returns it.
func (f *noteFixture) signed(t *testing.T) Note {
	t.Helper()
	ctx := context.Background()
	n := f.draft()
	if err := f.s.SaveDraft(ctx, n); err != nil {
		t.Fatalf("save draft: %v", err)
	}
	got, err := f.s.SignNote(ctx, n.ID)
	if err != nil {
		t.Fatalf("sign: %v", err)
	}
	if _, err := f.s.AddAmendment(ctx, n.ID, "Wrong side", "The trigger point was on the left."); err != nil {
		t.Fatalf("amend: %v", err)
	}
	return got
}

// rawDB opens the same file through a second, plain *sql.DB: what another
// program (or a careless script) could do.
func (f *noteFixture) rawDB(t *testing.T) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+f.path+"?_busy_timeout=5000&_foreign_keys=on")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestSignedNoteRefusesSQLChanges(t *testing.T) {
	f := newNoteFixture(t)
	n := f.signed(t)
	if n.SignedBy != "Maya Lindqvist" || !n.SignedAt.Equal(*f.now) || n.Status != NoteSigned {
		t.Fatalf("signed note: by %q at %v status %s", n.SignedBy, n.SignedAt, n.Status)
	}
	db := f.rawDB(t)
	for _, q := range []string{
		`UPDATE notes SET complaint = 'changed' WHERE id = ?`,
		`UPDATE notes SET status = 'draft' WHERE id = ?`,
		`DELETE FROM notes WHERE id = ?`,
		`UPDATE note_marks SET x = 0.1 WHERE note_id = ?`,
		`DELETE FROM note_marks WHERE note_id = ?`,
		`INSERT INTO note_marks (note_id, kind, view, x, y) VALUES (?, 'pain', 'front', 0.5, 0.5)`,
		`UPDATE note_amendments SET text = 'rewritten' WHERE note_id = ?`,
		`DELETE FROM note_amendments WHERE note_id = ?`,
	} {
		_, err := db.Exec(q, n.ID)
		if err == nil || !strings.Contains(err.Error(), "signed note") {
			t.Errorf("%s: err %v, want the trigger's refusal", q, err)
			continue
		}
		if mapped := mapLocked(err); !errors.Is(mapped, ErrSigned) || !strings.Contains(UserMessage(mapped), "amendment") {
			t.Errorf("%s: mapped to %v / %q", q, mapped, UserMessage(mapped))
		}
	}
	got, err := f.s.Note(context.Background(), n.ID)
	if err != nil || got.Complaint != n.Complaint || len(got.Marks) != 2 || got.Amendments != 1 {
		t.Fatalf("after the refused changes: %+v, %v", got, err)
	}
	// And through the data layer.
	ctx := context.Background()
	got.Complaint = "changed"
	if err := f.s.SaveDraft(ctx, &got); !errors.Is(err, ErrSigned) || !strings.Contains(UserMessage(err), "signed") {
		t.Errorf("SaveDraft of a signed note: %v", err)
	}
	if err := f.s.DeleteDraft(ctx, n.ID); !errors.Is(err, ErrSigned) {
		t.Errorf("DeleteDraft of a signed note: %v", err)
	}
	if _, err := f.s.SignNote(ctx, n.ID); !errors.Is(err, ErrSigned) {
		t.Errorf("signing twice: %v", err)
	}
}

func TestAmendmentsOnlyOnSignedNotes(t *testing.T) {
	f := newNoteFixture(t)
	ctx := context.Background()
	n := f.draft()
	if err := f.s.SaveDraft(ctx, n); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.AddAmendment(ctx, n.ID, "typo", "text"); !errors.Is(err, ErrNotSigned) {
		t.Errorf("amending a draft: %v", err)
	}
	var ve *ValidationError
	if _, err := f.s.AddAmendment(ctx, n.ID, " ", ""); !errors.As(err, &ve) || ve.For("Reason") == "" || ve.For("Text") == "" {
		t.Errorf("empty amendment: %v", err)
	}
	if _, err := f.s.SignNote(ctx, n.ID); err != nil {
		t.Fatal(err)
	}
	a, err := f.s.AddAmendment(ctx, n.ID, "Missed detail", "Client also mentioned headaches.")
	if err != nil || a.CreatedBy != "Maya Lindqvist" {
		t.Fatalf("amend: %+v %v", a, err)
	}
	list, err := f.s.Amendments(ctx, n.ID)
	if err != nil || len(list) != 1 || list[0].Text != a.Text || !list[0].CreatedAt.Equal(*f.now) {
		t.Fatalf("amendments: %+v %v", list, err)
	}
}

func TestMarksRoundTrip(t *testing.T) {
	f := newNoteFixture(t)
	ctx := context.Background()
	n := f.draft()
	if err := f.s.SaveDraft(ctx, n); err != nil {
		t.Fatal(err)
	}
	check := func(want []Mark) {
		t.Helper()
		got, err := f.s.Note(ctx, n.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !sameMarks(got.Marks, want) {
			t.Errorf("marks\n got %+v\nwant %+v", got.Marks, want)
		}
		for _, m := range got.Marks {
			if m.ID == 0 {
				t.Errorf("mark without ID: %+v", m)
			}
		}
	}
	check(n.Marks)
	n.Marks = append(n.Marks[1:], Mark{Kind: MarkNumbness, Label: "tingling to 4th–5th fingers", View: ViewFront, X: 0, Y: 1},
		Mark{Kind: MarkTreated, View: ViewBack, X: 1, Y: 0.333333333})
	if err := f.s.SaveDraft(ctx, n); err != nil {
		t.Fatal(err)
	}
	check(n.Marks)
	n.Marks = nil
	if err := f.s.SaveDraft(ctx, n); err != nil {
		t.Fatal(err)
	}
	check(nil)
}

func TestDraftSurvivesReopening(t *testing.T) {
	f := newNoteFixture(t)
	ctx := context.Background()
	n := f.draft()
	n.Goals, n.HomeCare, n.Kind = "Sleep through the night", "Heat 15 min", NoteDischarge
	if err := f.s.SaveDraft(ctx, n); err != nil {
		t.Fatal(err)
	}
	if err := f.s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, f.path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Note(ctx, n.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Complaint != n.Complaint || got.Goals != n.Goals || got.HomeCare != n.HomeCare || got.Pain != 6 ||
		got.Kind != NoteDischarge || !slices.Equal(got.Techniques, n.Techniques) || !slices.Equal(got.Areas, n.Areas) ||
		!sameMarks(got.Marks, n.Marks) || got.Status != NoteDraft || !got.SignedAt.IsZero() || got.ClientName != "Zoë Ngata" {
		t.Errorf("reopened draft differs:\n got %+v\nwant %+v", got, *n)
	}
}

func TestNoteValidation(t *testing.T) {
	f := newNoteFixture(t)
	ctx := context.Background()
	for _, c := range []struct {
		name  string
		edit  func(n *Note)
		field string
	}{
		{"pain 11", func(n *Note) { n.Pain = 11 }, "Pain"},
		{"pain -2", func(n *Note) { n.Pain = -2 }, "Pain"},
		{"minutes", func(n *Note) { n.Minutes = 800 }, "Minutes"},
		{"negative minutes", func(n *Note) { n.Minutes = -5 }, "Minutes"},
		{"mark x", func(n *Note) { n.Marks[1].X = 1.5 }, "Marks"},
		{"mark y", func(n *Note) { n.Marks[0].Y = -0.01 }, "Marks"},
		{"mark kind", func(n *Note) { n.Marks[0].Kind = "bruise" }, "Marks"},
		{"mark view", func(n *Note) { n.Marks[0].View = "side" }, "Marks"},
		{"no client", func(n *Note) { n.ClientID = 0 }, "ClientID"},
		{"future visit", func(n *Note) { n.VisitDate = Date{2026, time.May, 13} }, "VisitDate"},
		{"kind", func(n *Note) { n.Kind = "weekly" }, "Kind"},
	} {
		n := f.draft()
		c.edit(n)
		err := f.s.SaveDraft(ctx, n)
		var ve *ValidationError
		if !errors.As(err, &ve) || ve.For(c.field) == "" {
			t.Errorf("%s: %v, want a problem with %s", c.name, err, c.field)
		} else if n.ID != 0 {
			t.Errorf("%s: stored", c.name)
		}
	}
	if msg := (&Note{Pain: 11, ClientID: 1, VisitDate: Date{2026, 1, 1}}).Validate(Date{2026, 5, 12}); !strings.Contains(
		UserMessage(msg), "0 (no pain) to 10") {
		t.Errorf("pain message: %q", UserMessage(msg))
	}
	empty := &Note{ClientID: f.client.ID, VisitDate: Date{2026, time.May, 11}, Pain: PainNotRecorded}
	if err := f.s.SaveDraft(ctx, empty); err != nil {
		t.Fatalf("an empty draft may be saved: %v", err)
	}
	var ve *ValidationError
	if _, err := f.s.SignNote(ctx, empty.ID); !errors.As(err, &ve) || !strings.Contains(ve.For("Complaint"), "empty note") {
		t.Errorf("signing an empty note: %v", err)
	}
	if got, _ := f.s.Note(ctx, empty.ID); got.Status != NoteDraft {
		t.Errorf("the empty note was signed")
	}
	for _, name := range []string{"Complaint", "Pain", "Techniques", "Minutes", "Referrals", "Marks"} {
		if !slices.Contains(NoteFieldNames(), name) {
			t.Errorf("NoteFieldNames lacks %s", name)
		}
	}
}
