package pdf

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stillpoint/stillpoint/assets"
	"github.com/stillpoint/stillpoint/data"
)

// builtinHandouts reads the shipped handouts as the Store would give them.
func builtinHandouts(t testing.TB) []data.Handout {
	t.Helper()
	bs, err := data.ReadBuiltinHandouts(assets.Handouts)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]data.Handout, len(bs))
	for i, b := range bs {
		out[i] = data.Handout{ID: int64(i + 1), BuiltinKey: b.Key, Title: b.Text.Title, Area: b.Text.Area, Kind: b.Text.Kind,
			Body: b.Text.Body, Sets: b.Text.Sets, Reps: b.Text.Reps, Hold: b.Text.Hold, Frequency: b.Text.Frequency,
			Illustration: b.Illustration}
	}
	return out
}

// builtinHandout is one shipped handout by its key.
func builtinHandout(t testing.TB, key string) data.Handout {
	t.Helper()
	for _, h := range builtinHandouts(t) {
		if h.BuiltinKey == key {
			return h
		}
	}
	t.Fatalf("no built-in handout %q", key)
	return data.Handout{}
}

func sampleHandout(t testing.TB, client string) HandoutInput {
	return HandoutInput{Practice: samplePractice(), Handout: builtinHandout(t, "chin-tucks"), For: client, Created: created,
		Plan: data.HomeCareItem{Reps: 12, Instructions: "Do them at your desk after each call."}}
}

func TestHandoutDose(t *testing.T) {
	ex := data.Handout{Kind: data.HandoutExercise, Sets: 2, Reps: 10, Hold: "5 seconds", Frequency: "Twice a day"}
	for _, c := range []struct {
		h    data.Handout
		plan data.HomeCareItem
		want string
	}{
		{ex, data.HomeCareItem{}, "2 sets of 10, hold 5 seconds, twice a day"},
		{ex, data.HomeCareItem{Sets: 3, Reps: 8, Hold: "10 seconds", Frequency: "Once a day"}, "3 sets of 8, hold 10 seconds, once a day"},
		{data.Handout{Kind: data.HandoutExercise, Sets: 1, Frequency: "AM and PM"}, data.HomeCareItem{}, "1 set, AM and PM"},
		{data.Handout{Kind: data.HandoutExercise, Reps: 5}, data.HomeCareItem{}, "5 repetitions"},
		{data.Handout{Kind: data.HandoutAdvice, Sets: 2, Frequency: "every 30 to 60 minutes"}, data.HomeCareItem{}, "Every 30 to 60 minutes"},
		{data.Handout{Kind: data.HandoutExercise}, data.HomeCareItem{}, ""},
	} {
		if got := HandoutDose(c.h, c.plan); got != c.want {
			t.Errorf("HandoutDose(%+v, %+v) = %q, want %q", c.h, c.plan, got, c.want)
		}
	}
}

// Every built-in handout prints on one page (TestEveryBuiltinHandoutFitsOnePage
// checks both paper sizes), with its title, area, dose, every subheading,
// and the text of its steps and bullets.
func TestEveryBuiltinHandoutPrintsOnOnePage(t *testing.T) {
	for _, h := range builtinHandouts(t) {
		var b strings.Builder
		if err := WriteHandout(&b, HandoutInput{Practice: samplePractice(), Handout: h, Created: created}); err != nil {
			t.Fatalf("%s: %v", h.BuiltinKey, err)
		}
		pages := pageTexts(t, []byte(b.String()))
		if len(pages) > 1 {
			t.Errorf("%s prints on %d pages, want 1", h.BuiltinKey, len(pages))
		}
		text := squash(strings.Join(pages, "\n"))
		want := []string{h.Title, h.Area, HandoutDose(h, data.HomeCareItem{})}
		for _, bl := range data.HandoutBlocks(h.Body) {
			want = append(want, bl.Text)
		}
		for _, w := range want {
			if !strings.Contains(text, squash(w)) {
				t.Errorf("%s: the PDF lacks %q", h.BuiltinKey, w)
			}
		}
	}
}

// Printed from a plan, a handout names the client (any script) and carries
// the plan's dose and instructions; the bytes repeat; qpdf accepts it.
func TestHandoutForAClient(t *testing.T) {
	for _, name := range sixNames {
		var b strings.Builder
		if err := WriteHandout(&b, sampleHandout(t, name)); err != nil {
			t.Fatal(err)
		}
		qpdfCheck(t, []byte(b.String()))
		text := squash(strings.Join(pageTexts(t, []byte(b.String())), "\n"))
		for _, w := range []string{"For " + name, "2 sets of 12, hold 5 seconds, twice a day", "Your therapist's instructions",
			"Do them at your desk after each call.", "Chin tucks", "Page 1 of 1", "Registration no. RMT-004512"} {
			if !strings.Contains(text, squash(w)) {
				t.Errorf("%s: the handout lacks %q", name, w)
			}
		}
	}
	var a, b strings.Builder
	if err := WriteHandout(&a, sampleHandout(t, "王芳")); err != nil {
		t.Fatal(err)
	}
	if err := WriteHandout(&b, sampleHandout(t, "王芳")); err != nil || a.String() != b.String() {
		t.Errorf("two renders of the same handout differ (%v)", err)
	}
	if got := HandoutFileName(sampleHandout(t, "Zoë Müller")); got != "Chin tucks - Zoë Müller.pdf" {
		t.Errorf("HandoutFileName = %q", got)
	}
}

