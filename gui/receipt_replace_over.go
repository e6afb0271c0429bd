package gui

import (
	"fmt"
	"strings"

	"github.com/stillpoint/stillpoint/data"
)

// paymentCut is how much of a payment a lower total leaves unrecorded.
type paymentCut struct {
	pay data.Payment
	cut int64
}

// capPayments lowers the payments, the last first, so that they add up to
// at most total (a payment left with nothing is dropped), and says what
// each one lost. What a replacement's lower total leaves paid over is not
// recorded on it: it is refunded to the client, and what a gift
// certificate paid over goes back on the certificate (its balance counts
// only payments on receipts that are not void).
func capPayments(pays []data.Payment, total int64) ([]data.Payment, []paymentCut) {
	var sum int64
	for _, p := range pays {
		sum += p.Amount
	}
	over := sum - total
	out := append([]data.Payment(nil), pays...)
	var cuts []paymentCut
	for i := len(out) - 1; i >= 0 && over > 0; i-- {
		c := min(over, out[i].Amount)
		cuts = append(cuts, paymentCut{pay: out[i], cut: c})
		out[i].Amount -= c
		over -= c
	}
	kept := out[:0]
	for _, p := range out {
		if p.Amount > 0 {
			kept = append(kept, p)
		}
	}
	return kept, cuts
}

// showOver says, under the payments, what is paid over the new total and
// what becomes of it; it hides when nothing is.
func (d *replaceDialog) showOver(pays []data.Payment, total int64) {
	_, cuts := capPayments(pays, total)
	if len(cuts) == 0 {
		d.over.Hide()
		return
	}
	var sum, over int64
	for _, p := range pays {
		sum += p.Amount
	}
	var back []string
	for _, c := range cuts {
		over += c.cut
		switch {
		case c.pay.Method == data.PayCertificate && c.pay.CertificateID != 0:
			back = append(back, fmt.Sprintf("%s goes back on gift certificate %s", d.money(c.cut), c.pay.Reference))
		default:
			back = append(back, fmt.Sprintf("%s paid by %s is to be refunded to the client", d.money(c.cut), strings.ToLower(c.pay.Method.Label())))
		}
	}
	d.over.SetText(fmt.Sprintf("%s is paid and the new total is %s: the replacement records %s paid, and the %s over is not kept: %s.",
		d.money(sum), d.money(total), d.money(sum-over), d.money(over), strings.Join(back, "; ")))
	d.over.Show()
}
