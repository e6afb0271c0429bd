package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
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
	Signature          []byte // the therapist's signature (PNG or JPEG) for receipts, may be nil
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

// ParseTaxRate reads a percentage such as "13", "13%", "7.5" or, with a
// decimal comma, "13,5" into basis points.
func ParseTaxRate(s string) (int, error) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	if s == "" {
		return 0, nil
	}
	sep := "."
	if !strings.Contains(s, ".") {
		sep = ","
	}
	whole, frac, _ := strings.Cut(s, sep)
	if len(frac) > 2 || whole == "" || digits(whole) != whole || digits(frac) != frac || len(whole) > 3 {
		return 0, fmt.Errorf("%q is not a percentage; write it like 13, 7.5 or 7,5", s)
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

// practiceTable describes the one-row practice table: every stored field
// of the profile, once. It drives Practice, SavePractice and
// PracticeFieldNames.
var practiceTable = table[Practice]{
	name: "practice",
	// There is one profile, always row 1.
	key: column[Practice]{name: "id", get: func(*Practice) any { return 1 }, scan: func(*Practice) any { return new(int64) }},
	cols: []column[Practice]{
		textColumn("therapist_name", "TherapistName", func(p *Practice) *string { return &p.TherapistName }),
		textColumn("credentials", "Credentials", func(p *Practice) *string { return &p.Credentials }),
		textColumn("registration_number", "RegistrationNumber", func(p *Practice) *string { return &p.RegistrationNumber }),
		textColumn("business_name", "BusinessName", func(p *Practice) *string { return &p.BusinessName }),
		textColumn("address", "Address", func(p *Practice) *string { return &p.Address }),
		textColumn("phone", "Phone", func(p *Practice) *string { return &p.Phone }),
		textColumn("email", "Email", func(p *Practice) *string { return &p.Email }),
		textColumn("website", "Website", func(p *Practice) *string { return &p.Website }),
		textColumn("tax_number", "TaxNumber", func(p *Practice) *string { return &p.TaxNumber }),
		textColumn("tax_name", "TaxName", func(p *Practice) *string { return &p.TaxName }),
		valueColumn("tax_rate_bp", "TaxRate", func(p *Practice) *int { return &p.TaxRateBP }),
		textColumn("currency", "Currency", func(p *Practice) *string { return &p.Currency }),
		textColumn("time_zone", "TimeZone", func(p *Practice) *string { return &p.TimeZone }),
		textColumn("paper_size", "PaperSize", func(p *Practice) *string { return (*string)(&p.PaperSize) }),
		valueColumn("logo", "Logo", func(p *Practice) *[]byte { return &p.Logo }),
		valueColumn("signature", "Signature", func(p *Practice) *[]byte { return &p.Signature }),
		unixColumn("updated_at", func(p *Practice) *time.Time { return &p.UpdatedAt }),
	},
}

// Practice returns the practice profile (DefaultPractice when it was never saved).
func (s *Store) Practice(ctx context.Context) (Practice, error) {
	p := DefaultPractice()
	err := s.r.QueryRowContext(ctx, practiceTable.selectSQL(`WHERE id = 1`)).Scan(practiceTable.scanTargets(&p)...)
	if errors.Is(err, sql.ErrNoRows) {
		return DefaultPractice(), nil
	}
	if err != nil {
		return Practice{}, fmt.Errorf("read practice profile: %w", err)
	}
	return p, nil
}

// SavePractice validates and stores the practice profile.
func (s *Store) SavePractice(ctx context.Context, p *Practice) error {
	p.normalize()
	if err := p.Validate(); err != nil {
		return err
	}
	row := *p
	row.UpdatedAt = s.Now()
	err := s.write(ctx, "save practice profile", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, practiceTable.upsertSQL(), practiceTable.insertArgs(&row)...); err != nil {
			return fmt.Errorf("save practice profile: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	p.UpdatedAt = row.UpdatedAt
	return nil
}
