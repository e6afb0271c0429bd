package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// sampleStatement is a year of paid visits for client: weekly visits
// (enough for a second page), paid by debit, one with a gift certificate
// and cash.
func sampleStatement(client string, visits int) StatementInput {
	first, last, _ := strings.Cut(client, " ")
	p := samplePractice()
	p.Currency, p.TaxName, p.TaxNumber, p.TimeZone = "CAD", "HST", "81234 5678 RT0001", "America/Toronto"
	in := StatementInput{
		Practice: p,
		Settings: data.ReceiptSettings{Locale: "en-CA", PrintBirthDate: true},
		Client:   data.Client{FirstName: first, LastName: last, BirthDate: data.Date{Year: 1984, Month: 2, Day: 11}},
		Year:     2025,
		Methods:  map[int64][]data.PaymentMethod{},
		Created:  created,
	}
	for i := range visits {
		id := int64(i + 1)
		in.Visits = append(in.Visits, data.PaidVisit{InvoiceID: id, Number: fmt.Sprintf("R-%06d", 100+i),
			Date: data.Date{Year: 2025, Month: time.Month(1 + (i/4)%12), Day: 1 + (i%4)*7}, Description: "Massage therapy", Minutes: 60, Amount: 12430})
		in.Methods[id] = []data.PaymentMethod{data.PayDebit}
	}
	in.Methods[2] = []data.PaymentMethod{data.PayCertificate, data.PayCash}
	return in
}

func statementText(t *testing.T, in StatementInput) (string, []byte) {
	t.Helper()
	var b bytes.Buffer
	if err := WriteStatement(&b, in); err != nil {
		t.Fatalf("WriteStatement: %v", err)
	}
	return squash(strings.Join(pageTexts(t, b.Bytes()), "\n")), b.Bytes()
}

func TestStatementPrintsEveryPaidVisitAndTheTotal(t *testing.T) {
	for _, name := range sixNames {
		in := sampleStatement(name, 3)
		text, pdf := statementText(t, in)
		qpdfCheck(t, pdf)
		for _, w := range []string{"Stillpoint Massage Therapy", "Year-end statement 2025", name, "11 Feb 1984",
			"Marie-Claire Dubois, RMT", "RMT-004512", "HST number", "81234 5678 RT0001", "Statement date", "4 Mar 2026",
			"1 Jan 2025", "8 Jan 2025", "15 Jan 2025", "Massage therapy – 60 minutes", "R-000100", "R-000102",
			"$124.30", "Gift certificate, Cash", "Total paid · 3 visits", "$372.90", "Total paid in 2025",
			"Payment methods", "Debit, Gift certificate, Cash", "Date", "Page 1 of 1"} {
			if !strings.Contains(text, squash(w)) {
				t.Errorf("%s: the statement lacks %q", name, w)
			}
		}
	}
}

func TestLongStatementKeepsEveryVisit(t *testing.T) {
	in := sampleStatement("Zoë Müller", 52)
	text, pdf := statementText(t, in)
	qpdfCheck(t, pdf)
	if got := strings.Count(text, "R-0001"); got != 52 {
		t.Errorf("%d receipt numbers printed, want 52", got)
	}
	if !strings.Contains(text, squash("Total paid · 52 visits")) || !strings.Contains(text, squash(data.FormatMoney(52*12430, "CAD", "en-CA"))) {
		t.Error("the total of 52 visits is missing")
	}
}

func TestStatementSameBytesNoEmptyAndFileName(t *testing.T) {
	var a, b bytes.Buffer
	in := sampleStatement("王芳", 5)
	if err := WriteStatement(&a, in); err != nil {
		t.Fatal(err)
	}
	if err := WriteStatement(&b, in); err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("the same statement gave different bytes (%v)", err)
	}
	in.Visits = nil
	if err := WriteStatement(&a, in); !errors.Is(err, ErrNoPaidVisits) {
		t.Errorf("an empty statement: %v", err)
	}
	if got := StatementFileName(sampleStatement("Zoë Müller", 1)); got != "Statement 2025 - Zoë Müller.pdf" {
		t.Errorf("file name %q", got)
	}
}

// FuzzStatement puts one string into every text a statement prints.
func FuzzStatement(f *testing.F) {
	for _, s := range []string{"", "Zoë Müller 王芳", strings.Repeat("long text ", 300), "\x00\xff\u202e", "नमस्ते 👍🏽"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		in := sampleStatement(s, 2)
		in.Client.LastName, in.Practice.TaxNumber, in.Practice.TaxName = s, s, s
		for i := range in.Visits {
			in.Visits[i].Description, in.Visits[i].Number = s, s
		}
		var b bytes.Buffer
		if err := WriteStatement(&b, in); err != nil {
			t.Fatalf("WriteStatement: %v", err)
		}
		if !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) {
			t.Fatal("not a PDF")
		}
	})
}

// BenchmarkStatement renders a statement of 12 visits (a monthly client).
func BenchmarkStatement(b *testing.B) {
	in := sampleStatement("Zoë Müller", 12)
	var buf bytes.Buffer
	defer reportCPU(b)()
	for b.Loop() {
		buf.Reset()
		if err := WriteStatement(&buf, in); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KB/doc")
}
