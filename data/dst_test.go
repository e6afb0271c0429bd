package data

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// The two daylight-saving changes of 2026 in three zones: the day the
// clocks jump forward (with a time they skip and the jump as the message
// words it) and the day they go back (with a time that happens twice and
// the first of its two instants, in UTC).
var dstZones = []struct {
	zone               string
	forward            Date
	skippedAt          Clock
	jump               string
	back               Date
	repeatedAt         Clock
	firstInstant       time.Time
	seriesF, seriesB   Date // a weekday two weeks before each change, inside working hours
	forwardOffsetAfter int  // UTC offset (hours) after the spring change
}{
	{"America/Toronto", day(2026, 3, 8), Clock{2, 30}, "from 02:00 to 03:00",
		day(2026, 11, 1), Clock{1, 30}, time.Date(2026, 11, 1, 5, 30, 0, 0, time.UTC),
		day(2026, 2, 24), day(2026, 10, 20), -4},
	{"Europe/London", day(2026, 3, 29), Clock{1, 30}, "from 01:00 to 02:00",
		day(2026, 10, 25), Clock{1, 30}, time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC),
		day(2026, 3, 17), day(2026, 10, 13), 1},
	{"Australia/Sydney", day(2026, 10, 4), Clock{2, 30}, "from 02:00 to 03:00",
		day(2026, 4, 5), Clock{2, 30}, time.Date(2026, 4, 4, 15, 30, 0, 0, time.UTC),
		day(2026, 9, 22), day(2026, 3, 24), 11},
}

// A weekly series across each change stays at 10:00 on the wall clock,
// so its UTC instants move by the hour the clocks moved.
func TestWeeklySeriesKeepsWallClockAcrossDST(t *testing.T) {
	for _, z := range dstZones {
		t.Run(z.zone, func(t *testing.T) {
			f := newSched(t, z.zone)
			loc, _ := time.LoadLocation(z.zone)
			for _, first := range []Date{z.seriesF, z.seriesB} {
				as := f.book(t, Booking{Date: first, Clock: Clock{10, 0}, Repeat: &Repeat{EveryWeeks: 1, Count: 4}})
				offsets := map[int]bool{}
				for i, a := range as {
					local := a.Start.In(loc)
					want := first.addDays(7*i).String() + "T10:00"
					if a.LocalStart != want || local.Format(LocalLayout) != want || a.End.Sub(a.Start) != time.Hour {
						t.Errorf("visit %d: %s (%s), want %s", i+1, a.LocalStart, local, want)
					}
					_, off := local.Zone()
					offsets[off] = true
				}
				if len(offsets) != 2 {
					t.Errorf("series from %s: offsets %v, want the two sides of the change", first, offsets)
				}
			}
			// Read back from the database, the wall clock is the same.
			got, err := f.s.ClientAppointments(f.ctx, f.client)
			if err != nil || len(got) != 8 {
				t.Fatalf("%v, %d appointments", err, len(got))
			}
			for _, a := range got {
				if a.Start.In(loc).Format("15:04") != "10:00" {
					t.Errorf("%s reads back at %s", a.LocalStart, a.Start.In(loc))
				}
			}
		})
	}
}

// A booking in the hour the clocks skip is refused, saying why; one in the
// hour that happens twice is booked at the first of the two instants.
func TestBookingInsideTheDSTChanges(t *testing.T) {
	for _, z := range dstZones {
		t.Run(z.zone, func(t *testing.T) {
			f := newSched(t, z.zone)
			_, err := f.s.Book(f.ctx, Booking{ClientID: f.client, ServiceID: svc30, Date: z.forward, Clock: z.skippedAt, Override: true})
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("skipped time: %v, want a ValidationError", err)
			}
			msg := ve.For("Clock")
			for _, words := range []string{z.skippedAt.String(), "does not exist", z.zone, z.jump, "Pick another time"} {
				if !strings.Contains(msg, words) {
					t.Errorf("message %q lacks %q", msg, words)
				}
			}
			as := f.book(t, Booking{ServiceID: svc30, Date: z.back, Clock: z.repeatedAt, Override: true})
			if !as[0].Start.Equal(z.firstInstant) || as[0].End.Sub(as[0].Start) != 30*time.Minute {
				t.Errorf("repeated time booked at %s, want the first instant %s", as[0].Start, z.firstInstant)
			}
			loc, _ := time.LoadLocation(z.zone)
			after, err := WallTime(loc, z.forward, Clock{10, 0})
			if _, off := after.In(loc).Zone(); err != nil || off != z.forwardOffsetAfter*3600 {
				t.Errorf("10:00 after the change: %v offset %d", err, off)
			}
		})
	}
}

// WallTime is independent of the machine's zone and of Go's choice for
// ambiguous times: the repeated time is always the earlier instant.
func TestWallTimeRepeatedIsFirstInstant(t *testing.T) {
	for _, z := range dstZones {
		loc, _ := time.LoadLocation(z.zone)
		got, err := WallTime(loc, z.back, z.repeatedAt)
		if err != nil || !got.Equal(z.firstInstant) {
			t.Errorf("%s: %v %v, want %v", z.zone, got, err, z.firstInstant)
		}
		second := z.firstInstant.Add(time.Hour)
		if second.In(loc).Format("15:04") != z.repeatedAt.String() {
			t.Errorf("%s: %s is not the second %s", z.zone, second, z.repeatedAt)
		}
	}
}

func TestParseClock(t *testing.T) {
	for in, want := range map[string]Clock{"10:30": {10, 30}, "1030": {10, 30}, "14": {14, 0}, "2pm": {14, 0},
		"2:15 pm": {14, 15}, "12am": {0, 0}, "12 PM": {12, 0}, "9.45": {9, 45}, "0": {0, 0}} {
		if got, err := ParseClock(in); err != nil || got != want {
			t.Errorf("ParseClock(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "25", "10:60", "13pm", "ten", "10:5:0", "-1"} {
		if _, err := ParseClock(in); err == nil {
			t.Errorf("ParseClock(%q) accepted", in)
		}
	}
}
