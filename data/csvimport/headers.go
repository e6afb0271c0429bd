package csvimport

import (
	"strings"

	"github.com/stillpoint/stillpoint/data"
)

// Field is what a column of the file holds.
type Field int

// The fields a column can fill. Ignored columns are read but not kept.
const (
	Ignored Field = iota
	FullName
	FirstName
	LastName
	PreferredName
	Pronouns
	Email
	MobilePhone
	HomePhone
	WorkPhone
	Phone // a phone of no stated kind: the first empty of mobile, home, work
	BirthDate
	Street
	Street2 // a second address line, added to the street
	City
	Region
	PostalCode
	Country
	Occupation
	ReferredBy
	EmergencyName
	EmergencyPhone
	Notes
)

// fieldLabels are the fields in the therapist's words, as the preview shows
// which column fills what.
var fieldLabels = map[Field]string{
	Ignored: "not imported", FullName: "full name", FirstName: "first name", LastName: "last name",
	PreferredName: "preferred name", Pronouns: "pronouns", Email: "e-mail",
	MobilePhone: "mobile phone", HomePhone: "home phone", WorkPhone: "work phone",
	Phone: "phone (mobile, or home if mobile is given)", BirthDate: "date of birth", Street: "street address",
	Street2: "street address (second line)", City: "city", Region: "province or state",
	PostalCode: "postal code", Country: "country", Occupation: "occupation", ReferredBy: "referred by",
	EmergencyName: "emergency contact", EmergencyPhone: "emergency contact's phone", Notes: "notes",
}

// String is the field in plain words ("date of birth").
func (f Field) String() string { return fieldLabels[f] }

// headerNames are the recognised header names, written as headerKey
// leaves them: accents, case, spaces and punctuation removed.
var headerNames = map[string]Field{}

func init() {
	for f, names := range map[Field][]string{
		FullName:  {"name", "full name", "nom complet", "client", "client name", "patient", "patient name", "nom du client", "nom et prenom", "contact", "display name"},
		FirstName: {"first name", "first", "given name", "forename", "prenom", "patient first name", "client first name"},
		LastName: {"last name", "last", "surname", "family name", "nom", "nom de famille", "patient last name",
			"client last name"},
		PreferredName: {"preferred name", "nickname", "known as", "nom usuel", "prenom usuel", "nom prefere"},
		Pronouns:      {"pronouns", "pronoms"},
		Email:         {"email", "e-mail", "email address", "e-mail address", "courriel", "adresse courriel", "adresse e-mail", "mail"},
		MobilePhone: {"mobile", "mobile phone", "mobile number", "cell", "cell phone", "cellphone", "cellulaire",
			"telephone cellulaire", "portable", "telephone portable", "mobile phone number"},
		HomePhone: {"home phone", "home", "home number", "telephone maison", "telephone domicile", "domicile",
			"home phone number"},
		WorkPhone: {"work phone", "work", "work number", "business phone", "telephone travail", "telephone bureau",
			"office phone", "work phone number"},
		Phone:     {"phone", "phone number", "telephone", "tel", "numero de telephone", "phone numbers", "primary phone"},
		BirthDate: {"dob", "birthdate", "birth date", "date of birth", "date de naissance", "birthday", "naissance", "ddn"},
		Street: {"address", "street", "street address", "address 1", "address line 1", "adresse", "rue",
			"street address 1", "adresse ligne 1", "street address line 1", "address1"},
		Street2: {"address 2", "address line 2", "street address 2", "adresse ligne 2", "address 3",
			"address line 3", "street address line 2", "address2", "unit", "suite", "appartement"},
		City:           {"city", "ville", "town", "municipalite", "city town"},
		Region:         {"province", "state", "region", "province state", "state province", "county", "province etat", "state region"},
		PostalCode:     {"postal code", "postcode", "post code", "zip", "zip code", "code postal", "postal", "zip postal code", "postal zip code"},
		Country:        {"country", "pays"},
		Occupation:     {"occupation", "profession", "metier", "job"},
		ReferredBy:     {"referred by", "referral source", "referral", "reference", "refere par", "recommande par", "how did you hear about us"},
		EmergencyName:  {"emergency contact", "emergency contact name", "contact d urgence", "personne a contacter en cas d urgence"},
		EmergencyPhone: {"emergency phone", "emergency contact phone", "telephone d urgence", "emergency contact phone number"},
		Notes:          {"notes", "note", "comments", "comment", "commentaires", "remarques", "memo", "client notes", "patient notes"},
	} {
		for _, n := range names {
			headerNames[headerKey(n)] = f
		}
	}
}

// headerKey is a header as recognition compares it: accents, case, spaces
// and punctuation removed ("Date de naissance" and "DATE_DE_NAISSANCE"
// are both "datedenaissance").
func headerKey(h string) string {
	return strings.ReplaceAll(data.Fold(h), " ", "")
}

// Column says what one column of the file fills.
type Column struct {
	Header string
	Field  Field
}

// recognise maps each header to a field. A column whose field an earlier
// column already fills is kept as well (the first value given wins), except
// names and date of birth, which only the first such column gives. A lone
// "Nom" (French: family name) with no first-name column is read as the full
// name, as files with one name column use it.
func recognise(header []string) []Column {
	cols := make([]Column, len(header))
	seen := map[Field]bool{}
	for i, h := range header {
		f := headerNames[headerKey(h)]
		switch f {
		case FullName, FirstName, LastName, BirthDate:
			if seen[f] {
				f = Ignored
			}
		}
		seen[f] = true
		cols[i] = Column{Header: strings.TrimSpace(h), Field: f}
	}
	if !seen[FirstName] && !seen[FullName] {
		for i := range cols {
			if cols[i].Field == LastName {
				cols[i].Field = FullName
				break
			}
		}
	}
	if seen[FirstName] && seen[LastName] {
		for i := range cols {
			if cols[i].Field == FullName { // "Client" beside first and last: not needed
				cols[i].Field = Ignored
			}
		}
	}
	return cols
}

// hasNames reports whether the columns give a name for every row.
func hasNames(cols []Column) bool {
	var full, first, last bool
	for _, c := range cols {
		switch c.Field {
		case FullName:
			full = true
		case FirstName:
			first = true
		case LastName:
			last = true
		}
	}
	return full || first && last
}
