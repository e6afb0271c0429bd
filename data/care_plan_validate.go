package data

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// normalize trims what was typed in a plan and its children.
func (p *CarePlan) normalize() {
	p.Condition, p.Techniques, p.Areas = clean(p.Condition), cleanText(p.Techniques), cleanText(p.Areas)
	p.Advice, p.DischargeSummary = cleanText(p.Advice), cleanText(p.DischargeSummary)
	if p.Status == "" {
		p.Status = PlanActive
	}
	for i := range p.Goals {
		g := &p.Goals[i]
		g.Description, g.Unit, g.MeasureKey = clean(g.Description), clean(g.Unit), clean(g.MeasureKey)
		g.fitMeasure()
		for j := range g.Progress {
			g.Progress[j].Note = clean(g.Progress[j].Note)
		}
		g.sortProgress()
	}
	for i := range p.Reassessments {
		p.Reassessments[i].Note = clean(p.Reassessments[i].Note)
	}
	for i := range p.HomeCare {
		h := &p.HomeCare[i]
		h.Hold, h.Frequency, h.Instructions = clean(h.Hold), clean(h.Frequency), cleanText(h.Instructions)
	}
	for i := range p.Referrals {
		r := &p.Referrals[i]
		r.To, r.Reason = clean(r.To), cleanText(r.Reason)
	}
	for i := range p.Marks {
		p.Marks[i].Label = clean(p.Marks[i].Label)
	}
}

// Limits of a plan's lists: far beyond a real plan, small enough that a
// runaway import cannot make one plan unprintable.
const maxPlanItems = 50

// Validate reports everything wrong with p as a *ValidationError, or nil.
// today is the practice's date (Store.Today): progress cannot be recorded
// for a day that has not come yet. Children are reported by index:
// "Goals[0].Target", "HomeCare[2].Sets".
func (p *CarePlan) Validate(today Date) error {
	var pr problems
	if p.ClientID <= 0 {
		pr.add("ClientID", "Choose the client this plan is for.")
	}
	if p.Condition == "" {
		pr.add("Condition", "Say what the plan is for (the condition or reason for care).")
	}
	pr.checkLen("Condition", "The condition", p.Condition, maxShort)
	if p.StartDate.IsZero() {
		pr.add("StartDate", "Give the date the plan starts.")
	} else if !p.StartDate.Valid() {
		pr.add("StartDate", "The start date is not a real date.")
	}
	if !p.Status.Valid() {
		pr.add("Status", "Choose whether the plan is active, completed or discontinued.")
	}
	for _, f := range []struct{ field, label, v string }{{"Techniques", "The techniques", p.Techniques},
		{"Areas", "The areas", p.Areas}, {"Advice", "The advice", p.Advice},
		{"DischargeSummary", "The discharge summary", p.DischargeSummary}} {
		pr.checkLen(f.field, f.label, f.v, maxLong)
	}
	if p.SessionMinutes < 0 || p.SessionMinutes > 720 {
		pr.add("SessionMinutes", "A session lasts between 5 and 720 minutes (or leave it empty).")
	} else if p.SessionMinutes > 0 && p.SessionMinutes < 5 {
		pr.add("SessionMinutes", "A session lasts between 5 and 720 minutes (or leave it empty).")
	}
	switch {
	case p.PerWeek < 0 || p.PerWeek > 14:
		pr.add("PerWeek", "Sessions a week must be between 1 and 14 (or leave it empty).")
	case p.EveryWeeks < 0 || p.EveryWeeks > 52:
		pr.add("EveryWeeks", "\"Every so many weeks\" must be between 1 and 52 (or leave it empty).")
	case p.PerWeek > 0 && p.EveryWeeks > 0:
		pr.add("EveryWeeks", "Give either sessions a week or every so many weeks, not both.")
	}
	if p.Weeks < 0 || p.Weeks > 520 {
		pr.add("Weeks", "The plan can run from 1 to 520 weeks (or leave it empty).")
	}
	switch {
	case p.Status != PlanActive && p.Status.Valid() && p.DischargeDate.IsZero():
		pr.add("DischargeDate", "Give the date the plan was %s (the discharge date).", strings.ToLower(p.Status.Label()))
	case p.Status == PlanActive && !p.DischargeDate.IsZero():
		pr.add("DischargeDate", "An active plan has no discharge date. Mark the plan completed or discontinued, or clear the date.")
	case !p.DischargeDate.IsZero() && !p.StartDate.IsZero() && p.DischargeDate.Before(p.StartDate):
		pr.add("DischargeDate", "The discharge date is before the plan's start (%s).", p.StartDate.Format())
	case !p.DischargeDate.IsZero() && today.Before(p.DischargeDate):
		pr.add("DischargeDate", "The discharge date is in the future.")
	}
	if p.Status == PlanCompleted && p.DischargeSummary == "" {
		pr.add("DischargeSummary", "Say in a line or two how the plan went (the discharge summary).")
	}
	p.validateGoals(&pr, today)
	p.validateChildren(&pr)
	return pr.err()
}

