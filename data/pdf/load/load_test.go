package load

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/pdf"
)

// testClock is the instant the test practices' clocks stand at, so the
// same file renders to the same bytes.
var testClock = time.Date(2026, 3, 4, 20, 0, 0, 0, time.UTC)

// openPractice opens a new practice file in t's folder, its clock at
// testClock and its profile p saved; it closes when the test ends.
func openPractice(t *testing.T, p data.Practice) *data.Store {
	t.Helper()
	ctx := context.Background()
	st, err := data.Open(ctx, filepath.Join(t.TempDir(), "p.db"), data.WithClock(func() time.Time { return testClock }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.SavePractice(ctx, &p); err != nil {
		t.Fatal(err)
	}
	return st
}

// Note reads a signed note with its client, amendments, practice and the
// Store's clock, so the same file renders to the same bytes; a draft is
// pdf.ErrDraft and a missing note data.ErrNotFound.
func TestNote(t *testing.T) {
	ctx := context.Background()
	st := openPractice(t, data.Practice{TherapistName: "Maya Lindqvist", Credentials: "RMT", Currency: "CAD", TimeZone: "America/Toronto", PaperSize: data.PaperA4})
	c := &data.Client{FirstName: "Zoë", LastName: "Müller", BirthDate: data.Date{Year: 1984, Month: 2, Day: 11}}
	if err := st.CreateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	n := data.Note{ClientID: c.ID, VisitDate: data.Date{Year: 2026, Month: 3, Day: 4}, ServiceName: "Massage", Pain: 4, Complaint: "Stiff neck"}
	if err := st.SaveDraft(ctx, &n); err != nil {
		t.Fatal(err)
	}
	if _, err := Note(ctx, st, n.ID); !errors.Is(err, pdf.ErrDraft) {
		t.Fatalf("a draft: %v, want pdf.ErrDraft", err)
	}
	if _, err := st.SignNote(ctx, n.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddAmendment(ctx, n.ID, "Wrong side", "It was the left."); err != nil {
		t.Fatal(err)
	}
	in, err := Note(ctx, st, n.ID)
	if err != nil {
		t.Fatal(err)
	}
	if in.Client.FormalName() != "Zoë Müller" || in.Practice.PaperSize != data.PaperA4 || len(in.Amendments) != 1 ||
		!in.Created.Equal(testClock) || in.Loc.String() != "America/Toronto" || in.Note.Complaint != "Stiff neck" {
		t.Errorf("loaded %+v", in)
	}
	var a, b bytes.Buffer
	if err := pdf.WriteNote(&a, in); err != nil {
		t.Fatal(err)
	}
	again, _ := Note(ctx, st, n.ID)
	if err := pdf.WriteNote(&b, again); err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("the same note read twice renders differently (%v)", err)
	}
	if _, err := Note(ctx, st, 9999); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("a missing note: %v, want data.ErrNotFound", err)
	}
}
