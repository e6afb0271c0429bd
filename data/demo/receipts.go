package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// receiptStream seeds the receipts' own random stream, so adding them did
// not change the rest of a given seed's practice.
const receiptStream = 0x2EC3_1975_0000_0009

// receiptBatch is how many invoices are stored per transaction.
const receiptBatch = 2000

// methodWeights is how the sample practice's clients pay, in percent.
var methodWeights = []struct {
	method data.PaymentMethod
	weight int
}{
	{data.PayDebit, 38}, {data.PayCredit, 30}, {data.PayETransfer, 17}, {data.PayCash, 9},
	{data.PayCheque, 3}, {data.PayInsurance, 3},
}

// pickMethod draws a payment method by methodWeights.
func pickMethod(r *rand.Rand) data.PaymentMethod {
	n := r.IntN(100)
	for _, w := range methodWeights {
		if n < w.weight {
			return w.method
		}
		n -= w.weight
	}
	return data.PayDebit
}

// fillReceipts issues a receipt for every past completed visit, dated the
// day of the visit and paid that day with a mix of methods, except: two
// recent visits left owing (one unpaid, one partly paid); and, through the
// Store's own checkout, a gift certificate sold and redeemed (the rest paid
// by debit), a second certificate not used yet, a five-visit package with
// two sessions taken, and one receipt voided and re-issued.
func fillReceipts(ctx context.Context, s *data.Store, seed int64) error {
	m, err := s.Moment(ctx)
	if err != nil {
		return err
	}
	appts, err := s.Appointments(ctx, time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), m.Now)
	if err != nil {
		return err
	}
	services, err := s.Services(ctx, true)
	if err != nil {
		return err
	}
	taxable := map[int64]bool{}
	for _, v := range services {
		taxable[v.ID] = v.Taxable
	}
	var done []data.Appointment
	for _, a := range appts {
		if a.Status == data.StatusCompleted && a.End.Before(m.Now) {
			done = append(done, a)
		}
	}
	if len(done) < 12 {
		return nil
	}
	// The last visits are kept for the checkout stories below.
	n := len(done)
	special := map[int]bool{n - 1: true, n - 2: true, n - 3: true, n - 4: true}
	owing := map[int]string{n - 8: "unpaid", n - 40: "partly"}
	if n < 50 {
		owing = map[int]string{n - 8: "unpaid", n - 10: "partly"}
	}
	r := rand.New(rand.NewPCG(uint64(seed), receiptStream))
	var batch []data.InvoiceImport
	for i, a := range done {
		if special[i] {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		on, err := data.ParseDate(a.LocalStart[:10])
		if err != nil {
			return fmt.Errorf("visit %d: %w", a.ID, err)
		}
		line := data.InvoiceLine{Kind: data.LineService, AppointmentID: a.ID, ServiceID: a.ServiceID,
			Description: a.ServiceName, ServiceDate: on, Minutes: a.Minutes, Quantity: 1, Unit: a.PriceCents,
			Taxable: taxable[a.ServiceID]}
		im := data.InvoiceImport{Invoice: data.Invoice{ClientID: a.ClientID, Lines: []data.InvoiceLine{line}},
			IssuedOn: on, IssuedAt: a.End}
		method := pickMethod(r)
		total := line.Unit + data.TaxOf(line.Unit, taxRate(line.Taxable))
		switch owing[i] {
		case "unpaid":
		case "partly":
			im.Payments = []data.Payment{{Method: data.PayCash, Amount: total / 2, PaidOn: on}}
		default:
			p := data.Payment{Method: method, Amount: total, PaidOn: on}
			switch method {
			case data.PayCheque:
				p.Reference = fmt.Sprintf("Cheque %d", 100+r.IntN(900))
			case data.PayETransfer:
				p.Reference = fmt.Sprintf("CA%08d", r.IntN(100_000_000))
			}
			im.Payments = []data.Payment{p}
		}
		batch = append(batch, im)
		if len(batch) >= receiptBatch {
			if err := s.ImportInvoices(ctx, batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		if err := s.ImportInvoices(ctx, batch); err != nil {
			return err
		}
	}
	return checkoutStories(ctx, s, done[n-4:])
}

// taxRate is the sample practice's rate on a taxable line.
func taxRate(taxable bool) int {
	if taxable {
		return Practice().TaxRateBP
	}
	return 0
}

// checkoutStories runs the last four visits through the Store's checkout:
// a certificate redemption, two package sessions, and a void and re-issue.
func checkoutStories(ctx context.Context, s *data.Store, last []data.Appointment) error {
	// The receipt of a sale is made out to whoever bought: a client buys a
	// certificate for another, and one buys a certificate for a friend.
	gift := data.GiftCertificate{Code: "GC-7KQ4-M2XP", Amount: 10000, Buyer: last[1].ClientName, Recipient: last[0].ClientName}
	if _, err := s.SellCertificate(ctx, &gift, data.Sale{ClientID: last[1].ClientID, Method: data.PayCredit}); err != nil {
		return fmt.Errorf("sell a certificate: %w", err)
	}
	inv, err := s.CheckOutWith(ctx, last[0].ID, data.Settle{Method: data.PayCertificate, CertificateID: gift.ID})
	if err != nil {
		return fmt.Errorf("redeem a certificate: %w", err)
	}
	if bal := inv.Balance(); bal > 0 {
		if err := s.RecordPayment(ctx, &data.Payment{InvoiceID: inv.ID, Method: data.PayDebit, Amount: bal}); err != nil {
			return fmt.Errorf("pay the rest: %w", err)
		}
	}
	spare := data.GiftCertificate{Code: "GC-H3RT-9WAV", Amount: 15000, Buyer: last[1].ClientName, Recipient: "Sam Raman"}
	if _, err := s.SellCertificate(ctx, &spare, data.Sale{ClientID: last[1].ClientID, Method: data.PayETransfer}); err != nil {
		return fmt.Errorf("sell a certificate: %w", err)
	}
	pkg := data.Package{ClientID: last[1].ClientID, ServiceID: last[1].ServiceID, SessionsTotal: 5, Price: 5 * last[1].PriceCents * 9 / 10}
	if _, err := s.SellPackage(ctx, &pkg, data.Sale{Method: data.PayDebit}); err != nil {
		return fmt.Errorf("sell a package: %w", err)
	}
	for _, a := range last[1:3] {
		settle := data.Settle{Method: data.PayPackage, PackageID: pkg.ID}
		if a.ClientID != pkg.ClientID {
			settle = data.Settle{}
		}
		if _, err := s.CheckOutWith(ctx, a.ID, settle); err != nil {
			return fmt.Errorf("check out a package session: %w", err)
		}
	}
	first, err := s.CheckOut(ctx, last[3].ID)
	if err != nil {
		return fmt.Errorf("check out: %w", err)
	}
	if _, err := s.VoidInvoice(ctx, first.ID, "Printed before the client's insurance policy number was added"); err != nil {
		return fmt.Errorf("void: %w", err)
	}
	if _, err := s.ReissueInvoice(ctx, first.ID, 0, nil); err != nil {
		return fmt.Errorf("re-issue: %w", err)
	}
	return nil
}
