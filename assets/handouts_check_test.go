package assets

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// This file holds the checks the handout tests apply to every built-in
// handout: the text format and the SVG subset of docs/handouts.md. Each
// check returns the problems it found, so the tests can run it on bad
// samples too and prove it catches them.

// handoutText is a parsed handout text: its header keys and its body lines.
type handoutText struct {
	header map[string]string
	body   []string
}

// headerKeys are the keys a handout header may hold; the first three are
// required.
var headerKeys = []string{"title", "area", "kind", "sets", "reps", "hold", "frequency"}

// Limits that keep a handout on one printed page beside its picture.
const (
	maxBodyWords = 380
	maxBodyLines = 48
	maxLineChars = 320
)

// safetyLine is the sentence every exercise handout carries.
const safetyLine = "Stop if pain is sharp, shooting or gets worse; tell your therapist."

// numberedStep matches a numbered step ("1. ", "12. ").
var numberedStep = regexp.MustCompile(`^[0-9]+\. \S`)

// checkHandoutText parses a handout text and lists what breaks the format.
func checkHandoutText(b []byte) (handoutText, []string) {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	h := handoutText{header: map[string]string{}}
	for i, r := range string(b) {
		if r == unicode.ReplacementChar || (r > unicode.MaxASCII) || (r < ' ' && r != '\n') {
			bad("character %q at byte %d: use plain ASCII text (printable, no tabs or carriage returns)", r, i)
			break
		}
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	sep := -1
	for i, line := range lines {
		if line == "---" {
			sep = i
			break
		}
		key, value, ok := strings.Cut(line, ": ")
		switch {
		case !ok || strings.TrimSpace(value) == "":
			bad("header line %d %q is not \"key: value\"", i+1, line)
		case !isHeaderKey(key):
			bad("header line %d: unknown key %q", i+1, key)
		case h.header[key] != "":
			bad("header line %d: key %q given twice", i+1, key)
		case value != strings.TrimSpace(value):
			bad("header line %d: spaces around the value of %q", i+1, key)
		default:
			h.header[key] = value
		}
	}
	if sep < 0 {
		bad("no \"---\" line ends the header")
		return h, problems
	}
	h.body = lines[sep+1:]
	problems = append(problems, checkHeader(h.header)...)
	problems = append(problems, checkBody(h.body)...)
	if h.header["kind"] == "exercise" && !strings.Contains(string(b), safetyLine) {
		bad("an exercise must carry the safety line %q", safetyLine)
	}
	return h, problems
}

func isHeaderKey(k string) bool {
	for _, want := range headerKeys {
		if k == want {
			return true
		}
	}
	return false
}

// checkHeader checks the required keys, the kind and the numbers.
func checkHeader(hd map[string]string) []string {
	var problems []string
	for _, k := range headerKeys[:3] {
		if hd[k] == "" {
			problems = append(problems, fmt.Sprintf("header lacks %q", k))
		}
	}
	switch hd["kind"] {
	case "exercise":
		for _, k := range []string{"sets", "reps", "frequency"} {
			if hd[k] == "" {
				problems = append(problems, fmt.Sprintf("an exercise needs %q", k))
			}
		}
	case "advice":
		for _, k := range []string{"sets", "reps", "hold"} {
			if hd[k] != "" {
				problems = append(problems, fmt.Sprintf("advice has no %q", k))
			}
		}
	default:
		problems = append(problems, fmt.Sprintf("kind %q is not exercise or advice", hd["kind"]))
	}
	for _, k := range []string{"sets", "reps"} {
		if v, ok := hd[k]; ok {
			if n, err := strconv.Atoi(v); err != nil || n < 1 || n > 50 {
				problems = append(problems, fmt.Sprintf("%s %q is not a whole number from 1 to 50", k, v))
			}
		}
	}
	if t := hd["title"]; len(t) > 60 {
		problems = append(problems, fmt.Sprintf("title %q is longer than 60 characters", t))
	}
	return problems
}

// checkBody allows only blank-line paragraphs, "## " subheadings, "- "
// bullets and "1. " numbered steps, and keeps the text to one page.
func checkBody(body []string) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	words, text := 0, 0
	for i, line := range body {
		n := i + 1
		words += len(strings.Fields(line))
		if len(line) > maxLineChars {
			bad("body line %d is longer than %d characters: split the paragraph", n, maxLineChars)
		}
		switch {
		case line == "":
			continue
		case line != strings.TrimSpace(line):
			bad("body line %d starts or ends with spaces", n)
		case strings.HasPrefix(line, "## "):
			if strings.HasPrefix(line, "## #") || i+1 >= len(body) {
				bad("body line %d: a subheading must be followed by text", n)
			}
		case strings.HasPrefix(line, "#"):
			bad("body line %d: only \"## \" subheadings are allowed", n)
		case strings.HasPrefix(line, "- "):
		case line[0] >= '0' && line[0] <= '9':
			if !numberedStep.MatchString(line) {
				bad("body line %d: a numbered step is \"1. text\"", n)
			}
		case strings.ContainsAny(line[:1], "*+>|`<[_~=-"):
			bad("body line %d: markup %q is not part of the handout format", n, line[:1])
		}
		if strings.Contains(line, "**") || strings.Contains(line, "`") || strings.Contains(line, "](") {
			bad("body line %d: emphasis, code or links are not part of the handout format", n)
		}
		text++
	}
	if text == 0 {
		bad("the body is empty")
	}
	if words > maxBodyWords {
		bad("body has %d words, more than the %d that fit on a page with the picture", words, maxBodyWords)
	}
	if len(body) > maxBodyLines {
		bad("body has %d lines, more than %d", len(body), maxBodyLines)
	}
	return problems
}

