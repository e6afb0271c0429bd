package demo

// gender steers pronouns, nicknames and which clients can be pregnant in
// the sample practice; it is not stored.
type gender int

const (
	feminine gender = iota
	masculine
	neutral
)

// given is a first name with the gender it is usually given to.
type given struct {
	name string
	g    gender
}

// person is a full name as the sample practice uses it.
type person struct {
	first, last string
	g           gender
}

// plainFirst are first names written in plain ASCII letters.
var plainFirst = []given{
	{"Beatrice", feminine}, {"Elizabeth", feminine}, {"Katherine", feminine}, {"Margaret", feminine},
	{"Sarah", feminine}, {"Emily", feminine}, {"Olivia", feminine}, {"Hannah", feminine},
	{"Priya", feminine}, {"Aisha", feminine}, {"Fatima", feminine}, {"Mei", feminine},
	{"Grace", feminine}, {"Rachel", feminine}, {"Amanda", feminine}, {"Jennifer", feminine},
	{"Nicole", feminine}, {"Laura", feminine}, {"Sofia", feminine}, {"Anna", feminine},
	{"Maria", feminine}, {"Yuki", feminine}, {"Leila", feminine}, {"Naomi", feminine},
	{"Rebecca", feminine}, {"Alexandra", feminine}, {"Patricia", feminine}, {"Victoria", feminine},
	{"William", masculine}, {"Robert", masculine}, {"Alexander", masculine}, {"Jonathan", masculine},
	{"Christopher", masculine}, {"Michael", masculine}, {"David", masculine}, {"James", masculine},
	{"Daniel", masculine}, {"Matthew", masculine}, {"Ryan", masculine}, {"Kevin", masculine},
	{"Omar", masculine}, {"Arjun", masculine}, {"Wei", masculine}, {"Hiroshi", masculine},
	{"Samuel", masculine}, {"Thomas", masculine}, {"Benjamin", masculine}, {"Marcus", masculine},
	{"Martin", masculine}, {"Liam", masculine}, {"Mohammed", masculine}, {"Diego", masculine},
	{"Nathaniel", masculine}, {"Kwame", masculine},
	{"Alex", neutral}, {"Jordan", neutral}, {"Taylor", neutral}, {"Riley", neutral},
	{"Morgan", neutral}, {"Casey", neutral}, {"Jamie", neutral},
}

// accentedFirst are first names with letters beyond ASCII: they exercise
// search ("zoe" finds Zoë), sorting and fonts.
var accentedFirst = []given{
	{"Zoë", feminine}, {"Chloé", feminine}, {"Renée", feminine}, {"Siobhán", feminine},
	{"Inés", feminine}, {"Mélanie", feminine}, {"Anaïs", feminine}, {"Hélène", feminine},
	{"Ngọc", feminine}, {"Małgorzata", feminine}, {"Åsa", feminine},
	{"Łukasz", masculine}, {"José", masculine}, {"Søren", masculine}, {"Björn", masculine},
	{"François", masculine}, {"Jérôme", masculine}, {"Jürgen", masculine}, {"Stéphane", masculine},
	{"Thành", masculine}, {"Çağan", masculine},
}

// plainLast are family names written in plain ASCII letters. "Okafor" is
// kept out on purpose: the README screenshot searches for the one Okafor.
var plainLast = []string{
	"Smith", "Brown", "Wilson", "Martin", "Tremblay", "Roy", "Gagnon", "Campbell", "Anderson",
	"Thompson", "MacDonald", "O'Brien", "Patel", "Singh", "Chen", "Wong", "Li", "Kim", "Park",
	"Nguyen", "Adeyemi", "Mensah", "Ivanova", "Kowalski", "Rossi", "Santos", "Silva", "Hernandez",
	"Garcia", "Khan", "Ali", "Ahmed", "Cohen", "Friedman", "Murphy", "Kelly", "Walsh", "Fraser",
	"Stewart", "Robinson", "Clarke", "Lee", "Harris", "Sato", "Tanaka", "Johansson", "Larsen",
	"Novak", "Bianchi", "Fernandes", "Da Silva", "Van der Berg", "St. Pierre", "Leblanc",
}

// accentedLast are family names with letters beyond ASCII.
var accentedLast = []string{
	"Müller", "Lefèvre", "Côté", "Bélanger", "Martínez", "González", "Pérez", "Søndergaard",
	"Nguyễn", "Đặng", "Trần", "Wiśniewski", "Gómez", "Hämäläinen", "Ström", "Öztürk", "Dvořák",
	"Šimić", "Ó Briain",
}

// nonLatin are whole names in other scripts (Cyrillic, Greek, Han, Hangul,
// Japanese), given as first and family name.
var nonLatin = []person{
	{"Анна", "Иванова", feminine}, {"Дмитрий", "Соколов", masculine}, {"Ольга", "Петренко", feminine},
	{"小明", "王", masculine}, {"美玲", "李", feminine}, {"伟", "陈", masculine},
	{"Αλέξανδρος", "Παπαδόπουλος", masculine}, {"Ελένη", "Γεωργίου", feminine},
	{"지민", "김", feminine}, {"민준", "박", masculine}, {"さくら", "山田", feminine},
}

// featured are the first clients of every sample practice, whatever the
// seed, so that tests, screenshots and a therapist trying the search always
// find them: "zoe" finds Zoë, "lukasz" finds Łukasz, "okafor" finds Bea.
var featured = []person{
	{"Beatrice", "Okafor", feminine}, {"Zoë", "Tremblay", feminine}, {"Łukasz", "Kowalski", masculine},
	{"Анна", "Иванова", feminine}, {"Chloé", "Gagnon", feminine}, {"José", "Martínez", masculine},
	{"Siobhán", "O'Brien", feminine}, {"Søren", "Halvorsen", masculine}, {"Ngọc", "Nguyễn", feminine},
	{"小明", "王", masculine}, {"Αλέξανδρος", "Παπαδόπουλος", masculine}, {"Björn", "Müller", masculine},
	{"François", "Côté", masculine}, {"Anna", "Ivanova", feminine},
}

// nicknames are the preferred names some clients go by.
var nicknames = map[string]string{
	"Beatrice": "Bea", "Elizabeth": "Liz", "Katherine": "Kate", "Margaret": "Maggie",
	"William": "Will", "Robert": "Bob", "Alexander": "Alex", "Jonathan": "Jon",
	"Christopher": "Chris", "Alexandra": "Sasha", "Patricia": "Trish", "Victoria": "Tori",
	"Nathaniel": "Nate", "Benjamin": "Ben", "Samuel": "Sam", "Matthew": "Matt",
	"Michael": "Mike", "Daniel": "Dan", "Rebecca": "Becca", "Małgorzata": "Gosia",
	"Дмитрий": "Дима", "Αλέξανδρος": "Αλέκος", "Mohammed": "Mo",
}
