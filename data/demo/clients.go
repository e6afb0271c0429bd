package demo

import (
	"fmt"
	"math/rand/v2"
	"time"
	"unicode"

	"github.com/stillpoint/stillpoint/data"
)

// gen makes the sample practice's records from one random stream, so the
// same seed always gives the same practice.
type gen struct {
	r      *rand.Rand
	anchor data.Date // the practice's history ends here
	today  data.Date // the real date, only for due dates
	span   int       // days of history before anchor
}

// pcgStream is the second half of the PCG state; any constant will do, but
// changing it changes every sample practice.
const pcgStream = 0x5717_1F01_57A7_1CE5

func newGen(seed int64, years int, today data.Date) *gen {
	anchor := historyEnd
	if today.Before(anchor) { // a clock set in the past: keep every date behind it
		anchor = today
	}
	return &gen{r: rand.New(rand.NewPCG(uint64(seed), pcgStream)), anchor: anchor, today: today, span: 365 * years}
}

// pick returns a random element of s.
func pick[T any](g *gen, s []T) T { return s[g.r.IntN(len(s))] }

// chance reports true with the given probability in percent.
func (g *gen) chance(percent int) bool { return g.r.IntN(100) < percent }

// addDays returns the date n days after d (before it when n < 0).
func addDays(d data.Date, n int) data.Date {
	return data.DateOf(d.Time(time.UTC).AddDate(0, 0, n))
}

// monthsBefore returns the month n months before the anchor as "2026-08".
func (g *gen) monthsBefore(n int) string {
	return g.anchor.Time(time.UTC).AddDate(0, -n, 0).Format("2006-01")
}

// name chooses a client's name: about one in six has an accented letter and
// one in twenty is written in another script.
func (g *gen) name() person {
	if g.chance(5) {
		return pick(g, nonLatin)
	}
	first := pick(g, plainFirst)
	if g.chance(9) {
		first = pick(g, accentedFirst)
	}
	last := pick(g, plainLast)
	if g.chance(9) {
		last = pick(g, accentedLast)
	}
	return person{first: first.name, last: last, g: first.g}
}

// client makes the n-th client (from 0). The first ones are the featured
// people; their details still come from the random stream.
func (g *gen) client(n int) *data.Client {
	p := g.name()
	isFeatured := n < len(featured)
	if isFeatured {
		p = featured[n]
	}
	c := &data.Client{FirstName: p.first, LastName: p.last}
	if nick, ok := nicknames[p.first]; ok && (g.chance(60) || n == 0) {
		c.PreferredName = nick
	}
	switch {
	case p.g == neutral && g.chance(50), g.chance(3):
		c.Pronouns = "they/them"
	case g.chance(30):
		c.Pronouns = map[gender]string{feminine: "she/her", masculine: "he/him", neutral: "they/them"}[p.g]
	}
	age := 18 + g.r.IntN(28) + g.r.IntN(28) + g.r.IntN(13) // 18–84, most between 35 and 65
	c.BirthDate = addDays(g.anchor, -(age*365 + g.r.IntN(365)))

	if g.chance(95) {
		c.MobilePhone = g.phone()
	}
	if g.chance(20) || c.MobilePhone == "" {
		c.HomePhone = g.phone()
	}
	if g.chance(10) {
		c.WorkPhone = fmt.Sprintf("%s ext %d", g.phone(), 100+g.r.IntN(900))
	}
	if g.chance(90) {
		c.Email = g.email(n+1, p.first, p.last)
	}
	if g.chance(85) {
		g.address(c)
	}
	if g.chance(75) {
		g.emergencyContact(c, p, age)
	}
	if g.chance(70) {
		c.ReferredBy = pick(g, referrals)
	}
	if g.chance(55) {
		c.Physician = pick(g, physicians)
		if g.chance(60) {
			c.PhysicianPhone = g.phone()
		}
	}
	var occ occupation
	switch {
	case age >= 67 || age >= 58 && g.chance(40):
		occ = occupation{name: "Retired"}
	case age <= 25 && g.chance(60):
		occ = occupation{name: "University student", tag: "student"}
	case g.chance(85):
		occ = pick(g, occupations)
	}
	c.Occupation = occ.name
	g.lifeDetails(c, p, age, occ, isFeatured, n)
	return c
}

