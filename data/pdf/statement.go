package pdf

import (
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// StatementInput is a client's year-end statement: every visit of the
// year on a fully paid receipt. The caller reads it from the Store
// (load.Statement).
type StatementInput struct {
	Practice data.Practice
	Settings data.ReceiptSettings // the money locale, date of birth
	Client   data.Client
	Year     int
	Visits   []data.PaidVisit // in date order
	// Methods are how the receipts on the statement were paid, per
	// invoice ID.
	Methods map[int64][]data.PaymentMethod
	// Created is the file's creation date (see Options.Created).
	Created time.Time
}

// ErrNoPaidVisits is returned for a statement with nothing on it.
var ErrNoPaidVisits = errors.New("this client has no paid visits in that year")

// StatementTitle is "Statement 2025".
func StatementTitle(year int) string { return "Statement " + strconv.Itoa(year) }

// StatementFileName is the suggested file name of a statement's PDF:
// "Statement 2025 - Zoë Müller.pdf".
func StatementFileName(in StatementInput) string {
	return FileName(StatementTitle(in.Year), in.Client.FormalName(), data.Date{})
}

// WriteStatement renders a client's year-end statement for insurance and
// tax claims — letterhead, the client, every paid visit with its date,
// service, receipt, payment method and amount, the total paid, the
// payment methods, and the therapist's signature — and writes it to w.
func WriteStatement(w io.Writer, in StatementInput) error {
	if len(in.Visits) == 0 {
		return ErrNoPaidVisits
	}
	p := in.Practice
	money := func(c int64) string { return data.FormatMoney(c, p.Currency, in.Settings.Locale) }
	name := in.Client.FormalName()
	title := StatementTitle(in.Year)
	d, err := New(Options{Practice: p, Title: title + " · " + name, Created: in.Created})
	if err != nil {
		return err
	}
	d.Title("Year-end statement " + strconv.Itoa(in.Year))
	d.Small("Massage therapy visits paid in full between 1 January and 31 December " + strconv.Itoa(in.Year) +
		", for insurance and tax claims.")
	fields := []Field{{Label: "Client", Value: name}}
	if in.Settings.PrintBirthDate {
		fields = append(fields, Field{Label: "Date of birth", Value: in.Client.BirthDate.Format()})
	}
	fields = append(fields,
		Field{Label: "Therapist", Value: therapistLine(p)},
		Field{Label: "Registration number", Value: p.RegistrationNumber},
		Field{Label: "Statement date", Value: data.DateOf(in.Created.In(p.Location())).Format()},
	)
	if p.TaxNumber != "" {
		fields = append(fields, Field{Label: taxNumberLabel(p.TaxName), Value: p.TaxNumber})
	}
	if len(fields)%2 == 1 {
		fields[len(fields)-1].Wide = true
	}
	d.Fields(fields...)

	t := Table{Columns: []Column{{Title: "Date", Width: 1.35}, {Title: "Service", Width: 2.65},
		{Title: "Receipt", Width: 1.1}, {Title: "Paid by", Width: 1.4}, {Title: "Amount", Width: 1.1, Align: AlignRight}}, Zebra: true}
	var total int64
	var used []string
	for _, v := range in.Visits {
		total += v.Amount
		var ms []string
		for _, m := range in.Methods[v.InvoiceID] {
			if l := m.Label(); !contains(ms, l) {
				ms = append(ms, l)
			}
			if l := m.Label(); !contains(used, l) {
				used = append(used, l)
			}
		}
		svc := lineDescription(data.InvoiceLine{Description: v.Description, Minutes: v.Minutes})
		t.Rows = append(t.Rows, []string{v.Date.Format(), svc, v.Number, strings.Join(ms, ", "), money(v.Amount)})
	}
	visits := strconv.Itoa(len(in.Visits)) + " visits"
	if len(in.Visits) == 1 {
		visits = "1 visit"
	}
	t.Totals = [][]string{{"", "Total paid · " + visits, "", "", money(total)}}
	d.Table(t)
	d.Fields(Field{Label: "Total paid in " + strconv.Itoa(in.Year), Value: money(total)},
		Field{Label: "Payment methods", Value: strings.Join(used, ", ")})
	d.Small("Amounts include tax. Each visit's receipt, with its number above, is available on request.")
	d.SignatureLine(Signature{
		Name:  therapistLine(p),
		Role:  registrationRole(p),
		Date:  data.DateOf(in.Created.In(p.Location())).Format(),
		Image: p.Signature,
	})
	return d.Write(w)
}
