package data

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"
)

func TestTimelineLastNoteAndAppointmentNote(t *testing.T) {
	f := newNoteFixture(t)
	ctx := context.Background()
	var ids []int64
	for _, day := range []int{3, 10, 1} { // out of order on purpose
		n := f.draft()
		n.VisitDate = Date{2026, time.May, day}
		if err := f.s.SaveDraft(ctx, n); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, n.ID)
	}
	if _, err := f.s.SignNote(ctx, ids[1]); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.AddAmendment(ctx, ids[1], "r", "t"); err != nil {
		t.Fatal(err)
	}
	notes, err := f.s.ClientNotes(ctx, f.client.ID)
	if err != nil || len(notes) != 3 {
		t.Fatalf("timeline: %d notes, %v", len(notes), err)
	}
	if notes[0].ID != ids[1] || notes[1].ID != ids[0] || notes[2].ID != ids[2] {
		t.Errorf("timeline order: %d %d %d", notes[0].ID, notes[1].ID, notes[2].ID)
	}
	if notes[0].Amendments != 1 || notes[1].Amendments != 0 || len(notes[2].Marks) != 2 || notes[0].ClientName != "Zoë Ngata" {
		t.Errorf("timeline details: %+v", notes[0])
	}
	last, err := f.s.LastNote(ctx, f.client.ID, Date{2026, time.May, 10})
	if err != nil || last.ID != ids[0] {
		t.Errorf("last note before 10 May: %d %v", last.ID, err)
	}
	if _, err := f.s.LastNote(ctx, f.client.ID, Date{2026, time.May, 1}); !errors.Is(err, ErrNotFound) {
		t.Errorf("no note before 1 May: %v", err)
	}

	// A note from an appointment starts from its date (in the practice's
	// zone), service and minutes; the second time it is the same note.
	svcs, err := f.s.Services(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	appts, err := f.s.Book(ctx, Booking{ClientID: f.client.ID, ServiceID: svcs[1].ID, Date: Date{2026, time.May, 20},
		Clock: Clock{Hour: 21, Minute: 30}, Override: true})
	if err != nil {
		t.Fatal(err)
	}
	n, err := f.s.NoteForAppointment(ctx, appts[0].ID)
	if err != nil || n.ID != 0 || n.VisitDate != (Date{2026, time.May, 20}) || n.ServiceName != svcs[1].Name ||
		n.Minutes != svcs[1].Minutes || n.Pain != PainNotRecorded || n.ClientID != f.client.ID {
		t.Fatalf("prefilled note: %+v %v", n, err)
	}
	*f.now = time.Date(2026, 5, 21, 12, 0, 0, 0, time.UTC)
	n.Complaint = "Tight calves after a race"
	if err := f.s.SaveDraft(ctx, &n); err != nil {
		t.Fatal(err)
	}
	again, err := f.s.NoteForAppointment(ctx, appts[0].ID)
	if err != nil || again.ID != n.ID || again.Complaint != n.Complaint {
		t.Errorf("the appointment's note: %+v %v", again, err)
	}
}

func TestTemplates(t *testing.T) {
	f := newNoteFixture(t)
	ctx := context.Background()
	own := NoteTemplate{Name: "Prenatal", Fields: TemplateFields{Techniques: []string{"Swedish"},
		Areas: []string{"Low back"}, Pressure: "Light", HomeCare: "Side-lying rest"}}
	if err := f.s.SaveNoteTemplate(ctx, &own); err != nil {
		t.Fatal(err)
	}
	var ve *ValidationError
	if err := f.s.SaveNoteTemplate(ctx, &NoteTemplate{Name: "Discharge"}); !errors.As(err, &ve) {
		t.Errorf("a built-in name: %v", err)
	}
	list, err := f.s.NoteTemplates(ctx)
	if err != nil || len(list) != len(builtInTemplates)+1 {
		t.Fatalf("templates: %d %v", len(list), err)
	}
	got := list[len(list)-1]
	if got.Name != "Prenatal" || got.BuiltIn || got.Fields.HomeCare != "Side-lying rest" || got.ID != own.ID {
		t.Errorf("own template: %+v", got)
	}
	n := Note{Pressure: "Firm", Techniques: []string{"Stretching"}}
	got.Apply(&n)
	if n.Pressure != "Firm" || n.HomeCare != "Side-lying rest" || len(n.Techniques) != 2 || n.Areas[0] != "Low back" {
		t.Errorf("applied: %+v", n)
	}
	for _, b := range list[:len(builtInTemplates)] {
		if !b.BuiltIn {
			t.Errorf("%s is not marked built in", b.Name)
		}
	}
	d := Note{Kind: NoteRegular}
	list[3].Apply(&d)
	if d.Kind != NoteDischarge {
		t.Errorf("the discharge template makes a %s note", d.Kind)
	}
	if err := f.s.DeleteNoteTemplate(ctx, own.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := f.s.NoteTemplates(ctx); len(list) != len(builtInTemplates) {
		t.Errorf("after delete: %d templates", len(list))
	}
}

// The clinical tables' descriptions cover every column of schema 5 (marks
// get their note_id apart), so a new column cannot be forgotten.
func TestNoteColumnDescriptionsMatchTheSchema(t *testing.T) {
	s := openTemp(t)
	for name, described := range map[string][]string{
		"notes":           describedColumns(&noteTable),
		"note_marks":      append(describedColumns(&markTable), "note_id"),
		"note_amendments": describedColumns(&amendmentTable),
		"note_templates":  describedColumns(&templateTable),
		"audit_log":       describedColumns(&auditTable),
	} {
		slices.Sort(described)
		if got := tableColumns(t, s, name); !slices.Equal(got, described) {
			t.Errorf("%s: described %v, schema has %v", name, described, got)
		}
	}
}

// ImportNotes stores all or nothing, keeps the history's times and signs
// as the practice's therapist.
func TestImportNotesAllOrNothing(t *testing.T) {
	f := newNoteFixture(t)
	ctx := context.Background()
	good := NoteImport{Note: *f.draft(), WrittenAt: time.Date(2026, 5, 12, 14, 0, 0, 0, time.UTC),
		SignedAt:   time.Date(2026, 5, 12, 14, 10, 0, 0, time.UTC),
		Amendments: []Amendment{{Reason: "Late entry", Text: "Phoned: better.", CreatedAt: time.Date(2026, 5, 12, 14, 30, 0, 0, time.UTC)}}}
	bad := NoteImport{Note: *f.draft()}
	bad.Note.Pain = 12
	if err := f.s.ImportNotes(ctx, []NoteImport{good, bad}); err == nil {
		t.Fatal("a batch with an invalid note was stored")
	}
	if rows, _ := f.s.NoteRows(ctx, 0); len(rows) != 0 {
		t.Fatalf("%d notes stored from a refused batch", len(rows))
	}
	batch := []NoteImport{good}
	if err := f.s.ImportNotes(ctx, batch); err != nil {
		t.Fatal(err)
	}
	n, err := f.s.Note(ctx, batch[0].Note.ID)
	if err != nil || !n.Signed() || !n.SignedAt.Equal(good.SignedAt) || !n.CreatedAt.Equal(good.WrittenAt) ||
		n.SignedBy != "Maya Lindqvist" || n.Amendments != 1 || len(n.Marks) != 2 {
		t.Errorf("imported: %+v %v", n, err)
	}
}
