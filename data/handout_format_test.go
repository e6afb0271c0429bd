package data

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseHandoutReadsHeaderAndBody(t *testing.T) {
	file := "\ufefftitle: Chin tucks\r\nArea :  Neck \r\nkind: exercise   # exercise | advice\r\nsets: 2\r\nreps: 10\r\n" +
		"hold: 5 seconds\r\nfrequency: Twice a day\r\ncolour: blue\r\n\r\n---\r\nFirst paragraph\r\nsame paragraph.\r\n\r\n## How\r\n1. Sit tall\r\n- a bullet\r\n"
	h, err := ParseHandout([]byte(file))
	if err != nil {
		t.Fatal(err)
	}
	want := HandoutText{Title: "Chin tucks", Area: "Neck", Kind: HandoutExercise, Sets: 2, Reps: 10, Hold: "5 seconds",
		Frequency: "Twice a day", Body: "First paragraph\nsame paragraph.\n\n## How\n1. Sit tall\n- a bullet"}
	if h != want {
		t.Errorf("got %+v\nwant %+v", h, want)
	}
	blocks := HandoutBlocks(h.Body)
	wantBlocks := []Block{{Kind: BlockParagraph, Text: "First paragraph same paragraph."}, {Kind: BlockHeading, Text: "How"},
		{Kind: BlockStep, Text: "Sit tall", Number: 1}, {Kind: BlockBullet, Text: "a bullet"}}
	if len(blocks) != len(wantBlocks) {
		t.Fatalf("blocks %+v", blocks)
	}
	for i := range blocks {
		if blocks[i] != wantBlocks[i] {
			t.Errorf("block %d = %+v, want %+v", i, blocks[i], wantBlocks[i])
		}
	}
}

func TestParseHandoutErrorsNameTheProblem(t *testing.T) {
	for _, c := range []struct{ name, file, want string }{
		{"no separator", "title: X\nbody", "line 2"},
		{"no separator at all", "title: X\n", `"---" line`},
		{"no title", "area: Neck\n---\nText", "no title"},
		{"bad kind", "title: X\nkind: stretch\n---\n", "exercise or advice"},
		{"bad sets", "title: X\nsets: two\n---\n", "line 2: sets must be a whole number"},
		{"negative reps", "title: X\nreps: -1\n---\n", "reps must be a whole number"},
		{"not utf-8", "title: \xff\n---\n", "not UTF-8"},
		{"too large", "title: X\n---\n" + strings.Repeat("a", maxHandoutFile), "too large"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseHandout([]byte(c.file))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one containing %q", err, c.want)
			}
		})
	}
}

// FuzzParseHandout: any input gives a handout or an error, never a panic;
// an accepted handout has a title, a known kind and valid UTF-8, and its
// body splits into blocks of valid text.
func FuzzParseHandout(f *testing.F) {
	f.Add([]byte("title: Chin tucks\nkind: advice\nsets: 2\n---\n## H\n1. step\n- b\n\npara"))
	f.Add([]byte("---\n"))
	f.Add([]byte("title:\n---"))
	f.Add([]byte("\ufefftitle: x # c\r\n---\r\n12345. x"))
	f.Fuzz(func(t *testing.T, b []byte) {
		h, err := ParseHandout(b)
		if err != nil {
			return
		}
		if h.Title == "" || !h.Kind.Valid() || !utf8.ValidString(h.Body) || h.Sets < 0 || h.Reps < 0 {
			t.Fatalf("accepted %+v", h)
		}
		for _, bl := range HandoutBlocks(h.Body) {
			if bl.Text == "" && bl.Kind != BlockParagraph && bl.Kind != BlockHeading && bl.Kind != BlockBullet {
				t.Fatalf("empty step %+v", bl)
			}
		}
	})
}
