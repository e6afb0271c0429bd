package gui

import (
	"fmt"
	"strings"

	"github.com/stillpoint/stillpoint/data"
)

// noteSummary is a note as plain text, field by field, leaving out what
// is empty: the "last visit" view beside a new note.
func noteSummary(n data.Note) string {
	var b strings.Builder
	line := func(label, v string) {
		if strings.TrimSpace(v) != "" {
			fmt.Fprintf(&b, "%s: %s\n", label, v)
		}
	}
	line("Service", n.ServiceName)
	if n.Kind == data.NoteDischarge {
		line("Kind", "Discharge")
	}
	line("Complaint", n.Complaint)
	if n.Pain >= 0 {
		line("Pain", fmt.Sprintf("%d / 10", n.Pain))
	}
	line("Changes", n.Changes)
	line("Goals", n.Goals)
	line("Posture", n.Posture)
	line("Palpation", n.Palpation)
	line("Range of motion", n.RangeOfMotion)
	line("Tests", n.Tests)
	line("Techniques", strings.Join(n.Techniques, ", "))
	line("Areas", strings.Join(n.Areas, ", "))
	line("Pressure", n.Pressure)
	if n.Minutes > 0 {
		line("Minutes", fmt.Sprint(n.Minutes))
	}
	line("Response", n.Response)
	line("Progress", n.Progress)
	line("Next focus", n.NextFocus)
	line("Frequency", n.Frequency)
	line("Home care", n.HomeCare)
	line("Referrals", n.Referrals)
	if len(n.Marks) > 0 {
		line("Body chart", fmt.Sprintf("%d marks", len(n.Marks)))
	}
	if n.Signed() {
		line("Signed", n.SignedBy)
	} else {
		line("Status", "Draft (not signed)")
	}
	return strings.TrimRight(b.String(), "\n")
}
