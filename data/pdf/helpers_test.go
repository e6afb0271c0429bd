package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// sixNames are the sample practice's names every document must print.
var sixNames = []string{"Zoë Müller", "Łukasz Nowak", "Nguyễn Thị Hoa", "Анна Смирнова", "Γιώργος Παπαδόπουλος", "王芳"}

var created = time.Date(2026, 3, 4, 15, 30, 0, 0, time.UTC)

func samplePractice() data.Practice {
	return data.Practice{
		TherapistName:      "Marie-Claire Dubois",
		Credentials:        "RMT",
		RegistrationNumber: "RMT-004512",
		BusinessName:       "Stillpoint Massage Therapy",
		Address:            "214 Elm Street, Suite 3\nGuelph, ON N1H 3T4",
		Phone:              "(519) 555-0142",
		Email:              "hello@stillpoint.example",
		Website:            "stillpoint.example",
		PaperSize:          data.PaperLetter,
		Logo:               testPNG(120, 60),
	}
}

// testPNG is a small logo-like picture.
func testPNG(w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.NRGBA{43, 74, 74, 255}
			if (x/10+y/10)%2 == 0 {
				c = color.NRGBA{192, 86, 59, 255}
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// needTool skips when a checking tool is missing, saying how to get it.
func needTool(t testing.TB, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s is not installed: run `make deps` (scripts/deps.sh installs qpdf and poppler-utils); this check did NOT run", name)
	}
}

// render writes d and returns the bytes.
func render(t testing.TB, d *Doc) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := d.Write(&b); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return b.Bytes()
}

// saveTemp writes pdf bytes to a file in t.TempDir().
func saveTemp(t testing.TB, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// qpdfCheck fails the test unless qpdf --check accepts the file.
func qpdfCheck(t testing.TB, b []byte) {
	t.Helper()
	needTool(t, "qpdf")
	out, err := exec.Command("qpdf", "--check", saveTemp(t, b)).CombinedOutput()
	if err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
}

// pageTexts returns the text of every page (pdftotext splits pages with \f).
func pageTexts(t testing.TB, b []byte) []string {
	t.Helper()
	needTool(t, "pdftotext")
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", saveTemp(t, b), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

// squash removes spaces and line breaks, so text wrapped by layout still
// matches.
func squash(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// mustNew starts a document or fails.
func mustNew(t testing.TB, o Options) *Doc {
	t.Helper()
	d, err := New(o)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return d
}
