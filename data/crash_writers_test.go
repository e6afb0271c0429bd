package data

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"
)

// crashWriter is one kind of write the crash test's child repeats. Every
// write stores its token (a unique word) in a text column, so the parent
// can count, after the kill, how many rows hold it.
//
// To cover a new kind of record (receipts, care plans), add one entry to
// crashWriters: a write that stores the token, and a count that finds it.
type crashWriter struct {
	kind string
	// rows is how many rows one write stores the token in: after a kill a
	// token is held by 0 or rows rows, never by some of them.
	rows int
	// update is true when the write replaces the token of one record
	// (autosave): a later write's token may have replaced a committed one.
	update bool
	write  func(ctx context.Context, s *Store, c *crashChild, token string) error
	count  func(ctx context.Context, s *Store, token string) (int, error)
}

// crashChild is what the child process keeps between writes.
type crashChild struct {
	rng    *rand.Rand
	client int64 // the client the child books for and updates
	note   Note  // the draft it autosaves
	today  Date
	n      int // writes so far
}

// importBatch is how many clients one import write adds.
const importBatch = 25

// seriesLength is how many visits one recurring booking makes.
const seriesLength = 6

// crashWriters are the writes the child mixes at random.
var crashWriters = []crashWriter{
	{kind: "client-create", rows: 1, write: func(ctx context.Context, s *Store, c *crashChild, token string) error {
		return s.CreateClient(ctx, &Client{FirstName: "Crash", LastName: fmt.Sprintf("Client %d", c.n),
			MobilePhone: fmt.Sprintf("416-555-%04d", c.n%10000), Notes: token})
	}, count: countWhere("clients", "notes")},
	{kind: "client-save", rows: 1, update: true, write: func(ctx context.Context, s *Store, c *crashChild, token string) error {
		cl, err := s.Client(ctx, c.client)
		if err != nil {
			return err
		}
		cl.Notes = token
		return s.UpdateClient(ctx, &cl)
	}, count: countWhere("clients", "notes")},
	{kind: "booking", rows: 1, write: func(ctx context.Context, s *Store, c *crashChild, token string) error {
		_, err := s.Book(ctx, Booking{ClientID: c.client, ServiceID: 2, Date: c.today.addDays(1 + c.rng.IntN(300)),
			Clock: Clock{Hour: 8 + c.rng.IntN(10)}, Notes: token, Override: true})
		return err
	}, count: countWhere("appointments", "notes")},
	{kind: "series", rows: seriesLength, write: func(ctx context.Context, s *Store, c *crashChild, token string) error {
		_, err := s.Book(ctx, Booking{ClientID: c.client, ServiceID: 2, Date: c.today.addDays(1 + c.rng.IntN(300)),
			Clock: Clock{Hour: 8 + c.rng.IntN(10)}, Notes: token, Override: true,
			Repeat: &Repeat{EveryWeeks: 1 + c.rng.IntN(2), Count: seriesLength}})
		return err
	}, count: countWhere("appointments", "notes")},
	{kind: "note-autosave", rows: 1, update: true, write: func(ctx context.Context, s *Store, c *crashChild, token string) error {
		c.note.Complaint = token
		return s.SaveDraft(ctx, &c.note)
	}, count: countWhere("notes", "complaint")},
	{kind: "import", rows: importBatch, write: func(ctx context.Context, s *Store, c *crashChild, token string) error {
		batch := ClientImport{}
		for i := range importBatch {
			batch.New = append(batch.New, &Client{FirstName: "Imported", LastName: fmt.Sprintf("%s %d", token, i),
				Email: fmt.Sprintf("%s.%d@example.com", token, i), Notes: token})
		}
		_, err := s.ImportClients(ctx, batch)
		return err
	}, count: countWhere("clients", "notes")},
	// One-click checkout: the invoice, its line, its number and the payment
	// (holding the token) in one transaction; counted only when whole.
	{kind: "checkout", rows: 1, write: func(ctx context.Context, s *Store, c *crashChild, token string) error {
		a, err := s.Book(ctx, Booking{ClientID: c.client, ServiceID: 2, Date: c.today.addDays(-1 - c.rng.IntN(300)),
			Clock: Clock{Hour: 8 + c.rng.IntN(10)}, Override: true})
		if err != nil {
			return err
		}
		if _, err := s.SetAppointmentStatus(ctx, a[0].ID, StatusCompleted, ""); err != nil {
			return err
		}
		_, err = s.CheckOutWith(ctx, a[0].ID, Settle{Method: PayDebit, Reference: token})
		return err
	}, count: func(ctx context.Context, s *Store, token string) (int, error) {
		var n int
		err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM payments p JOIN invoices i ON i.id = p.invoice_id
			WHERE p.reference = ? AND i.status = 'issued' AND i.number <> '' AND i.paid_cents = i.total_cents
			  AND EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = i.id)`, token).Scan(&n)
		return n, err
	}},
}

// countWhere counts the rows of table whose column holds the token.
func countWhere(table, column string) func(ctx context.Context, s *Store, token string) (int, error) {
	return func(ctx context.Context, s *Store, token string) (int, error) {
		var n int
		err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+table+` WHERE `+column+` = ?`, token).Scan(&n)
		return n, err
	}
}

// crashWriterOf finds a writer by kind.
func crashWriterOf(kind string) (crashWriter, bool) {
	for _, w := range crashWriters {
		if w.kind == kind {
			return w, true
		}
	}
	return crashWriter{}, false
}

// setUpCrashPractice makes the practice the children write to: settings,
// the client they book for, and a draft note they autosave.
func setUpCrashPractice(ctx context.Context, path string) (client, note int64, err error) {
	s, err := Open(ctx, path)
	if err != nil {
		return 0, 0, err
	}
	defer s.Close()
	p := Practice{TherapistName: "Maya Lindqvist", Currency: "CAD", TimeZone: "America/Toronto"}
	if err := s.SavePractice(ctx, &p); err != nil {
		return 0, 0, err
	}
	c := &Client{FirstName: "Bea", LastName: "Okafor"}
	if err := s.CreateClient(ctx, c); err != nil {
		return 0, 0, err
	}
	today, err := s.Today(ctx)
	if err != nil {
		return 0, 0, err
	}
	n := Note{ClientID: c.ID, VisitDate: today, Kind: NoteRegular, Pain: PainNotRecorded, Complaint: "first"}
	if err := s.SaveDraft(ctx, &n); err != nil {
		return 0, 0, err
	}
	return c.ID, n.ID, nil
}

// crashKillDelay is how long the parent lets a child write before it
// kills it: anywhere from at once to a few dozen writes in.
func crashKillDelay(rng *rand.Rand) time.Duration {
	return time.Duration(rng.IntN(120_000)) * time.Microsecond
}
