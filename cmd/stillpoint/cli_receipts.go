package main

import (
	"context"
	"fmt"
	"slices"

	"github.com/stillpoint/stillpoint/data"
)

// listReceipts prints every invoice, oldest first: number, date issued,
// client name, total, paid (plain decimals in the practice's currency, no
// symbol) and status (Draft, Unpaid, Partly paid, Paid, Void),
// tab-separated. A draft has no number or date yet.
func (e *env) listReceipts(ctx context.Context, st *data.Store) int {
	rows, err := st.Invoices(ctx, data.InvoiceFilter{})
	if err != nil {
		return e.fail("list", "%s", data.UserMessage(err))
	}
	slices.Reverse(rows)
	for _, r := range rows {
		if _, err := fmt.Fprintf(e.stdout, "%s\t%s\t%s\t%s\t%s\t%s\n", r.Number, r.IssuedOn, r.ClientName,
			data.AmountText(r.Total, r.Currency), data.AmountText(r.Paid, r.Currency), r.State.Label()); err != nil {
			return exitFail // e.g. `| head` closed the pipe
		}
	}
	return exitOK
}
