package assets

import (
	"strings"
	"testing"
)

// goodText is a small handout that passes every check; each bad sample
// below changes one thing in it.
const goodText = `title: Sample stretch
area: Neck
kind: exercise
sets: 2
reps: 10
hold: 5 seconds
frequency: Twice a day
---
A paragraph.

## How to do it
1. A step.
2. Another step.
- A bullet.

## Safety
- Stop if pain is sharp, shooting or gets worse; tell your therapist.
`

const goodSVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 180" width="240" height="180">
<path d="M 10 10 L 20 20 H 30 V 40 C 1 2 3 4 5 6 Q 7 8 9 10 Z m 1 1 l 2 2 h 1 v 1 c 1 1 1 1 1 1 q 1 1 1 1 z" fill="none" stroke="#2b4a4a" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>
<path d="M 100 100 L 120 90" fill="none" stroke="#c0563b" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`

// TestHandoutChecksPassAGoodSample: the checks do not simply fail everything.
func TestHandoutChecksPassAGoodSample(t *testing.T) {
	h, problems := checkHandoutText([]byte(goodText))
	if len(problems) > 0 {
		t.Errorf("good text: %v", problems)
	}
	if h.header["title"] != "Sample stretch" || h.header["hold"] != "5 seconds" || len(h.body) != 9 {
		t.Errorf("good text parsed as %v with %d body lines", h.header, len(h.body))
	}
	advice := strings.NewReplacer("kind: exercise", "kind: advice", "sets: 2\n", "", "reps: 10\n", "", "hold: 5 seconds\n", "").Replace(goodText)
	if _, problems := checkHandoutText([]byte(advice)); len(problems) > 0 {
		t.Errorf("good advice text: %v", problems)
	}
	if problems := checkHandoutSVG([]byte(goodSVG)); len(problems) > 0 {
		t.Errorf("good SVG: %v", problems)
	}
}

// TestHandoutTextCheckCatchesBadSamples: each sample breaks one rule.
func TestHandoutTextCheckCatchesBadSamples(t *testing.T) {
	cases := map[string][2]string{ // name: {replace this, with this}
		"no title":            {"title: Sample stretch\n", ""},
		"no area":             {"area: Neck\n", ""},
		"no kind":             {"kind: exercise\n", ""},
		"unknown kind":        {"kind: exercise", "kind: stretch"},
		"sets not a number":   {"sets: 2", "sets: two"},
		"reps with words":     {"reps: 10", "reps: 10 each side"},
		"reps zero":           {"reps: 10", "reps: 0"},
		"unknown key":         {"hold: 5 seconds", "holds: 5 seconds"},
		"key twice":           {"area: Neck", "area: Neck\narea: Back"},
		"upper-case key":      {"title:", "Title:"},
		"no separator":        {"---\n", ""},
		"exercise lacks sets": {"sets: 2\n", ""},
		"advice with reps":    {"kind: exercise", "kind: advice"},
		"star bullet":         {"- A bullet.", "* A bullet."},
		"third-level heading": {"## How to do it", "### How to do it"},
		"first-level heading": {"## How to do it", "# How to do it"},
		"bold":                {"A paragraph.", "A **bold** paragraph."},
		"link":                {"A paragraph.", "A [link](http://x)."},
		"quote":               {"A paragraph.", "> A quote."},
		"number without dot":  {"1. A step.", "1) A step."},
		"indented line":       {"A paragraph.", "  A paragraph."},
		"tab":                 {"A paragraph.", "A\tparagraph."},
		"not ASCII":           {"A paragraph.", "A paragraph \u2192 next."},
		"no safety line":      {"Stop if pain", "Halt if pain"},
		"too long":            {"A paragraph.", strings.Repeat("word ", 60) + "\n\n" + strings.Repeat(strings.Repeat("word ", 60)+"\n\n", 6)},
		"empty body":          {goodText[strings.Index(goodText, "---"):], "---\n"},
	}
	for name, c := range cases {
		if !strings.Contains(goodText, c[0]) {
			t.Fatalf("%s: the sample does not contain %q", name, c[0])
		}
		text := strings.Replace(goodText, c[0], c[1], 1)
		if _, problems := checkHandoutText([]byte(text)); len(problems) == 0 {
			t.Errorf("%s: the check accepted\n%s", name, text)
		}
	}
}

// TestHandoutSVGCheckCatchesBadSamples: each sample breaks one rule of the
// subset fpdf can draw.
func TestHandoutSVGCheckCatchesBadSamples(t *testing.T) {
	const circle = `<circle cx="10" cy="10" r="5" fill="none" stroke="#2b4a4a" stroke-width="3"/>`
	cases := map[string][2]string{
		"circle":            {"<path d=\"M 100", circle + "<path d=\"M 100"},
		"rect":              {"<path d=\"M 100", `<rect x="1" y="1" width="5" height="5"/><path d="M 100`},
		"group":             {"<path d=\"M 100 100 L 120 90\"", "<g><path d=\"M 100 100 L 120 90\""},
		"text":              {"</svg>", "<text>Hi</text></svg>"},
		"arc A":             {"L 120 90", "A 5 5 0 0 1 120 90"},
		"arc a":             {"L 120 90", "a 5 5 0 0 1 20 10"},
		"smooth S":          {"L 120 90", "S 1 2 120 90"},
		"smooth T":          {"L 120 90", "T 120 90"},
		"filled":            {`fill="none" stroke="#c0563b"`, `fill="#c0563b" stroke="#c0563b"`},
		"other colour":      {`stroke="#c0563b"`, `stroke="#ff0000"`},
		"thin stroke":       {`stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>` + "\n</svg>", `stroke-width="1" stroke-linecap="round" stroke-linejoin="round"/>` + "\n</svg>"},
		"square cap":        {`stroke-linecap="round" stroke-linejoin="round"/>` + "\n</svg>", `stroke-linecap="butt" stroke-linejoin="round"/>` + "\n</svg>"},
		"no stroke-width":   {`stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>` + "\n</svg>", `stroke-linecap="round" stroke-linejoin="round"/>` + "\n</svg>"},
		"transform":         {`d="M 100 100`, `transform="rotate(5)" d="M 100 100`},
		"style":             {`d="M 100 100`, `style="stroke:red" d="M 100 100`},
		"other viewBox":     {`viewBox="0 0 240 180"`, `viewBox="0 0 220 500"`},
		"no viewBox":        {`viewBox="0 0 240 180"`, ``},
		"wrong arg count":   {"L 120 90", "L 120"},
		"starts with line":  {`d="M 100 100`, `d="L 100 100`},
		"outside view box":  {"L 120 90", "L 250 90"},
		"negative point":    {"L 120 90", "L 120 -4"},
		"not well-formed":   {"</svg>", ""},
		"comment":           {"</svg>", "<!-- a note --></svg>"},
		"nested in path":    {`stroke-linejoin="round"/>` + "\n</svg>", `stroke-linejoin="round"><title>x</title></path>` + "\n</svg>"},
		"odd characters":    {"L 120 90", "L 120 90 #"},
		"root not svg":      {"<svg ", "<html "},
		"no paths":          {goodSVG[strings.Index(goodSVG, "<path"):], "</svg>"},
		"xlink attribute":   {`d="M 100 100`, `xlink:href="#a" d="M 100 100`},
		"percentage number": {"L 120 90", "L 120% 90"},
	}
	for name, c := range cases {
		if !strings.Contains(goodSVG, c[0]) {
			t.Fatalf("%s: the sample does not contain %q", name, c[0])
		}
		svg := strings.Replace(goodSVG, c[0], c[1], 1)
		if problems := checkHandoutSVG([]byte(svg)); len(problems) == 0 {
			t.Errorf("%s: the check accepted\n%s", name, svg)
		}
	}
}
