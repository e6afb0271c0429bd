package pdf

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// sampleNote is a signed note with every field, marks and two amendments.
func sampleNote(client string) NoteInput {
	signed := time.Date(2026, 3, 4, 21, 10, 0, 0, time.UTC)
	loc, _ := time.LoadLocation("America/Toronto")
	first, last, _ := strings.Cut(client, " ")
	return NoteInput{
		Practice: samplePractice(),
		Client:   data.Client{FirstName: first, LastName: last, BirthDate: data.Date{Year: 1984, Month: 2, Day: 11}},
		Note: data.Note{
			ID: 7, VisitDate: data.Date{Year: 2026, Month: 3, Day: 4}, ServiceName: "Massage 60 min", Kind: data.NoteRegular,
			Complaint: "Stiff neck after a week of deadlines.", Pain: 6, Changes: "Sleeping better.", Goals: "Turn head without pain.",
			Posture: "Forward head.", Palpation: "Tender upper trapezius.", RangeOfMotion: "Rotation 60° left.", Tests: "Spurling negative.",
			Techniques: []string{"Swedish", "Trigger point"}, Areas: []string{"Neck", "Shoulders"}, Pressure: "Moderate", Minutes: 60,
			Response: "Tension eased.", Progress: "Improving.", NextFocus: "Upper back.", Frequency: "Weekly for 4 weeks",
			HomeCare: "Chin tucks twice a day.", Referrals: "None.",
			Marks: []data.Mark{{Kind: data.MarkPain, View: data.ViewFront, X: 0.5, Y: 0.2, Label: "left SCM"},
				{Kind: data.MarkTriggerPoint, View: data.ViewBack, X: 0.4, Y: 0.25, Label: "upper trapezius"}},
			Status: data.NoteSigned, SignedAt: signed, SignedBy: "Marie-Claire Dubois",
		},
		Amendments: []data.Amendment{{Reason: "Wrong side recorded", Text: "The tender point was on the right.", CreatedBy: "Marie-Claire Dubois", CreatedAt: signed.Add(20 * time.Hour)}},
		Visit:      time.Date(2026, 3, 4, 20, 30, 0, 0, time.UTC),
		Loc:        loc,
		Created:    created,
	}
}

func TestSignedNotePrintsEveryField(t *testing.T) {
	for _, name := range sixNames {
		var b strings.Builder
		if err := WriteNote(&b, sampleNote(name)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		pdf := []byte(b.String())
		qpdfCheck(t, pdf)
		text := squash(strings.Join(pageTexts(t, pdf), "\n"))
		for _, w := range []string{name, "11 Feb 1984", "4 Mar 2026, 15:30", "Massage 60 min", "60 min", "6 / 10",
			"Stiff neck after a week of deadlines.", "Sleeping better.", "Turn head without pain.", "Forward head.",
			"Tender upper trapezius.", "Rotation 60° left.", "Spurling negative.", "Swedish, Trigger point", "Neck, Shoulders",
			"Moderate", "Tension eased.", "Improving.", "Upper back.", "Weekly for 4 weeks", "Chin tucks twice a day.", "None.",
			"left SCM", "upper trapezius", "Trigger point", "Marie-Claire Dubois", "Signed 4 Mar 2026, 16:10",
			"Amendment 1", "5 Mar 2026, 12:10", "Wrong side recorded", "The tender point was on the right.",
			"Registration no. RMT-004512", "Page 1 of"} {
			if !strings.Contains(text, squash(w)) {
				t.Errorf("%s: the note's text lacks %q", name, w)
			}
		}
	}
}

func TestDraftNoteIsNotPrinted(t *testing.T) {
	in := sampleNote("Zoë Müller")
	in.Note.Status = data.NoteDraft
	if err := WriteNote(&strings.Builder{}, in); !errors.Is(err, ErrDraft) {
		t.Fatalf("a draft: %v, want ErrDraft", err)
	}
}

// TestWriteNotePNGs writes the sample note for a person to look at:
// STILLPOINT_PDF_LOOK=/some/dir go test -run TestWriteNotePNGs ./data/pdf
func TestWriteNotePNGs(t *testing.T) {
	dir := os.Getenv("STILLPOINT_PDF_LOOK")
	if dir == "" {
		t.Skip("set STILLPOINT_PDF_LOOK to a folder to get the sample note as a PDF file")
	}
	f, err := os.Create(dir + "/note.pdf")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := WriteNote(f, sampleNote("Nguyễn Thị Hoa")); err != nil {
		t.Fatal(err)
	}
}

func TestFileNames(t *testing.T) {
	in := sampleNote("Zoë Müller")
	if got, want := NoteFileName(in), "Treatment note - Zoë Müller - 2026-03-04.pdf"; got != want {
		t.Errorf("NoteFileName = %q, want %q", got, want)
	}
	for in, want := range map[string]string{
		`a/b\c:d*e?f"g<h>i|j`: "a b c d e f g h i j - 2026-03-04.pdf",
		"\x00\x01..":          "2026-03-04.pdf",
		"王芳":                  "王芳 - 2026-03-04.pdf",
	} {
		if got := FileName(in, "", data.Date{Year: 2026, Month: 3, Day: 4}); got != want {
			t.Errorf("FileName(%q) = %q, want %q", in, got, want)
		}
	}
	if got := FileName("", "", data.Date{}); got != "Document.pdf" {
		t.Errorf("FileName of nothing = %q", got)
	}
	if got := FileName(strings.Repeat("x", 500), "", data.Date{}); len(got) > 130 {
		t.Errorf("a long title gives a %d-byte file name", len(got))
	}
}

func TestSameNoteSameBytes(t *testing.T) {
	var a, b strings.Builder
	if err := WriteNote(&a, sampleNote("王芳")); err != nil {
		t.Fatal(err)
	}
	for range 5 {
		b.Reset()
		if err := WriteNote(&b, sampleNote("王芳")); err != nil {
			t.Fatal(err)
		}
		if a.String() != b.String() {
			t.Fatal("two renders of the same note differ")
		}
	}
}