// lifeDetails adds health, alerts, pressure, consent, tags and notes.
func (g *gen) lifeDetails(c *data.Client, p person, age int, occ occupation, isFeatured bool, n int) {
	if g.chance(85) {
		c.Pressure = pick(g, []data.Pressure{data.PressureLight, data.PressureMedium, data.PressureMedium,
			data.PressureMedium, data.PressureFirm, data.PressureFirm, data.PressureDeep})
	}
	g.health(c, p.g, age)
	switch {
	case n == 0: // Bea Okafor: the client with an alert in the README screenshot
		alertKinds[0](g, c)
	case g.chance(8):
		pick(g, alertKinds)(g, c)
	}
	pregnant := p.g == feminine && age >= 22 && age <= 42 && g.chance(6)
	if pregnant {
		g.pregnancy(c)
	}
	// Consent is signed at the first visit, some time in the practice's history.
	daysAgo := g.r.IntN(g.span)
	if isFeatured {
		daysAgo = g.r.IntN(min(g.span, 180))
	}
	c.ConsentDate = addDays(g.anchor, -daysAgo)
	c.CreatedAt = c.ConsentDate.Time(time.UTC).Add(9 * time.Hour) // the record was made at that first visit
	// Clients who started long ago have more often moved on; pregnant and
	// featured clients are current.
	c.Archived = !pregnant && !isFeatured && g.r.IntN(g.span*5) < daysAgo

	if occ.tag != "" && g.chance(70) {
		c.Tags = append(c.Tags, occ.tag)
	}
	if age >= 65 {
		c.Tags = append(c.Tags, "senior")
	}
	if g.chance(6) {
		c.Tags = append(c.Tags, "MVA")
		addLine(&c.Health.SurgeriesInjuries, fmt.Sprintf("Motor vehicle accident, whiplash (%d)", g.anchor.Year-g.r.IntN(3)))
	}
	if g.chance(40) {
		c.Tags = append(c.Tags, "insurance")
		addLine(&c.Notes, fmt.Sprintf("Insurance: %s, $%d a year for massage; submits receipts.",
			pick(g, insurers), 300+100*g.r.IntN(8)))
	}
	if occ.note != "" && g.chance(50) {
		addLine(&c.Notes, occ.note)
	}
	if g.chance(25) {
		addLine(&c.Notes, pick(g, generalNotes))
	}
}

// relation is an emergency contact's relationship and what their name needs.
type relation struct {
	name   string
	g      gender // of the contact; neutral means any
	family bool   // shares the client's last name more often than not
	minAge int    // the client's age range for which it makes sense
	maxAge int
}

var relations = []relation{
	{"Spouse", neutral, true, 22, 99}, {"Spouse", neutral, true, 22, 99}, {"Partner", neutral, false, 18, 99},
	{"Partner", neutral, false, 18, 99}, {"Mother", feminine, true, 18, 60}, {"Father", masculine, true, 18, 55},
	{"Sister", feminine, true, 18, 99}, {"Brother", masculine, true, 18, 99}, {"Daughter", feminine, true, 45, 99},
	{"Son", masculine, true, 45, 99}, {"Friend", neutral, false, 18, 99}, {"Roommate", neutral, false, 18, 35},
}

// emergencyContact names someone to call, in the client's own script.
func (g *gen) emergencyContact(c *data.Client, p person, age int) {
	rel := pick(g, relations)
	for age < rel.minAge || age > rel.maxAge {
		rel = pick(g, relations)
	}
	var other person
	for {
		if isNonLatin(p.last) {
			other = pick(g, nonLatin)
		} else {
			other = g.name()
			for isNonLatin(other.last) {
				other = g.name()
			}
			if rel.family && g.chance(75) {
				other.last = p.last
			}
		}
		if other.first != p.first && (rel.g == neutral || other.g == rel.g) {
			break
		}
	}
	c.EmergencyName = other.first + " " + other.last
	c.EmergencyRelationship = rel.name
	c.EmergencyPhone = g.phone()
}

// isNonLatin reports whether the name is written in another script than Latin.
func isNonLatin(name string) bool {
	for _, r := range name {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return true
		}
	}
	return false
}
