package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// ReminderWording is the therapist's wording of appointment reminders: an
// e-mail (subject and body) and a short text for a phone message. Each may
// hold placeholders such as {first_name} or {time} (see
// ReminderPlaceholders), filled in for each appointment by Render. The app
// never sends anything itself: the e-mail opens as a draft in the
// therapist's own mail program and the text is copied for their phone.
type ReminderWording struct {
	Subject   string
	EmailBody string
	SMS       string
}

// Placeholder is one value a reminder's wording can name in braces.
type Placeholder struct {
	Name string // as written in the wording, without braces: "first_name"
	What string // what it is replaced by, in plain words
}

// ReminderPlaceholders lists every placeholder the wording may use.
var ReminderPlaceholders = []Placeholder{
	{"first_name", "the client's first (or preferred) name"},
	{"date", `the visit's date, e.g. "Tuesday 3 March"`},
	{"time", `the visit's start time, e.g. "10:00"`},
	{"service", `the service booked, e.g. "60-min massage"`},
	{"minutes", "how long the visit lasts, in minutes"},
	{"practice", "the practice's business name (or your name)"},
	{"therapist", "your name"},
	{"phone", "the practice's phone number"},
	{"address", "the practice's address, on one line"},
}

// Reminder limits, in characters.
const (
	maxReminderSubject = 200
	maxReminderBody    = 5000
	maxReminderSMS     = 1000
)

// Meta keys holding the wording; absent keys mean the default wording.
const (
	metaReminderSubject = "reminder_subject"
	metaReminderBody    = "reminder_email_body"
	metaReminderSMS     = "reminder_sms"
)

// ReminderFieldNames lists every field name ReminderWording.Validate can
// report, in the order a form shows them.
func ReminderFieldNames() []string { return []string{"Subject", "EmailBody", "SMS"} }

// DefaultReminderWording is the wording a practice starts with.
func DefaultReminderWording() ReminderWording {
	return ReminderWording{
		Subject: "Reminder: your appointment on {date} at {time}",
		EmailBody: "Hi {first_name},\n\n" +
			"This is a friendly reminder of your {service} on {date} at {time}.\n\n" +
			"If you need to change or cancel, please let me know as soon as you can: {phone}.\n\n" +
			"See you soon,\n{therapist}",
		SMS: "Hi {first_name}, a reminder of your {service} on {date} at {time}. " +
			"To change it, call or text {phone}. – {practice}",
	}
}

// Validate reports a wording that cannot be used: an empty part, a
// subject on several lines, a part too long, or a placeholder that does not
// exist (with the list of those that do).
func (w ReminderWording) Validate() error {
	var p problems
	for _, f := range []struct {
		field, label, value string
		max                 int
	}{
		{"Subject", "The subject", w.Subject, maxReminderSubject},
		{"EmailBody", "The e-mail", w.EmailBody, maxReminderBody},
		{"SMS", "The text message", w.SMS, maxReminderSMS},
	} {
		if strings.TrimSpace(f.value) == "" {
			p.add(f.field, "%s cannot be empty.", f.label)
			continue
		}
		if n := utf8.RuneCountInString(f.value); n > f.max {
			p.add(f.field, "%s is too long (%d characters; the limit is %d).", f.label, n, f.max)
			continue
		}
		if msg := checkPlaceholders(f.value); msg != "" {
			p.add(f.field, "%s", msg)
		}
	}
	if strings.ContainsAny(w.Subject, "\r\n") {
		p.add("Subject", "The subject must be one line.")
	}
	return p.err()
}

// checkPlaceholders says what is wrong with the braces in text, or "".
func checkPlaceholders(text string) string {
	var unknown []string
	_, err := fill(text, func(name string) (string, bool) {
		if !knownPlaceholder(name) {
			unknown = append(unknown, "{"+name+"}")
		}
		return "", true
	})
	if err != nil {
		return err.Error()
	}
	if len(unknown) == 0 {
		return ""
	}
	names := make([]string, len(ReminderPlaceholders))
	for i, ph := range ReminderPlaceholders {
		names[i] = "{" + ph.Name + "}"
	}
	what := "is not a placeholder Stillpoint knows"
	if len(unknown) > 1 {
		what = "are not placeholders Stillpoint knows"
	}
	return fmt.Sprintf("%s %s. You can use %s.", strings.Join(unknown, ", "), what, strings.Join(names, ", "))
}

func knownPlaceholder(name string) bool {
	for _, ph := range ReminderPlaceholders {
		if ph.Name == name {
			return true
		}
	}
	return false
}

// fill replaces each {name} in text by value(name). A "{" with no "}"
// after it, or a "}" with no "{" before it, is an error in plain words.
func fill(text string, value func(name string) (string, bool)) (string, error) {
	var b strings.Builder
	for {
		open, close := strings.IndexByte(text, '{'), strings.IndexByte(text, '}')
		switch {
		case open < 0 && close < 0:
			b.WriteString(text)
			return b.String(), nil
		case open < 0 || (close >= 0 && close < open):
			return "", errors.New(`There is a "}" without a "{" before it: placeholders are written like {first_name}.`)
		case close < 0:
			return "", errors.New(`There is a "{" without a "}" after it: placeholders are written like {first_name}.`)
		}
		name := text[open+1 : close]
		if strings.ContainsAny(name, "{\n") {
			return "", errors.New(`There is a "{" without a "}" after it: placeholders are written like {first_name}.`)
		}
		b.WriteString(text[:open])
		v, ok := value(strings.TrimSpace(name))
		if !ok {
			v = text[open : close+1]
		}
		b.WriteString(v)
		text = text[close+1:]
	}
}

