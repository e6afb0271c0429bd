package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // logos may be JPEG
	_ "image/png"  // or PNG
	"strings"
	"time"
)

// PaperSize is the paper the practice prints on.
type PaperSize string

// The supported paper sizes.
const (
	PaperLetter PaperSize = "Letter"
	PaperA4     PaperSize = "A4"
)

// Practice is the practice profile: who the therapist is and how their
// documents look. There is exactly one.
type Practice struct {
	TherapistName      string
	Credentials        string // e.g. "RMT", "PT, DPT"
	RegistrationNumber string // college registration / licence number
	BusinessName       string
	Address            string // as printed, one line per line
	Phone              string
	Email              string
	Website            string
	TaxNumber          string // HST/GST/VAT/EIN number
	TaxName            string // "HST", "GST", "VAT", "Sales tax"
	TaxRateBP          int    // default tax rate in basis points: 1300 = 13%
	Currency           string // ISO 4217, e.g. "CAD"
	TimeZone           string // IANA, e.g. "America/Toronto"
	PaperSize          PaperSize
	Logo               []byte // PNG or JPEG, may be nil
	UpdatedAt          time.Time
}

// DefaultPractice is the profile of a practice that has not been set up.
func DefaultPractice() Practice {
	return Practice{Currency: "CAD", TimeZone: "UTC", PaperSize: PaperLetter}
}

// IsSetUp reports whether the therapist has filled the profile in.
func (p Practice) IsSetUp() bool { return p.TherapistName != "" }

// Location returns the practice's time zone (UTC when it cannot be loaded).
func (p Practice) Location() *time.Location {
	loc, err := time.LoadLocation(p.TimeZone)
	if err != nil {
		return time.UTC
	}
	return loc
}

// TaxRateText formats the tax rate as a percentage: "13", "7.5".
func (p Practice) TaxRateText() string {
	s := fmt.Sprintf("%d.%02d", p.TaxRateBP/100, p.TaxRateBP%100)
	return strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
}

// ParseTaxRate reads a percentage such as "13", "13%" or "7.5" into basis points.
func ParseTaxRate(s string) (int, error) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	if s == "" {
		return 0, nil
	}
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) > 2 || whole == "" || digits(whole) != whole || digits(frac) != frac || len(whole) > 3 {
		return 0, fmt.Errorf("%q is not a percentage; write it like 13 or 7.5", s)
	}
	var w, f int
	fmt.Sscan(whole, &w) //nolint:errcheck // digits only, checked above
	if frac != "" {
		fmt.Sscan((frac + "0")[:2], &f) //nolint:errcheck // digits only
	}
	bp := w*100 + f
	if bp > 10000 {
		return 0, fmt.Errorf("%s%% is more than 100%%", s)
	}
	return bp, nil
}

func (p *Practice) normalize() {
	for _, f := range []*string{&p.TherapistName, &p.Credentials, &p.RegistrationNumber, &p.BusinessName,
		&p.Phone, &p.Email, &p.Website, &p.TaxNumber, &p.TaxName, &p.Currency, &p.TimeZone} {
		*f = clean(*f)
	}
	p.Address = cleanText(p.Address)
	p.Currency = strings.ToUpper(p.Currency)
	if p.PaperSize == "" {
		p.PaperSize = PaperLetter
	}
	if p.TimeZone == "" {
		p.TimeZone = "UTC"
	}
}

