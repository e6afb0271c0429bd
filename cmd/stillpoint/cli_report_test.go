package main

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/stillpoint/stillpoint/data"
)

// report income YEAR prints the demo's year as CSV, its total matching the
// store's sums; mistakes get usage errors.
func TestReportIncome(t *testing.T) {
	db := demoDB(t)
	ctx := context.Background()
	st, err := data.OpenReadOnly(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	today, _ := st.Today(ctx)
	year := today.Year - 1
	y, err := st.Income(ctx, year)
	st.Close()
	if err != nil || y.Total.Receipts == 0 {
		t.Fatalf("demo income %d: %+v %v", year, y.Total, err)
	}
	code, out, errOut := runCLI(t, "--db", db, "report", "income", strconv.Itoa(year))
	if code != exitOK {
		t.Fatalf("report income: %d %s", code, errOut)
	}
	total := "Total," + strconv.Itoa(y.Total.Visits) + "," + strconv.Itoa(y.Total.Receipts) + "," +
		data.AmountText(y.Total.Invoiced, y.Currency)
	if !strings.Contains(out, "\r\nJanuary,") || !strings.Contains(out, total) {
		t.Errorf("no %q in\n%s", total, out)
	}
	for _, args := range [][]string{{"report"}, {"report", "sales", "2025"}, {"report", "income"},
		{"report", "income", "last year"}, {"report", "income", "2025", "2026"}} {
		if code, _, errOut := runCLI(t, append([]string{"--db", db}, args...)...); code != exitUsage || errOut == "" {
			t.Errorf("%v: exit %d, %q", args, code, errOut)
		}
	}
}
