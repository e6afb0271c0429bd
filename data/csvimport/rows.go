package csvimport

import (
	"errors"
	"fmt"
	"strings"

	"github.com/stillpoint/stillpoint/data"
)

// readRow turns one record into a client and decides whether it can be
// imported. empty is true for a row with no value at all.
func readRow(rec []string, cols []Column, order DateOrder, today data.Date) (row Row, empty bool) {
	c := &row.Client
	var problems, phones, notes []string
	dateProblems := 0 // problems that are about the date of birth alone
	empty = true
	for i, col := range cols {
		if i >= len(rec) {
			break
		}
		raw := strings.TrimSpace(strings.ToValidUTF8(rec[i], ""))
		if raw == "" {
			continue
		}
		empty = false
		v := strings.Join(strings.Fields(raw), " ") // one line
		switch col.Field {
		case FullName:
			var err error
			if c.FirstName, c.LastName, err = splitName(v); err != nil {
				problems = append(problems, err.Error())
			}
		case FirstName:
			c.FirstName = v
		case LastName:
			c.LastName = v
		case BirthDate:
			d, err := parseDate(v, order)
			if err != nil {
				problems = append(problems, capitalise(err.Error())+".")
				dateProblems++
			}
			c.BirthDate = d
		case Phone:
			phones = append(phones, v)
		case Street2:
			c.Street = strings.TrimPrefix(c.Street+", "+v, ", ")
		case Notes:
			notes = append(notes, raw)
		default:
			if dst := textField(c, col.Field); dst != nil && *dst == "" {
				*dst = v
			}
		}
	}
	if empty {
		return row, true
	}
	for _, ph := range phones {
		for _, dst := range []*string{&c.MobilePhone, &c.HomePhone, &c.WorkPhone} {
			if *dst == "" {
				*dst = ph
				break
			}
		}
	}
	c.Notes = strings.Join(notes, "\n\n")
	if err := c.Validate(today); err != nil {
		var ve *data.ValidationError
		if errors.As(err, &ve) {
			for _, p := range ve.Problems {
				if p.Field == "BirthDate" && c.BirthDate.IsZero() {
					continue
				}
				if p.Field == "BirthDate" {
					dateProblems++
				}
				problems = append(problems, p.Message)
			}
		} else {
			problems = append(problems, err.Error())
		}
	}
	if len(problems) > 0 {
		row.Status, row.Reason = Bad, strings.Join(dedupe(problems), " ")
		undated := *c
		undated.BirthDate = data.Date{}
		row.DateOnly = dateProblems == len(problems) && undated.Validate(today) == nil
	}
	row.read, row.orig = row.Status, row.Client
	return row, false
}

// textField is the client's field a plain text column fills.
func textField(c *data.Client, f Field) *string {
	switch f {
	case PreferredName:
		return &c.PreferredName
	case Pronouns:
		return &c.Pronouns
	case Email:
		return &c.Email
	case MobilePhone:
		return &c.MobilePhone
	case HomePhone:
		return &c.HomePhone
	case WorkPhone:
		return &c.WorkPhone
	case Street:
		return &c.Street
	case City:
		return &c.City
	case Region:
		return &c.Region
	case PostalCode:
		return &c.PostalCode
	case Country:
		return &c.Country
	case Occupation:
		return &c.Occupation
	case ReferredBy:
		return &c.ReferredBy
	case EmergencyName:
		return &c.EmergencyName
	case EmergencyPhone:
		return &c.EmergencyPhone
	}
	return nil
}

// particles start a family name: "Jean de la Fontaine" is Jean + "de la
// Fontaine".
var particles = map[string]bool{"de": true, "da": true, "del": true, "della": true, "des": true, "di": true,
	"du": true, "la": true, "le": true, "van": true, "von": true, "der": true, "den": true, "ter": true, "st": true,
	"st.": true, "bin": true, "ben": true, "al": true, "el": true, "dos": true, "das": true}

// splitName splits a full name into first and last names: "Okafor,
// Beatrice" is last name first; otherwise the last word (with any particle
// before it) is the last name.
func splitName(full string) (first, last string, err error) {
	if l, f, ok := strings.Cut(full, ","); ok {
		first, last = strings.TrimSpace(f), strings.TrimSpace(l)
		if first != "" && last != "" {
			return first, last, nil
		}
	}
	words := strings.Fields(strings.ReplaceAll(full, ",", " "))
	if len(words) < 2 {
		return "", "", fmt.Errorf("Only one name is given (%q); Stillpoint needs a first and a last name.", full)
	}
	cut := len(words) - 1
	for cut > 1 && particles[strings.ToLower(words[cut-1])] {
		cut--
	}
	return strings.Join(words[:cut], " "), strings.Join(words[cut:], " "), nil
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func dedupe(in []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// duplicates finds likely duplicates: the same e-mail address, or the same
// name and date of birth, among the stored clients and the rows read so far.
type duplicates struct {
	byEmail, byName map[string]Match
}

func newDuplicates(existing []data.ClientKey) *duplicates {
	d := &duplicates{byEmail: map[string]Match{}, byName: map[string]Match{}}
	for _, k := range existing {
		name := k.DisplayName()
		if k.Archived {
			name += " (archived)"
		}
		d.add(k.Email, k.FirstName, k.LastName, k.BirthDate, Match{ID: k.ID, Name: name})
	}
	return d
}

func (d *duplicates) addRow(number int, c *data.Client) {
	d.add(c.Email, c.FirstName, c.LastName, c.BirthDate, Match{Row: number, Name: c.FormalName()})
}

func (d *duplicates) add(email, first, last string, birth data.Date, m Match) {
	if k := emailKey(email); k != "" {
		if _, ok := d.byEmail[k]; !ok {
			m.Why = "same e-mail address"
			d.byEmail[k] = m
		}
	}
	if k := nameKey(first, last, birth); k != "" {
		if _, ok := d.byName[k]; !ok {
			m.Why = "same name and date of birth"
			d.byName[k] = m
		}
	}
}

func (d *duplicates) find(c *data.Client) *Match {
	if m, ok := d.byName[nameKey(c.FirstName, c.LastName, c.BirthDate)]; ok {
		return &m
	}
	if m, ok := d.byEmail[emailKey(c.Email)]; ok {
		return &m
	}
	return nil
}

func emailKey(email string) string {
	return strings.ToLower(strings.TrimSpace(email))
}

func nameKey(first, last string, birth data.Date) string {
	if birth.IsZero() {
		return ""
	}
	return data.Fold(first) + "|" + data.Fold(last) + "|" + birth.String()
}
