package data

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // logos may be JPEG
	_ "image/png"  // or PNG
	"strings"
	"time"
)

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
	pr.checkWebsite("Website", p.Website)
	pr.checkLen("TaxNumber", "The tax number", p.TaxNumber, 60)
	pr.checkLen("TaxName", "The tax name", p.TaxName, 30)
	if p.TaxRateBP < 0 || p.TaxRateBP > 10000 {
		pr.add("TaxRate", "The tax rate must be between 0 and 100%%.")
	}
	if CurrencyName(p.Currency) == "" {
		pr.add("Currency", "%q is not a currency code Stillpoint knows; use a three-letter ISO code such as CAD, USD, GBP, EUR or AUD.", p.Currency)
	}
	if _, err := time.LoadLocation(p.TimeZone); err != nil || p.TimeZone == "Local" {
		pr.add("TimeZone", "%q is not a time zone Stillpoint knows; choose one such as America/Toronto.", p.TimeZone)
	}
	if p.PaperSize != PaperLetter && p.PaperSize != PaperA4 {
		pr.add("PaperSize", "The paper size must be A4 or Letter.")
	}
	if msg := checkLogo(p.Logo); msg != "" {
		pr.add("Logo", "%s", msg)
	}
	if msg := checkLogo(p.Signature); msg != "" {
		pr.add("Signature", "%s", strings.Replace(msg, "logo", "signature", 1))
	}
	return pr.err()
}

// Logo limits: the file size, and the picture's size in pixels, which is
// what decoding costs in memory (a 30000 × 30000 PNG can be a few kilobytes
// on disk and 3.6 GB decoded).
const (
	maxLogoBytes  = 2 << 20
	maxLogoSide   = 4096
	maxLogoPixels = 16_000_000
)

// checkLogo explains what is wrong with a logo, or returns "". It reads only
// the image header (image.DecodeConfig), never the pixels.
func checkLogo(logo []byte) string {
	if len(logo) == 0 {
		return ""
	}
	if len(logo) > maxLogoBytes {
		return "The logo image is larger than 2 MB; please choose a smaller one."
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(logo))
	if err != nil || (format != "png" && format != "jpeg") {
		return "The logo must be a PNG or JPEG image."
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > maxLogoSide || cfg.Height > maxLogoSide ||
		cfg.Width*cfg.Height > maxLogoPixels {
		return fmt.Sprintf("The logo is %d × %d pixels, too large to print; please choose an image at most %d pixels wide and high.",
			cfg.Width, cfg.Height, maxLogoSide)
	}
	return ""
}
