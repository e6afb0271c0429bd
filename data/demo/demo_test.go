package demo

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/stillpoint/stillpoint/data"
)

// openTemp opens a new database file in a temporary folder.
func openTemp(t testing.TB) *data.Store {
	t.Helper()
	s, err := data.Open(context.Background(), filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// fill makes a sample practice in a new database.
func fill(t testing.TB, opts Options) *data.Store {
	t.Helper()
	s := openTemp(t)
	if err := Fill(context.Background(), s, opts); err != nil {
		t.Fatal(err)
	}
	return s
}

// allClients returns the full records of every client, active then archived.
func allClients(t testing.TB, s *data.Store) []data.Client {
	t.Helper()
	ctx := context.Background()
	var out []data.Client
	for _, archived := range []bool{false, true} {
		rows, err := s.SearchClients(ctx, data.ClientQuery{Archived: archived})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			c, err := s.Client(ctx, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, c)
		}
	}
	return out
}

func TestFillTwoYears(t *testing.T) {
	s := fill(t, Options{Years: 2, Seed: 1})
	ctx := context.Background()
	p, err := s.Practice(ctx)
	if err != nil || !p.IsSetUp() || p.TaxRateBP != 1300 || p.TimeZone != "America/Toronto" {
		t.Fatalf("practice %+v, %v", p, err)
	}
	if demo, err := s.IsDemo(ctx); err != nil || !demo {
		t.Fatalf("IsDemo = %v, %v", demo, err)
	}
	cs := allClients(t, s)
	if len(cs) != ClientsFor(2) || len(cs) < 50 {
		t.Fatalf("%d clients, want %d", len(cs), ClientsFor(2))
	}
	today := data.DateOf(time.Now())
	start := addDays(historyEnd, -2*365)
	var m mix
	var pregnant, tagged int
	for _, c := range cs {
		m.add(c)
		if len(c.Tags) > 0 {
			tagged++
		}
		if c.Health.Pregnant {
			pregnant++
			if !today.Before(c.Health.DueDate) {
				t.Errorf("%s: due date %s is not ahead", c.FormalName(), c.Health.DueDate)
			}
		}
		if age := c.BirthDate.AgeOn(historyEnd); age < 18 || age > 85 {
			t.Errorf("%s: age %d", c.FormalName(), age)
		}
		if c.ConsentDate.Before(start) || historyEnd.Before(c.ConsentDate) {
			t.Errorf("%s: consent %s outside the practice's two years", c.FormalName(), c.ConsentDate)
		}
		if err := c.Validate(data.DateOf(time.Now())); err != nil {
			t.Errorf("%s: %v", c.FormalName(), err)
		}
	}
	t.Logf("%d clients: %d alerts, %d archived, %d accented, %d other scripts, %d pregnant, %d tagged",
		len(cs), m.alerts, m.archived, m.accented, m.other, pregnant, tagged)
	if m.alerts == 0 || m.archived == 0 || m.accented == 0 || m.other == 0 || tagged == 0 {
		t.Error("want some alerts, archived clients, accented and non-Latin names, and tags")
	}
}

// mix counts the kinds of clients a demo practice must show.
type mix struct{ alerts, archived, accented, other int }

func (m *mix) add(c data.Client) {
	name := c.FirstName + c.LastName
	switch {
	case hasScript(name, unicode.Cyrillic, unicode.Greek, unicode.Han, unicode.Hangul, unicode.Hiragana):
		m.other++
	case data.Fold(name) != strings.ToLower(name):
		m.accented++
	}
	if c.Alerts != "" {
		m.alerts++
	}
	if c.Archived {
		m.archived++
	}
}

func hasScript(s string, tables ...*unicode.RangeTable) bool {
	for _, r := range s {
		if unicode.IsOneOf(tables, r) {
			return true
		}
	}
	return false
}

// TestMix checks the proportions over a large practice without a database.
func TestMix(t *testing.T) {
	g := newGen(7, 10, data.DateOf(time.Now()))
	const n = 10000
	var m mix
	var withPhone int
	for i := range n {
		c := g.client(i)
		m.add(*c)
		if c.Phone() != "" {
			withPhone++
		}
	}
	pct := func(k int) float64 { return 100 * float64(k) / n }
	t.Logf("alerts %.1f%%, archived %.1f%%, accented %.1f%%, other scripts %.1f%%",
		pct(m.alerts), pct(m.archived), pct(m.accented), pct(m.other))
	for _, check := range []struct {
		what     string
		got      float64
		min, max float64
	}{
		{"alerts", pct(m.alerts), 6, 11}, {"archived", pct(m.archived), 8, 12},
		{"accented names", pct(m.accented), 14, 21}, {"non-Latin names", pct(m.other), 4, 7},
		{"with a phone", pct(withPhone), 100, 100},
	} {
		if check.got < check.min || check.got > check.max {
			t.Errorf("%s: %.1f%%, want %.0f–%.0f%%", check.what, check.got, check.min, check.max)
		}
	}
}

func TestSameSeedSamePractice(t *testing.T) {
	strip := func(cs []data.Client) []data.Client {
		for i := range cs {
			cs[i].CreatedAt, cs[i].UpdatedAt = time.Time{}, time.Time{}
		}
		return cs
	}
	a := strip(allClients(t, fill(t, Options{Years: 2, Seed: 42})))
	b := strip(allClients(t, fill(t, Options{Years: 2, Seed: 42})))
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed gave different practices")
	}
	c := strip(allClients(t, fill(t, Options{Years: 2, Seed: 43})))
	if reflect.DeepEqual(a, c) {
		t.Fatal("different seeds gave the same practice")
	}
}

