package csvimport

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/unicode"

	"github.com/stillpoint/stillpoint/data"
)

// today is the fixed practice date of the tests.
var today = data.Date{Year: 2026, Month: time.November, Day: 30}

func load(t *testing.T, name string, existing []data.ClientKey, opt Options) *Preview {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	tab, err := Parse(b)
	if err != nil {
		t.Fatalf("parse %s: %v", name, err)
	}
	if opt.Today.IsZero() {
		opt.Today = today
	}
	p, err := Build(tab, existing, opt)
	if err != nil {
		t.Fatalf("build %s: %v", name, err)
	}
	return p
}

func row(t *testing.T, p *Preview, number int) Row {
	t.Helper()
	for _, r := range p.Rows {
		if r.Number == number {
			return r
		}
	}
	t.Fatalf("no row %d in %+v", number, p.Rows)
	return Row{}
}

func TestParseFrenchWindows1252Semicolons(t *testing.T) {
	p := load(t, "french-1252.csv", nil, Options{})
	if p.Encoding != Windows1252 || p.Separator != ';' {
		t.Errorf("encoding %s separator %q", p.Encoding, p.Separator)
	}
	if p.DateOrder != DayFirst || len(p.Notices) != 0 {
		t.Errorf("order %v notices %q: 23/11/1975 settles day first", p.DateOrder, p.Notices)
	}
	h := row(t, p, 2)
	want := data.Client{FirstName: "Hélène", LastName: "Bélanger", Email: "helene@example.ca", MobilePhone: "514-555-0101",
		BirthDate: data.Date{Year: 1980, Month: time.March, Day: 5}, Street: "12, rue Saint-Denis", City: "Montréal",
		Region: "QC", PostalCode: "H2X 3K8", Notes: "Préfère une pression légère"}
	if h.Status != Ready || h.Client.FirstName != want.FirstName || h.Client.LastName != want.LastName ||
		h.Client.BirthDate != want.BirthDate || h.Client.City != want.City || h.Client.Street != want.Street ||
		h.Client.Notes != want.Notes || h.Client.MobilePhone != want.MobilePhone || h.Client.PostalCode != want.PostalCode {
		t.Errorf("row 2:\n got %+v\nwant %+v", h.Client, want)
	}
	if c := row(t, p, 3).Client; c.LastName != "Côté" || c.BirthDate != (data.Date{Year: 1975, Month: time.November, Day: 23}) {
		t.Errorf("row 3 %+v", c)
	}
}

func TestParseBOMAndCRLF(t *testing.T) {
	p := load(t, "bom-crlf.csv", nil, Options{})
	if p.Encoding != UTF8 || p.Columns[0].Field != FirstName {
		t.Fatalf("encoding %s, first column %+v (the byte-order mark must not stick to the header)", p.Encoding, p.Columns[0])
	}
	if got := p.Counts(); got.Ready != 3 {
		t.Fatalf("counts %+v rows %+v", got, p.Rows)
	}
	for _, r := range p.Rows {
		if r.Client.BirthDate != (data.Date{Year: 1980, Month: time.March, Day: 5}) {
			t.Errorf("row %d date %v", r.Number, r.Client.BirthDate)
		}
		if strings.ContainsAny(r.Client.FirstName+r.Client.LastName+r.Client.Email, "\r\n") {
			t.Errorf("row %d kept a line end: %+v", r.Number, r.Client)
		}
	}
	if c := row(t, p, 3).Client; c.LastName != "O'Brien" || c.MobilePhone != "+1 416 555 0155" {
		t.Errorf("row 3 %+v", c)
	}
}

func TestParseQuotedMultiLineNotes(t *testing.T) {
	p := load(t, "multiline.csv", nil, Options{})
	if p.DateOrder != MonthFirst {
		t.Errorf("order %v: 12/25/1990 settles month first", p.DateOrder)
	}
	b := row(t, p, 2)
	if b.Client.FirstName != "Beatrice" || b.Client.LastName != "Okafor" || b.Client.MobilePhone != "416-555-0134" {
		t.Errorf("row 2 %+v", b.Client)
	}
	wantNotes := "Line one of the notes,\nwith a comma and a line break.\n\nA second paragraph with \"quotes\"."
	if b.Client.Notes != wantNotes {
		t.Errorf("notes %q, want %q", b.Client.Notes, wantNotes)
	}
	if b.Client.BirthDate != (data.Date{Year: 1980, Month: time.March, Day: 5}) {
		t.Errorf("date %v", b.Client.BirthDate)
	}
	if j := row(t, p, 3).Client; j.FirstName != "Jean" || j.LastName != "de la Fontaine" {
		t.Errorf("row 3 %+v", j)
	}
	if c := row(t, p, 4); c.Status != Bad || !strings.Contains(c.Reason, "Only one name") {
		t.Errorf("row 4 (a multi-line row before it must not shift the numbering): %+v", c)
	}
}