// ReminderValues are what the placeholders stand for in one reminder.
type ReminderValues struct {
	Email     string // the client's e-mail address (the draft's recipient)
	FirstName string
	Start     time.Time // the visit's start, in the practice's zone
	Service   string
	Minutes   int
	Practice  string
	Therapist string
	Phone     string
	Address   string
}

// NewReminderValues gathers the values for an appointment of client c at
// practice p, with times in loc (the practice's zone).
func NewReminderValues(a Appointment, c Client, p Practice, loc *time.Location) ReminderValues {
	first := c.FirstName
	if c.PreferredName != "" {
		first = c.PreferredName
	}
	practice := p.BusinessName
	if practice == "" {
		practice = p.TherapistName
	}
	var addr []string
	for _, line := range strings.Split(p.Address, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			addr = append(addr, line)
		}
	}
	return ReminderValues{Email: c.Email, FirstName: first, Start: a.Start.In(loc), Service: a.ServiceName,
		Minutes: a.Minutes, Practice: practice, Therapist: p.TherapistName, Phone: p.Phone,
		Address: strings.Join(addr, ", ")}
}

// SampleReminderValues is a made-up visit for previews of the wording.
func SampleReminderValues(p Practice, loc *time.Location) ReminderValues {
	a := Appointment{Start: time.Date(2026, time.March, 3, 10, 0, 0, 0, loc), ServiceName: "60-min massage", Minutes: 60}
	return NewReminderValues(a, Client{FirstName: "Beatrice", PreferredName: "Bea", Email: "bea@example.com"}, p, loc)
}

func (v ReminderValues) lookup(name string) (string, bool) {
	switch name {
	case "first_name":
		return v.FirstName, true
	case "date":
		return v.Start.Format("Monday 2 January"), true
	case "time":
		return v.Start.Format("15:04"), true
	case "service":
		return v.Service, true
	case "minutes":
		return fmt.Sprint(v.Minutes), true
	case "practice":
		return v.Practice, true
	case "therapist":
		return v.Therapist, true
	case "phone":
		return v.Phone, true
	case "address":
		return v.Address, true
	}
	return "", false
}

// Reminder is a wording filled in for one appointment.
type Reminder struct {
	To      string // the client's e-mail address; "" when none is on file
	Subject string
	Body    string
	SMS     string
}

// Render fills the wording in with v. Unknown placeholders and stray
// braces are left as written; Validate reports them before saving.
func (w ReminderWording) Render(v ReminderValues) Reminder {
	r := Reminder{To: v.Email}
	for _, part := range []struct {
		text string
		out  *string
	}{{w.Subject, &r.Subject}, {w.EmailBody, &r.Body}, {w.SMS, &r.SMS}} {
		s, err := fill(part.text, v.lookup)
		if err != nil {
			s = part.text
		}
		*part.out = s
	}
	return r
}

// MailtoURL is the reminder as a mailto: link (RFC 6068) that opens a draft
// in the therapist's mail program: the client's address, the subject and
// the body, percent-encoded, with line breaks as CRLF.
func (r Reminder) MailtoURL() *url.URL {
	enc := func(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }
	body := strings.ReplaceAll(strings.ReplaceAll(r.Body, "\r\n", "\n"), "\n", "\r\n")
	return &url.URL{Scheme: "mailto", Opaque: url.PathEscape(r.To),
		RawQuery: "subject=" + enc(r.Subject) + "&body=" + enc(body)}
}

// ReminderWording returns the stored wording, or the default one for any
// part never saved.
func (s *Store) ReminderWording(ctx context.Context) (ReminderWording, error) {
	w := DefaultReminderWording()
	rows, err := s.r.QueryContext(ctx, `SELECT key, value FROM meta WHERE key IN (?, ?, ?)`,
		metaReminderSubject, metaReminderBody, metaReminderSMS)
	if err != nil {
		return w, fmt.Errorf("read reminder wording: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return w, fmt.Errorf("read reminder wording: %w", err)
		}
		switch k {
		case metaReminderSubject:
			w.Subject = v
		case metaReminderBody:
			w.EmailBody = v
		case metaReminderSMS:
			w.SMS = v
		}
	}
	if err := rows.Err(); err != nil {
		return w, fmt.Errorf("read reminder wording: %w", err)
	}
	return w, nil
}

// SaveReminderWording validates the wording and stores it in one
// transaction. Nothing is stored when it has a problem.
func (s *Store) SaveReminderWording(ctx context.Context, w *ReminderWording) error {
	if err := w.Validate(); err != nil {
		return err
	}
	return s.write(ctx, "save reminder wording", func(tx *sql.Tx) error {
		for k, v := range map[string]string{metaReminderSubject: w.Subject, metaReminderBody: w.EmailBody,
			metaReminderSMS: w.SMS} {
			if _, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value`, k, v); err != nil {
				return fmt.Errorf("save reminder wording: %w", err)
			}
		}
		return nil
	})
}

// AppointmentReminder is the stored wording filled in for one appointment,
// with its time in the practice's zone.
func (s *Store) AppointmentReminder(ctx context.Context, id int64) (Reminder, error) {
	a, err := s.Appointment(ctx, id)
	if err != nil {
		return Reminder{}, err
	}
	c, err := s.Client(ctx, a.ClientID)
	if err != nil {
		return Reminder{}, err
	}
	p, err := s.Practice(ctx)
	if err != nil {
		return Reminder{}, err
	}
	loc, err := s.Location(ctx)
	if err != nil {
		return Reminder{}, err
	}
	w, err := s.ReminderWording(ctx)
	if err != nil {
		return Reminder{}, err
	}
	return w.Render(NewReminderValues(a, c, p, loc)), nil
}
