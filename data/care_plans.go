package data

import (
	"strconv"
	"time"
)

// PlanStatus is where a care plan stands.
type PlanStatus string

// The statuses of a care plan.
const (
	PlanActive       PlanStatus = "active"
	PlanCompleted    PlanStatus = "completed"
	PlanDiscontinued PlanStatus = "discontinued"
)

// PlanStatuses lists every status, in a menu's order.
var PlanStatuses = []PlanStatus{PlanActive, PlanCompleted, PlanDiscontinued}

// Valid reports whether s is a known status.
func (s PlanStatus) Valid() bool {
	return s == PlanActive || s == PlanCompleted || s == PlanDiscontinued
}

// Label is the status in plain words.
func (s PlanStatus) Label() string {
	switch s {
	case PlanActive:
		return "Active"
	case PlanCompleted:
		return "Completed"
	case PlanDiscontinued:
		return "Discontinued"
	}
	return string(s)
}

// CarePlan is a client's plan of care: why they come, what the treatment
// is and how often, the goals and how they are going, what they do at
// home, referrals and, at the end, the discharge. Its children (Goals,
// Reassessments, HomeCare, Referrals, Marks) are saved with it.
type CarePlan struct {
	ID        int64
	ClientID  int64
	Condition string // the condition or reason for care
	StartDate Date
	Status    PlanStatus

	// Treatment: "Swedish, myofascial release" on "low back, hips", 60
	// minutes, weekly (PerWeek 1) or every EveryWeeks weeks, for Weeks weeks.
	Techniques     string
	Areas          string
	SessionMinutes int
	PerWeek        int // sessions a week (0: see EveryWeeks)
	EveryWeeks     int // one session every N weeks (0: see PerWeek)
	Weeks          int // how many weeks the plan runs

	Advice           string // home-care advice: heat or ice, posture
	DischargeDate    Date
	DischargeSummary string
	CreatedAt        time.Time
	UpdatedAt        time.Time

	Goals         []Goal
	Reassessments []Reassessment
	HomeCare      []HomeCareItem
	Referrals     []Referral
	Marks         []Mark // the plan's body chart, shaped like a note's

	ClientName string // joined for display (read only)
}

// Reassessment is a date when the plan is reviewed.
type Reassessment struct {
	ID   int64
	Due  Date
	Note string
}

// HomeCareItem is one handout given as home care, with the plan's own sets,
// reps, hold time and frequency (0 or "": the handout's defaults).
type HomeCareItem struct {
	ID           int64
	HandoutID    int64
	Sets, Reps   int
	Hold         string
	Frequency    string
	Instructions string

	HandoutTitle string // joined for display (read only)
}

// Referral is a referral to another practitioner.
type Referral struct {
	ID     int64
	To     string // "Dr. Singh (family physician)"
	Reason string
	On     Date
}

// carePlanTable describes care_plans.
var carePlanTable = table[CarePlan]{
	name:    "care_plans",
	key:     idColumn(func(p *CarePlan) *int64 { return &p.ID }),
	autoKey: true,
	cols: []column[CarePlan]{
		valueColumn("client_id", "ClientID", func(p *CarePlan) *int64 { return &p.ClientID }),
		textColumn("condition", "Condition", func(p *CarePlan) *string { return &p.Condition }),
		dateColumn("start_date", "StartDate", func(p *CarePlan) *Date { return &p.StartDate }),
		textColumn("status", "Status", func(p *CarePlan) *string { return (*string)(&p.Status) }),
		textColumn("techniques", "Techniques", func(p *CarePlan) *string { return &p.Techniques }),
		textColumn("areas", "Areas", func(p *CarePlan) *string { return &p.Areas }),
		valueColumn("session_minutes", "SessionMinutes", func(p *CarePlan) *int { return &p.SessionMinutes }),
		valueColumn("per_week", "PerWeek", func(p *CarePlan) *int { return &p.PerWeek }),
		valueColumn("every_weeks", "EveryWeeks", func(p *CarePlan) *int { return &p.EveryWeeks }),
		valueColumn("weeks", "Weeks", func(p *CarePlan) *int { return &p.Weeks }),
		textColumn("advice", "Advice", func(p *CarePlan) *string { return &p.Advice }),
		dateColumn("discharge_date", "DischargeDate", func(p *CarePlan) *Date { return &p.DischargeDate }),
		textColumn("discharge_summary", "DischargeSummary", func(p *CarePlan) *string { return &p.DischargeSummary }),
		createdColumn("created_at", func(p *CarePlan) *time.Time { return &p.CreatedAt }),
		unixColumn("updated_at", func(p *CarePlan) *time.Time { return &p.UpdatedAt }),
	},
}

