package export

import (
	"archive/zip"
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stillpoint/stillpoint/data"
)

// drawing is a small PNG with a line across: a signature, a logo or a
// handout's picture.
func drawing(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		img.Set(x, h/2, color.Black)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// A therapist leaving Stillpoint takes everything: the practice profile and
// the receipt settings as one-row sheets, the price list with its billing
// codes, and every stored picture (a consent's signature, a handout's own
// picture, the logo and the therapist's signature) as a file of its own,
// byte for byte, named by its sheet's cell.
func TestAllExportsProfileSettingsAndPictures(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	p, err := f.st.Practice(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p.RegistrationNumber, p.Phone, p.Email = "RMT-04512", "416 555 0199", "maya@stillwater.example"
	p.Logo, p.Signature = drawing(t, 40, 20), drawing(t, 120, 40)
	if err := f.st.SavePractice(ctx, &p); err != nil {
		t.Fatal(err)
	}
	rs := data.ReceiptSettings{InvoicePrefix: "SW-", DefaultMethod: data.PayCredit, Locale: "fr-CA"}
	if err := f.st.SaveReceiptSettings(ctx, &rs); err != nil {
		t.Fatal(err)
	}
	h := data.Handout{Title: "Ankle circles", Area: "Ankle", Body: "Circle slowly.", Picture: drawing(t, 60, 60)}
	if err := f.st.CreateHandout(ctx, &h); err != nil {
		t.Fatal(err)
	}
	text, err := f.st.ConsentText(ctx, data.ConsentGeneral)
	if err != nil {
		t.Fatal(err)
	}
	sig := drawing(t, 300, 100)
	c := data.Consent{ClientID: f.zoe.ID, Kind: data.ConsentGeneral, TextVersionID: text.ID,
		SignedOn: data.Date{Year: 2026, Month: 3, Day: 4}, SignaturePNG: sig}
	if err := f.st.RecordConsent(ctx, &c); err != nil {
		t.Fatal(err)
	}

	out, err := All(ctx, f.st, t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	prof := readCSV(t, readFile(t, filepath.Join(out, "practice.csv")))
	if len(prof) != 2 {
		t.Fatalf("practice.csv has %d rows, want one under the header", len(prof)-1)
	}
	for head, want := range map[string]string{"Therapist name": "Maya Lindqvist", "Credentials": "RMT",
		"Registration number": "RMT-04512", "Business name": "Stillwater Massage", "Phone": "416 555 0199",
		"Email": "maya@stillwater.example", "Currency": "CAD", "Time zone": "America/Toronto", "Paper size": "A4"} {
		if got := column(t, prof, head)[0]; got != want {
			t.Errorf("practice.csv %s = %q, want %q", head, got, want)
		}
	}
	set := readCSV(t, readFile(t, filepath.Join(out, "receipt-settings.csv")))
	if len(set) != 2 || column(t, set, "Invoice prefix")[0] != "SW-" || column(t, set, "Locale")[0] != "fr-CA" {
		t.Errorf("receipt-settings.csv %v", set)
	}
	for _, file := range []string{"services.csv", "service-billing-codes.csv", "schedule-settings.csv",
		"working-hours.csv", "note-templates.csv", "health-review-settings.csv"} {
		readCSV(t, readFile(t, filepath.Join(out, file)))
	}

	picture := func(file, head string, row int, want []byte) {
		t.Helper()
		cell := column(t, readCSV(t, readFile(t, filepath.Join(out, file))), head)[row]
		if !strings.HasPrefix(cell, data.PictureFolder+"/") || !strings.HasSuffix(cell, ".png") {
			t.Errorf("%s %s = %q, want the name of a file under %s/", file, head, cell, data.PictureFolder)
			return
		}
		if got := readFile(t, filepath.Join(out, filepath.FromSlash(cell))); !bytes.Equal(got, want) {
			t.Errorf("%s (named by %s %s) differs from the stored picture", cell, file, head)
		}
	}
	picture("practice.csv", "Logo", 0, p.Logo)
	picture("practice.csv", "Signature", 0, p.Signature)
	picture("consents.csv", "Signature", 0, sig)
	hs := readCSV(t, readFile(t, filepath.Join(out, "handouts.csv")))
	row := slices.Index(column(t, hs, "Title"), "Ankle circles")
	if row < 0 {
		t.Fatalf("handouts.csv lacks the own handout: %v", column(t, hs, "Title"))
	}
	picture("handouts.csv", "Picture", row, h.Picture)
	if n := len(entries(t, filepath.Join(out, data.PictureFolder))); n != 4 {
		t.Errorf("%s/ holds %d files, want the logo, two signatures and the handout's picture", data.PictureFolder, n)
	}
	readme := string(readFile(t, filepath.Join(out, "README.txt")))
	for _, want := range []string{"practice.csv (1 row)", "receipt-settings.csv (1 row)", "pictures/ (4 files)"} {
		if !strings.Contains(readme, want) {
			t.Errorf("README.txt lacks %q", want)
		}
	}
}

// A client's own export (an access request) carries their signature as a
// picture file too.
func TestClientExportCarriesTheSignature(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	text, err := f.st.ConsentText(ctx, data.ConsentGeneral)
	if err != nil {
		t.Fatal(err)
	}
	c := data.Consent{ClientID: f.zoe.ID, Kind: data.ConsentGeneral, TextVersionID: text.ID,
		SignedOn: data.Date{Year: 2026, Month: 3, Day: 4}, SignaturePNG: drawing(t, 300, 100)}
	if err := f.st.RecordConsent(ctx, &c); err != nil {
		t.Fatal(err)
	}
	zipPath, err := Client(ctx, f.st, f.zoe.ID, t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	files := zipFiles(t, zipPath)
	var cell string
	for name, b := range files {
		if strings.HasSuffix(name, "/consents.csv") {
			cell = column(t, readCSV(t, b), "Signature")[0]
		}
	}
	found := false
	for name, b := range files {
		if strings.HasSuffix(name, "/"+cell) && bytes.Equal(b, c.SignaturePNG) {
			found = true
		}
	}
	if cell == "" || !found {
		t.Errorf("the zip does not hold the signature %q: %v", cell, slices.Collect(maps.Keys(files)))
	}
}

// zipFiles reads every file of a zip archive by name.
func zipFiles(t *testing.T, path string) map[string][]byte {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	files := map[string][]byte{}
	for _, zf := range zr.File {
		r, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		files[zf.Name] = b
	}
	return files
}
