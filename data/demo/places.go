package demo

import (
	"fmt"
	"strings"

	"github.com/stillpoint/stillpoint/data"
)

// areaCodes are the Toronto-area codes, the 416 most common.
var areaCodes = []string{"416", "416", "416", "647", "437", "905", "289", "365"}

// phone returns a number in the 555-0100…555-0199 block that North American
// numbering keeps for fiction, so no real person is ever rung.
func (g *gen) phone() string {
	return fmt.Sprintf("%s-555-01%02d", pick(g, areaCodes), g.r.IntN(100))
}

var streets = []string{
	"Queen St W", "Bloor St W", "Danforth Ave", "Yonge St", "Dundas St W", "College St",
	"Spadina Ave", "Bathurst St", "Eglinton Ave E", "Lake Shore Blvd W", "Roncesvalles Ave",
	"Ossington Ave", "Pape Ave", "Broadview Ave", "Gerrard St E", "St Clair Ave W",
	"Kingston Rd", "Jane St", "Harbord St", "Palmerston Ave", "Main St", "Lakeshore Rd E",
}

// city is a place clients come from, with the first letter of its postal codes.
type city struct{ name, postal string }

var cities = []city{
	{"Toronto", "M"}, {"Toronto", "M"}, {"Toronto", "M"}, {"Toronto", "M"}, {"Toronto", "M"},
	{"Toronto", "M"}, {"Mississauga", "L"}, {"Brampton", "L"}, {"Markham", "L"}, {"Vaughan", "L"},
	{"Richmond Hill", "L"}, {"Oakville", "L"}, {"Pickering", "L"}, {"Ajax", "L"},
}

// postalLetters are the letters Canada Post uses inside postal codes.
const postalLetters = "ABCEGHJKLMNPRSTVWXYZ"

// address fills in a street address in the Toronto area.
func (g *gen) address(c *data.Client) {
	ct := pick(g, cities)
	c.Street = fmt.Sprintf("%d %s", 2+g.r.IntN(2400), pick(g, streets))
	if g.r.IntN(4) == 0 {
		c.Street += fmt.Sprintf(", Unit %d", 100*(1+g.r.IntN(30))+1+g.r.IntN(12))
	}
	c.City, c.Region, c.Country = ct.name, "ON", "Canada"
	l := func() byte { return postalLetters[g.r.IntN(len(postalLetters))] }
	c.PostalCode = fmt.Sprintf("%s%d%c %d%c%d", ct.postal, 1+g.r.IntN(9), l(), g.r.IntN(10), l(), g.r.IntN(10))
}

// emailDomains are reserved for examples: no mail ever reaches anyone.
var emailDomains = []string{"example.com", "example.com", "example.net", "example.org", "mail.example"}

// email derives an address from the name; names that do not fold to ASCII
// letters (Cyrillic, Han…) get "client<n>@example.com".
func (g *gen) email(n int, first, last string) string {
	f := strings.ReplaceAll(data.Fold(first), " ", "")
	l := strings.ReplaceAll(data.Fold(last), " ", "")
	if !isASCIIWord(f) || !isASCIIWord(l) {
		return fmt.Sprintf("client%d@example.com", n)
	}
	var local string
	switch g.r.IntN(5) {
	case 0:
		local = f + l
	case 1:
		local = f[:1] + "." + l
	case 2:
		local = fmt.Sprintf("%s.%s%d", f, l, 1+g.r.IntN(99))
	default:
		local = f + "." + l
	}
	return local + "@" + pick(g, emailDomains)
}

// isASCIIWord reports whether s is non-empty and only ASCII letters and digits.
func isASCIIWord(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return s != ""
}

var relationships = []string{"Spouse", "Spouse", "Partner", "Partner", "Mother", "Father", "Sister",
	"Brother", "Daughter", "Son", "Friend", "Roommate"}

var referrals = []string{
	"Google search", "Google search", "Instagram", "Walk-in", "Friend", "Family member",
	"Physiotherapist", "Chiropractor", "Family doctor", "Employer wellness fair", "Running club",
	"Yoga studio on Roncesvalles", "Insurance provider list", "Returning client",
}

var physicians = []string{
	"Dr. Priya Raman", "Dr. Michael Chen", "Dr. Sarah Goldberg", "Dr. Olumide Bello",
	"Dr. Hélène Dubois", "Dr. James MacLeod", "Dr. Ana Costa", "Dr. Farid Haddad",
	"Dr. Karen Whitfield", "Dr. Tomasz Nowak", "Dr. Grace Liu", "Dr. Rajesh Iyer",
}

// occupation is a job with what it tends to bring to the table.
type occupation struct {
	name string
	tag  string // a tag it often goes with, or ""
	note string // a line for the client's notes, or ""
}

var occupations = []occupation{
	{"Software developer", "", "Desk job; chronic neck and shoulder tension."},
	{"Accountant", "", "Busy season January–April: books fewer visits then."},
	{"Registered nurse", "shift worker", "Twelve-hour shifts; low back pain after night rotations."},
	{"Personal support worker", "WSIB", "Lifting at work; right shoulder strain."},
	{"Carpenter", "WSIB", "Forearm and wrist tension from tool use."},
	{"Teacher", "", "Stands all day; calves and feet tight by Friday."},
	{"Running coach", "athlete", "Training for the Toronto Waterfront Marathon in October."},
	{"Barista", "", ""},
	{"Graphic designer", "", "Mouse arm: right forearm and wrist."},
	{"Office administrator", "", "Desk job; tension headaches by mid-afternoon."},
	{"Dental hygienist", "", "Holds one posture for hours; upper back and neck."},
	{"Warehouse associate", "WSIB", "Work injury claim open for low back strain."},
	{"Lawyer", "", "Jaw clenching under stress."},
	{"Chef", "", "Long hours standing; plantar fasciitis."},
	{"Hockey coach", "athlete", "Plays in a beer league on Tuesdays."},
	{"Project manager", "", ""},
	{"Musician (violin)", "", "Left shoulder and neck; rehearsals before concert season."},
	{"Electrician", "", ""},
	{"Physiotherapist", "", ""},
	{"Courier (bicycle)", "athlete", "Cycles 80 km a day; hip flexors and quads."},
	{"Real estate agent", "", "Drives a lot; low back."},
}

var insurers = []string{"Sun Life", "Manulife", "Canada Life", "Green Shield", "Blue Cross", "Desjardins"}

// generalNotes are remarks a therapist keeps about how a client likes to be treated.
var generalNotes = []string{
	"Prefers morning appointments.",
	"Likes the table warmer on.",
	"Quiet sessions preferred — not chatty.",
	"Pays by e-transfer.",
	"Prefers the face cradle padded with an extra cushion.",
	"Cold easily: extra blanket.",
	"Sensitive feet — skip foot work.",
	"Books monthly maintenance sessions.",
	"Parks in the lane behind the clinic.",
	"Brings own pillow for side-lying.",
}
