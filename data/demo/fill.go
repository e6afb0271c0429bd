package demo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// Options choose the sample practice to make.
type Options struct {
	Years   int   // years of practice history (default 2 when 0)
	Seed    int64 // same seed → same practice
	Clients int   // number of clients (0 = derived from Years); benchmarks use 10000
	// AppointmentYears is how many years of appointments to book (0 =
	// Years); benchmarks use 100 for a ten-times calendar (~107,000).
	AppointmentYears int
	Progress         func(done, total int) // optional; called as clients are stored
}

// historyEnd is the day the sample practice's history ends (see the package
// documentation).
var historyEnd = data.Date{Year: 2026, Month: time.September, Day: 1}

// batchSize is how many clients are stored per transaction: large enough
// that 10,000 clients take seconds, small enough for smooth progress and a
// prompt stop.
const batchSize = 500

// ClientsFor returns how many clients a solo practice of that many years
// has on file: 30 plus 45 a year (120 for 2 years, 480 for 10).
func ClientsFor(years int) int { return 30 + 45*years }

// Fill stores a sample practice in s, which must be empty: it returns an
// error wrapping data.ErrNotEmpty otherwise, and changes nothing.
//
// Fill first marks the database as an unfinished sample
// (data.Store.MarkSampleUnfinished), then saves the practice profile and
// stores the clients in transactions of 500, and marks it as a complete
// demo (data.Store.MarkDemo) only at the very end. It stops between
// transactions when ctx is cancelled and returns an error wrapping
// ctx.Err(); the batches already stored stay, in a database that Open
// refuses as an unfinished sample. Use Create to make a sample practice
// file: it is all or nothing.
//
// Dates are counted back from the Store's today (its clock, in the sample
// practice's time zone) when that is before historyEnd.
func Fill(ctx context.Context, s *data.Store, opts Options) error {
	if opts.Years == 0 {
		opts.Years = 2
	}
	if opts.Years < 0 || opts.Clients < 0 {
		return fmt.Errorf("demo: years (%d) and clients (%d) must not be negative", opts.Years, opts.Clients)
	}
	total := opts.Clients
	if total == 0 {
		total = ClientsFor(opts.Years)
	}
	empty, err := s.IsEmpty(ctx)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if !empty {
		return fmt.Errorf("demo: %s: %w", s.Path(), data.ErrNotEmpty)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("demo: stopped before it began: %w", err)
	}
	progress := opts.Progress
	if progress == nil {
		progress = func(int, int) {}
	}
	if err := s.MarkSampleUnfinished(ctx); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	p := Practice()
	if err := s.SavePractice(ctx, &p); err != nil {
		return fmt.Errorf("demo: practice profile: %w", err)
	}
	today, err := s.Today(ctx)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	g := newGen(opts.Seed, opts.Years, today)
	progress(0, total)
	batch := make([]*data.Client, 0, batchSize)
	since := make(map[int64]time.Time, total) // client → when their record was made
	for done := 0; done < total; {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("demo: stopped after %d of %d clients: %w", done, total, err)
		}
		batch = batch[:0]
		for i := done; i < min(done+batchSize, total); i++ {
			batch = append(batch, g.client(i))
		}
		if err := s.CreateClients(ctx, batch); err != nil {
			if ctxErr := ctx.Err(); ctxErr != nil && !errors.Is(err, ctxErr) {
				err = fmt.Errorf("%w (%v)", ctxErr, err)
			}
			return fmt.Errorf("demo: storing clients %d–%d of %d: %w", done+1, done+len(batch), total, err)
		}
		for _, c := range batch {
			since[c.ID] = c.CreatedAt
		}
		done += len(batch)
		progress(done, total)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("demo: stopped before the appointments: %w", err)
	}
	apptYears := opts.AppointmentYears
	if apptYears <= 0 {
		apptYears = opts.Years
	}
	if apptYears > opts.Years {
		since = nil // a benchmark's calendar longer than the clients' history: book anyone
	}
	if err := fillAppointments(ctx, s, opts.Seed, apptYears, g.anchor, since); err != nil {
		return fmt.Errorf("demo: appointments: %w", err)
	}
	if err := fillNotes(ctx, s, opts.Seed); err != nil {
		return fmt.Errorf("demo: treatment notes: %w", err)
	}
	if err := fillPlans(ctx, s, opts.Seed); err != nil {
		return fmt.Errorf("demo: care plans: %w", err)
	}
	if err := fillReceipts(ctx, s, opts.Seed); err != nil {
		return fmt.Errorf("demo: receipts: %w", err)
	}
	if err := fillOutcomes(ctx, s, opts.Seed); err != nil {
		return fmt.Errorf("demo: check-ins and measures: %w", err)
	}
	if err := s.MarkDemo(ctx); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	return nil
}

// Practice returns the sample practice's profile: an invented Toronto RMT.
func Practice() data.Practice {
	return data.Practice{
		TherapistName:      "Maya Lindqvist",
		Credentials:        "RMT",
		RegistrationNumber: "U4821",
		BusinessName:       "Cedar & Stone Massage Therapy",
		Address:            "412 Roncesvalles Ave, Suite 2\nToronto, ON  M6R 2N2",
		Phone:              "416-555-0100",
		Email:              "hello@cedarandstone.example",
		Website:            "cedarandstone.example",
		TaxNumber:          "12345 6789 RT0001",
		TaxName:            "HST",
		TaxRateBP:          1300,
		Currency:           "CAD",
		TimeZone:           "America/Toronto",
		PaperSize:          data.PaperLetter,
	}
}
