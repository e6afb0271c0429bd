package pdf

import (
	"strings"
	"unicode"

	"github.com/stillpoint/stillpoint/data"
)

// FileName suggests a file name for a document: "Treatment note - Zoë
// Müller - 2026-03-04.pdf". Characters no file system accepts (/ \ : * ? "
// < > |, control characters) are dropped, and it stays well under every
// system's length limit. who and day may be empty.
func FileName(title, who string, day data.Date) string {
	var parts []string
	for _, p := range []string{title, who, day.String()} {
		if p = safeName(p); p != "" {
			parts = append(parts, p)
		}
	}
	name := strings.Join(parts, " - ")
	if r := []rune(name); len(r) > 120 {
		name = strings.TrimSpace(string(r[:120]))
	}
	if name == "" {
		name = "Document"
	}
	return name + ".pdf"
}

func safeName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case strings.ContainsRune(`/\:*?"<>|`, r):
			return ' '
		case r == substitute, unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, oneLine(s))
	return strings.Trim(strings.Join(strings.Fields(s), " "), ". ")
}

// NoteFileName is the suggested file name of a note's PDF.
func NoteFileName(in NoteInput) string {
	name := in.Client.FormalName()
	if name == "" {
		name = in.Note.ClientName
	}
	return FileName(NoteTitle(in.Note), name, in.Note.VisitDate)
}
