package data

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"slices"
	"strings"
)

// ConsentKind says what a consent covers.
type ConsentKind string

// The kinds of consent.
const (
	ConsentGeneral   ConsentKind = "general"   // consent to assessment and treatment
	ConsentSensitive ConsentKind = "sensitive" // separate, explicit consent for sensitive areas
)

// ConsentKinds lists the kinds of consent, in the order a form shows them.
func ConsentKinds() []ConsentKind { return []ConsentKind{ConsentGeneral, ConsentSensitive} }

// Label is the kind's name for the therapist.
func (k ConsentKind) Label() string {
	switch k {
	case ConsentGeneral:
		return "Consent to treatment"
	case ConsentSensitive:
		return "Consent for sensitive areas"
	}
	return string(k)
}

func (k ConsentKind) valid() bool { return k == ConsentGeneral || k == ConsentSensitive }

// The sensitive areas a client may consent to, by their stored keys.
const (
	AreaGluteals   = "gluteals"
	AreaChest      = "chest"
	AreaAbdomen    = "abdomen"
	AreaInnerThigh = "inner_thigh"
)

// sensitiveAreas are the keys in the order forms show them.
var sensitiveAreas = []string{AreaGluteals, AreaChest, AreaAbdomen, AreaInnerThigh}

// SensitiveAreas returns the keys of the sensitive areas, in form order.
func SensitiveAreas() []string { return slices.Clone(sensitiveAreas) }

// AreaLabel names a sensitive area for the therapist ("inner_thigh" is
// "Inner thigh"); an unknown key is returned as it is.
func AreaLabel(area string) string {
	switch area {
	case AreaGluteals:
		return "Gluteals"
	case AreaChest:
		return "Chest"
	case AreaAbdomen:
		return "Abdomen"
	case AreaInnerThigh:
		return "Inner thigh"
	}
	return area
}

// IsSensitiveArea reports whether area is one of the sensitive areas.
func IsSensitiveArea(area string) bool { return slices.Contains(sensitiveAreas, area) }

// inAreaOrder returns the distinct sensitive areas of list in form order.
func inAreaOrder(list []string) []string {
	var out []string
	for _, a := range sensitiveAreas {
		if slices.Contains(list, a) {
			out = append(out, a)
		}
	}
	return out
}

// UnconsentedSensitive returns the sensitive areas among areas (the areas of
// a body chart's marks, say) that are not in consented, each once, in form
// order. Areas that are not sensitive need no separate consent and are never
// returned. An empty result means nothing needs flagging.
func UnconsentedSensitive(areas []string, consented []string) []string {
	var out []string
	for _, a := range inAreaOrder(areas) {
		if !slices.Contains(consented, a) {
			out = append(out, a)
		}
	}
	return out
}

// Signature limits: the file size and the picture's size in pixels (what
// decoding costs in memory). A signature pad at twice the screen's density
// stays far below them.
const (
	maxSignatureBytes  = 512 << 10
	maxSignatureSide   = 4096
	maxSignaturePixels = 4_000_000
	maxConsentText     = maxLong
	maxWithdrawReason  = 2000
	maxReviewNote      = 2000
)

// checkSignature explains what is wrong with a signature image, or returns "".
// It decodes the picture only once its header shows an acceptable size.
func checkSignature(sig []byte) string {
	if len(sig) == 0 {
		return "The client's signature is missing. Ask the client to sign in the box."
	}
	if len(sig) > maxSignatureBytes {
		return "The signature image is larger than 512 KB, which is too large to keep."
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(sig))
	if err != nil {
		return "The signature could not be read as a picture (it must be a PNG image). Ask the client to sign again."
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > maxSignatureSide || cfg.Height > maxSignatureSide ||
		cfg.Width*cfg.Height > maxSignaturePixels {
		return fmt.Sprintf("The signature picture is %d × %d pixels, too large to keep; at most %d pixels wide and high.",
			cfg.Width, cfg.Height, maxSignatureSide)
	}
	img, err := png.Decode(bytes.NewReader(sig))
	if err != nil {
		return "The signature picture is damaged. Ask the client to sign again."
	}
	if isBlank(img) {
		return "The signature box is empty. Ask the client to sign in the box."
	}
	return ""
}

// isBlank reports whether every pixel of a decoded signature is transparent
// or the same colour: nobody signed.
func isBlank(img image.Image) bool {
	b := img.Bounds()
	first := img.At(b.Min.X, b.Min.Y)
	r0, g0, b0, a0 := first.RGBA()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			if a != 0 && (r != r0 || g != g0 || bl != b0 || a != a0) {
				return false
			}
		}
	}
	return true
}

// ConsentFieldNames lists the field names that Consent.Validate can report.
func ConsentFieldNames() []string { return consentTable.fieldNames() }

// Normalize puts the consent's areas in form order, each once.
func (c *Consent) Normalize() {
	if len(c.Areas) == 0 {
		c.Areas = nil
		return
	}
	var known, other []string
	for _, a := range c.Areas {
		a = strings.TrimSpace(a)
		switch {
		case IsSensitiveArea(a):
			known = append(known, a)
		case !slices.Contains(other, a):
			other = append(other, a)
		}
	}
	c.Areas = append(inAreaOrder(known), other...)
}

// Validate reports, field by field in plain words, what keeps the consent
// from being recorded. today is the practice's date (a consent cannot be
// signed in the future). Whether the text version exists and is of the
// consent's kind is checked when it is recorded.
func (c *Consent) Validate(today Date) error {
	var p problems
	if !c.Kind.valid() {
		p.add("Kind", "Choose whether this is consent to treatment or consent for sensitive areas.")
	}
	if c.TextVersionID <= 0 {
		p.add("TextVersionID", "Choose the consent text the client read and signed.")
	}
	switch c.Kind {
	case ConsentSensitive:
		if len(c.Areas) == 0 {
			p.add("Areas", "Tick at least one area the client consents to.")
		}
		for _, a := range c.Areas {
			if !IsSensitiveArea(a) {
				p.add("Areas", "%q is not one of the sensitive areas (gluteals, chest, abdomen, inner thigh).", a)
			}
		}
	case ConsentGeneral:
		if len(c.Areas) > 0 {
			p.add("Areas", "Areas are only chosen on the consent for sensitive areas.")
		}
	}
	switch {
	case c.SignedOn.IsZero():
		p.add("SignedOn", "Enter the date the client signed.")
	case !c.SignedOn.Valid():
		p.add("SignedOn", "The date signed, %s, is not a real date.", c.SignedOn)
	case today.Before(c.SignedOn):
		p.add("SignedOn", "The date signed, %s, is in the future.", c.SignedOn.Format())
	}
	if msg := checkSignature(c.SignaturePNG); msg != "" {
		p.add("SignaturePNG", "%s", msg)
	}
	return p.err()
}
