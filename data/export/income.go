package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/stillpoint/stillpoint/data"
)

// WriteIncomeCSV writes a year's income summary as a CSV file for the
// therapist's accountant: one row per month and a total (visits, receipts,
// invoiced with tax, the tax, money received, value redeemed from gift
// certificates and packages: "Prepaid used"), then the money by payment method and what is
// still owed. Amounts are plain decimals ("124.30") in the practice's
// currency, named in the header.
func WriteIncomeCSV(w io.Writer, y data.IncomeYear) error {
	if _, err := io.WriteString(w, bom); err != nil {
		return fmt.Errorf("income csv: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	money := func(c int64) string { return data.AmountText(c, y.Currency) }
	tax := y.TaxName
	if tax == "" {
		tax = "Tax"
	}
	cur := " (" + y.Currency + ")"
	rows := [][]string{{strconv.Itoa(y.Year), "Visits", "Receipts", "Invoiced incl. tax" + cur, tax + cur,
		"Received" + cur, "Prepaid used" + cur}}
	row := func(label string, m data.IncomeMonth) []string {
		return []string{label, strconv.Itoa(m.Visits), strconv.Itoa(m.Receipts), money(m.Invoiced), money(m.Tax),
			money(m.Received), money(m.Redeemed)}
	}
	for _, m := range y.Months {
		rows = append(rows, row(m.Month.String(), m))
	}
	rows = append(rows, row("Total", y.Total), nil, []string{"Payment method", "Amount" + cur})
	for _, m := range data.PaymentMethods {
		if a, ok := y.ByMethod[m]; ok {
			rows = append(rows, []string{m.Label(), money(a)})
		}
	}
	rows = append(rows, nil, []string{"Still owed on " + strconv.Itoa(y.Year) + "'s receipts" + cur, money(y.Owing)})
	for _, r := range rows {
		for i, c := range r {
			r[i] = Neutralise(c)
		}
		if err := cw.Write(r); err != nil {
			return fmt.Errorf("income csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("income csv: %w", err)
	}
	return nil
}
