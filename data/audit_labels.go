package data

import (
	"fmt"
	"strings"
	"unicode"
)

// auditFieldWords are the field names whose plain words are not simply
// the Go name split into lower-case words.
var auditFieldWords = map[AuditEntity]map[string]string{
	AuditNote: {
		"ServiceName": "service", "Pain": "pain rating", "Changes": "changes since the last visit",
		"Tests": "tests", "Minutes": "treatment minutes", "Response": "response to treatment",
		"Marks": "body chart", "VisitDate": "visit date", "Kind": "kind of note",
	},
	AuditClient: {
		"Email": "e-mail", "BirthDate": "date of birth", "Region": "province or state",
		"EmergencyName": "emergency contact", "EmergencyRelationship": "emergency contact's relationship",
		"EmergencyPhone": "emergency contact's phone", "Physician": "family physician",
		"PhysicianPhone": "physician's phone", "ConditionNotes": "condition details",
		"SurgeriesInjuries": "surgeries and injuries", "ConsentDate": "consent to treatment",
		"Conditions": "health conditions", "Pregnant": "pregnancy", "ReferredBy": "referred by",
	},
}

// AuditFieldLabel is a field name stored in an audit summary ("changed
// ServiceName, RangeOfMotion") in plain words for the therapist:
// "ServiceName" → "service", "RangeOfMotion" → "range of motion",
// "Email" → "e-mail". A name without a special wording is split into
// lower-case words.
func AuditFieldLabel(entity AuditEntity, field string) string {
	if w, ok := auditFieldWords[entity][field]; ok {
		return w
	}
	var b strings.Builder
	for i, r := range field {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte(' ')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// consentRecordedSummary is the audit summary of a recorded consent.
func consentRecordedSummary(c *Consent) string {
	s := fmt.Sprintf("%s signed on %s recorded", strings.ToLower(c.Kind.Label()[:1])+c.Kind.Label()[1:], c.SignedOn.Format())
	if len(c.Areas) > 0 {
		areas := make([]string, len(c.Areas))
		for i, a := range c.Areas {
			areas[i] = strings.ToLower(AreaLabel(a))
		}
		s += " (" + strings.Join(areas, ", ") + ")"
	}
	return s
}

// consentWithdrawnSummary is the audit summary of a withdrawn consent.
func consentWithdrawnSummary(kind ConsentKind, signedOn Date, reason string) string {
	s := fmt.Sprintf("%s signed on %s withdrawn", strings.ToLower(kind.Label()[:1])+kind.Label()[1:], signedOn.Format())
	if reason != "" {
		s += "; reason: " + reason
	}
	return s
}

// healthReviewSummary is the audit summary of a health-history review.
func healthReviewSummary(note string) string {
	if note == "" {
		return "health history reviewed"
	}
	return "health history reviewed: " + note
}
