package data

import (
	"slices"
	"testing"
)

// Every field the scheduling checks report is in its FieldNames list, so a
// form can prove it has a widget for each.
func TestSchedulingFieldNamesCoverValidate(t *testing.T) {
	today := day(2026, 1, 5)
	contains := func(name string, err error, names []string) {
		t.Helper()
		for _, f := range reported(t, err) {
			if !slices.Contains(names, f) {
				t.Errorf("%s reports %s, which its FieldNames do not list (%v)", name, f, names)
			}
		}
	}
	b := Booking{Clock: Clock{25, 0}, Minutes: -1, Repeat: &Repeat{EveryWeeks: 1, Until: day(2025, 1, 1)}, Date: today}
	contains("Booking", b.validate(today), AppointmentFieldNames())
	b = Booking{Repeat: &Repeat{EveryWeeks: 1, Count: 9999}, Date: today}
	contains("Booking", b.validate(today), AppointmentFieldNames())
	a := Appointment{Status: "x", Minutes: -1}
	contains("Appointment", a.Validate(), AppointmentFieldNames())
	svc := Service{Minutes: 0, PriceCents: -1, Color: "red"}
	contains("Service", svc.Validate(), ServiceFieldNames())
	bt := BlockedTime{Start: Clock{30, 0}, End: Clock{25, 0}, LastDate: day(2020, 1, 1)}
	contains("BlockedTime", bt.Validate(), BlockedTimeFieldNames())
	var p problems
	WorkingDay{Open: true, Start: Clock{10, 0}, End: Clock{9, 0}}.validate(&p)
	contains("WorkingDay", p.err(), WorkingDayFieldNames())
	contains("ScheduleSettings", ScheduleSettings{BufferMinutes: -5}.Validate(), ScheduleSettingsFieldNames())
}
