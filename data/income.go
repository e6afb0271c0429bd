package data

import (
	"context"
	"fmt"
	"time"
)

// IncomeMonth is one month (or a year's total) of the income summary.
// Money is in cents of the practice's currency.
type IncomeMonth struct {
	Month    time.Month // 0 for the year's total
	Visits   int        // visits marked completed
	Receipts int        // receipts issued and not void
	Invoiced int64      // their totals, tax included
	Tax      int64      // the tax on them
	Received int64      // payments in money (not certificates or packages) on receipts not void
	Redeemed int64      // paid with gift certificates and package sessions sold earlier
}

// IncomeYear is a year's income summary, month by month, for the therapist
// and their accountant. A receipt counts in the month it was issued, a
// payment in the month it was paid, a visit in the month it took place (in
// the practice's time zone); void receipts and their payments count nowhere.
// Redeemed is kept apart from Received: that money came in when the gift
// certificate or package was sold.
type IncomeYear struct {
	Year     int
	Currency string
	TaxName  string // the tax's name on the year's receipts ("HST"), else the practice's
	Months   [12]IncomeMonth
	Total    IncomeMonth
	ByMethod map[PaymentMethod]int64 // Received and Redeemed by method
	Owing    int64                   // still owed today on the year's receipts
}

// Income sums the year's visits, receipts and payments by month.
func (s *Store) Income(ctx context.Context, year int) (IncomeYear, error) {
	if year < 1900 || year > 9999 {
		return IncomeYear{}, fmt.Errorf("income: %d is not a year", year)
	}
	y := IncomeYear{Year: year, ByMethod: map[PaymentMethod]int64{}}
	for i := range y.Months {
		y.Months[i].Month = time.Month(i + 1)
	}
	p, err := s.Practice(ctx)
	if err != nil {
		return IncomeYear{}, fmt.Errorf("income %d: %w", year, err)
	}
	y.Currency, y.TaxName = p.Currency, p.TaxName // a year's receipts name their own below
	from, to := fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-01-01", year+1)
	tx, err := s.r.BeginTx(ctx, nil) // one snapshot for the three sums
	if err != nil {
		return IncomeYear{}, fmt.Errorf("income %d: %w", year, err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	month := func(m int) *IncomeMonth {
		if m < 1 || m > 12 {
			return &IncomeMonth{} // cannot happen: the ranges hold the year
		}
		return &y.Months[m-1]
	}
	// Visits by their instant (the start index), a day's margin each side
	// for any zone, then by their local date.
	lo := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC).Add(-26 * time.Hour).Unix()
	hi := time.Date(year+1, 1, 1, 0, 0, 0, 0, time.UTC).Add(26 * time.Hour).Unix()
	rows, err := tx.QueryContext(ctx, `SELECT CAST(substr(local_start, 6, 2) AS INTEGER), COUNT(*)
		FROM appointments WHERE start_at >= ? AND start_at < ? AND status = 'completed'
		  AND local_start >= ? AND local_start < ?
		GROUP BY 1`, lo, hi, from, to)
	if err != nil {
		return IncomeYear{}, fmt.Errorf("income %d: visits: %w", year, err)
	}
	for rows.Next() {
		var m, n int
		if err := rows.Scan(&m, &n); err != nil {
			rows.Close()
			return IncomeYear{}, fmt.Errorf("income %d: visits: %w", year, err)
		}
		month(m).Visits = n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return IncomeYear{}, fmt.Errorf("income %d: visits: %w", year, err)
	}

	rows, err = tx.QueryContext(ctx, `SELECT CAST(substr(issued_on, 6, 2) AS INTEGER), COUNT(*),
		SUM(total_cents), SUM(tax_cents), SUM(total_cents - paid_cents), MAX(tax_name)
		FROM invoices WHERE status = 'issued' AND issued_on >= ? AND issued_on < ?
		GROUP BY 1`, from, to)
	if err != nil {
		return IncomeYear{}, fmt.Errorf("income %d: receipts: %w", year, err)
	}
	for rows.Next() {
		var m, n int
		var total, tax, owing int64
		var taxName string
		if err := rows.Scan(&m, &n, &total, &tax, &owing, &taxName); err != nil {
			rows.Close()
			return IncomeYear{}, fmt.Errorf("income %d: receipts: %w", year, err)
		}
		r := month(m)
		r.Receipts, r.Invoiced, r.Tax = n, total, tax
		y.Owing += max(owing, 0)
		if taxName != "" {
			y.TaxName = taxName
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return IncomeYear{}, fmt.Errorf("income %d: receipts: %w", year, err)
	}

	rows, err = tx.QueryContext(ctx, `SELECT CAST(substr(p.paid_on, 6, 2) AS INTEGER), p.method, SUM(p.amount_cents)
		FROM payments p JOIN invoices i ON i.id = p.invoice_id
		WHERE i.status = 'issued' AND p.paid_on >= ? AND p.paid_on < ?
		GROUP BY 1, 2`, from, to)
	if err != nil {
		return IncomeYear{}, fmt.Errorf("income %d: payments: %w", year, err)
	}
	for rows.Next() {
		var m int
		var method PaymentMethod
		var amount int64
		if err := rows.Scan(&m, &method, &amount); err != nil {
			rows.Close()
			return IncomeYear{}, fmt.Errorf("income %d: payments: %w", year, err)
		}
		if method == PayCertificate || method == PayPackage {
			month(m).Redeemed += amount
		} else {
			month(m).Received += amount
		}
		y.ByMethod[method] += amount
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return IncomeYear{}, fmt.Errorf("income %d: payments: %w", year, err)
	}
	for _, m := range y.Months {
		y.Total.Visits += m.Visits
		y.Total.Receipts += m.Receipts
		y.Total.Invoiced += m.Invoiced
		y.Total.Tax += m.Tax
		y.Total.Received += m.Received
		y.Total.Redeemed += m.Redeemed
	}
	return y, nil
}

// IncomeYears lists the years that have receipts or completed visits,
// newest first, for the year menu of the income summary.
func (s *Store) IncomeYears(ctx context.Context) ([]int, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT y FROM (
		SELECT DISTINCT CAST(substr(issued_on, 1, 4) AS INTEGER) AS y FROM invoices WHERE status <> 'draft'
		UNION SELECT CAST(substr(MIN(local_start), 1, 4) AS INTEGER) FROM appointments WHERE status = 'completed'
		UNION SELECT CAST(substr(MAX(local_start), 1, 4) AS INTEGER) FROM appointments WHERE status = 'completed')
		WHERE y IS NOT NULL ORDER BY y DESC`)
	if err != nil {
		return nil, fmt.Errorf("income years: %w", err)
	}
	defer rows.Close()
	var years []int
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			return nil, fmt.Errorf("income years: %w", err)
		}
		years = append(years, y)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("income years: %w", err)
	}
	return fillYears(years), nil
}

// fillYears fills the gaps between the newest and oldest year (a year off
// still has a line in the menu), newest first.
func fillYears(years []int) []int {
	if len(years) < 2 {
		return years
	}
	out := make([]int, 0, years[0]-years[len(years)-1]+1)
	for y := years[0]; y >= years[len(years)-1]; y-- {
		out = append(out, y)
	}
	return out
}
