package data

import "fmt"

// maxInvoiceLines caps one invoice's lines.
const maxInvoiceLines = 100

// normalize tidies what was typed on the invoice's lines.
func (v *Invoice) normalize() {
	v.VoidReason = cleanText(v.VoidReason)
	for i := range v.Lines {
		l := &v.Lines[i]
		l.Description = clean(l.Description)
		l.CPTCode = clean(l.CPTCode)
		l.ICD10Codes = clean(l.ICD10Codes)
		if l.Kind == "" {
			l.Kind = LineOther
		}
		if l.Quantity == 0 {
			l.Quantity = 1
		}
	}
}

// Validate reports everything wrong with the invoice's client and lines,
// by field; a line's problem is reported as "Lines.<Field>" and names the
// line by its number.
func (v *Invoice) Validate() error {
	var p problems
	if v.ClientID == 0 {
		p.add("ClientID", "Choose the client the receipt is for.")
	}
	if len(v.Lines) == 0 {
		p.add("Lines", "A receipt needs at least one line.")
	}
	if len(v.Lines) > maxInvoiceLines {
		p.add("Lines", "A receipt has at most %d lines (this one has %d).", maxInvoiceLines, len(v.Lines))
	}
	for i := range v.Lines {
		l := &v.Lines[i]
		n := fmt.Sprintf("Line %d", i+1)
		if l.Description == "" {
			p.add("Lines.Description", "%s needs a description, e.g. \"Massage therapy treatment\".", n)
		}
		p.checkLen("Lines.Description", n+"'s description", l.Description, maxShort)
		switch l.Kind {
		case LineService, LineCertificate, LinePackage, LineOther:
		default:
			p.add("Lines.Description", "%s is of an unknown kind %q.", n, l.Kind)
		}
		if l.Quantity < 1 || l.Quantity > 1000 {
			p.add("Lines.Quantity", "%s: the quantity is between 1 and 1000.", n)
		}
		if l.Unit < 0 || l.Unit > maxMoneyCents {
			p.add("Lines.Unit", "%s: the price cannot be negative or that large.", n)
		}
		if l.Minutes < 0 || l.Minutes > maxServiceMinutes {
			p.add("Lines.Minutes", "%s: the length is between 0 and %d minutes.", n, maxServiceMinutes)
		}
		if l.Discount < 0 {
			p.add("Lines.Discount", "%s: a discount cannot be negative.", n)
		} else if l.Discount > int64(l.Quantity)*l.Unit {
			p.add("Lines.Discount", "%s: the discount is more than the line's price.", n)
		}
		if !l.ServiceDate.IsZero() && !l.ServiceDate.Valid() {
			p.add("Lines.ServiceDate", "%s: the date is not a real date.", n)
		}
	}
	return p.err()
}
