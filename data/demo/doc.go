// Package demo fills an empty Stillpoint database with a sample practice: a
// Toronto massage therapist's profile and a few hundred clients with
// realistic contact details, health histories, alerts and archived records.
// Both `stillpoint demo` and the welcome screen's "Explore a sample
// practice" make it with Create, which builds it in a temporary file beside
// the target and renames it into place only when complete.
//
// The practice is deterministic: the same Options give the same records.
// Everything comes from one math/rand/v2 PCG stream seeded by Options.Seed,
// and dates are counted back from a fixed day, historyEnd (1 September
// 2026), on which the practice's history ends: birth dates, consent dates
// and past surgeries never depend on the clock. The one exception is a
// pregnant client's due date, which must lie ahead of the real today to be
// valid, so it is counted forward from the Store's today (its clock, in the
// sample practice's time zone): two fills on the same day are identical,
// fills on different days differ only in due dates. When that today is
// before historyEnd, the history ends today instead.
//
// The records agree with each other: a client is booked only from the day
// their record was made ("Client since"); clients on a care plan come for a
// course of visits a week or two apart, and the plan spans that course, is
// discharged at its last visit and says how many of its planned sessions
// were done; pain in the notes eases over a spell of treatment (about one
// client in six does not improve); goals start worse than their targets;
// home care, body-chart marks and advice follow the plan's condition.
//
// Names come from pools that mix plain English and French names with
// accented ones (Zoë, Łukasz, Nguyễn: about one client in six) and names in
// other scripts (Анна Иванова, 王小明, Αλέξανδρος: about one in twenty).
// Phone numbers are in the 555-0100…555-0199 block reserved for fiction and
// e-mail addresses use example domains, so no real person can be reached.
package demo