// The SVG subset fpdf's SVGBasicParse draws and Fyne renders.
var (
	svgRootAttrs = map[string]string{"xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 240 180", "width": "240", "height": "180"}
	pathAttrs    = map[string]*regexp.Regexp{
		"d":               regexp.MustCompile(`^[MmLlHhVvCcQqZz0-9eE.,+\- ]+$`),
		"fill":            regexp.MustCompile(`^none$`),
		"stroke":          regexp.MustCompile(`^#(2b4a4a|c0563b)$`),
		"stroke-width":    regexp.MustCompile(`^3$`),
		"stroke-linecap":  regexp.MustCompile(`^round$`),
		"stroke-linejoin": regexp.MustCompile(`^round$`),
	}
	// pathArgs is how many numbers each allowed command takes.
	pathArgs = map[byte]int{'M': 2, 'L': 2, 'H': 1, 'V': 1, 'C': 6, 'Q': 4, 'Z': 0}
	pathTok  = regexp.MustCompile(`[A-Za-z]|[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?`)
)

// checkHandoutSVG lists what in an illustration falls outside the subset.
func checkHandoutSVG(b []byte) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	d := xml.NewDecoder(bytes.NewReader(b))
	depth, paths := 0, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			bad("not well-formed XML: %v", err)
			return problems
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch {
			case depth == 1 && t.Name.Local == "svg":
				checkAttrs(t, svgRootAttrs, bad)
			case depth == 1:
				bad("root element <%s>, want <svg>", t.Name.Local)
			case depth == 2 && t.Name.Local == "path":
				paths++
				checkPath(t, bad)
			default:
				bad("element <%s>: only <path> directly inside <svg> is allowed", t.Name.Local)
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				bad("text %q: drawings hold no text", bytes.TrimSpace(t))
			}
		case xml.Comment, xml.ProcInst, xml.Directive:
			bad("comments, processing instructions and directives are not allowed")
		}
	}
	if paths == 0 {
		bad("no <path> at all")
	}
	return problems
}

// checkAttrs wants exactly the attributes in want, with those values.
func checkAttrs(t xml.StartElement, want map[string]string, bad func(string, ...any)) {
	seen := map[string]bool{}
	for _, a := range t.Attr {
		name := a.Name.Local
		if a.Name.Space != "" && a.Name.Space != "xmlns" {
			name = a.Name.Space + ":" + name
		}
		v, ok := want[name]
		switch {
		case !ok:
			bad("<%s> attribute %q is not allowed", t.Name.Local, name)
		case a.Value != v:
			bad("<%s> %s=%q, want %q", t.Name.Local, name, a.Value, v)
		}
		seen[name] = true
	}
	for name := range want {
		if !seen[name] {
			bad("<%s> lacks %s", t.Name.Local, name)
		}
	}
}

// checkPath checks a path's attributes and its d: only the commands
// M L H V C Q Z (either case), each with whole groups of numbers, starting
// with a move, and absolute points inside the 240x180 view box.
func checkPath(t xml.StartElement, bad func(string, ...any)) {
	seen := map[string]string{}
	for _, a := range t.Attr {
		re, ok := pathAttrs[a.Name.Local]
		switch {
		case !ok || a.Name.Space != "":
			bad("<path> attribute %q is not allowed", a.Name.Local)
		case !re.MatchString(a.Value):
			bad("<path> %s=%q is not allowed", a.Name.Local, a.Value)
		}
		seen[a.Name.Local] = a.Value
	}
	for name := range pathAttrs {
		if _, ok := seen[name]; !ok {
			bad("<path> lacks %s", name)
		}
	}
	d := seen["d"]
	if rest := pathTok.ReplaceAllString(d, ""); strings.Trim(rest, " ,\n") != "" {
		bad("path data %q has characters outside commands and numbers", rest)
	}
	var cmd byte
	var nums []float64
	flush := func() {
		if cmd == 0 {
			return
		}
		n := pathArgs[cmd&^0x20]
		if (n == 0 && len(nums) > 0) || (n > 0 && (len(nums) == 0 || len(nums)%n != 0)) {
			bad("path command %c has %d numbers", cmd, len(nums))
		}
		if cmd >= 'A' && cmd <= 'Z' && (n == 2 || n == 4 || n == 6) {
			for i := 0; i+1 < len(nums); i += 2 {
				if nums[i] < 0 || nums[i] > 240 || nums[i+1] < 0 || nums[i+1] > 180 {
					bad("point %g,%g lies outside the 240x180 view box", nums[i], nums[i+1])
					break
				}
			}
		}
	}
	for i, tok := range pathTok.FindAllString(d, -1) {
		c := tok[0]
		if (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') {
			flush()
			if _, ok := pathArgs[c&^0x20]; !ok {
				bad("path command %c is not allowed (only M L H V C Q Z)", c)
			}
			if i == 0 && c&^0x20 != 'M' {
				bad("path starts with %c, not a move", c)
			}
			cmd, nums = c, nums[:0]
			continue
		}
		if i == 0 {
			bad("path data starts with a number")
		}
		v, _ := strconv.ParseFloat(tok, 64)
		nums = append(nums, v)
	}
	flush()
}