func TestSearchFindsFeaturedNames(t *testing.T) {
	s := fill(t, Options{Years: 2, Seed: 5})
	for typed, want := range map[string]string{
		"zoe": "Zoë", "lukasz": "Łukasz", "анна": "Анна", "okafor": "Bea", "siobhan o": "Siobhán", "nguyen": "Ngọc",
	} {
		rows, err := s.SearchClients(context.Background(), data.ClientQuery{Text: typed, Limit: data.SearchLimit})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, r := range rows {
			found = found || strings.HasPrefix(r.DisplayName(), want)
		}
		if !found {
			t.Errorf("search %q: no %s in %d rows", typed, want, len(rows))
		}
	}
}

func TestFillRefusesNonEmpty(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if err := s.CreateClient(ctx, &data.Client{FirstName: "Real", LastName: "Client"}); err != nil {
		t.Fatal(err)
	}
	err := Fill(ctx, s, Options{Years: 1})
	if !errors.Is(err, data.ErrNotEmpty) {
		t.Fatalf("Fill on a non-empty database: %v", err)
	}
	if demo, _ := s.IsDemo(ctx); demo {
		t.Error("a refused fill marked the database as a demo")
	}
	if rows, _ := s.SearchClients(ctx, data.ClientQuery{}); len(rows) != 1 {
		t.Errorf("%d clients after a refused fill", len(rows))
	}
}

func TestFillCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s := openTemp(t)
	if err := Fill(ctx, s, Options{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("Fill with a cancelled context: %v", err)
	}
	if empty, _ := s.IsEmpty(context.Background()); !empty {
		t.Error("a fill cancelled before it began left records")
	}

	// Cancelled after the first batch: that batch stays, in a database
	// marked as an unfinished sample; nothing more is stored.
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	s = openTemp(t)
	var calls [][2]int
	err := Fill(ctx, s, Options{Clients: 1200, Progress: func(done, total int) {
		calls = append(calls, [2]int{done, total})
		if done > 0 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Fill cancelled midway: %v", err)
	}
	rows, _ := s.SearchClients(context.Background(), data.ClientQuery{})
	archived, _ := s.SearchClients(context.Background(), data.ClientQuery{Archived: true})
	if n := len(rows) + len(archived); n != batchSize {
		t.Errorf("%d clients stored, want the first batch of %d", n, batchSize)
	}
	if demo, _ := s.IsDemo(context.Background()); demo {
		t.Error("a partial sample practice is marked as a complete demo")
	}
	if _, err := data.OpenReadOnly(context.Background(), s.Path()); !errors.Is(err, data.ErrUnfinishedSample) {
		t.Errorf("a partial sample practice opens: %v, want ErrUnfinishedSample", err)
	}
	if want := [][2]int{{0, 1200}, {500, 1200}}; !reflect.DeepEqual(calls, want) {
		t.Errorf("progress calls %v, want %v", calls, want)
	}
}

func TestClientsOverrideAndProgress(t *testing.T) {
	var last [2]int
	s := fill(t, Options{Years: 10, Clients: 1100, Progress: func(done, total int) {
		if done < last[0] {
			t.Errorf("progress went back from %d to %d", last[0], done)
		}
		last = [2]int{done, total}
	}})
	if last != [2]int{1100, 1100} {
		t.Errorf("last progress %v", last)
	}
	rep, err := s.Check(context.Background())
	if err != nil || !rep.OK() || rep.Counts["clients"] != 1100 || rep.Counts["practice"] != 1 || !rep.Demo {
		t.Errorf("check %+v, %v", rep, err)
	}
}
