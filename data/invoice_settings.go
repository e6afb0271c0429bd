package data

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"
)

// ReceiptSettings are the practice's choices for receipts and checkout.
type ReceiptSettings struct {
	InvoicePrefix  string        // printed before the number: "R-" gives "R-000042"
	DefaultMethod  PaymentMethod // what one-click checkout records
	PrintBirthDate bool          // print the client's date of birth on receipts
	Locale         string        // BCP 47 tag that formats money: "en-CA", "fr-CA", "en-US"
	NPI            string        // US superbill: National Provider Identifier (10 digits)
	TaxID          string        // US superbill: TIN/EIN
	PlaceOfService string        // US superbill: place-of-service code, e.g. "11" (office)
	UpdatedAt      time.Time
}

// receiptSettingsTable describes the one-row receipt_settings table.
var receiptSettingsTable = table[ReceiptSettings]{
	name: "receipt_settings",
	key: column[ReceiptSettings]{name: "id", get: func(*ReceiptSettings) any { return 1 },
		scan: func(*ReceiptSettings) any { return new(int64) }},
	cols: []column[ReceiptSettings]{
		textColumn("invoice_prefix", "InvoicePrefix", func(v *ReceiptSettings) *string { return &v.InvoicePrefix }),
		textColumn("default_method", "DefaultMethod", func(v *ReceiptSettings) *string { return (*string)(&v.DefaultMethod) }),
		valueColumn("print_birth_date", "", func(v *ReceiptSettings) *bool { return &v.PrintBirthDate }),
		textColumn("locale", "Locale", func(v *ReceiptSettings) *string { return &v.Locale }),
		textColumn("npi", "NPI", func(v *ReceiptSettings) *string { return &v.NPI }),
		textColumn("tax_id", "TaxID", func(v *ReceiptSettings) *string { return &v.TaxID }),
		textColumn("place_of_service", "PlaceOfService", func(v *ReceiptSettings) *string { return &v.PlaceOfService }),
		unixColumn("updated_at", func(v *ReceiptSettings) *time.Time { return &v.UpdatedAt }),
	},
}

// ReceiptSettingsFieldNames lists every field name SaveReceiptSettings can report.
func ReceiptSettingsFieldNames() []string { return receiptSettingsTable.fieldNames() }

// Locales lists the money formats a practice can choose, most common first.
// Each has its symbol placement in moneyStyles and its name in localeNames.
var Locales = []string{"en-CA", "fr-CA", "en-US", "en-GB", "en-AU", "en-NZ", "en-IE", "de-DE", "fr-FR", "es-ES", "nl-NL"}

// localeNames are the offered locales in words a therapist recognises.
var localeNames = map[string]string{
	"en-CA": "English (Canada)", "fr-CA": "French (Canada)", "en-US": "English (United States)",
	"en-GB": "English (United Kingdom)", "en-AU": "English (Australia)", "en-NZ": "English (New Zealand)",
	"en-IE": "English (Ireland)", "de-DE": "German (Germany)", "fr-FR": "French (France)",
	"es-ES": "Spanish (Spain)", "nl-NL": "Dutch (Netherlands)",
}

// LocaleName is an offered locale in words ("French (Canada)"); the tag
// itself for one that is not offered.
func LocaleName(locale string) string {
	if n, ok := localeNames[locale]; ok {
		return n
	}
	return locale
}

// moneyLocale is the locale the practice writes amounts in, for messages
// that name an amount; en-CA when the settings cannot be read.
func moneyLocale(ctx context.Context, q querier) string {
	var loc string
	if err := q.QueryRowContext(ctx, `SELECT locale FROM receipt_settings WHERE id = 1`).Scan(&loc); err != nil {
		return "en-CA"
	}
	return loc
}

// Validate reports everything wrong with the settings, by field.
func (v *ReceiptSettings) Validate() error {
	var p problems
	p.checkLen("InvoicePrefix", "The prefix", v.InvoicePrefix, 12)
	if !v.DefaultMethod.Valid() || v.DefaultMethod.Redeems() {
		p.add("DefaultMethod", "Choose the usual way clients pay (a gift certificate or package is chosen at checkout).")
	}
	if !slices.Contains(Locales, v.Locale) {
		p.add("Locale", "Choose how amounts are written from the list (for example English (Canada): $1,234.50).")
	}
	if v.NPI != "" && (len(v.NPI) != 10 || !digitsOnly(v.NPI)) {
		p.add("NPI", "An NPI has 10 digits.")
	}
	p.checkLen("TaxID", "The TIN/EIN", v.TaxID, 20)
	if v.PlaceOfService != "" && (len(v.PlaceOfService) != 2 || !digitsOnly(v.PlaceOfService)) {
		p.add("PlaceOfService", "A place-of-service code has 2 digits, e.g. 11 for an office.")
	}
	return p.err()
}

// ReceiptSettings returns the practice's receipt settings.
func (s *Store) ReceiptSettings(ctx context.Context) (ReceiptSettings, error) {
	return getReceiptSettings(ctx, s.r)
}

