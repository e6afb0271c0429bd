package pdf

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// ReceiptInput is everything a receipt prints. The caller reads it from the
// Store (load.Receipt); the renderer knows nothing of where it came from.
type ReceiptInput struct {
	Practice data.Practice
	Settings data.ReceiptSettings // money locale, date of birth, US superbill
	Client   data.Client
	Invoice  data.Invoice // issued or void, with its lines and payments
	// Replaces is the number of the void invoice this one re-issues, and
	// ReplacedBy the number of the invoice that re-issues this void one
	// ("" when there is none).
	Replaces, ReplacedBy string
	// Loc is the practice's time zone: the void time prints in it.
	Loc *time.Location
	// Created is the file's creation date (see Options.Created).
	Created time.Time
}

// ErrDraftInvoice is returned for a draft: a draft has no number and may
// still change, so it is not a receipt.
var ErrDraftInvoice = errors.New("a draft invoice is not a receipt yet; issue it first")

// Duplicate reports whether this copy is a reprint: the invoice was printed
// or saved before.
func (in ReceiptInput) Duplicate() bool { return in.Invoice.PrintCount > 0 }

// Superbill reports whether the US superbill block prints: the practice
// has entered its NPI (Settings › Receipts).
func (in ReceiptInput) Superbill() bool { return strings.TrimSpace(in.Settings.NPI) != "" }

// ReceiptTitle is "Receipt R-000042".
func ReceiptTitle(inv data.Invoice) string {
	return strings.TrimSpace("Receipt " + inv.Number)
}

// ReceiptFileName is the suggested file name of a receipt's PDF.
func ReceiptFileName(in ReceiptInput) string {
	return FileName(ReceiptTitle(in.Invoice), clientName(in.Client, in.Invoice.ClientName), in.Invoice.IssuedOn)
}