// Validate reports everything wrong with the profile, or nil.
func (p *Practice) Validate() error {
	var pr problems
	if p.TherapistName == "" {
		pr.add("TherapistName", "Please enter your name as it should appear on receipts.")
	}
	pr.checkLen("TherapistName", "Your name", p.TherapistName, maxName)
	pr.checkLen("BusinessName", "The business name", p.BusinessName, maxShort)
	pr.checkLen("Credentials", "The credentials", p.Credentials, maxShort)
	pr.checkLen("RegistrationNumber", "The registration number", p.RegistrationNumber, 60)
	pr.checkLen("Address", "The address", p.Address, 500)
	pr.checkPhone("Phone", "The phone number", p.Phone)
	pr.checkEmail("Email", p.Email)
	pr.checkLen("Website", "The website", p.Website, maxShort)
	pr.checkLen("TaxNumber", "The tax number", p.TaxNumber, 60)
	pr.checkLen("TaxName", "The tax name", p.TaxName, 30)
	if p.TaxRateBP < 0 || p.TaxRateBP > 10000 {
		pr.add("TaxRate", "The tax rate must be between 0 and 100%%.")
	}
	if len(p.Currency) != 3 || strings.ToUpper(p.Currency) != p.Currency || Fold(p.Currency) != strings.ToLower(p.Currency) {
		pr.add("Currency", "The currency should be a three-letter code such as CAD, USD, GBP, EUR or AUD.")
	}
	if _, err := time.LoadLocation(p.TimeZone); err != nil || p.TimeZone == "Local" {
		pr.add("TimeZone", "%q is not a time zone Stillpoint knows; choose one such as America/Toronto.", p.TimeZone)
	}
	if p.PaperSize != PaperLetter && p.PaperSize != PaperA4 {
		pr.add("PaperSize", "The paper size must be A4 or Letter.")
	}
	if len(p.Logo) > 0 {
		if len(p.Logo) > 2<<20 {
			pr.add("Logo", "The logo image is larger than 2 MB; please choose a smaller one.")
		} else if _, _, err := image.DecodeConfig(bytes.NewReader(p.Logo)); err != nil {
			pr.add("Logo", "The logo must be a PNG or JPEG image.")
		}
	}
	return pr.err()
}

// Practice returns the practice profile (DefaultPractice when it was never saved).
func (s *Store) Practice(ctx context.Context) (Practice, error) {
	p := DefaultPractice()
	var updated int64
	var paper string
	err := s.r.QueryRowContext(ctx, `SELECT therapist_name, credentials, registration_number, business_name,
		address, phone, email, website, tax_number, tax_name, tax_rate_bp, currency, time_zone, paper_size,
		logo, updated_at FROM practice WHERE id = 1`).Scan(&p.TherapistName, &p.Credentials,
		&p.RegistrationNumber, &p.BusinessName, &p.Address, &p.Phone, &p.Email, &p.Website, &p.TaxNumber,
		&p.TaxName, &p.TaxRateBP, &p.Currency, &p.TimeZone, &paper, &p.Logo, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return p, nil
	}
	if err != nil {
		return Practice{}, fmt.Errorf("read practice profile: %w", err)
	}
	p.PaperSize = PaperSize(paper)
	p.UpdatedAt = time.Unix(updated, 0).UTC()
	return p, nil
}

// SavePractice validates and stores the practice profile.
func (s *Store) SavePractice(ctx context.Context, p *Practice) error {
	p.normalize()
	if err := p.Validate(); err != nil {
		return err
	}
	now := s.Now()
	err := s.write(ctx, "save practice profile", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO practice (id, therapist_name, credentials, registration_number,
			business_name, address, phone, email, website, tax_number, tax_name, tax_rate_bp, currency, time_zone,
			paper_size, logo, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET therapist_name = excluded.therapist_name,
			credentials = excluded.credentials, registration_number = excluded.registration_number,
			business_name = excluded.business_name, address = excluded.address, phone = excluded.phone,
			email = excluded.email, website = excluded.website, tax_number = excluded.tax_number,
			tax_name = excluded.tax_name, tax_rate_bp = excluded.tax_rate_bp, currency = excluded.currency,
			time_zone = excluded.time_zone, paper_size = excluded.paper_size, logo = excluded.logo,
			updated_at = excluded.updated_at`,
			p.TherapistName, p.Credentials, p.RegistrationNumber, p.BusinessName, p.Address, p.Phone, p.Email,
			p.Website, p.TaxNumber, p.TaxName, p.TaxRateBP, p.Currency, p.TimeZone, string(p.PaperSize),
			p.Logo, now.Unix())
		if err != nil {
			return fmt.Errorf("save practice profile: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	p.UpdatedAt = now
	return nil
}