func TestAmbiguousDateOrderIsSaid(t *testing.T) {
	tab, err := Parse([]byte("First Name,Last Name,DOB\nAda,Lovelace,01/02/1980\n"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Build(tab, nil, Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Notices) == 0 || !strings.Contains(p.Notices[0], "day/month/year") {
		t.Errorf("no notice of the ambiguous order: %q", p.Notices)
	}
	if d := p.Rows[0].Client.BirthDate; d != (data.Date{Year: 1980, Month: time.February, Day: 1}) {
		t.Errorf("auto read %v, want day first", d)
	}
	p, _ = Build(tab, nil, Options{Today: today, DateOrder: MonthFirst})
	if d := p.Rows[0].Client.BirthDate; d != (data.Date{Year: 1980, Month: time.January, Day: 2}) || len(p.Notices) != 0 {
		t.Errorf("month first read %v, notices %q", d, p.Notices)
	}
}

func TestDateForms(t *testing.T) {
	want := data.Date{Year: 1980, Month: time.March, Day: 5}
	for _, s := range []string{"1980-03-05", "1980/3/5", "1980.03.05", "05/03/1980", "5-3-1980", "5 Mar 1980",
		"March 5, 1980", "Mar 5 1980", "5 mars 1980", "1980-03-05 00:00:00", "1980-03-05T00:00:00Z", "5th March 1980"} {
		if got, err := parseDate(s, DayFirst); err != nil || got != want {
			t.Errorf("parseDate(%q) = %v, %v", s, got, err)
		}
	}
	for s, why := range map[string]string{"05/03/80": "two-digit year", "31/02/1980": "not a real date",
		"soon": "not a date Stillpoint can read", "13/13/1980": "not a real date"} {
		if _, err := parseDate(s, DayFirst); err == nil || !strings.Contains(err.Error(), why) {
			t.Errorf("parseDate(%q) error %v, want %q", s, err, why)
		}
	}
}

func TestHeaderRecognition(t *testing.T) {
	cols := recognise([]string{" DATE_DE_NAISSANCE ", "E-mail", "Téléphone", "Nom complet", "Courriel", "Code Postal", "Favourite colour"})
	want := []Field{BirthDate, Email, Phone, FullName, Email, PostalCode, Ignored}
	for i, c := range cols {
		if c.Field != want[i] {
			t.Errorf("%q read as %v, want %v", c.Header, c.Field, want[i])
		}
	}
	if cols := recognise([]string{"Nom", "Courriel"}); cols[0].Field != FullName {
		t.Errorf("a lone Nom column is %v, want the full name", cols[0].Field)
	}
	if cols := recognise([]string{"Prénom", "Nom"}); cols[0].Field != FirstName || cols[1].Field != LastName {
		t.Errorf("Prénom/Nom read as %v/%v", cols[0].Field, cols[1].Field)
	}
	tab, _ := Parse([]byte("Email,Phone\na@example.com,416-555-0100\n"))
	if _, err := Build(tab, nil, Options{Today: today}); !errors.Is(err, ErrNoNames) {
		t.Errorf("no name column: %v", err)
	}
}

func TestParseErrors(t *testing.T) {
	if _, err := Parse([]byte(" \r\n")); !errors.Is(err, ErrEmpty) {
		t.Errorf("blank file: %v", err)
	}
	_, err := Parse([]byte("Name,Notes\nAda Lovelace,ok\nGrace Hopper,\"never closed\nmore"))
	var re *ReadError
	if !errors.As(err, &re) || re.Row != 3 {
		t.Errorf("unclosed quote: %v, want a read error at row 3", err)
	}
	if tab, err := Parse([]byte("Name,Notes\nAda Lovelace,5'6\" tall\n")); err != nil || tab.Rows[0][1] != "5'6\" tall" {
		t.Errorf("a quote inside an unquoted value: %+v %v", tab, err)
	}
	if tab, err := Parse([]byte("Name\tEmail\nAda Lovelace\tada@example.com\n")); err != nil || tab.Separator != '\t' ||
		len(tab.Rows[0]) != 2 {
		t.Errorf("tab separated: %+v %v", tab, err)
	}
}

func readFixture(name string) ([]byte, error) {
	return os.ReadFile(filepath.Join("testdata", name))
}

func TestParseUTF16WithBOM(t *testing.T) {
	enc := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder()
	b, err := enc.Bytes([]byte("Name\tEmail\r\nZoë Ångström\tzoe@example.com\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	tab, err := Parse(b)
	if err != nil || tab.Encoding != UTF16 || tab.Separator != '\t' || tab.Rows[0][0] != "Zoë Ångström" {
		t.Errorf("UTF-16 file: %+v %v", tab, err)
	}
}