// WriteReceipt renders a receipt — the practice and therapist, the receipt's
// number and date, the client, each service with its date, length and fee,
// discount, tax, total, payments, "PAID" or the balance due, the void mark,
// the signature and, when the practice bills US insurers, the superbill —
// and writes it to w. A reprint is marked "DUPLICATE".
func WriteReceipt(w io.Writer, in ReceiptInput) error {
	inv := in.Invoice
	if inv.Status == data.InvoiceDraft {
		return ErrDraftInvoice
	}
	loc := in.Loc
	if loc == nil {
		loc = time.UTC
	}
	money := func(c int64) string { return data.FormatMoney(c, inv.Currency, in.Settings.Locale) }
	name := clientName(in.Client, inv.ClientName)
	title := ReceiptTitle(inv)
	d, err := New(Options{Practice: in.Practice, Title: title + " · " + name, Created: in.Created, Duplicate: in.Duplicate()})
	if err != nil {
		return err
	}
	p := in.Practice
	if inv.Status == data.InvoiceVoid {
		d.Title("VOID · " + title)
	} else {
		d.Title(title)
	}
	if inv.Status == data.InvoiceVoid {
		d.stamp("VOID", "", colVoid)
		void := []Field{{Label: "Reason", Value: inv.VoidReason, Wide: true}}
		if !inv.VoidedAt.IsZero() {
			void = append(void, Field{Label: "Voided", Value: when(inv.VoidedAt, loc)})
		}
		replaced := "Not replaced"
		void[0].Wide = true
		if in.ReplacedBy != "" {
			replaced = "Receipt " + in.ReplacedBy
		}
		void = append(void, Field{Label: "Replaced by", Value: replaced})
		d.Fields(void...)
	}

	// The client and the date, the therapist, then what only some
	// receipts carry.
	fields := []Field{
		{Label: "Client", Value: name},
		{Label: "Receipt date", Value: inv.IssuedOn.Format()},
		{Label: "Therapist", Value: therapistLine(p)},
		{Label: "Registration number", Value: p.RegistrationNumber},
	}
	if in.Settings.PrintBirthDate || in.Superbill() {
		fields = append(fields, Field{Label: "Date of birth", Value: in.Client.BirthDate.Format()})
	}
	if p.TaxNumber != "" {
		fields = append(fields, Field{Label: taxNumberLabel(inv.TaxName), Value: p.TaxNumber})
	}
	if in.Replaces != "" {
		fields = append(fields, Field{Label: "Replaces", Value: "Receipt " + in.Replaces + " (void)"})
	}
	if len(fields)%2 == 1 {
		fields[len(fields)-1].Wide = true
	}
	d.Fields(fields...)

	d.Space(1)
	t := Table{Columns: []Column{{Title: "Date", Width: 1.3}, {Title: "Description", Width: 3.2},
		{Title: "Qty", Width: 0.45, Align: AlignRight}, {Title: "Fee", Width: 1.1, Align: AlignRight},
		{Title: "Amount", Width: 1.2, Align: AlignRight}}}
	for _, l := range inv.Lines {
		desc := lineDescription(l)
		if l.Discount != 0 {
			desc += "\nDiscount " + money(-l.Discount)
		}
		t.Rows = append(t.Rows, []string{l.ServiceDate.Format(), desc, strconv.Itoa(l.Quantity), money(l.Unit), money(l.Amount)})
	}
	total := func(label, amount string) []string { return []string{"", label, "", "", amount} }
	t.Totals = append(t.Totals, total("Subtotal", money(inv.Subtotal)))
	if inv.Discount != 0 {
		t.Totals = append(t.Totals, total("Discount", money(-inv.Discount)))
	}
	for _, tx := range taxLines(inv) {
		t.Totals = append(t.Totals, total(taxLabel(inv.TaxName, tx.rate), money(tx.amount)))
	}
	t.Totals = append(t.Totals, total("Total", money(inv.Total)))
	d.Table(t)

	d.Heading("Payments")
	if len(inv.Payments) > 0 {
		pt := Table{Columns: []Column{{Title: "Date", Width: 1.1}, {Title: "Method", Width: 1.8},
			{Title: "Reference", Width: 2.5}, {Title: "Amount", Width: 1.2, Align: AlignRight}}}
		var paid int64
		for _, pay := range inv.Payments {
			paid += pay.Amount
			pt.Rows = append(pt.Rows, []string{pay.PaidOn.Format(), paymentMethod(pay), pay.Reference, money(pay.Amount)})
		}
		pt.Totals = [][]string{{"", "Amount paid", "", money(paid)}}
		d.Table(pt)
	} else {
		d.Paragraph("No payment has been received.")
	}
	switch {
	case inv.Status == data.InvoiceVoid:
		d.Paragraph("This receipt is void: its payments no longer count here.")
	case inv.Balance() == 0:
		d.stamp("PAID", "Balance due "+money(0)+" · paid by "+methods(inv.Payments), colAccent)
	default:
		d.stamp("BALANCE DUE "+money(inv.Balance()), "", colVoid)
	}

	d.SignatureLine(Signature{
		Name:  therapistLine(p),
		Role:  registrationRole(p),
		Date:  inv.IssuedOn.Format(),
		Image: p.Signature,
	})
	if in.Superbill() {
		superbill(d, in, money)
	}
	return d.Write(w)
}

// superbill prints the US superbill block: provider identifiers, place of
// service, and per visit its CPT codes with units and ICD-10 diagnoses.
func superbill(d *Doc, in ReceiptInput, money func(int64) string) {
	s := in.Settings
	d.Heading("Superbill")
	d.Fields(
		Field{Label: "Provider NPI", Value: s.NPI},
		Field{Label: "TIN/EIN", Value: s.TaxID},
		Field{Label: "Place of service", Value: s.PlaceOfService},
		Field{Label: "Patient date of birth", Value: in.Client.BirthDate.Format()},
	)
	t := Table{Columns: []Column{{Title: "Date of service", Width: 1.2}, {Title: "CPT", Width: 0.8},
		{Title: "Units", Width: 0.6, Align: AlignRight}, {Title: "ICD-10", Width: 2},
		{Title: "Charge", Width: 1.1, Align: AlignRight}}}
	for _, l := range in.Invoice.Lines {
		if l.Kind != data.LineService {
			continue
		}
		units := ""
		if l.CPTUnits > 0 {
			units = strconv.Itoa(l.CPTUnits)
		}
		t.Rows = append(t.Rows, []string{l.ServiceDate.Format(), l.CPTCode, units, l.ICD10Codes, money(l.Amount + l.Tax)})
	}
	t.Totals = [][]string{{"", "", "", "Amount paid", money(in.Invoice.Paid())}}
	d.Table(t)
}

