package data

import (
	"fmt"
	"strings"
)

// Limits of a note's fields.
const (
	maxNoteText    = 10000 // characters in one SOAP text field
	maxNoteShort   = 200   // service, pressure, frequency, a list item, a mark's label
	maxNoteList    = 40    // techniques or areas
	maxNoteMarks   = 200   // marks on one body chart
	maxNoteMinutes = 720
)

// normalize tidies a note before it is checked and stored: trimmed text,
// list items without blanks or repeats, defaults for kind.
func (n *Note) normalize() {
	for _, p := range []*string{&n.ServiceName, &n.Pressure, &n.Frequency} {
		*p = clean(*p)
	}
	for _, p := range []*string{&n.Complaint, &n.Changes, &n.Goals, &n.Posture, &n.Palpation, &n.RangeOfMotion,
		&n.Tests, &n.Response, &n.Progress, &n.NextFocus, &n.HomeCare, &n.Referrals} {
		*p = strings.TrimSpace(cleanText(*p))
	}
	n.Techniques, n.Areas = cleanList(n.Techniques), cleanList(n.Areas)
	if n.Kind == "" {
		n.Kind = NoteRegular
	}
	for i := range n.Marks {
		n.Marks[i].Label = clean(n.Marks[i].Label)
	}
}

// cleanList trims each item, drops empty ones and repeats, keeps the order.
func cleanList(items []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, it := range items {
		it = clean(strings.ReplaceAll(it, "\n", " "))
		if it != "" && !seen[strings.ToLower(it)] {
			seen[strings.ToLower(it)] = true
			out = append(out, it)
		}
	}
	return out
}

// Validate checks a note as a draft may be saved: it must belong to a client
// and have a visit date no later than today; scores, minutes, lengths and
// marks must make sense. Nothing else is required of a draft.
func (n *Note) Validate(today Date) error {
	var p problems
	if n.ClientID <= 0 {
		p.add("ClientID", "Choose the client this note is for.")
	}
	switch {
	case n.VisitDate.IsZero():
		p.add("VisitDate", "Enter the date of the visit.")
	case !n.VisitDate.Valid():
		p.add("VisitDate", "This is not a real date.")
	case today.Before(n.VisitDate):
		p.add("VisitDate", "The visit date is in the future: a note is written for a visit that has happened.")
	}
	if n.Kind != NoteRegular && n.Kind != NoteDischarge {
		p.add("Kind", "Choose a regular or a discharge note.")
	}
	if n.Pain != PainNotRecorded && (n.Pain < 0 || n.Pain > 10) {
		p.add("Pain", "Pain is rated from 0 (no pain) to 10 (worst imaginable).")
	}
	if n.Minutes < 0 || n.Minutes > maxNoteMinutes {
		p.add("Minutes", "The treatment time must be between 0 and %d minutes.", maxNoteMinutes)
	}
	p.checkLen("ServiceName", "The service", n.ServiceName, maxNoteShort)
	p.checkLen("Pressure", "The pressure", n.Pressure, maxNoteShort)
	p.checkLen("Frequency", "The frequency", n.Frequency, maxNoteShort)
	for _, f := range []struct {
		field, label, value string
	}{
		{"Complaint", "The complaint", n.Complaint}, {"Changes", "Changes since last visit", n.Changes},
		{"Goals", "Goals", n.Goals}, {"Posture", "Posture", n.Posture}, {"Palpation", "Palpation", n.Palpation},
		{"RangeOfMotion", "Range of motion", n.RangeOfMotion}, {"Tests", "Tests", n.Tests},
		{"Response", "The response", n.Response}, {"Progress", "Progress", n.Progress},
		{"NextFocus", "Next focus", n.NextFocus}, {"HomeCare", "Home care", n.HomeCare},
		{"Referrals", "Referrals", n.Referrals},
	} {
		p.checkLen(f.field, f.label, f.value, maxNoteText)
	}
	checkList(&p, "Techniques", "technique", n.Techniques)
	checkList(&p, "Areas", "area", n.Areas)
	checkMarks(&p, n.Marks)
	return p.err()
}

func checkList(p *problems, field, what string, items []string) {
	if len(items) > maxNoteList {
		p.add(field, "At most %d %ss can be listed.", maxNoteList, what)
	}
	for _, it := range items {
		if len([]rune(it)) > maxNoteShort {
			p.add(field, "Each %s must be at most %d characters.", what, maxNoteShort)
			return
		}
	}
}

func checkMarks(p *problems, marks []Mark) {
	if len(marks) > maxNoteMarks {
		p.add("Marks", "A body chart holds at most %d marks.", maxNoteMarks)
		return
	}
	for i, m := range marks {
		var why string
		switch {
		case !m.Kind.Valid():
			why = "has no kind (pain, tension, trigger point, numbness, inflammation or treated area)"
		case m.View != ViewFront && m.View != ViewBack:
			why = "is on neither the front nor the back view"
		case !(m.X >= 0 && m.X <= 1 && m.Y >= 0 && m.Y <= 1):
			why = "lies outside the body chart"
		case len([]rune(m.Label)) > maxNoteShort:
			why = fmt.Sprintf("has a label longer than %d characters", maxNoteShort)
		}
		if why != "" {
			p.add("Marks", "Mark %d on the body chart %s.", i+1, why)
			return
		}
	}
}

// isEmpty reports whether nothing clinical has been written in the note.
func (n *Note) isEmpty() bool {
	for _, s := range []string{n.Complaint, n.Changes, n.Goals, n.Posture, n.Palpation, n.RangeOfMotion, n.Tests,
		n.Pressure, n.Response, n.Progress, n.NextFocus, n.Frequency, n.HomeCare, n.Referrals} {
		if s != "" {
			return false
		}
	}
	return len(n.Techniques) == 0 && len(n.Areas) == 0 && len(n.Marks) == 0 && n.Pain == PainNotRecorded
}

// validateForSigning checks what signing needs beyond a valid draft:
// something written, and the therapist's name to sign with.
func (n *Note) validateForSigning(today Date, therapist string) error {
	if err := n.Validate(today); err != nil {
		return err
	}
	var p problems
	if n.isEmpty() {
		p.add("Complaint", "An empty note cannot be signed: write at least the complaint or the treatment given.")
	}
	if therapist == "" {
		p.add("SignedBy", "Add your name in Settings (Practice) first: a signed note records who signed it.")
	}
	return p.err()
}
