package data

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// HandoutText is a handout file of the built-in library
// (assets/handouts/<slug>.txt) read by ParseHandout: a header of "key:
// value" lines, a "---" line, then the body in the handout markup (see
// HandoutBlocks).
type HandoutText struct {
	Title     string
	Area      string
	Kind      HandoutKind
	Sets      int    // 0: not given
	Reps      int    // 0: not given
	Hold      string // "5 seconds"
	Frequency string // "Twice a day"
	Body      string
}

// maxHandoutFile caps the size of a handout file ParseHandout accepts.
const maxHandoutFile = 256 << 10

// headerComment is a trailing "# comment" after a header value.
var headerComment = regexp.MustCompile(`\s+#.*$`)

// ParseHandout reads one handout file. It is tolerant of what editors do
// (a byte-order mark, Windows line ends, spaces around keys and values,
// blank header lines, "# comments" after a value, unknown keys, which are
// ignored) and strict about what would print wrong: the text must be
// UTF-8, the "---" line and a title must be there, kind must be exercise
// or advice, and sets and reps whole numbers. Errors name the line.
func ParseHandout(file []byte) (HandoutText, error) {
	var h HandoutText
	if len(file) > maxHandoutFile {
		return h, fmt.Errorf("handout file is too large (%d bytes; the limit is %d)", len(file), maxHandoutFile)
	}
	if !utf8.Valid(file) {
		return h, fmt.Errorf("handout file is not UTF-8 text")
	}
	file = bytes.TrimPrefix(file, []byte("\ufeff"))
	text := strings.ReplaceAll(string(file), "\r\n", "\n")
	lines := strings.Split(text, "\n")
	h.Kind = HandoutExercise
	end := -1
	kindSeen := false
	for i, line := range lines {
		line = strings.TrimSpace(line)
		if line == "---" {
			end = i
			break
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			return h, fmt.Errorf("line %d: expected \"key: value\" or the \"---\" line, found %q", i+1, clip(line, 40))
		}
		key = strings.ToLower(strings.TrimSpace(key))
		value = strings.TrimSpace(headerComment.ReplaceAllString(value, ""))
		switch key {
		case "title":
			h.Title = clean(value)
		case "area":
			h.Area = clean(value)
		case "kind":
			h.Kind = HandoutKind(strings.ToLower(value))
			kindSeen = true
		case "sets", "reps":
			n, err := strconv.Atoi(value)
			if err != nil || n < 0 || n > 1000 {
				return h, fmt.Errorf("line %d: %s must be a whole number from 0 to 1000, found %q", i+1, key, clip(value, 20))
			}
			if key == "sets" {
				h.Sets = n
			} else {
				h.Reps = n
			}
		case "hold":
			h.Hold = clean(value)
		case "frequency":
			h.Frequency = clean(value)
		}
	}
	if end < 0 {
		return h, fmt.Errorf("the \"---\" line between the header and the text is missing")
	}
	if h.Title == "" {
		return h, fmt.Errorf("the header has no title")
	}
	if kindSeen && !h.Kind.Valid() {
		return h, fmt.Errorf("kind must be exercise or advice, found %q", clip(string(h.Kind), 20))
	}
	h.Body = cleanText(strings.Join(lines[end+1:], "\n"))
	return h, nil
}

// clip shortens s to at most n characters for an error message.
func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// BlockKind is the kind of one block of a handout's body.
type BlockKind int

// The blocks of the handout markup.
const (
	BlockParagraph BlockKind = iota // lines of text up to a blank line
	BlockHeading                    // "## A subheading"
	BlockBullet                     // "- a bullet"
	BlockStep                       // "1. a numbered step"
)

// Block is one block of a handout's body. Number is the step's number.
type Block struct {
	Kind   BlockKind
	Text   string
	Number int
}

// stepLine is a numbered step: "1. Sit tall".
var stepLine = regexp.MustCompile(`^(\d{1,3})\.\s+(.*)$`)

// HandoutBlocks splits a body in the handout markup into blocks:
// paragraphs (separated by blank lines; their lines joined with spaces),
// "## " subheadings, "- " bullets and "1. " numbered steps. Anything else is
// paragraph text, so no input is refused.
func HandoutBlocks(body string) []Block {
	var out []Block
	var para []string
	flush := func() {
		if len(para) > 0 {
			out = append(out, Block{Kind: BlockParagraph, Text: strings.Join(para, " ")})
			para = nil
		}
	}
	for _, line := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			flush()
		case strings.HasPrefix(line, "## "):
			flush()
			out = append(out, Block{Kind: BlockHeading, Text: strings.TrimSpace(line[3:])})
		case strings.HasPrefix(line, "- "):
			flush()
			out = append(out, Block{Kind: BlockBullet, Text: strings.TrimSpace(line[2:])})
		case stepLine.MatchString(line):
			flush()
			m := stepLine.FindStringSubmatch(line)
			n, _ := strconv.Atoi(m[1])
			out = append(out, Block{Kind: BlockStep, Text: m[2], Number: n})
		default:
			para = append(para, line)
		}
	}
	flush()
	return out
}
