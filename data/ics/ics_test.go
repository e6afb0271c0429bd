package ics_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apognu/gocal"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/ics"
)

// practice makes a Toronto practice with a weekly series across the
// November daylight-saving change, one cancelled visit, and notes and
// alerts that must never reach the file.
func practice(t *testing.T) (*data.Store, []data.Appointment) {
	t.Helper()
	ctx := context.Background()
	now := time.Date(2026, 10, 1, 12, 0, 0, 0, time.UTC)
	s, err := data.Open(ctx, filepath.Join(t.TempDir(), "p.db"), data.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	p := data.Practice{TherapistName: "Maya Lindqvist", BusinessName: "Cedar & Stone", Currency: "CAD", TimeZone: "America/Toronto"}
	if err := s.SavePractice(ctx, &p); err != nil {
		t.Fatal(err)
	}
	c := &data.Client{FirstName: "Beatrice", PreferredName: "Bea", LastName: "Okafor", Alerts: "Latex allergy"}
	if err := s.CreateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	as, err := s.Book(ctx, data.Booking{ClientID: c.ID, ServiceID: 2, Date: data.Date{Year: 2026, Month: 10, Day: 20},
		Clock: data.Clock{Hour: 10}, Notes: "Sore neck after the accident", Repeat: &data.Repeat{EveryWeeks: 1, Count: 4}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CancelAppointment(ctx, as[3].ID, "Away", false, data.ThisVisit); err != nil {
		t.Fatal(err)
	}
	return s, as
}

// The file reads back with an independent parser (apognu/gocal): every
// appointment once, at its instant, in UTC, with a stable UID, and no
// health data.
func TestExportReadsBack(t *testing.T) {
	s, as := practice(t)
	ctx := context.Background()
	from, to := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	var buf bytes.Buffer
	n, err := ics.Export(ctx, s, &buf, from, to)
	if err != nil || n != 4 {
		t.Fatalf("export: %d, %v", n, err)
	}
	out := buf.String()
	for _, secret := range []string{"Sore neck", "Latex", "Beatrice", "Away"} {
		if strings.Contains(out, secret) {
			t.Errorf("the export contains %q", secret)
		}
	}
	if !strings.Contains(out, "X-WR-TIMEZONE:America/Toronto") {
		t.Error("no X-WR-TIMEZONE")
	}
	p := gocal.NewParser(strings.NewReader(out))
	p.Start, p.End = &from, &to
	if err := p.Parse(); err != nil {
		t.Fatal(err)
	}
	if len(p.Events) != len(as) {
		t.Fatalf("parsed %d events, want %d", len(p.Events), len(as))
	}
	toronto, _ := time.LoadLocation("America/Toronto")
	for i, e := range p.Events {
		a := as[i]
		if e.Uid != ics.UID(a) || !e.Start.Equal(a.Start) || !e.End.Equal(a.End) || e.Start.Location() != time.UTC ||
			e.Summary != "Bea Okafor · 60-min massage" {
			t.Errorf("event %d: %s %s–%s %q (%s), want %s %s–%s", i, e.Uid, e.Start, e.End, e.Summary, e.Start.Location(), ics.UID(a), a.Start, a.End)
		}
		if got := e.Start.In(toronto).Format("15:04"); got != "10:00" {
			t.Errorf("event %d at %s in Toronto, want 10:00 on both sides of the change", i, got)
		}
	}
	if p.Events[3].Status != "CANCELLED" || p.Events[0].Status != "CONFIRMED" {
		t.Errorf("statuses %q %q", p.Events[0].Status, p.Events[3].Status)
	}
	// A second export gives the same file (stable UIDs and stamps).
	var again bytes.Buffer
	if _, err := ics.Export(ctx, s, &again, from, to); err != nil || again.String() != out {
		t.Errorf("second export differs (%v)", err)
	}
}

// The initials-only setting leaves only initials.
func TestExportInitialsOnly(t *testing.T) {
	s, _ := practice(t)
	ctx := context.Background()
	set := data.ScheduleSettings{BufferMinutes: 15, ExportInitials: true}
	if err := s.SaveScheduleSettings(ctx, &set); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	from, to := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	if _, err := ics.Export(ctx, s, &buf, from, to); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "Okafor") || !strings.Contains(buf.String(), "SUMMARY:B.O. · 60-min massage") {
		t.Errorf("initials export:\n%s", buf.String())
	}
	for in, want := range map[string]string{"Bea Okafor-Smith": "B.O.", "王小明": "王.", "Zoë  de la Cruz": "Z.D.L.C."} {
		if got := ics.Initials(in); got != want {
			t.Errorf("Initials(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every line of the file ends with CRLF (RFC 5545), also on Linux, no
// line is longer than 75 octets, and a long name folded across lines
// still reads back whole with the independent parser.
func TestExportCRLFAndFolding(t *testing.T) {
	long := "Maximiliana Alexandrina Wolkenstein-Trostburg de la Fuente y Bartholomew"
	a := data.Appointment{ID: 7, ClientName: long, ServiceName: "90-min deep tissue massage",
		Start: time.Date(2026, 10, 20, 14, 0, 0, 0, time.UTC), End: time.Date(2026, 10, 20, 15, 30, 0, 0, time.UTC),
		CreatedAt: time.Date(2026, 10, 1, 12, 0, 0, 0, time.UTC), UpdatedAt: time.Date(2026, 10, 1, 12, 0, 0, 0, time.UTC)}
	var buf bytes.Buffer
	if err := ics.Write(&buf, []data.Appointment{a}, ics.Options{Zone: "America/Toronto"}); err != nil {
		t.Fatal(err)
	}
	raw := buf.Bytes()
	if !bytes.HasSuffix(raw, []byte("END:VCALENDAR\r\n")) {
		t.Errorf("the file does not end with CRLF: %q", raw[max(0, len(raw)-20):])
	}
	lines := bytes.Split(raw, []byte("\n"))
	folded := false
	for i, l := range lines[:len(lines)-1] {
		if !bytes.HasSuffix(l, []byte("\r")) {
			t.Errorf("line %d ends with a bare LF: %q", i, l)
		}
		if n := len(bytes.TrimSuffix(l, []byte("\r"))); n > 75 {
			t.Errorf("line %d is %d octets long: %q", i, n, l)
		}
		folded = folded || bytes.HasPrefix(l, []byte(" "))
	}
	if !folded {
		t.Error("the long summary was not folded")
	}
	p := gocal.NewParser(bytes.NewReader(raw))
	from, to := a.Start.Add(-time.Hour), a.End.Add(time.Hour)
	p.Start, p.End = &from, &to
	if err := p.Parse(); err != nil {
		t.Fatal(err)
	}
	if len(p.Events) != 1 || p.Events[0].Summary != ics.Summary(a, false) {
		t.Fatalf("parsed %+v, want one event %q", p.Events, ics.Summary(a, false))
	}
}
