package data

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestDateValid(t *testing.T) {
	for d, want := range map[Date]bool{
		{2024, 2, 29}: true, {2023, 2, 29}: false, {2024, 2, 30}: false, {2026, 4, 31}: false,
		{2026, 12, 31}: true, {2026, 13, 1}: false, {2026, 0, 1}: false, {2026, 1, 0}: false,
		{0, 1, 1}: false, {10000, 1, 1}: false, {}: false,
	} {
		if got := d.Valid(); got != want {
			t.Errorf("%v.Valid() = %v, want %v", d, got, want)
		}
	}
}

// ParseDate refuses a date that does not exist and says why.
func TestParseDateRefusesImpossibleDates(t *testing.T) {
	for in, says := range map[string]string{
		"2024-02-30":  "February 2024 has only 29 days",
		"2023-02-29":  "February 2023 has only 28 days",
		"2026-04-31":  "April 2026 has only 30 days",
		"2026-13-01":  "not a real date",
		"30 Feb 2024": "not a real date",
		"31.04.2026":  "not a real date",
	} {
		_, err := ParseDate(in)
		if err == nil || !strings.Contains(err.Error(), says) {
			t.Errorf("ParseDate(%q) = %v, want an error saying %q", in, err, says)
		}
	}
	if d, err := ParseDate("2024-02-29"); err != nil || d != (Date{2024, 2, 29}) {
		t.Errorf("ParseDate(2024-02-29) = %v, %v", d, err)
	}
}

// Validate refuses an impossible date in every date field.
func TestValidateRefusesImpossibleDates(t *testing.T) {
	today := Date{2024, time.March, 10}
	bad := Date{2024, time.February, 30}
	c := Client{FirstName: "Zoë", LastName: "Martin", BirthDate: bad, ConsentDate: bad,
		Health: HealthHistory{Pregnant: true, DueDate: bad}}
	var ve *ValidationError
	if err := c.Validate(today); !errors.As(err, &ve) {
		t.Fatalf("Validate = %v", err)
	}
	for _, f := range []string{"BirthDate", "ConsentDate", "DueDate"} {
		if msg := ve.For(f); !strings.Contains(msg, "2024-02-30 is not a real date") {
			t.Errorf("%s: %q", f, msg)
		}
	}
}

func TestClientDateBounds(t *testing.T) {
	today := Date{2026, time.March, 2}
	for _, tc := range []struct {
		name  string
		edit  func(c *Client)
		field string
		says  string // "" when accepted
	}{
		{"due in 9 months", func(c *Client) { c.Health.DueDate = Date{2026, 12, 1} }, "DueDate", ""},
		{"due in 10 months", func(c *Client) { c.Health.DueDate = Date{2027, 1, 2} }, "DueDate", ""},
		{"due in 11 months", func(c *Client) { c.Health.DueDate = Date{2027, 2, 3} }, "DueDate", "months away"},
		{"due next year by mistake", func(c *Client) { c.Health.DueDate = Date{2027, 6, 1} }, "DueDate", "check the year"},
		{"due a month ago", func(c *Client) { c.Health.DueDate = Date{2026, 2, 1} }, "DueDate", ""},
		{"due long ago", func(c *Client) { c.Health.DueDate = Date{2025, 12, 1} }, "DueDate", "long past"},
		{"consent before birth", func(c *Client) { c.ConsentDate = Date{1983, 1, 1} }, "ConsentDate", "before the client was born"},
		{"consent on birthday", func(c *Client) { c.ConsentDate = c.BirthDate }, "ConsentDate", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := &Client{FirstName: "Zoë", LastName: "Martin", BirthDate: Date{1984, 3, 21},
				Health: HealthHistory{Pregnant: true}}
			tc.edit(c)
			err := c.Validate(today)
			var ve *ValidationError
			if tc.says == "" {
				if err != nil {
					t.Errorf("refused: %v", err)
				}
				return
			}
			if !errors.As(err, &ve) || !strings.Contains(ve.For(tc.field), tc.says) {
				t.Errorf("error %v, want %s to say %q", err, tc.field, tc.says)
			}
		})
	}
}

// A stored date that is not a real date is a read error naming the client
// and the column, never a silent "not given" that the next save would
// write over the stored value.
func TestStoredBadDateIsAnError(t *testing.T) {
	ctx := context.Background()
	for _, stored := range []string{"2024-02-30", "21/03/1984", "soon"} {
		s := openTemp(t)
		c := mustCreate(t, s, &Client{FirstName: "Bad", LastName: "Date"})
		if _, err := s.w.ExecContext(ctx, `UPDATE clients SET consent_date = ? WHERE id = ?`, stored, c.ID); err != nil {
			t.Fatal(err)
		}
		_, err := s.Client(ctx, c.ID)
		if err == nil {
			t.Fatalf("stored consent date %q read without an error", stored)
		}
		for _, want := range []string{"client 1", "consent_date", stored} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error %q does not name %q", err, want)
			}
		}
		// A save of the record cannot erase the stored value either.
		c.Notes = "edited"
		if err := s.UpdateClient(ctx, c); err == nil {
			t.Errorf("update over an unreadable stored date succeeded")
		}
		var still string
		if err := s.r.QueryRowContext(ctx, `SELECT consent_date FROM clients WHERE id = ?`, c.ID).Scan(&still); err != nil || still != stored {
			t.Errorf("stored value now %q, %v; want %q kept", still, err, stored)
		}
	}
}

func TestScanDate(t *testing.T) {
	if d, err := scanDate(""); err != nil || !d.IsZero() {
		t.Errorf("scanDate(\"\") = %v, %v", d, err)
	}
	if d, err := scanDate("1984-03-21"); err != nil || d != (Date{1984, 3, 21}) {
		t.Errorf("scanDate = %v, %v", d, err)
	}
	for _, in := range []string{"21 Mar 1984", "1984/03/21", "1984-3-21", "2023-02-29"} {
		if _, err := scanDate(in); err == nil {
			t.Errorf("scanDate(%q) accepted", in)
		}
	}
}