// reassessmentTable describes care_plan_reassessments; the plan's ID is passed apart.
var reassessmentTable = table[Reassessment]{
	name: "care_plan_reassessments", key: idColumn(func(r *Reassessment) *int64 { return &r.ID }), autoKey: true,
	cols: []column[Reassessment]{
		dateColumn("due_on", "Due", func(r *Reassessment) *Date { return &r.Due }),
		textColumn("note", "Note", func(r *Reassessment) *string { return &r.Note }),
	},
}

// homeCareTable describes care_plan_home_care; plan ID and position are passed apart.
var homeCareTable = table[HomeCareItem]{
	name: "care_plan_home_care", key: idColumn(func(h *HomeCareItem) *int64 { return &h.ID }), autoKey: true,
	cols: []column[HomeCareItem]{
		valueColumn("handout_id", "HandoutID", func(h *HomeCareItem) *int64 { return &h.HandoutID }),
		valueColumn("sets", "Sets", func(h *HomeCareItem) *int { return &h.Sets }),
		valueColumn("reps", "Reps", func(h *HomeCareItem) *int { return &h.Reps }),
		textColumn("hold", "Hold", func(h *HomeCareItem) *string { return &h.Hold }),
		textColumn("frequency", "Frequency", func(h *HomeCareItem) *string { return &h.Frequency }),
		textColumn("instructions", "Instructions", func(h *HomeCareItem) *string { return &h.Instructions }),
	},
}

// referralTable describes care_plan_referrals; plan ID and position are passed apart.
var referralTable = table[Referral]{
	name: "care_plan_referrals", key: idColumn(func(r *Referral) *int64 { return &r.ID }), autoKey: true,
	cols: []column[Referral]{
		textColumn("to_whom", "To", func(r *Referral) *string { return &r.To }),
		textColumn("reason", "Reason", func(r *Referral) *string { return &r.Reason }),
		dateColumn("referred_on", "On", func(r *Referral) *Date { return &r.On }),
	},
}

// planMarkTable describes care_plan_marks: note_marks' columns in the plan's table.
var planMarkTable = table[Mark]{name: "care_plan_marks", key: markTable.key, autoKey: true, cols: markTable.cols}

// CarePlanFieldNames lists the fields of a care plan validation can report
// (children are reported as "Goals[0].Target", "HomeCare[1].Sets", …).
func CarePlanFieldNames() []string { return carePlanTable.fieldNames() }

// PlannedSessions is how many sessions the treatment plans: PerWeek × Weeks,
// or one every EveryWeeks weeks over Weeks (rounded up); 0 when not set.
func (p *CarePlan) PlannedSessions() int {
	switch {
	case p.PerWeek > 0:
		return p.PerWeek * p.Weeks
	case p.EveryWeeks > 0:
		return (p.Weeks + p.EveryWeeks - 1) / p.EveryWeeks
	}
	return 0
}

// EndDate is the planned last day: StartDate plus Weeks (zero when Weeks is 0).
func (p *CarePlan) EndDate() Date {
	if p.Weeks == 0 || p.StartDate.IsZero() {
		return Date{}
	}
	return p.StartDate.addDays(7 * p.Weeks)
}

// NextReassessment is the first reassessment on or after today (zero when none).
func (p *CarePlan) NextReassessment(today Date) Date {
	var next Date
	for _, r := range p.Reassessments {
		if !r.Due.Before(today) && (next.IsZero() || r.Due.Before(next)) {
			next = r.Due
		}
	}
	return next
}

// Frequency is the treatment's frequency in words: "1 a week for 6 weeks",
// "every 2 weeks for 12 weeks" ("" when not set).
func (p *CarePlan) Frequency() string {
	var s string
	switch {
	case p.PerWeek > 0:
		s = strconv.Itoa(p.PerWeek) + " a week"
	case p.EveryWeeks == 1:
		s = "every week"
	case p.EveryWeeks > 1:
		s = "every " + strconv.Itoa(p.EveryWeeks) + " weeks"
	}
	if p.Weeks > 0 {
		if s != "" {
			s += " "
		}
		s += "for " + weeksText(p.Weeks)
	}
	return s
}

// weeksText is "1 week" or "6 weeks".
func weeksText(n int) string {
	if n == 1 {
		return "1 week"
	}
	return strconv.Itoa(n) + " weeks"
}
