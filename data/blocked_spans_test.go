package data

import (
	"testing"
	"time"
)

// Weekly blocked time is expanded on each of its weekdays in range, a
// one-off holiday on each of its days, in the practice's zone.
func TestBlockedIntervalsExpandWeeklyBlocks(t *testing.T) {
	f := newSched(t, "America/Toronto")
	lunch := BlockedTime{Label: "Lunch", FirstDate: Date{2026, time.January, 5}, Start: Clock{12, 0}, End: Clock{13, 0}, Weekly: true}
	hol := BlockedTime{Label: "Holiday", FirstDate: Date{2026, time.January, 14}, LastDate: Date{2026, time.January, 15},
		Start: Clock{0, 0}, End: Clock{24, 0}}
	for _, b := range []*BlockedTime{&lunch, &hol} {
		if err := f.s.SaveBlockedTime(f.ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	toronto, _ := time.LoadLocation("America/Toronto")
	from, to := time.Date(2026, time.January, 11, 0, 0, 0, 0, toronto), time.Date(2026, time.January, 25, 0, 0, 0, 0, toronto)
	got, err := f.s.BlockedIntervals(f.ctx, from, to)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Lunch Mon 12 12:00-13:00", "Holiday Wed 14 00:00-00:00", "Holiday Thu 15 00:00-00:00", "Lunch Mon 19 12:00-13:00"}
	if len(got) != len(want) {
		t.Fatalf("got %d intervals %v, want %v", len(got), got, want)
	}
	for i, g := range got {
		s := g.Label + " " + g.Start.In(toronto).Format("Mon 2 15:04") + "-" + g.End.In(toronto).Format("15:04")
		if s != want[i] {
			t.Errorf("interval %d: %s, want %s", i, s, want[i])
		}
	}
}

// Visits booked in a new blocked time are found (they stay booked); a
// cancelled one and one outside the block are not.
func TestBookedInBlockedTime(t *testing.T) {
	f := newSched(t, "America/Toronto")
	in := f.book(t, Booking{Date: Date{2026, time.January, 12}, Clock: Clock{12, 30}})[0]
	f.book(t, Booking{Date: Date{2026, time.January, 12}, Clock: Clock{14, 0}})
	gone := f.book(t, Booking{Date: Date{2026, time.January, 19}, Clock: Clock{12, 0}})[0]
	if _, err := f.s.CancelAppointment(f.ctx, gone.ID, "", false, ThisVisit); err != nil {
		t.Fatal(err)
	}
	lunch := BlockedTime{Label: "Lunch", FirstDate: Date{2026, time.January, 5}, Start: Clock{12, 0}, End: Clock{13, 0}, Weekly: true}
	if err := f.s.SaveBlockedTime(f.ctx, &lunch); err != nil {
		t.Fatal(err)
	}
	got, err := f.s.BookedInBlockedTime(f.ctx, lunch)
	if err != nil || len(got) != 1 || got[0].ID != in.ID {
		t.Fatalf("got %v %v, want visit %d", got, err, in.ID)
	}
	if a, _ := f.s.Appointment(f.ctx, in.ID); a.Status != StatusBooked {
		t.Errorf("visit is %s", a.Status)
	}
}
