package data

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// Service IDs made by migration 4, in order.
const (
	svc30 int64 = iota + 1
	svc60
	svc90
	svcAssessment
)

// schedFixture is a practice in zone with one client, Bea Okafor, and the
// clock at noon UTC on Monday 5 January 2026.
type schedFixture struct {
	s      *Store
	ctx    context.Context
	client int64
}

var schedNow = time.Date(2026, time.January, 5, 12, 0, 0, 0, time.UTC)

func newSched(t *testing.T, zone string) *schedFixture {
	t.Helper()
	s := openWithClock(t, zone, fixed(schedNow))
	c := &Client{FirstName: "Beatrice", PreferredName: "Bea", LastName: "Okafor", Alerts: "Latex allergy"}
	mustCreate(t, s, c)
	return &schedFixture{s: s, ctx: context.Background(), client: c.ID}
}

func (f *schedFixture) book(t *testing.T, b Booking) []Appointment {
	t.Helper()
	if b.ClientID == 0 {
		b.ClientID = f.client
	}
	if b.ServiceID == 0 {
		b.ServiceID = svc60
	}
	as, err := f.s.Book(f.ctx, b)
	if err != nil {
		t.Fatalf("book %v at %v: %v", b.Date, b.Clock, err)
	}
	return as
}

func (f *schedFixture) count(t *testing.T, table string) int {
	t.Helper()
	var n int
	if err := f.s.r.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func conflictOf(t *testing.T, err error) *ConflictError {
	t.Helper()
	var ce *ConflictError
	if !errors.As(err, &ce) {
		t.Fatalf("got %v, want a *ConflictError", err)
	}
	return ce
}

func day(y int, m time.Month, d int) Date { return Date{Year: y, Month: m, Day: d} }

func TestBookAndReadBack(t *testing.T) {
	f := newSched(t, "America/Toronto")
	as := f.book(t, Booking{Date: day(2026, 1, 13), Clock: Clock{10, 0}, Notes: "  first visit "})
	if len(as) != 1 || as[0].ID == 0 {
		t.Fatalf("booked %+v", as)
	}
	want := time.Date(2026, 1, 13, 15, 0, 0, 0, time.UTC)
	week, err := f.s.Appointments(f.ctx, time.Date(2026, 1, 12, 0, 0, 0, 0, time.UTC), time.Date(2026, 1, 19, 0, 0, 0, 0, time.UTC))
	if err != nil || len(week) != 1 {
		t.Fatalf("week: %v %+v", err, week)
	}
	a := week[0]
	if !a.Start.Equal(want) || !a.End.Equal(want.Add(time.Hour)) || a.LocalStart != "2026-01-13T10:00" ||
		a.Zone != "America/Toronto" || a.ServiceName != "60-min massage" || a.Minutes != 60 || a.PriceCents != 11000 ||
		a.Status != StatusBooked || a.Notes != "first visit" || a.ClientName != "Bea Okafor" || !a.ClientAlert ||
		a.Color != "#70AD47" || a.SeriesID != 0 || !a.CreatedAt.Equal(schedNow) {
		t.Errorf("read back %+v", a)
	}
	// The price is copied: a later price change does not rewrite the visit.
	svc, _ := f.s.Service(f.ctx, svc60)
	svc.PriceCents, svc.Minutes = 12000, 50
	if err := f.s.SaveService(f.ctx, &svc); err != nil {
		t.Fatal(err)
	}
	if got, _ := f.s.Appointment(f.ctx, a.ID); got.PriceCents != 11000 || got.Minutes != 60 {
		t.Errorf("after a price change the visit reads %d cents, %d minutes", got.PriceCents, got.Minutes)
	}
	hist, err := f.s.AppointmentHistory(f.ctx, a.ID)
	if err != nil || len(hist) != 1 || hist[0].From != "" || hist[0].To != StatusBooked {
		t.Errorf("history %v %+v", err, hist)
	}
	if got, _ := f.s.ClientAppointments(f.ctx, f.client); len(got) != 1 {
		t.Errorf("client has %d appointments", len(got))
	}
}

// The buffer (15 minutes by default) counts: a visit starting when the
// last one ends is refused, naming the booking it clashes with; 15
// minutes later is fine; "book anyway" books over it.
func TestConflictsIncludeTheBuffer(t *testing.T) {
	f := newSched(t, "America/Toronto")
	f.book(t, Booking{Date: day(2026, 1, 13), Clock: Clock{10, 0}})
	_, err := f.s.Book(f.ctx, Booking{ClientID: f.client, ServiceID: svc30, Date: day(2026, 1, 13), Clock: Clock{11, 0}})
	ce := conflictOf(t, err)
	if len(ce.Conflicts) != 1 || ce.Conflicts[0].What != "too close to Bea Okafor's 60-min massage, 10:00–11:00 (you keep 15 minutes between visits)" || ce.Conflicts[0].AppointmentID == 0 {
		t.Errorf("conflicts %+v", ce.Conflicts)
	}
	if msg := UserMessage(err); !strings.Contains(msg, "clashes with") || !strings.Contains(msg, "Book anyway") {
		t.Errorf("message %q", msg)
	}
	// Inside the visit it overlaps (the buffer is not mentioned).
	if _, ce, err := f.s.CheckBooking(f.ctx, Booking{ClientID: f.client, ServiceID: svc30, Date: day(2026, 1, 13), Clock: Clock{10, 15}}); err != nil || ce == nil ||
		ce.Conflicts[0].What != "overlaps Bea Okafor's 60-min massage, 10:00–11:00" {
		t.Errorf("overlap: %v %+v", err, ce)
	}
	// Before the visit too: 8:50–9:20 ends 40 minutes early... but 9:00–9:30 ends within the buffer.
	if _, err := f.s.Book(f.ctx, Booking{ClientID: f.client, ServiceID: svc30, Date: day(2026, 1, 13), Clock: Clock{9, 30}}); err == nil {
		t.Error("9:30–10:00 booked right before a 10:00 visit, inside the buffer")
	}
	f.book(t, Booking{ServiceID: svc30, Date: day(2026, 1, 13), Clock: Clock{11, 15}})
	f.book(t, Booking{ServiceID: svc30, Date: day(2026, 1, 13), Clock: Clock{10, 30}, Override: true})
	if n := f.count(t, "appointments"); n != 3 {
		t.Errorf("%d appointments, want 3", n)
	}
	// Without a buffer, back to back is fine; a cancelled visit frees its time.
	set := ScheduleSettings{BufferMinutes: 0}
	if err := f.s.SaveScheduleSettings(f.ctx, &set); err != nil {
		t.Fatal(err)
	}
	as := f.book(t, Booking{ServiceID: svc30, Date: day(2026, 1, 14), Clock: Clock{11, 0}})
	f.book(t, Booking{ServiceID: svc30, Date: day(2026, 1, 14), Clock: Clock{11, 30}})
	if _, err := f.s.CancelAppointment(f.ctx, as[0].ID, "Flu", false, ThisVisit); err != nil {
		t.Fatal(err)
	}
	f.book(t, Booking{ServiceID: svc30, Date: day(2026, 1, 14), Clock: Clock{11, 0}})
}

// Blocked time, once or weekly, is a conflict; outside working hours is
// listed apart; a series lists every conflict of every visit.
func TestConflictsWithBlockedTimeAndHours(t *testing.T) {
	f := newSched(t, "America/Toronto")
	lunch := BlockedTime{Label: "Lunch", FirstDate: day(2026, 1, 5), Start: Clock{12, 0}, End: Clock{13, 0}, Weekly: true}
	if err := f.s.SaveBlockedTime(f.ctx, &lunch); err != nil {
		t.Fatal(err)
	}
	holiday := BlockedTime{Label: "Holiday", FirstDate: day(2026, 1, 26), LastDate: day(2026, 1, 27), Start: Clock{0, 0}, End: Clock{24, 0}}
	if err := f.s.SaveBlockedTime(f.ctx, &holiday); err != nil {
		t.Fatal(err)
	}
	// Mondays at 12:30, four weeks: lunch every week, the holiday in week 4.
	b := Booking{ClientID: f.client, ServiceID: svc30, Date: day(2026, 1, 5), Clock: Clock{12, 30}, Repeat: &Repeat{EveryWeeks: 1, Count: 4}}
	occ, ce, err := f.s.CheckBooking(f.ctx, b)
	if err != nil || len(occ) != 4 || ce == nil {
		t.Fatalf("check: %v, %d occurrences, %v", err, len(occ), ce)
	}
	var whats []string
	for _, c := range ce.Conflicts {
		whats = append(whats, c.What)
	}
	if len(ce.Conflicts) != 5 || !slices.Contains(whats, "Blocked: Lunch") || !slices.Contains(whats, "Blocked: Holiday") ||
		ce.Conflicts[4].Occurrence != 4 {
		t.Errorf("conflicts %v", whats)
	}
	// 13:00 on a Monday is clear of lunch (blocked time has no buffer).
	f.book(t, Booking{ServiceID: svc30, Date: day(2026, 1, 12), Clock: Clock{13, 0}})
	// A Sunday is outside working hours: a warning that needs Override.
	_, err = f.s.Book(f.ctx, Booking{ClientID: f.client, ServiceID: svc60, Date: day(2026, 1, 11), Clock: Clock{10, 0}})
	ce = conflictOf(t, err)
	if len(ce.Conflicts) != 0 || len(ce.OutsideHours) != 1 || !strings.Contains(ce.OutsideHours[0].What, "closed on Sundays") {
		t.Errorf("outside hours %+v", ce)
	}
	f.book(t, Booking{Date: day(2026, 1, 11), Clock: Clock{10, 0}, Override: true})
	// Until 18:30 on a Monday (open 9–18) also is outside.
	_, err = f.s.Book(f.ctx, Booking{ClientID: f.client, ServiceID: svc60, Date: day(2026, 1, 12), Clock: Clock{17, 30}})
	if ce := conflictOf(t, err); len(ce.OutsideHours) != 1 {
		t.Errorf("17:30–18:30 %+v", ce)
	}
	if err := f.s.DeleteBlockedTime(f.ctx, lunch.ID); err != nil {
		t.Fatal(err)
	}
	f.book(t, Booking{ServiceID: svc30, Date: day(2026, 1, 19), Clock: Clock{12, 0}})
}

// A series is saved all or nothing: a clash in one visit, a visit in the
// hour the clocks skip, or a failure in the middle of the inserts leaves
// no appointment and no series.
func TestSeriesIsAllOrNothing(t *testing.T) {
	f := newSched(t, "America/Toronto")
	f.book(t, Booking{Date: day(2026, 2, 3), Clock: Clock{10, 0}})
	weekly := func(first Date, c Clock, n int) Booking {
		return Booking{ClientID: f.client, ServiceID: svc60, Date: first, Clock: c, Repeat: &Repeat{EveryWeeks: 1, Count: n}}
	}
	_, err := f.s.Book(f.ctx, weekly(day(2026, 1, 13), Clock{10, 0}, 6))
	if ce := conflictOf(t, err); len(ce.Conflicts) != 1 || ce.Conflicts[0].Occurrence != 4 {
		t.Errorf("conflicts %+v", ce.Conflicts)
	}
	// Sundays at 2:30 in March: 8 March 2026 does not exist at 2:30 in Toronto.
	b := weekly(day(2026, 2, 22), Clock{2, 30}, 3)
	b.Override = true
	_, err = f.s.Book(f.ctx, b)
	var ve *ValidationError
	if !errors.As(err, &ve) || !strings.Contains(ve.For("Clock"), "visit 3") || !strings.Contains(ve.For("Clock"), "does not exist") {
		t.Errorf("skipped hour in a series: %v", err)
	}
	// A failure while storing the third visit (a trigger stands in for a
	// full disk) rolls back the whole series.
	if _, err := f.s.w.Exec(`CREATE TRIGGER fail_third BEFORE INSERT ON appointments
		WHEN NEW.local_start = '2026-03-03T14:00' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Book(f.ctx, weekly(day(2026, 2, 17), Clock{14, 0}, 5)); err == nil || !strings.Contains(err.Error(), "disk trouble") {
		t.Errorf("forced failure: %v", err)
	}
	if a, s := f.count(t, "appointments"), f.count(t, "appointment_series"); a != 1 || s != 0 {
		t.Errorf("after refused series: %d appointments, %d series; want 1, 0", a, s)
	}
	if h := f.count(t, "appointment_history"); h != 1 {
		t.Errorf("%d history lines, want 1", h)
	}
	as := f.book(t, weekly(day(2026, 3, 10), Clock{14, 0}, 5))
	for _, a := range as {
		if a.SeriesID == 0 || a.SeriesID != as[0].SeriesID {
			t.Errorf("occurrence not linked to its series: %+v", a)
		}
	}
	if n := f.count(t, "appointments"); n != 6 {
		t.Errorf("%d appointments, want 6", n)
	}
}

// Bad input is refused with a message that says what is wrong.
func TestBookingBadInput(t *testing.T) {
	f := newSched(t, "America/Toronto")
	cases := map[string]struct {
		b            Booking
		field, words string
	}{
		"end before start": {Booking{ServiceID: svc60, Date: day(2026, 1, 13), Clock: Clock{10, 0}, Minutes: -30}, "Minutes", "5 minutes to 12 hours"},
		"3 minutes":        {Booking{ServiceID: svc60, Date: day(2026, 1, 13), Clock: Clock{10, 0}, Minutes: 3}, "Minutes", "(3 minutes is not possible)"},
		"13 hours":         {Booking{ServiceID: svc60, Date: day(2026, 1, 13), Clock: Clock{10, 0}, Minutes: 780}, "Minutes", "5 minutes to 12 hours"},
		"unknown client":   {Booking{ClientID: 999, ServiceID: svc60, Date: day(2026, 1, 13), Clock: Clock{10, 0}}, "ClientID", "not on file"},
		"unknown service":  {Booking{ServiceID: 999, Date: day(2026, 1, 13), Clock: Clock{10, 0}}, "ServiceID", "does not exist"},
		"200 years out":    {Booking{ServiceID: svc60, Date: day(2226, 1, 13), Clock: Clock{10, 0}}, "Date", "more than 10 years ahead"},
		"no date":          {Booking{ServiceID: svc60, Clock: Clock{10, 0}}, "Date", "Choose the date"},
		"not a time":       {Booking{ServiceID: svc60, Date: day(2026, 1, 13), Clock: Clock{25, 0}}, "Clock", "not a time of day"},
		"until before":     {Booking{ServiceID: svc60, Date: day(2026, 1, 13), Clock: Clock{10, 0}, Repeat: &Repeat{EveryWeeks: 1, Until: day(2026, 1, 1)}}, "Until", "comes before"},
		"repeat forever":   {Booking{ServiceID: svc60, Date: day(2026, 1, 13), Clock: Clock{10, 0}, Repeat: &Repeat{EveryWeeks: 1}}, "Count", "how many"},
	}
	for name, c := range cases {
		if c.b.ClientID == 0 {
			c.b.ClientID = f.client
		}
		_, err := f.s.Book(f.ctx, c.b)
		var ve *ValidationError
		if !errors.As(err, &ve) || !strings.Contains(ve.For(c.field), c.words) {
			t.Errorf("%s: got %v, want %s: …%s…", name, err, c.field, c.words)
		}
		if msg := UserMessage(err); !strings.Contains(msg, c.words) {
			t.Errorf("%s: message %q", name, msg)
		}
	}
	svc := Service{Name: "Nothing", Minutes: 0, Color: "#112233"}
	err := f.s.SaveService(f.ctx, &svc)
	var ve *ValidationError
	if !errors.As(err, &ve) || !strings.Contains(ve.For("Minutes"), "must last some time") {
		t.Errorf("zero-length service: %v", err)
	}
	a := Appointment{ClientID: 1, ServiceID: 1, Start: schedNow, End: schedNow.Add(-time.Hour), Minutes: 60, Status: StatusBooked,
		Zone: "UTC", LocalStart: "2026-01-05T12:00"}
	if err := a.Validate(); err == nil || !strings.Contains(err.Error(), "ends") {
		t.Errorf("end before start: %v", err)
	}
	if n := f.count(t, "appointments"); n != 0 {
		t.Errorf("%d appointments stored from bad input", n)
	}
}
