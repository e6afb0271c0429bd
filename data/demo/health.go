package demo

import (
	"fmt"
	"slices"
	"strings"

	"github.com/stillpoint/stillpoint/data"
)

// commonConditions are the checklist items clients tick most, with what
// usually goes with them. blood_thinners, epilepsy and the like come from
// alertKinds instead, so every such client also has an alert.
var commonConditions = []struct {
	code, medication, note string
}{
	{"high_blood_pressure", "Ramipril 10 mg daily", "Controlled with medication."},
	{"low_blood_pressure", "", "Dizzy when sitting up quickly: rise slowly."},
	{"headaches", "Ibuprofen as needed", "Tension headaches, mostly at the end of the work week."},
	{"headaches", "Sumatriptan as needed", "Migraines about twice a month."},
	{"arthritis", "Naproxen as needed", "Osteoarthritis in both knees."},
	{"anxiety", "Sertraline 50 mg", "Prefers a calm, quiet session."},
	{"respiratory", "Salbutamol inhaler", "Mild asthma; unscented products."},
	{"diabetes", "Metformin 500 mg twice daily", "Type 2. Check feet for sensation."},
	{"numbness", "", "Tingling in the right hand in the morning."},
	{"disc_problems", "", "L4–L5 bulge; no lumbar rotation stretches."},
	{"fibromyalgia", "Duloxetine", "Light pressure on flare days."},
	{"varicose_veins", "", "Both calves: no deep work there."},
	{"skin_condition", "Hydrocortisone cream", "Eczema on the inner elbows."},
	{"cancer", "", "Treatment finished two years ago; cleared by oncologist for massage."},
	{"heart_condition", "Metoprolol", "Atrial fibrillation, stable."},
	{"recent_injury", "", "Sprained left ankle playing soccer."},
	{"osteoporosis", "Alendronate weekly", "Light pressure over the ribs and spine."},
	{"implants", "", "Titanium plate, right wrist."},
	{"bruises_easily", "", ""},
}

var otherAllergies = []string{"Penicillin", "Bee stings", "Shellfish", "Cats", "Dust mites", "Sulfa drugs"}

var pastSurgeries = []string{
	"ACL reconstruction, right knee (%d)", "Appendectomy (%d)", "Rotator cuff repair, left shoulder (%d)",
	"Whiplash, rear-ended at a red light (%d)", "Broken right wrist, fall on ice (%d)",
	"Gallbladder removed (%d)", "Concussion, cycling (%d)",
}

// alertKind is a reason for an alert, with the health history behind it.
type alertKind func(g *gen, c *data.Client)

var alertKinds = []alertKind{
	func(g *gen, c *data.Client) {
		addLine(&c.Health.Allergies, "Nut oils (almond, walnut)")
		c.Alerts = "Allergic to nut oils — use hypoallergenic lotion only"
	},
	func(g *gen, c *data.Client) {
		c.Health.Conditions = append(c.Health.Conditions, "blood_thinners", "bruises_easily")
		addLine(&c.Health.Medications, pick(g, []string{"Warfarin 5 mg daily", "Apixaban (Eliquis) 5 mg twice daily"}))
		c.Alerts = "Blood thinners: no deep pressure"
		c.Pressure = data.PressureLight
	},
	func(g *gen, c *data.Client) {
		when := g.monthsBefore(1 + g.r.IntN(5))
		c.Health.Conditions = append(c.Health.Conditions, "recent_surgery", "implants")
		addLine(&c.Health.SurgeriesInjuries, "Total hip replacement, left ("+when+")")
		c.Alerts = "Recent hip replacement (" + when + "): no side-lying on left"
	},
	func(g *gen, c *data.Client) {
		addLine(&c.Health.Allergies, "Latex")
		c.Alerts = "Latex allergy — nitrile gloves only"
	},
	func(g *gen, c *data.Client) {
		c.Health.Conditions = append(c.Health.Conditions, "epilepsy")
		addLine(&c.Health.Medications, "Lamotrigine 100 mg twice daily")
		c.Alerts = "Epilepsy: keep lights steady, no strobe"
	},
	func(g *gen, c *data.Client) {
		c.Health.Conditions = append(c.Health.Conditions, "blood_clots")
		addLine(&c.Health.ConditionNotes, "DVT in the left calf, treated.")
		c.Alerts = "History of DVT (left calf): no deep work on the lower legs"
	},
	func(g *gen, c *data.Client) {
		addLine(&c.Health.Allergies, "Lavender and other essential oils")
		c.Alerts = "Lavender sensitivity: unscented products only"
	},
}

// health fills in the health history: most clients tick none to two
// conditions, a few more.
func (g *gen) health(c *data.Client, sex gender, age int) {
	n := 0
	switch x := g.r.IntN(100); {
	case x < 45:
	case x < 75:
		n = 1
	case x < 90:
		n = 2
	default:
		n = 3 + g.r.IntN(2)
	}
	if age >= 60 {
		n++
	}
	for range n {
		cc := pick(g, commonConditions)
		if slices.Contains(c.Health.Conditions, cc.code) {
			continue
		}
		c.Health.Conditions = append(c.Health.Conditions, cc.code)
		addLine(&c.Health.Medications, cc.medication)
		addLine(&c.Health.ConditionNotes, cc.note)
		if cc.code == "osteoporosis" {
			c.Pressure = data.PressureLight
		}
	}
	if g.chance(12) {
		addLine(&c.Health.Allergies, pick(g, otherAllergies))
	}
	if g.chance(25) {
		surgery := pick(g, pastSurgeries)
		if sex == feminine && age >= 25 && g.chance(15) {
			surgery = "C-section (%d)"
		}
		// Some year in the last 15, when the client was at least 16.
		year := g.anchor.Year - 1 - g.r.IntN(min(15, age-16))
		addLine(&c.Health.SurgeriesInjuries, fmt.Sprintf(surgery, year))
	}
}

// pregnancy makes c pregnant with a due date between three weeks and
// eight and a half months after today (the real date: a due date must not
// be long past, or the record would not validate).
func (g *gen) pregnancy(c *data.Client) {
	c.Health.Pregnant = true
	c.Health.DueDate = addDays(g.today, 21+g.r.IntN(235))
	addLine(&c.Health.ConditionNotes, "Pregnant; side-lying with a pregnancy pillow.")
	c.Tags = append(c.Tags, "prenatal")
}

// addLine appends a line to a multi-line field (nothing for an empty line).
func addLine(field *string, line string) {
	if line == "" || strings.Contains(*field, line) {
		return
	}
	if *field != "" {
		*field += "\n"
	}
	*field += line
}
