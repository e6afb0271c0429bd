package export

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// The income CSV reads back in a spreadsheet: a header naming the tax and
// currency, twelve months, the total, the methods and what is owed.
func TestWriteIncomeCSV(t *testing.T) {
	y := data.IncomeYear{Year: 2026, Currency: "CAD", TaxName: "HST",
		ByMethod: map[data.PaymentMethod]int64{data.PayCash: 3000, data.PayDebit: 12430}, Owing: 4430}
	for i := range y.Months {
		y.Months[i].Month = time.Month(i + 1)
	}
	y.Months[0] = data.IncomeMonth{Month: 1, Visits: 1, Receipts: 2, Invoiced: 17430, Tax: 1430, Received: 17430}
	y.Total = data.IncomeMonth{Visits: 1, Receipts: 2, Invoiced: 17430, Tax: 1430, Received: 17430}
	var b bytes.Buffer
	if err := WriteIncomeCSV(&b, y); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), bom)))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], "|"); got != "2026|Visits|Receipts|Invoiced incl. tax (CAD)|HST (CAD)|Received (CAD)|Prepaid used (CAD)" {
		t.Errorf("header %s", got)
	}
	if got := strings.Join(rows[1], "|"); got != "January|1|2|174.30|14.30|174.30|0.00" {
		t.Errorf("January %s", got)
	}
	if rows[12][0] != "December" || rows[13][0] != "Total" || rows[13][3] != "174.30" {
		t.Errorf("December/total rows %v %v", rows[12], rows[13])
	}
	text := b.String()
	for _, want := range []string{"Debit,124.30", "Cash,30.00", "Still owed on 2026's receipts (CAD),44.30"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in\n%s", want, text)
		}
	}
	if strings.Index(text, "Debit") > strings.Index(text, "Cash") {
		t.Error("methods not in the menu's order")
	}
}
