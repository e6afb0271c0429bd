package data

import (
	"slices"
	"strings"
)

// normalize trims what was typed and puts lists in a canonical order, so that
// "  Zoë " and "Zoë" are the same name and tags are not duplicated.
func (c *Client) normalize() {
	for _, f := range []*string{&c.FirstName, &c.LastName, &c.PreferredName, &c.Pronouns,
		&c.MobilePhone, &c.HomePhone, &c.WorkPhone, &c.Email, &c.Street, &c.City, &c.Region,
		&c.PostalCode, &c.Country, &c.EmergencyName, &c.EmergencyRelationship, &c.EmergencyPhone,
		&c.ReferredBy, &c.Physician, &c.PhysicianPhone, &c.Occupation} {
		*f = clean(*f)
	}
	for _, f := range []*string{&c.Alerts, &c.Notes, &c.Health.ConditionNotes, &c.Health.Medications,
		&c.Health.Allergies, &c.Health.SurgeriesInjuries} {
		*f = cleanText(*f)
	}
	if c.PreferredName == c.FirstName {
		c.PreferredName = ""
	}
	c.Health.Conditions = sortedUnique(c.Health.Conditions, func(s string) string { return s })
	c.Tags = sortedUnique(c.Tags, func(s string) string { return strings.ToLower(clean(s)) })
	if !c.Health.Pregnant {
		c.Health.DueDate = Date{}
	}
}

// sortedUnique trims, drops empty and duplicate (by key) entries and sorts.
func sortedUnique(in []string, key func(string) string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range in {
		s = clean(s)
		k := key(s)
		if s == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b string) int { return strings.Compare(key(a), key(b)) })
	return out
}

// Bounds of a due date around today: a pregnancy lasts about nine months,
// and a due date a little past is still a pregnancy (or a record to update).
const (
	maxDueMonthsAhead = 10
	maxDueDaysPast    = 60
)

// Validate reports everything wrong with c as a *ValidationError, or nil.
// today is the calendar date in the practice's time zone (Store.Today):
// dates may not be after it.
func (c *Client) Validate(today Date) error {
	var p problems
	if c.FirstName == "" {
		p.add("FirstName", "Please enter the client's first name.")
	}
	if c.LastName == "" {
		p.add("LastName", "Please enter the client's last name.")
	}
	p.checkLen("FirstName", "The first name", c.FirstName, maxName)
	p.checkLen("LastName", "The last name", c.LastName, maxName)
	p.checkLen("PreferredName", "The preferred name", c.PreferredName, maxName)
	p.checkLen("Pronouns", "Pronouns", c.Pronouns, 40)
	switch {
	case c.BirthDate.IsZero():
	case !c.BirthDate.Valid():
		p.add("BirthDate", "The date of birth %s is not a real date.", c.BirthDate)
	case today.Before(c.BirthDate):
		p.add("BirthDate", "The date of birth %s is in the future.", c.BirthDate.Format())
	case c.BirthDate.AgeOn(today) > 120:
		p.add("BirthDate", "The date of birth %s would make the client over 120 years old.", c.BirthDate.Format())
	}
	p.checkPhone("MobilePhone", "The mobile number", c.MobilePhone)
	p.checkPhone("HomePhone", "The home number", c.HomePhone)
	p.checkPhone("WorkPhone", "The work number", c.WorkPhone)
	p.checkPhone("EmergencyPhone", "The emergency contact's number", c.EmergencyPhone)
	p.checkPhone("PhysicianPhone", "The physician's number", c.PhysicianPhone)
	p.checkEmail("Email", c.Email)
	for _, f := range []struct{ field, label, value string }{
		{"Street", "The street address", c.Street}, {"City", "The city", c.City},
		{"Region", "The province or state", c.Region}, {"PostalCode", "The postal code", c.PostalCode},
		{"Country", "The country", c.Country}, {"EmergencyName", "The emergency contact", c.EmergencyName},
		{"EmergencyRelationship", "The relationship", c.EmergencyRelationship},
		{"ReferredBy", "Referred by", c.ReferredBy}, {"Physician", "The physician's name", c.Physician},
		{"Occupation", "The occupation", c.Occupation},
	} {
		p.checkLen(f.field, f.label, f.value, maxShort)
	}
	for _, f := range []struct{ field, label, value string }{
		{"Alerts", "The alerts", c.Alerts}, {"Notes", "The notes", c.Notes},
		{"ConditionNotes", "The condition details", c.Health.ConditionNotes},
		{"Medications", "The medications", c.Health.Medications},
		{"Allergies", "The allergies", c.Health.Allergies},
		{"SurgeriesInjuries", "The surgeries and injuries", c.Health.SurgeriesInjuries},
	} {
		p.checkLen(f.field, f.label, f.value, maxLong)
	}
	for _, code := range c.Health.Conditions {
		if _, ok := ConditionByCode(code); !ok {
			p.add("Conditions", "%q is not on the health-history checklist.", code)
		}
	}
	if c.Pressure != PressureUnset && !slices.Contains(Pressures, c.Pressure) {
		p.add("Pressure", "%q is not a pressure preference.", string(c.Pressure))
	}
	switch {
	case c.ConsentDate.IsZero():
	case !c.ConsentDate.Valid():
		p.add("ConsentDate", "The consent date %s is not a real date.", c.ConsentDate)
	case today.Before(c.ConsentDate):
		p.add("ConsentDate", "The consent date %s is in the future.", c.ConsentDate.Format())
	case c.BirthDate.Valid() && c.ConsentDate.Before(c.BirthDate):
		p.add("ConsentDate", "The consent date %s is before the client was born (%s).",
			c.ConsentDate.Format(), c.BirthDate.Format())
	}
	switch due := c.Health.DueDate; {
	case due.IsZero():
	case !due.Valid():
		p.add("DueDate", "The due date %s is not a real date.", due)
	case due.Before(today.addDays(-maxDueDaysPast)):
		p.add("DueDate", "The due date %s is long past; untick pregnancy if the baby has arrived.", due.Format())
	case today.addMonths(maxDueMonthsAhead).Before(due):
		p.add("DueDate", "The due date %s is more than %d months away; please check the year.", due.Format(), maxDueMonthsAhead)
	}
	for _, t := range c.Tags {
		p.checkLen("Tags", "A tag", t, 40)
	}
	return p.err()
}
