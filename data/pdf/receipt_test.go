package pdf

import (
	"bytes"
	"errors"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// sampleReceipt is a paid receipt for client with two visits (one
// discounted), HST, a split payment and the US superbill turned on.
func sampleReceipt(client string) ReceiptInput {
	first, last, _ := strings.Cut(client, " ")
	p := samplePractice()
	p.TaxNumber, p.Signature = "81234 5678 RT0001", testPNG(300, 90)
	day := data.Date{Year: 2026, Month: 3, Day: 4}
	lines := []data.InvoiceLine{
		{Kind: data.LineService, Description: "Massage therapy treatment", ServiceDate: day, Minutes: 60, Quantity: 1,
			Unit: 11000, Taxable: true, CPTCode: "97124", CPTUnits: 4, ICD10Codes: "M54.2, M62.830"},
		{Kind: data.LineService, Description: "Hot stone add-on", ServiceDate: data.Date{Year: 2026, Month: 3, Day: 2}, Minutes: 30,
			Quantity: 2, Unit: 2500, Discount: 500, Taxable: true, CPTCode: "97140", CPTUnits: 2, ICD10Codes: "M54.5"},
	}
	inv := data.Invoice{ID: 42, Seq: 42, Number: "R-000042", Status: data.InvoiceIssued, IssuedOn: day, Currency: "CAD", TaxName: "HST",
		Lines: lines, ClientName: client}
	inv.Compute(1300)
	inv.Payments = []data.Payment{
		{PaidOn: day, Method: data.PayCertificate, Reference: "GC-7KQ4-M2XP", Amount: 5000},
		{PaidOn: day, Method: data.PayDebit, Reference: "slip 0081", Amount: inv.Total - 5000},
	}
	return ReceiptInput{
		Practice: p,
		Settings: data.ReceiptSettings{Locale: "en-CA", PrintBirthDate: true, NPI: "1234567893", TaxID: "12-3456789", PlaceOfService: "11"},
		Client:   data.Client{FirstName: first, LastName: last, BirthDate: data.Date{Year: 1984, Month: 2, Day: 11}},
		Invoice:  inv,
		Created:  created,
	}
}

func receiptText(t *testing.T, in ReceiptInput) (string, []byte) {
	t.Helper()
	var b bytes.Buffer
	if err := WriteReceipt(&b, in); err != nil {
		t.Fatalf("WriteReceipt: %v", err)
	}
	return squash(strings.Join(pageTexts(t, b.Bytes()), "\n")), b.Bytes()
}

func TestReceiptPrintsEveryRequiredField(t *testing.T) {
	for _, name := range sixNames {
		in := sampleReceipt(name)
		text, pdf := receiptText(t, in)
		qpdfCheck(t, pdf)
		// 2 x $25.00 - $5.00 = $45.00; tax 13% of $155.00 = $20.15; total $175.15.
		for _, w := range []string{"Stillpoint Massage Therapy", "214 Elm Street, Suite 3", "Guelph, ON N1H 3T4",
			"Marie-Claire Dubois, RMT", "RMT-004512", "HST number", "81234 5678 RT0001",
			"Receipt R-000042", "4 Mar 2026", name, "Date of birth", "11 Feb 1984",
			"Massage therapy treatment – 60 minutes", "Hot stone add-on – 30 minutes", "2 Mar 2026",
			"$110.00", "$25.00", "$45.00", "Discount", "-$5.00", "Subtotal", "$160.00", "HST 13%", "$20.15", "Total", "$175.15",
			"Gift certificate", "GC-7KQ4-M2XP", "Debit", "slip 0081", "$50.00", "$125.15", "Amount paid", "PAID", "Balance due", "$0.00",
			"Superbill", "1234567893", "12-3456789", "Place of service", "97124", "97140", "M54.2, M62.830", "M54.5",
			"Page 1 of"} {
			if !strings.Contains(text, squash(w)) {
				t.Errorf("%s: the receipt lacks %q", name, w)
			}
		}
		if strings.Contains(text, "DUPLICATE") || strings.Contains(text, "VOID") {
			t.Errorf("%s: an original receipt is marked DUPLICATE or VOID", name)
		}
	}
}

func TestReceiptLeavesOutWhatThePracticeDidNotAskFor(t *testing.T) {
	in := sampleReceipt("Zoë Müller")
	in.Settings.PrintBirthDate, in.Settings.NPI = false, ""
	text, _ := receiptText(t, in)
	for _, w := range []string{"11 Feb 1984", "Superbill", "97124"} {
		if strings.Contains(text, squash(w)) {
			t.Errorf("the receipt prints %q, which the practice did not ask for", w)
		}
	}
}

func TestReceiptReprintIsMarkedDuplicate(t *testing.T) {
	in := sampleReceipt("Zoë Müller")
	in.Invoice.PrintCount = 1
	text, _ := receiptText(t, in)
	if !strings.Contains(text, "DUPLICATE") {
		t.Error("a reprint is not marked DUPLICATE")
	}
}

// The receipt itself, signature included, fits on the first page; the
// superbill may follow on the next.
func TestReceiptAndSignatureFitOnePage(t *testing.T) {
	in := sampleReceipt("Γιώργος Παπαδόπουλος")
	in.Practice.Signature = nil
	var b bytes.Buffer
	if err := WriteReceipt(&b, in); err != nil {
		t.Fatal(err)
	}
	pages := pageTexts(t, b.Bytes())
	// "Registration no." prints in the letterhead and under the signature.
	if strings.Count(squash(pages[0]), squash("Registration no. RMT-004512")) < 2 || !strings.Contains(squash(pages[0]), "PAID") {
		t.Errorf("page 1 lacks the signature block or PAID:\n%s", pages[0])
	}
}

func TestReceiptPrintsTheSignatureImage(t *testing.T) {
	needTool(t, "pdfimages")
	count := func(sig []byte) int {
		in := sampleReceipt("Zoë Müller")
		in.Practice.Signature = sig
		var b bytes.Buffer
		if err := WriteReceipt(&b, in); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdfimages", "-list", saveTemp(t, b.Bytes())).Output()
		if err != nil {
			t.Fatal(err)
		}
		return strings.Count(string(out), "\n")
	}
	if with, without := count(testPNG(301, 91)), count(nil); with != without+1 {
		t.Errorf("pdfimages lists %d lines with a signature and %d without", with, without)
	}
}

func TestVoidReceiptSaysWhyAndWhatReplacesIt(t *testing.T) {
	in := sampleReceipt("Łukasz Nowak")
	in.Invoice.Status, in.Invoice.VoidReason = data.InvoiceVoid, "Charged the wrong service"
	in.Invoice.VoidedAt = time.Date(2026, 3, 5, 14, 0, 0, 0, time.UTC)
	in.ReplacedBy = "R-000043"
	text, _ := receiptText(t, in)
	for _, w := range []string{"VOID", "Charged the wrong service", "5 Mar 2026, 14:00", "Replaced by", "Receipt R-000043"} {
		if !strings.Contains(text, squash(w)) {
			t.Errorf("the void receipt lacks %q", w)
		}
	}
	if strings.Contains(text, "PAID") {
		t.Error("a void receipt says PAID")
	}
	in = sampleReceipt("Łukasz Nowak")
	in.Replaces = "R-000041"
	if text, _ := receiptText(t, in); !strings.Contains(text, squash("Receipt R-000041 (void)")) {
		t.Error("a re-issued receipt does not name the void one it replaces")
	}
}

func TestReceiptShowsTheBalanceDue(t *testing.T) {
	in := sampleReceipt("Анна Смирнова")
	in.Invoice.Payments = in.Invoice.Payments[:1]
	text, _ := receiptText(t, in)
	if !strings.Contains(text, squash("BALANCE DUE $125.15")) || strings.Contains(text, "PAID") {
		t.Errorf("a partly paid receipt should show BALANCE DUE $125.15 and not PAID:\n%s", text)
	}
}

// A package session (or a gift certificate covering everything) shows the
// redemption and $0.00 due.
func TestRedemptionShowsNothingDue(t *testing.T) {
	in := sampleReceipt("王芳")
	day := in.Invoice.IssuedOn
	in.Invoice.Lines = []data.InvoiceLine{{Kind: data.LineService, Description: "Massage therapy (package: 5 x 60 minutes)",
		ServiceDate: day, Minutes: 60, Quantity: 1, Unit: 10000}}
	in.Invoice.Compute(1300)
	in.Invoice.Payments = []data.Payment{{PaidOn: day, Method: data.PayPackage, Amount: 10000}}
	text, _ := receiptText(t, in)
	for _, w := range []string{"Package session", "$100.00", "PAID", "Balance due", "$0.00"} {
		if !strings.Contains(text, squash(w)) {
			t.Errorf("the redemption receipt lacks %q", w)
		}
	}
}

func TestReceiptMoneyFollowsTheLocale(t *testing.T) {
	in := sampleReceipt("Zoë Müller")
	in.Settings.Locale, in.Invoice.Currency = "de-DE", "EUR"
	text, _ := receiptText(t, in)
	if !strings.Contains(text, squash(data.FormatMoney(17515, "EUR", "de-DE"))) {
		t.Errorf("the total is not written the German way (%s)", data.FormatMoney(17515, "EUR", "de-DE"))
	}
}

func TestReceiptSameInputSameBytesAndNoDrafts(t *testing.T) {
	var a, b bytes.Buffer
	in := sampleReceipt("Nguyễn Thị Hoa")
	if err := WriteReceipt(&a, in); err != nil {
		t.Fatal(err)
	}
	if err := WriteReceipt(&b, in); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same receipt gave different bytes")
	}
	in.Invoice.Status = data.InvoiceDraft
	if err := WriteReceipt(&a, in); !errors.Is(err, ErrDraftInvoice) {
		t.Errorf("a draft printed: %v", err)
	}
}

