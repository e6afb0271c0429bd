package pdf

import (
	"strings"
	"testing"
)

// The note prints its visit's check-in on one line, home care across the
// whole width, and a dose never split from its unit.
func TestNotePrintsCheckInAndWholeHomeCare(t *testing.T) {
	in := sampleNote("Ana Lima")
	in.CheckIn = "pain 6, stress 6, sleep 7; Reversing the car 5"
	in.Note.HomeCare = "Upper trapezius stretch 3×30 s twice a day, chin tucks 2 × 10 each evening."
	var b strings.Builder
	if err := WriteNote(&b, in); err != nil {
		t.Fatal(err)
	}
	text := strings.ReplaceAll(strings.Join(pageTexts(t, []byte(b.String())), "\n"), "\u00a0", " ")
	for _, want := range []string{"pain 6, stress 6, sleep 7; Reversing the car 5", in.Note.HomeCare} {
		found := false
		for _, line := range strings.Split(text, "\n") {
			if strings.Contains(strings.Join(strings.Fields(line), " "), want) {
				found = true
			}
		}
		if !found {
			t.Errorf("no line holds %q whole:\n%s", want, text)
		}
	}
}

func TestKeepDoses(t *testing.T) {
	for in, want := range map[string]string{
		"3×30 s twice":    "3×30\u00a0s twice",
		"hold 30 sec":     "hold 30\u00a0sec",
		"2 x 10 reps":     "2\u00a0x 10\u00a0reps",
		"for 2 min daily": "for 2\u00a0min daily",
		"3 sets":          "3 sets",
	} {
		if got := keepDoses(in); got != want {
			t.Errorf("keepDoses(%q) = %q, want %q", in, got, want)
		}
	}
}
