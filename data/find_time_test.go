package data

import (
	"slices"
	"testing"
	"time"
)

// Find a time offers the next free times on the 15-minute grid within
// working hours, keeping the buffer to booked visits, skipping blocked
// time and closed days.
func TestFindTimes(t *testing.T) {
	f := newSched(t, "America/Toronto")
	loc, _ := time.LoadLocation("America/Toronto")
	lunch := BlockedTime{Label: "Lunch", FirstDate: day(2026, 1, 5), Start: Clock{12, 0}, End: Clock{13, 0}, Weekly: true}
	if err := f.s.SaveBlockedTime(f.ctx, &lunch); err != nil {
		t.Fatal(err)
	}
	f.book(t, Booking{Date: day(2026, 1, 12), Clock: Clock{9, 0}})
	f.book(t, Booking{Date: day(2026, 1, 12), Clock: Clock{14, 0}})
	from := time.Date(2026, 1, 12, 7, 0, 0, 0, loc)
	slots, err := f.s.FindTimes(f.ctx, svc60, from, 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range slots {
		got = append(got, s.LocalStart)
	}
	want := []string{
		"2026-01-12T10:15", "2026-01-12T10:30", "2026-01-12T10:45", "2026-01-12T11:00", // lunch at 12
		"2026-01-12T15:15", "2026-01-12T15:30", "2026-01-12T15:45", "2026-01-12T16:00", "2026-01-12T16:15",
		"2026-01-12T16:30", // 17:00–18:00 is also free but the 10th slot ends the list
	}
	if !slices.Equal(got, want) {
		t.Errorf("slots\n%v\nwant\n%v", got, want)
	}
	// Every offered slot can be booked as it is.
	for _, s := range slots[:1] {
		f.book(t, Booking{Date: DateOf(s.Start.In(loc)), Clock: ClockOf(s.Start.In(loc))})
	}
	// Starting on a Saturday evening: Sunday is closed, Monday opens at 9.
	slots, err = f.s.FindTimes(f.ctx, svc90, time.Date(2026, 1, 17, 20, 0, 0, 0, loc), 2)
	if err != nil || len(slots) != 2 || slots[0].LocalStart != "2026-01-19T09:00" || slots[1].LocalStart != "2026-01-19T09:15" {
		t.Errorf("after the weekend: %v %+v", err, slots)
	}
	if _, err := f.s.FindTimes(f.ctx, svc60, from, 0); err == nil {
		t.Error("0 slots asked for")
	}
}

// The new tables' descriptions cover every column of the schema.
func TestSchedulingColumnsMatchTheSchema(t *testing.T) {
	s := openTemp(t)
	check := func(name string, got []string) {
		t.Helper()
		if want := tableColumns(t, s, name); !slices.Equal(got, want) {
			t.Errorf("%s: described\n%v\nschema\n%v", name, got, want)
		}
	}
	check("services", describedColumns(&serviceTable))
	check("appointments", describedColumns(&appointmentTable))
	check("appointment_list", describedColumns(&appointmentListTable))
	check("appointment_history", describedColumns(&statusChangeTable))
	check("working_hours", describedColumns(&workingDayTable))
	check("blocked_times", describedColumns(&blockedTimeTable))
	check("schedule_settings", describedColumns(&scheduleSettingsTable))
	svcs, err := s.Services(t.Context(), false)
	if err != nil || len(svcs) != 4 || svcs[0].Minutes != 30 || svcs[3].Name != "90-min massage" {
		t.Errorf("default services %v %+v", err, svcs)
	}
}