func getReceiptSettings(ctx context.Context, q querier) (ReceiptSettings, error) {
	var v ReceiptSettings
	if err := q.QueryRowContext(ctx, receiptSettingsTable.selectSQL(`WHERE id = 1`)).Scan(receiptSettingsTable.scanTargets(&v)...); err != nil {
		return ReceiptSettings{}, fmt.Errorf("read receipt settings: %w", err)
	}
	return v, nil
}

// SaveReceiptSettings validates and stores the receipt settings.
func (s *Store) SaveReceiptSettings(ctx context.Context, v *ReceiptSettings) error {
	v.InvoicePrefix = clean(v.InvoicePrefix)
	v.NPI, v.TaxID, v.PlaceOfService = clean(v.NPI), clean(v.TaxID), clean(v.PlaceOfService)
	v.Locale = strings.TrimSpace(v.Locale)
	if err := v.Validate(); err != nil {
		return err
	}
	row := *v
	row.UpdatedAt = s.Now()
	err := s.write(ctx, "save receipt settings", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, receiptSettingsTable.upsertSQL(), receiptSettingsTable.insertArgs(&row)...); err != nil {
			return fmt.Errorf("save receipt settings: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	*v = row
	return nil
}

// BillingCode is a service's US superbill code.
type BillingCode struct {
	ServiceID int64
	CPTCode   string // e.g. "97124" (massage)
	CPTUnits  int    // units billed per visit (15 minutes each for timed codes)
}

// BillingCodes returns every service's CPT code, by service ID.
func (s *Store) BillingCodes(ctx context.Context) (map[int64]BillingCode, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT service_id, cpt_code, cpt_units FROM service_billing_codes`)
	if err != nil {
		return nil, fmt.Errorf("read billing codes: %w", err)
	}
	defer rows.Close()
	out := map[int64]BillingCode{}
	for rows.Next() {
		var b BillingCode
		if err := rows.Scan(&b.ServiceID, &b.CPTCode, &b.CPTUnits); err != nil {
			return nil, fmt.Errorf("read billing codes: %w", err)
		}
		out[b.ServiceID] = b
	}
	return out, rows.Err()
}

// SaveBillingCode stores a service's CPT code and units (an empty code removes it).
func (s *Store) SaveBillingCode(ctx context.Context, b BillingCode) error {
	b.CPTCode = strings.ToUpper(clean(b.CPTCode))
	if b.CPTCode != "" && (len(b.CPTCode) != 5) {
		return &ValidationError{Problems: []FieldProblem{{Field: "CPTCode", Message: "A CPT code has 5 characters, e.g. 97124."}}}
	}
	if b.CPTUnits < 1 || b.CPTUnits > 99 {
		return &ValidationError{Problems: []FieldProblem{{Field: "CPTUnits", Message: "Units are between 1 and 99."}}}
	}
	return s.write(ctx, "save billing code", func(tx *sql.Tx) error {
		var err error
		if b.CPTCode == "" {
			_, err = tx.ExecContext(ctx, `DELETE FROM service_billing_codes WHERE service_id = ?`, b.ServiceID)
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO service_billing_codes (service_id, cpt_code, cpt_units) VALUES (?, ?, ?)
				ON CONFLICT (service_id) DO UPDATE SET cpt_code = excluded.cpt_code, cpt_units = excluded.cpt_units`,
				b.ServiceID, b.CPTCode, b.CPTUnits)
		}
		if err != nil {
			return fmt.Errorf("save billing code of service %d: %w", b.ServiceID, err)
		}
		return nil
	})
}

// VisitDiagnoses returns the ICD-10 codes recorded for a visit ("" when none).
func (s *Store) VisitDiagnoses(ctx context.Context, appointmentID int64) (string, error) {
	var codes string
	err := s.r.QueryRowContext(ctx, `SELECT icd10_codes FROM visit_diagnoses WHERE appointment_id = ?`, appointmentID).Scan(&codes)
	if errNoRows(err) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read diagnoses of visit %d: %w", appointmentID, err)
	}
	return codes, nil
}

// SaveVisitDiagnoses stores a visit's ICD-10 codes ("M54.5, M62.830"),
// tidied to upper case and ", " between codes.
func (s *Store) SaveVisitDiagnoses(ctx context.Context, appointmentID int64, codes string) error {
	var list []string
	for _, c := range strings.FieldsFunc(strings.ToUpper(codes), func(r rune) bool { return r == ',' || r == ';' || r == ' ' }) {
		if len(c) < 3 || len(c) > 8 || c[0] < 'A' || c[0] > 'Z' {
			return &ValidationError{Problems: []FieldProblem{{Field: "ICD10Codes",
				Message: fmt.Sprintf("%q does not look like an ICD-10 code (a letter then digits, like M54.5).", c)}}}
		}
		list = append(list, c)
	}
	return s.write(ctx, "save diagnoses", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO visit_diagnoses (appointment_id, icd10_codes) VALUES (?, ?)
			ON CONFLICT (appointment_id) DO UPDATE SET icd10_codes = excluded.icd10_codes`, appointmentID, strings.Join(list, ", "))
		if err != nil {
			return fmt.Errorf("save diagnoses of visit %d: %w", appointmentID, err)
		}
		return nil
	})
}