// The therapist's own handout prints its picture instead of a drawing; a
// picture that is not an image fails the document with ErrImage.
func TestOwnHandoutWithPicture(t *testing.T) {
	own := data.Handout{Title: "Foam roller for the upper back", Area: "Upper back", Kind: data.HandoutExercise,
		Sets: 1, Reps: 8, Body: "Lie on the roller.\n\n## How to do it\n1. Roll slowly.\n- Breathe out.", Picture: testPNG(400, 300)}
	var b strings.Builder
	if err := WriteHandout(&b, HandoutInput{Practice: samplePractice(), Handout: own, Created: created}); err != nil {
		t.Fatal(err)
	}
	pdfBytes := []byte(b.String())
	qpdfCheck(t, pdfBytes)
	if !strings.Contains(b.String(), "/Subtype /Image") {
		t.Error("the own handout's picture is not in the PDF")
	}
	text := squash(strings.Join(pageTexts(t, pdfBytes), "\n"))
	for _, w := range []string{"Foam roller for the upper back", "1 set of 8", "Lie on the roller.", "Roll slowly.", "Breathe out."} {
		if !strings.Contains(text, squash(w)) {
			t.Errorf("the own handout lacks %q", w)
		}
	}
	own.Picture = []byte("not a picture")
	if err := WriteHandout(&strings.Builder{}, HandoutInput{Practice: samplePractice(), Handout: own, Created: created}); !errors.Is(err, ErrImage) {
		t.Errorf("a handout with a broken picture: %v, want ErrImage", err)
	}
}

// The accent arrows of a drawing keep their colour (#c0563b) in the PDF.
func TestHandoutDrawingKeepsAccentColour(t *testing.T) {
	h := builtinHandout(t, "chin-tucks")
	if !strings.Contains(string(h.Illustration), "#c0563b") {
		t.Skip("the chin-tucks drawing has no accent arrow any more")
	}
	d := mustNew(t, Options{Practice: samplePractice(), Created: created})
	d.pdf.SetCompression(false)
	d.handoutArt(h, marginSide, d.y, handoutArtW, handoutArtH)
	out := string(render(t, d))
	// fpdf writes stroke colours as "r g b RG" with three decimals.
	if !strings.Contains(out, "0.753 0.337 0.231 RG") {
		t.Error("the accent arrow is not stroked in #c0563b")
	}
	if !strings.Contains(out, "0.169 0.290 0.290 RG") {
		t.Error("the figure is not stroked in #2b4a4a")
	}
}

// TestWriteHandoutPNGs writes sample handouts for a person to look at:
// STILLPOINT_PDF_LOOK=/some/dir go test -run TestWriteHandoutPNGs ./data/pdf
func TestWriteHandoutPNGs(t *testing.T) {
	dir := os.Getenv("STILLPOINT_PDF_LOOK")
	if dir == "" {
		t.Skip("set STILLPOINT_PDF_LOOK to a folder to get sample handouts as PDF files")
	}
	for _, h := range builtinHandouts(t) {
		f, err := os.Create(filepath.Join(dir, "handout-"+h.BuiltinKey+".pdf"))
		if err != nil {
			t.Fatal(err)
		}
		in := HandoutInput{Practice: samplePractice(), Handout: h, Created: created}
		if h.BuiltinKey == "chin-tucks" {
			in = sampleHandout(t, "Nguyễn Thị Hoa")
		}
		if err := WriteHandout(f, in); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
}

// BenchmarkHandout renders the chin-tucks handout for a client (budget: 20 ms).
//
//	go test -tags "x11 sqlite_fts5 migrated_fynedo" -run '^$' -bench Handout -benchmem ./data/pdf
func BenchmarkHandout(b *testing.B) {
	in := sampleHandout(b, "Zoë Müller")
	var buf strings.Builder
	defer reportCPU(b)()
	for b.Loop() {
		buf.Reset()
		if err := WriteHandout(&buf, in); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KB/doc")
}

// FuzzHandout puts one arbitrary string into every text field of a handout
// (title, area, body markup, dose, the client's name and the plan's
// instructions): always a PDF qpdf accepts, never a panic or an error.
//
//	go test -run '^$' -fuzz FuzzHandout -fuzztime 30s ./data/pdf
func FuzzHandout(f *testing.F) {
	f.Add("Zoë Müller, Łukasz Nowak, Nguyễn Thị Hoa, Анна Смирнова, Γιώργος Παπαδόπουλος, 王芳")
	f.Add("## \n- \n1. \n\n\n## ##\n- - -\n999. x")
	f.Add(strings.Repeat("## A heading\n- a bullet\n1. a step\nA paragraph line.\n\n", 80))
	f.Add("\x00\x01\xff\xfe مرحبا \u202e 👍🏽 नमस्ते")
	f.Fuzz(func(t *testing.T, s string) {
		h := data.Handout{Title: s, Area: s, Kind: data.HandoutExercise, Body: s, Sets: 2, Reps: 10, Hold: s, Frequency: s,
			Illustration: []byte(testSVG)}
		in := HandoutInput{Practice: samplePractice(), Handout: h, For: s, Created: created,
			Plan: data.HomeCareItem{Hold: s, Frequency: s, Instructions: s}}
		var b strings.Builder
		if err := WriteHandout(&b, in); err != nil {
			t.Fatalf("WriteHandout: %v", err)
		}
		qpdfCheck(t, []byte(b.String()))
	})
}