// colVoid is the warm accent (the handouts' movement arrows): a void mark
// or money still owed.
var colVoid = rgb{0xc0, 0x56, 0x3b}

// stamp prints a short mark — "PAID", "VOID" — in large letters in a ruled
// box, kept whole on the page, with an optional note beside it.
func (d *Doc) stamp(text, note string, c rgb) {
	if !d.ok() {
		return
	}
	st := textStyle{15, true, c}
	w := min(d.measure(oneLine(text), st)+10, d.width())
	h := st.lineHeight() + 3
	d.KeepTogether(h + gapBlock)
	d.pdf.SetDrawColor(c.r, c.g, c.b)
	d.pdf.SetLineWidth(0.6)
	d.pdf.Rect(marginSide, d.y, w, h, "D")
	d.drawLine(marginSide, d.y+1.5, w, ellipsis(d.wrap(oneLine(text), st, w-4)), st, AlignCenter)
	if note = oneLine(note); note != "" && d.width()-w-6 > 20 {
		nw := d.width() - w - 6
		d.drawLine(marginSide+w+6, d.y+(h-styleBody.lineHeight())/2, nw, ellipsis(d.wrap(note, styleBody, nw)), styleBody, AlignLeft)
	}
	d.y += h + gapBlock
}

// lineDescription is a line's description with the visit's length, as
// insurers ask and the app shows it: "Massage therapy – 60 minutes", also
// "60-min massage – 60 minutes" (a name's "60-min" is not the length in
// words), unless it says "60 minutes" already. A note in brackets at the
// end stays after the length: "60-min massage – 60 minutes (package …)".
func lineDescription(l data.InvoiceLine) string {
	desc := strings.TrimSpace(l.Description)
	if l.Minutes <= 0 {
		return desc
	}
	length := strconv.Itoa(l.Minutes) + " minutes"
	if strings.Contains(strings.ToLower(desc), length) {
		return desc
	}
	if k := strings.Index(desc, " ("); k > 0 && strings.HasSuffix(desc, ")") {
		return desc[:k] + " – " + length + desc[k:]
	}
	return desc + " – " + length
}

type taxLine struct {
	rate   int
	amount int64
}

// taxLines sums the lines' tax per rate, in the order the rates first
// appear (one line per rate: "HST 13 %").
func taxLines(inv data.Invoice) []taxLine {
	var out []taxLine
	for _, l := range inv.Lines {
		if l.TaxRateBP == 0 && l.Tax == 0 {
			continue
		}
		i := 0
		for i < len(out) && out[i].rate != l.TaxRateBP {
			i++
		}
		if i == len(out) {
			out = append(out, taxLine{rate: l.TaxRateBP})
		}
		out[i].amount += l.Tax
	}
	return out
}

// taxLabel is "HST 13%" ("Tax 13%" when the practice names no tax).
func taxLabel(name string, bp int) string {
	if strings.TrimSpace(name) == "" {
		name = "Tax"
	}
	return name + " " + (data.Practice{TaxRateBP: bp}).TaxRateText() + "%"
}

// taxNumberLabel is "HST number", or "Tax number".
func taxNumberLabel(name string) string {
	if strings.TrimSpace(name) == "" {
		return "Tax number"
	}
	return name + " number"
}

// paymentMethod names a payment's method; a moved payment says so.
func paymentMethod(p data.Payment) string {
	s := p.Method.Label()
	if p.MovedFromID != 0 {
		s += " (from the void receipt)"
	}
	return s
}

// methods lists the payment methods used, each once, in order: "Debit,
// Gift certificate".
func methods(ps []data.Payment) string {
	var out []string
	for _, p := range ps {
		l := p.Method.Label()
		if !contains(out, l) {
			out = append(out, l)
		}
	}
	return strings.Join(out, ", ")
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// registrationRole is the grey line under the therapist's name on the
// signature block.
func registrationRole(p data.Practice) string {
	if r := strings.TrimSpace(p.RegistrationNumber); r != "" {
		return fmt.Sprintf("Registration no. %s", r)
	}
	return "Therapist"
}

// clientName is the client's legal name, or the name stored with the
// record when the client could not be read.
func clientName(c data.Client, fallback string) string {
	if n := c.FormalName(); n != "" {
		return n
	}
	return fallback
}
