package data

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// Cancelling "this and following" cancels the later booked visits of the
// series and leaves earlier ones; each change is in the history.
func TestCancelThisAndFollowing(t *testing.T) {
	f := newSched(t, "America/Toronto")
	as := f.book(t, Booking{Date: day(2026, 1, 13), Clock: Clock{10, 0}, Repeat: &Repeat{EveryWeeks: 2, Count: 4}})
	if _, err := f.s.CancelAppointment(f.ctx, as[2].ID, "Moving away", false, ThisVisit); err != nil {
		t.Fatal(err)
	}
	got, err := f.s.CancelAppointment(f.ctx, as[1].ID, "Injury", true, ThisAndFollowing)
	if err != nil || len(got) != 2 || got[0].ID != as[1].ID || got[1].ID != as[3].ID {
		t.Fatalf("cancelled %v %+v", err, got)
	}
	var statuses []Status
	all, _ := f.s.ClientAppointments(f.ctx, f.client)
	for _, a := range all {
		statuses = append(statuses, a.Status)
	}
	want := []Status{StatusBooked, StatusLateCancelled, StatusCancelled, StatusLateCancelled}
	if !slices.Equal(statuses, want) || all[1].CancelReason != "Injury" {
		t.Errorf("statuses %v (reason %q), want %v", statuses, all[1].CancelReason, want)
	}
	hist, _ := f.s.AppointmentHistory(f.ctx, as[3].ID)
	if len(hist) != 2 || hist[1].From != StatusBooked || hist[1].To != StatusLateCancelled || hist[1].Reason != "Injury" {
		t.Errorf("history %+v", hist)
	}
	if _, err := f.s.CancelAppointment(f.ctx, as[1].ID, "", false, ThisVisit); err == nil {
		t.Error("a cancelled visit was cancelled again")
	}
}

// Completed and no-show need the visit to have started; booking a
// cancelled visit again needs its time to be free.
func TestSetAppointmentStatus(t *testing.T) {
	clock := schedNow
	s := openWithClock(t, "America/Toronto", func() time.Time { return clock })
	c := mustCreate(t, s, &Client{FirstName: "Ana", LastName: "Silva"})
	f := &schedFixture{s: s, ctx: t.Context(), client: c.ID}
	a := f.book(t, Booking{Date: day(2026, 1, 13), Clock: Clock{10, 0}})[0]
	_, err := s.SetAppointmentStatus(f.ctx, a.ID, StatusCompleted, "")
	var ve *ValidationError
	if !errors.As(err, &ve) || !strings.Contains(ve.For("Status"), "has not started") {
		t.Errorf("completed before it happened: %v", err)
	}
	if _, err := s.SetAppointmentStatus(f.ctx, a.ID, "done", ""); err == nil {
		t.Error("unknown status accepted")
	}
	if _, err := s.SetAppointmentStatus(f.ctx, a.ID, StatusCancelled, "Snow storm"); err != nil {
		t.Fatal(err)
	}
	b := f.book(t, Booking{ServiceID: svc30, Date: day(2026, 1, 13), Clock: Clock{10, 30}})[0]
	_, err = s.SetAppointmentStatus(f.ctx, a.ID, StatusBooked, "")
	conflictOf(t, err)
	if _, err := s.CancelAppointment(f.ctx, b.ID, "", false, ThisVisit); err != nil {
		t.Fatal(err)
	}
	clock = time.Date(2026, 1, 14, 0, 0, 0, 0, time.UTC)
	got, err := s.SetAppointmentStatus(f.ctx, a.ID, StatusNoShow, "")
	if err != nil || got.Status != StatusNoShow || got.CancelReason != "" {
		t.Fatalf("no-show: %v %+v", err, got)
	}
	hist, _ := s.AppointmentHistory(f.ctx, a.ID)
	if len(hist) != 3 || hist[2].From != StatusCancelled || hist[2].To != StatusNoShow || !hist[2].ChangedAt.Equal(clock) {
		t.Errorf("history %+v", hist)
	}
}

// Moving "this and following" shifts the later visits by the same days to
// the new time; the history says where each came from; a clash refuses
// the move and changes nothing.
func TestRescheduleThisAndFollowing(t *testing.T) {
	f := newSched(t, "America/Toronto")
	as := f.book(t, Booking{Date: day(2026, 1, 13), Clock: Clock{10, 0}, Repeat: &Repeat{EveryWeeks: 1, Count: 4}})
	other := f.book(t, Booking{ServiceID: svc30, Date: day(2026, 1, 29), Clock: Clock{14, 0}})[0]
	_, err := f.s.Reschedule(f.ctx, as[1].ID, day(2026, 1, 22), Clock{14, 0}, ThisAndFollowing, false)
	if ce := conflictOf(t, err); len(ce.Conflicts) != 1 || ce.Conflicts[0].AppointmentID != other.ID {
		t.Errorf("conflicts %+v", ce.Conflicts)
	}
	moved, err := f.s.Reschedule(f.ctx, as[1].ID, day(2026, 1, 22), Clock{15, 30}, ThisAndFollowing, false)
	if err != nil || len(moved) != 3 {
		t.Fatalf("moved %v %d", err, len(moved))
	}
	all, _ := f.s.ClientAppointments(f.ctx, f.client)
	var locals []string
	for _, a := range all {
		if a.SeriesID != 0 {
			locals = append(locals, a.LocalStart)
		}
	}
	want := []string{"2026-01-13T10:00", "2026-01-22T15:30", "2026-01-29T15:30", "2026-02-05T15:30"}
	if !slices.Equal(locals, want) {
		t.Errorf("after the move %v, want %v", locals, want)
	}
	hist, _ := f.s.AppointmentHistory(f.ctx, as[3].ID)
	if len(hist) != 2 || hist[1].Reason != "Moved from 2026-02-03T10:00" {
		t.Errorf("history %+v", hist)
	}
	if _, err := f.s.Reschedule(f.ctx, as[0].ID, day(2026, 3, 8), Clock{2, 30}, ThisVisit, true); err == nil {
		t.Error("moved into the hour the clocks skip")
	}
}
