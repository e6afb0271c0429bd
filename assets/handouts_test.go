package assets

import (
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// slugPattern is a handout's file name without its extension.
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// handoutSlugs lists the library's files by slug and extension.
func handoutSlugs(t *testing.T) (texts, svgs map[string]bool) {
	t.Helper()
	entries, err := fs.ReadDir(Handouts, ".")
	if err != nil {
		t.Fatalf("reading the handout library: %v", err)
	}
	texts, svgs = map[string]bool{}, map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		ext := path.Ext(name)
		slug := strings.TrimSuffix(name, ext)
		if e.IsDir() || !slugPattern.MatchString(slug) {
			t.Errorf("%s: a handout file is <slug>.txt or <slug>.svg, slug in lower-case words joined by hyphens", name)
			continue
		}
		switch ext {
		case ".txt":
			texts[slug] = true
		case ".svg":
			svgs[slug] = true
		default:
			t.Errorf("%s: only .txt and .svg files belong in the library", name)
		}
	}
	return texts, svgs
}

func readHandout(t *testing.T, name string) []byte {
	t.Helper()
	b, err := fs.ReadFile(Handouts, name)
	if err != nil {
		t.Fatalf("reading %s: %v", name, err)
	}
	return b
}

// TestHandoutLibraryPairsEveryTextWithADrawing: at least 17 handouts, each
// slug with exactly one text and one drawing, slugs unique (a file system
// cannot hold two of the same name, so also unique titles).
func TestHandoutLibraryPairsEveryTextWithADrawing(t *testing.T) {
	texts, svgs := handoutSlugs(t)
	if len(texts) < 17 {
		t.Errorf("%d handouts, want at least 17", len(texts))
	}
	for slug := range texts {
		if !svgs[slug] {
			t.Errorf("%s.txt has no drawing %s.svg", slug, slug)
		}
	}
	for slug := range svgs {
		if !texts[slug] {
			t.Errorf("%s.svg has no text %s.txt", slug, slug)
		}
	}
	titles := map[string]string{}
	for slug := range texts {
		h, _ := checkHandoutText(readHandout(t, slug+".txt"))
		title := strings.ToLower(h.header["title"])
		if other, dup := titles[title]; dup {
			t.Errorf("%s and %s share the title %q", slug, other, h.header["title"])
		}
		titles[title] = slug
	}
}

// TestHandoutTextsFollowTheFormat runs the format check on every text.
func TestHandoutTextsFollowTheFormat(t *testing.T) {
	texts, _ := handoutSlugs(t)
	for slug := range texts {
		if _, problems := checkHandoutText(readHandout(t, slug+".txt")); len(problems) > 0 {
			t.Errorf("%s.txt:\n  %s", slug, strings.Join(problems, "\n  "))
		}
	}
}

// TestHandoutDrawingsUseTheSVGSubset runs the drawing check on every SVG.
func TestHandoutDrawingsUseTheSVGSubset(t *testing.T) {
	_, svgs := handoutSlugs(t)
	for slug := range svgs {
		b := readHandout(t, slug+".svg")
		if len(b) > 16_000 {
			t.Errorf("%s.svg: %d bytes, want a simple drawing under 16000", slug, len(b))
		}
		if problems := checkHandoutSVG(b); len(problems) > 0 {
			t.Errorf("%s.svg:\n  %s", slug, strings.Join(problems, "\n  "))
		}
	}
}

// TestHandoutLibraryCoversTheBody: the areas issue 8 asks for, with the
// number of handouts each needs, and the advice handouts issues 8 and 11 name.
func TestHandoutLibraryCoversTheBody(t *testing.T) {
	want := map[string]int{
		"Neck": 2, "Shoulders": 2, "Upper back": 1, "Lower back": 2, "Hips": 2,
		"Hamstrings": 1, "Calves": 1, "Wrists and forearms": 2,
	}
	texts, _ := handoutSlugs(t)
	got := map[string]int{}
	for slug := range texts {
		h, _ := checkHandoutText(readHandout(t, slug+".txt"))
		if h.header["kind"] == "exercise" {
			got[h.header["area"]]++
		}
	}
	for area, n := range want {
		if got[area] < n {
			t.Errorf("area %q has %d exercises, want at least %d (all areas: %v)", area, got[area], n, got)
		}
	}
	advice := map[string]string{
		"desk-posture-breaks":    "Posture breaks at a desk",
		"heat-and-ice":           "Heat and ice: which to use, and how",
		"massage-what-to-expect": "Massage for neck and back pain: what to expect",
	}
	slugs := make([]string, 0, len(advice))
	for slug := range advice {
		slugs = append(slugs, slug)
	}
	sort.Strings(slugs)
	for _, slug := range slugs {
		if !texts[slug] {
			t.Errorf("the library lacks %s.txt", slug)
			continue
		}
		h, _ := checkHandoutText(readHandout(t, slug+".txt"))
		if h.header["kind"] != "advice" || h.header["title"] != advice[slug] {
			t.Errorf("%s: kind %q title %q, want advice %q", slug, h.header["kind"], h.header["title"], advice[slug])
		}
	}
}

// TestMassageHandoutIsHonestAboutTheEvidence checks issue 11's handout
// covers what it must and makes no claims it should not.
func TestMassageHandoutIsHonestAboutTheEvidence(t *testing.T) {
	text := strings.ToLower(string(readHandout(t, "massage-what-to-expect.txt")))
	for _, must := range []string{
		"stress", "pain", "sleep", "movement", "pain relief", // how massage may help
		"short-term relief", "less certain", // what the evidence does and does not show
		"a course of treatment", "between visits", "see a doctor",
		"numbness or weakness", "bladder or bowel", "fever", "fall or accident", "worse at night",
	} {
		if !strings.Contains(text, must) {
			t.Errorf("massage-what-to-expect.txt does not mention %q", must)
		}
	}
	for _, claim := range []string{"cures", "will cure", "flush", "toxins", "guarantee", "proven to"} {
		if strings.Contains(text, claim) {
			t.Errorf("massage-what-to-expect.txt claims %q", claim)
		}
	}
}
