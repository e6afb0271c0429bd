package data

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// openWithClock opens a practice in zone whose clock reads *now.
func openWithClock(t *testing.T, zone string, now func() time.Time) *Store {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "practice.db"), WithClock(now))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	p := Practice{TherapistName: "Maya Lindqvist", Currency: "NZD", TimeZone: zone}
	if err := s.SavePractice(ctx, &p); err != nil {
		t.Fatalf("save practice: %v", err)
	}
	return s
}

func fixed(t time.Time) func() time.Time { return func() time.Time { return t } }

// A date of today in the practice's zone is accepted on create and on
// update, even when it is already tomorrow in UTC (Auckland, just after
// midnight) — and the day after is refused.
func TestTodayIsThePracticesDateAheadOfUTC(t *testing.T) {
	ctx := context.Background()
	// 11:30 UTC on 1 March is 00:30 on 2 March in Auckland (NZDT, UTC+13).
	s := openWithClock(t, "Pacific/Auckland", fixed(time.Date(2026, 3, 1, 11, 30, 0, 0, time.UTC)))
	today := Date{2026, time.March, 2}
	if got, err := s.Today(ctx); err != nil || got != today {
		t.Fatalf("Today = %v, %v; want %v", got, err, today)
	}
	c := &Client{FirstName: "Aroha", LastName: "Ngata", BirthDate: today, ConsentDate: today}
	if err := s.CreateClient(ctx, c); err != nil {
		t.Fatalf("create with today's Auckland date: %v", err)
	}
	u := &Client{FirstName: "Tama", LastName: "Ngata"}
	mustCreate(t, s, u)
	u.BirthDate, u.ConsentDate = today, today
	if err := s.UpdateClient(ctx, u); err != nil {
		t.Fatalf("update with today's Auckland date: %v", err)
	}
	u.ConsentDate = today.addDays(1)
	var ve *ValidationError
	if err := s.UpdateClient(ctx, u); !errors.As(err, &ve) || ve.For("ConsentDate") == "" {
		t.Errorf("a consent date of tomorrow in Auckland: %v", err)
	}
}

// Behind UTC (Los Angeles, just after UTC midnight) the UTC date is still
// tomorrow for the practice, and refused on create and on update.
func TestTodayIsThePracticesDateBehindUTC(t *testing.T) {
	ctx := context.Background()
	// 00:10 UTC on 2 March is 16:10 on 1 March in Los Angeles (PST, UTC-8).
	s := openWithClock(t, "America/Los_Angeles", fixed(time.Date(2026, 3, 2, 0, 10, 0, 0, time.UTC)))
	utcToday, laToday := Date{2026, time.March, 2}, Date{2026, time.March, 1}
	c := &Client{FirstName: "Rosa", LastName: "Diaz", BirthDate: utcToday}
	var ve *ValidationError
	if err := s.CreateClient(ctx, c); !errors.As(err, &ve) || ve.For("BirthDate") == "" {
		t.Fatalf("create with the UTC date (tomorrow in LA): %v", err)
	}
	c.BirthDate = laToday
	mustCreate(t, s, c)
	c.ConsentDate = utcToday
	if err := s.UpdateClient(ctx, c); !errors.As(err, &ve) || ve.For("ConsentDate") == "" {
		t.Errorf("update with the UTC date (tomorrow in LA): %v", err)
	}
	c.ConsentDate = laToday
	if err := s.UpdateClient(ctx, c); err != nil {
		t.Errorf("update with today's LA date: %v", err)
	}
}

// ticking is a clock that moves on one second each time it is read, so a
// change that read it twice would stamp two different times.
type ticking struct {
	mu sync.Mutex
	t  time.Time
}

func (c *ticking) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

// Every stamp of one change comes from one reading of the clock.
func TestOneClockReadingPerChange(t *testing.T) {
	ctx := context.Background()
	clock := &ticking{t: time.Date(2026, 3, 1, 23, 59, 58, 0, time.UTC)}
	s := openWithClock(t, "UTC", clock.now)
	c := mustCreate(t, s, &Client{FirstName: "Ines", LastName: "Moreau"})
	vs, err := s.HealthVersions(ctx, c.ID)
	if err != nil || len(vs) != 1 {
		t.Fatalf("versions %v, %v", vs, err)
	}
	if !c.CreatedAt.Equal(c.UpdatedAt) || !vs[0].RecordedAt.Equal(c.CreatedAt) {
		t.Errorf("create stamped %v, %v and health %v: want one instant", c.CreatedAt, c.UpdatedAt, vs[0].RecordedAt)
	}
	c.Health.Allergies = "Lavender"
	if err := s.UpdateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	got, err := s.Client(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	vs, _ = s.HealthVersions(ctx, c.ID)
	if !got.UpdatedAt.Equal(c.UpdatedAt) || !vs[0].RecordedAt.Equal(c.UpdatedAt) || !got.CreatedAt.Equal(c.CreatedAt) {
		t.Errorf("update stamped %v (stored %v) and health %v; created %v (stored %v)",
			c.UpdatedAt, got.UpdatedAt, vs[0].RecordedAt, c.CreatedAt, got.CreatedAt)
	}
	if got.UpdatedAt.After(clock.now()) || got.UpdatedAt.Year() != 2026 {
		t.Errorf("stamp %v does not come from the Store's clock", got.UpdatedAt)
	}
}