// validateGoals checks the goals and their progress entries.
func (p *CarePlan) validateGoals(pr *problems, today Date) {
	if len(p.Goals) > maxPlanItems {
		pr.add("Goals", "A plan can have at most %d goals.", maxPlanItems)
	}
	for i, g := range p.Goals {
		at := fmt.Sprintf("Goals[%d].", i)
		n := i + 1
		if g.Description == "" {
			pr.add(at+"Description", "Goal %d: describe the goal (for example \"low-back pain from 7/10 to 3/10\").", n)
		}
		pr.checkLen(at+"Description", fmt.Sprintf("Goal %d", n), g.Description, maxShort)
		pr.checkLen(at+"Unit", "The unit", g.Unit, 20)
		if !g.Direction.Valid() {
			pr.add(at+"Direction", "Goal %d: say whether a lower or a higher number is better.", n)
		}
		outOfTen := func(v float64) bool { return strings.TrimSpace(g.Unit) == "/10" && (v < 0 || v > 10) }
		switch {
		case g.MeasureKey != "":
			g.validateMeasure(pr, at, n)
		case !finite(g.Baseline) || !finite(g.Target):
			pr.add(at+"Target", "Goal %d: the starting value and the target must be numbers.", n)
		case outOfTen(g.Baseline):
			pr.add(at+"Baseline", "Goal %d is out of 10: the starting value must be from 0 to 10 (you entered %s).", n, Number(g.Baseline))
		case outOfTen(g.Target):
			pr.add(at+"Target", "Goal %d is out of 10: the target must be from 0 to 10 (you entered %s).", n, Number(g.Target))
		case g.Target == g.Baseline:
			pr.add(at+"Target", "Goal %d: the target is the same as the starting value. Set where the client should get to.", n)
		case g.Direction == LowerIsBetter && g.Target > g.Baseline:
			pr.add(at+"Target", "Goal %d: lower is better, but the target (%s) is higher than the starting value (%s).", n, Number(g.Target), Number(g.Baseline))
		case g.Direction == HigherIsBetter && g.Target < g.Baseline:
			pr.add(at+"Target", "Goal %d: higher is better, but the target (%s) is lower than the starting value (%s).", n, Number(g.Target), Number(g.Baseline))
		}
		if len(g.Progress) > 500 {
			pr.add(at+"Progress", "Goal %d has too many progress entries (the limit is 500).", n)
		}
		for j, e := range g.Progress {
			eat := fmt.Sprintf("%sProgress[%d].", at, j)
			switch {
			case e.On.IsZero() || !e.On.Valid():
				pr.add(eat+"On", "Goal %d: give the date of each progress entry.", n)
			case today.Before(e.On):
				pr.add(eat+"On", "Goal %d: progress on %s is in the future.", n, e.On.Format())
			case !p.StartDate.IsZero() && e.On.Before(p.StartDate):
				pr.add(eat+"On", "Goal %d: progress on %s is before the plan's start (%s).", n, e.On.Format(), p.StartDate.Format())
			}
			if !finite(e.Value) {
				pr.add(eat+"Value", "Goal %d: the progress value must be a number.", n)
			} else if outOfTen(e.Value) {
				pr.add(eat+"Value", "Goal %d is out of 10: the value must be from 0 to 10 (you entered %s).", n, Number(e.Value))
			}
			pr.checkLen(eat+"Note", "The note", e.Note, maxShort)
		}
	}
}

// validateChildren checks reassessments, home care, referrals and marks.
func (p *CarePlan) validateChildren(pr *problems) {
	for i, r := range p.Reassessments {
		at := fmt.Sprintf("Reassessments[%d].", i)
		switch {
		case r.Due.IsZero() || !r.Due.Valid():
			pr.add(at+"Due", "Give the date of each reassessment.")
		case !p.StartDate.IsZero() && r.Due.Before(p.StartDate):
			pr.add(at+"Due", "The reassessment on %s is before the plan's start (%s).", r.Due.Format(), p.StartDate.Format())
		}
		pr.checkLen(at+"Note", "The note", r.Note, maxShort)
	}
	for i, h := range p.HomeCare {
		at := fmt.Sprintf("HomeCare[%d].", i)
		n := i + 1
		if h.HandoutID <= 0 {
			pr.add(at+"HandoutID", "Home care %d: choose an exercise or advice from the handouts.", n)
		}
		if h.Sets < 0 || h.Sets > 100 {
			pr.add(at+"Sets", "Home care %d: sets must be between 0 and 100.", n)
		}
		if h.Reps < 0 || h.Reps > 1000 {
			pr.add(at+"Reps", "Home care %d: repetitions must be between 0 and 1000.", n)
		}
		pr.checkLen(at+"Hold", "The hold time", h.Hold, maxShort)
		pr.checkLen(at+"Frequency", "How often", h.Frequency, maxShort)
		pr.checkLen(at+"Instructions", "The instructions", h.Instructions, maxLong)
	}
	for i, r := range p.Referrals {
		at := fmt.Sprintf("Referrals[%d].", i)
		if r.To == "" {
			pr.add(at+"To", "Referral %d: say who the client is referred to.", i+1)
		}
		pr.checkLen(at+"To", "Who the referral is to", r.To, maxShort)
		pr.checkLen(at+"Reason", "The reason", r.Reason, maxLong)
		if !r.On.IsZero() && !r.On.Valid() {
			pr.add(at+"On", "Referral %d: the date is not a real date.", i+1)
		}
	}
	if len(p.HomeCare) > maxPlanItems || len(p.Reassessments) > maxPlanItems || len(p.Referrals) > maxPlanItems {
		pr.add("HomeCare", "A plan can have at most %d reassessments, home-care items and referrals of each kind.", maxPlanItems)
	}
	if len(p.Marks) > 200 {
		pr.add("Marks", "The body chart can hold at most 200 marks.")
	}
	for i, m := range p.Marks {
		if !m.Kind.Valid() || (m.View != ViewFront && m.View != ViewBack) || !(m.X >= 0 && m.X <= 1) || !(m.Y >= 0 && m.Y <= 1) {
			pr.add("Marks", "Body chart mark %d is not a valid mark.", i+1)
		}
	}
}

// finite reports whether f is a real number (not NaN or infinite).
func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// Number writes a goal's value without needless decimals, to two places
// at most: 7, 2.5, 70.
func Number(f float64) string {
	return strconv.FormatFloat(math.Round(f*100)/100, 'f', -1, 64)
}
