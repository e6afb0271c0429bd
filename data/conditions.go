package data

// Condition is one item of the health-history checklist.
type Condition struct {
	Code  string // stable identifier stored in the database
	Label string // what the therapist reads
	// Caution marks conditions that change how a treatment is given
	// (pressure, position, areas to avoid); they are shown as cautions
	// wherever the client appears.
	Caution bool
}

// Conditions is the health-history checklist, in the order it is shown:
// the common contraindications and conditions massage therapists ask about.
var Conditions = []Condition{
	{"high_blood_pressure", "High blood pressure", true},
	{"low_blood_pressure", "Low blood pressure", false},
	{"heart_condition", "Heart condition", true},
	{"blood_clots", "Blood clots / DVT", true},
	{"blood_thinners", "Takes blood thinners", true},
	{"varicose_veins", "Varicose veins", true},
	{"stroke", "Stroke", true},
	{"diabetes", "Diabetes", true},
	{"cancer", "Cancer (current or past)", true},
	{"epilepsy", "Epilepsy / seizures", true},
	{"osteoporosis", "Osteoporosis", true},
	{"arthritis", "Arthritis", false},
	{"skin_condition", "Skin condition", true},
	{"contagious", "Contagious illness", true},
	{"headaches", "Headaches / migraines", false},
	{"fibromyalgia", "Fibromyalgia", false},
	{"numbness", "Numbness or tingling", false},
	{"disc_problems", "Disc problems", true},
	{"respiratory", "Asthma / breathing difficulty", false},
	{"implants", "Implants, pins or pacemaker", true},
	{"recent_surgery", "Recent surgery", true},
	{"recent_injury", "Recent injury", true},
	{"bruises_easily", "Bruises easily", true},
	{"anxiety", "Anxiety / depression", false},
}

// ConditionByCode returns the checklist entry for a code.
func ConditionByCode(code string) (Condition, bool) {
	for _, c := range Conditions {
		if c.Code == code {
			return c, true
		}
	}
	return Condition{}, false
}

// Pressure is the massage pressure a client prefers.
type Pressure string

// The pressure preferences, lightest first. The zero value means "not asked".
const (
	PressureUnset  Pressure = ""
	PressureLight  Pressure = "light"
	PressureMedium Pressure = "medium"
	PressureFirm   Pressure = "firm"
	PressureDeep   Pressure = "deep"
)

// Pressures lists the preferences that can be chosen, lightest first.
var Pressures = []Pressure{PressureLight, PressureMedium, PressureFirm, PressureDeep}

// Label returns the pressure as people say it.
func (p Pressure) Label() string {
	switch p {
	case PressureLight:
		return "Light"
	case PressureMedium:
		return "Medium"
	case PressureFirm:
		return "Firm"
	case PressureDeep:
		return "Deep"
	}
	return "Not recorded"
}

// PressureFromLabel is the inverse of Label ("" for unknown labels).
func PressureFromLabel(label string) Pressure {
	for _, p := range Pressures {
		if p.Label() == label {
			return p
		}
	}
	return PressureUnset
}