func TestLineDescriptionSaysTheLengthOnce(t *testing.T) {
	for desc, want := range map[string]string{
		"Massage therapy treatment": "Massage therapy treatment – 60 minutes",
		"60-min massage":            "60-min massage – 60 minutes",
		"Massage, 60 minutes":       "Massage, 60 minutes",
		"Massage 90 min":            "Massage 90 min – 60 minutes",
		"60-min massage (package 5 x 60-min massage, session 1 of 5)": "60-min massage – 60 minutes (package 5 x 60-min massage, session 1 of 5)",
	} {
		if got := lineDescription(data.InvoiceLine{Description: desc, Minutes: 60}); got != want {
			t.Errorf("%q: %q, want %q", desc, got, want)
		}
	}
}

func TestReceiptFileName(t *testing.T) {
	if got := ReceiptFileName(sampleReceipt("Zoë Müller")); got != "Receipt R-000042 - Zoë Müller - 2026-03-04.pdf" {
		t.Errorf("file name %q", got)
	}
}

// FuzzReceipt puts one string into every text a receipt prints.
func FuzzReceipt(f *testing.F) {
	for _, s := range []string{"", "Zoë Müller 王芳", strings.Repeat("long text ", 300), "\x00\xff\u202e", "नमस्ते 👍🏽"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		in := sampleReceipt(s)
		in.Client.LastName, in.Invoice.Number, in.Invoice.TaxName, in.Invoice.VoidReason = s, s, s, s
		in.Practice.TaxNumber, in.Replaces, in.ReplacedBy = s, s, s
		in.Settings.NPI, in.Settings.TaxID, in.Settings.PlaceOfService = s, s, s
		for i := range in.Invoice.Lines {
			in.Invoice.Lines[i].Description, in.Invoice.Lines[i].CPTCode, in.Invoice.Lines[i].ICD10Codes = s, s, s
		}
		for i := range in.Invoice.Payments {
			in.Invoice.Payments[i].Reference = s
		}
		if len(s)%2 == 1 {
			in.Invoice.Status = data.InvoiceVoid
		}
		var b bytes.Buffer
		if err := WriteReceipt(&b, in); err != nil {
			t.Fatalf("WriteReceipt: %v", err)
		}
		if !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) {
			t.Fatal("not a PDF")
		}
	})
}

// BenchmarkReceipt renders the sample receipt (budget: < 15 ms, < 60 KB).
func BenchmarkReceipt(b *testing.B) {
	in := sampleReceipt("Zoë Müller")
	var buf bytes.Buffer
	defer reportCPU(b)()
	for b.Loop() {
		buf.Reset()
		if err := WriteReceipt(&buf, in); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KB/doc")
}
