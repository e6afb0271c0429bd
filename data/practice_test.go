package data

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"strings"
	"testing"

	sqlite3 "github.com/mattn/go-sqlite3"
)

func TestPracticeDefaultsAndRoundTrip(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	p, err := s.Practice(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if p.IsSetUp() || p.PaperSize != PaperLetter || p.Currency != "CAD" {
		t.Errorf("defaults %+v", p)
	}
	var logo bytes.Buffer
	png.Encode(&logo, image.NewRGBA(image.Rect(0, 0, 4, 4)))
	p = Practice{TherapistName: "Maya Lindqvist", Credentials: "RMT", RegistrationNumber: "U1234",
		BusinessName: "Cedar & Stone Massage", Address: "12 King St W\nToronto ON  M5H 1A1",
		Phone: "416-555-0100", Email: "maya@example.ca", TaxNumber: "12345 6789 RT0001", TaxName: "HST",
		TaxRateBP: 1300, Currency: "cad", TimeZone: "America/Toronto", PaperSize: PaperA4, Logo: logo.Bytes()}
	if err := s.SavePractice(ctx, &p); err != nil {
		t.Fatal(err)
	}
	got, err := s.Practice(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got.TherapistName != p.TherapistName || got.Currency != "CAD" || got.Address != p.Address ||
		got.PaperSize != PaperA4 || !bytes.Equal(got.Logo, p.Logo) || got.TaxRateText() != "13" ||
		got.Location().String() != "America/Toronto" {
		t.Errorf("round trip: %+v", got)
	}
	// Saving again updates the one profile.
	got.TherapistName = "Maya Lindqvist-Okafor"
	if err := s.SavePractice(ctx, &got); err != nil {
		t.Fatal(err)
	}
	if again, _ := s.Practice(ctx); again.TherapistName != "Maya Lindqvist-Okafor" {
		t.Errorf("second save: %+v", again)
	}
}

func TestPracticeValidation(t *testing.T) {
	s := openTemp(t)
	p := Practice{TherapistName: "", Email: "maya@", Currency: "dollars", TimeZone: "Mars/Olympus",
		PaperSize: "A5", Logo: []byte("not an image"), TaxRateBP: 20000}
	err := s.SavePractice(context.Background(), &p)
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v", err)
	}
	for _, f := range []string{"TherapistName", "Email", "Currency", "TimeZone", "PaperSize", "Logo", "TaxRate"} {
		if ve.For(f) == "" {
			t.Errorf("no message for %s (all: %v)", f, ve)
		}
	}
	if got, _ := s.Practice(context.Background()); got.IsSetUp() {
		t.Error("an invalid profile was saved")
	}
}

func TestParseTaxRate(t *testing.T) {
	for in, want := range map[string]int{"13": 1300, "13%": 1300, " 7.5 ": 750, "0.25": 25, "": 0, "100": 10000,
		"13,5": 1350, "7,25 %": 725, "1,5": 150} {
		if got, err := ParseTaxRate(in); err != nil || got != want {
			t.Errorf("ParseTaxRate(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"abc", "1.234", "-5", "101", "1,234", "1.000,5", "1,2,3", ","} {
		if _, err := ParseTaxRate(in); err == nil {
			t.Errorf("ParseTaxRate(%q) accepted", in)
		}
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]Date{
		"1984-03-21": {1984, 3, 21}, "21 Mar 1984": {1984, 3, 21}, "March 21, 1984": {1984, 3, 21}, "": {},
	} {
		if got, err := ParseDate(in); err != nil || got != want {
			t.Errorf("ParseDate(%q) = %v, %v", in, got, err)
		}
	}
	for _, in := range []string{"03/04/1984", "1984-02-30", "yesterday"} {
		if _, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) accepted", in)
		}
	}
	if age := (Date{1984, 3, 21}).AgeOn(Date{2026, 3, 20}); age != 41 {
		t.Errorf("age %d", age)
	}
}

func TestUserMessages(t *testing.T) {
	for _, tc := range []struct {
		err  error
		says string
	}{
		{&ValidationError{Problems: []FieldProblem{{"Email", "Bad e-mail."}}}, "Please check the form: Bad e-mail."},
		{&NewerSchemaError{Path: "/x.db", Found: 9, Supported: 2}, "newer version of Stillpoint"},
		{ErrNotDatabase, "not a Stillpoint practice file"},
		{ErrNotFound, "no longer exists"},
		{fmt.Errorf("save: %w", sqlite3.Error{Code: sqlite3.ErrFull}), "disk is full"},
		{fmt.Errorf("save: %w", sqlite3.Error{Code: sqlite3.ErrReadonly}), "not allowed to write"},
		{errors.New("boom"), "Something went wrong: boom"},
	} {
		if got := UserMessage(tc.err); !strings.Contains(got, tc.says) {
			t.Errorf("UserMessage(%v) = %q, want it to contain %q", tc.err, got, tc.says)
		}
	}
}
