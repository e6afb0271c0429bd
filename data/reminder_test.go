package data

import (
	"errors"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

func reminderValues(t *testing.T) ReminderValues {
	t.Helper()
	loc, err := time.LoadLocation("America/Toronto")
	if err != nil {
		t.Fatal(err)
	}
	// 15:00 UTC is 10:00 in Toronto on Tuesday 3 March 2026.
	a := Appointment{Start: time.Date(2026, 3, 3, 15, 0, 0, 0, time.UTC), ServiceName: "60-min massage", Minutes: 60}
	c := Client{FirstName: "Beatrice", PreferredName: "Bea", LastName: "Okafor", Email: "bea+spa@example.com"}
	p := Practice{TherapistName: "Maya Lindqvist", BusinessName: "Stillpoint Massage", Phone: "416-555-0100",
		Address: "12 Elm St\nToronto ON"}
	return NewReminderValues(a, c, p, loc)
}

func TestReminderRendersEveryPlaceholder(t *testing.T) {
	w := ReminderWording{
		Subject:   "{first_name}: {date} at {time}",
		EmailBody: "{service} ({minutes} min) with {therapist} at {practice}, {address}. Call {phone}.",
		SMS:       "Hi {first_name}, see you {date} {time}.",
	}
	if err := w.Validate(); err != nil {
		t.Fatalf("valid wording refused: %v", err)
	}
	r := w.Render(reminderValues(t))
	if want := "Bea: Tuesday 3 March at 10:00"; r.Subject != want {
		t.Errorf("subject %q, want %q", r.Subject, want)
	}
	want := "60-min massage (60 min) with Maya Lindqvist at Stillpoint Massage, 12 Elm St, Toronto ON. Call 416-555-0100."
	if r.Body != want {
		t.Errorf("body %q,\nwant %q", r.Body, want)
	}
	if want := "Hi Bea, see you Tuesday 3 March 10:00."; r.SMS != want {
		t.Errorf("sms %q, want %q", r.SMS, want)
	}
	if r.To != "bea+spa@example.com" {
		t.Errorf("to %q", r.To)
	}
}

func TestDefaultReminderWordingIsValidAndFilled(t *testing.T) {
	w := DefaultReminderWording()
	if err := w.Validate(); err != nil {
		t.Fatalf("default wording: %v", err)
	}
	r := w.Render(reminderValues(t))
	for _, s := range []string{r.Subject, r.Body, r.SMS} {
		if strings.ContainsAny(s, "{}") {
			t.Errorf("placeholder left in %q", s)
		}
	}
	if !strings.Contains(r.Body, "Hi Bea,") || !strings.Contains(r.SMS, "Tuesday 3 March at 10:00") {
		t.Errorf("default reminder: %+v", r)
	}
}

func TestReminderValidationMessages(t *testing.T) {
	ok := DefaultReminderWording()
	cases := []struct {
		name  string
		edit  func(*ReminderWording)
		field string
		say   string
	}{
		{"unknown", func(w *ReminderWording) { w.EmailBody = "Hi {frist_name}" }, "EmailBody",
			"{frist_name} is not a placeholder Stillpoint knows. You can use {first_name}, {date}"},
		{"two unknown", func(w *ReminderWording) { w.SMS = "{a} and {b}" }, "SMS", "{a}, {b} are not placeholders"},
		{"unclosed", func(w *ReminderWording) { w.Subject = "See you {date" }, "Subject", `"{" without a "}"`},
		{"stray close", func(w *ReminderWording) { w.Subject = "See you date}" }, "Subject", `"}" without a "{"`},
		{"empty", func(w *ReminderWording) { w.SMS = "  " }, "SMS", "cannot be empty"},
		{"two lines", func(w *ReminderWording) { w.Subject = "a\nb" }, "Subject", "one line"},
		{"too long", func(w *ReminderWording) { w.EmailBody = strings.Repeat("x", maxReminderBody+1) }, "EmailBody", "too long"},
	}
	for _, c := range cases {
		w := ok
		c.edit(&w)
		var ve *ValidationError
		if err := w.Validate(); !errors.As(err, &ve) {
			t.Errorf("%s: got %v, want a validation error", c.name, err)
			continue
		}
		if len(ve.Problems) != 1 || ve.Problems[0].Field != c.field || !strings.Contains(ve.Problems[0].Message, c.say) {
			t.Errorf("%s: got %+v, want %s saying %q", c.name, ve.Problems, c.field, c.say)
		}
		if !slices.Contains(ReminderFieldNames(), ve.Problems[0].Field) {
			t.Errorf("%s: field %q is not in ReminderFieldNames", c.name, ve.Problems[0].Field)
		}
	}
}

func TestReminderMailtoURL(t *testing.T) {
	r := Reminder{To: "bea+spa@example.com", Subject: "Your visit & more", Body: "Hi Bea,\n\n100% sure? a=b"}
	u := r.MailtoURL()
	want := "mailto:bea+spa@example.com?subject=Your%20visit%20%26%20more&body=Hi%20Bea%2C%0D%0A%0D%0A100%25%20sure%3F%20a%3Db"
	if got := u.String(); got != want {
		t.Fatalf("mailto\n%s\nwant\n%s", got, want)
	}
	back, err := url.Parse(u.String())
	if err != nil {
		t.Fatal(err)
	}
	q := back.Query()
	if back.Opaque != r.To || q.Get("subject") != r.Subject || q.Get("body") != "Hi Bea,\r\n\r\n100% sure? a=b" {
		t.Errorf("read back %q %v", back.Opaque, q)
	}
}

func TestReminderWordingIsStored(t *testing.T) {
	f := newSched(t, "America/Toronto")
	got, err := f.s.ReminderWording(f.ctx)
	if err != nil || got != DefaultReminderWording() {
		t.Fatalf("fresh practice wording %+v, %v; want the default", got, err)
	}
	w := ReminderWording{Subject: "Visit {date}", EmailBody: "Dear {first_name}", SMS: "See you {time}"}
	if err := f.s.SaveReminderWording(f.ctx, &w); err != nil {
		t.Fatal(err)
	}
	if got, err := f.s.ReminderWording(f.ctx); err != nil || got != w {
		t.Fatalf("read back %+v, %v; want %+v", got, err, w)
	}
	bad := w
	bad.SMS = "{nope}"
	var ve *ValidationError
	if err := f.s.SaveReminderWording(f.ctx, &bad); !errors.As(err, &ve) {
		t.Fatalf("bad wording saved: %v", err)
	}
	if got, _ := f.s.ReminderWording(f.ctx); got != w {
		t.Errorf("a refused save changed the wording to %+v", got)
	}
}

func TestAppointmentReminderUsesThePracticeZone(t *testing.T) {
	f := newSched(t, "America/Toronto")
	as := f.book(t, Booking{Date: day(2026, 1, 13), Clock: Clock{14, 30}})
	r, err := f.s.AppointmentReminder(f.ctx, as[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.Subject, "Tuesday 13 January at 14:30") {
		t.Errorf("subject %q", r.Subject)
	}
	if !strings.HasPrefix(r.Body, "Hi Bea,") || !strings.Contains(r.SMS, "Maya Lindqvist") {
		t.Errorf("reminder %+v", r)
	}
}

func TestHasAppointments(t *testing.T) {
	f := newSched(t, "America/Toronto")
	if has, err := f.s.HasAppointments(f.ctx); err != nil || has {
		t.Fatalf("empty practice: %v, %v", has, err)
	}
	f.book(t, Booking{Date: day(2026, 1, 13), Clock: Clock{10, 0}})
	if has, err := f.s.HasAppointments(f.ctx); err != nil || !has {
		t.Fatalf("after a booking: %v, %v", has, err)
	}
}
