package gui

import (
	"context"
	"strings"

	"github.com/stillpoint/stillpoint/data"
)

// startCarePlan opens a new care plan for the note's client, filled in
// from what the note says: the complaint as the condition, the visit date
// as the start, techniques (with the next focus), areas, minutes, home
// care and referrals, and a pain goal starting at the note's pain rating
// (its target left for the therapist). Once the plan is saved, the note's
// visit is linked to it: it is the plan's first session.
func (e *noteEditor) startCarePlan() {
	n, _ := e.read()
	p, err := e.sh.planFor(n.ClientID)
	if err != nil {
		showError(e.sh.win, err)
		return
	}
	p.Condition = planCondition(n.Complaint)
	if n.VisitDate.Valid() && !n.VisitDate.IsZero() {
		p.StartDate = n.VisitDate
	}
	p.Techniques, p.Areas = strings.Join(n.Techniques, "\n"), strings.Join(n.Areas, "\n")
	if focus := strings.TrimSpace(n.NextFocus); focus != "" {
		p.Techniques = strings.TrimSpace(p.Techniques + "\nFocus: " + focus)
	}
	p.Referrals = planReferrals(n.Referrals, p.StartDate)
	if n.Minutes >= 5 {
		p.SessionMinutes = n.Minutes
	}
	p.Advice = n.HomeCare
	pain := n.Pain > 0
	if pain {
		p.Goals = []data.Goal{{Description: "Pain (0–10)", Unit: "/10", Baseline: float64(n.Pain), Direction: data.LowerIsBetter}}
	}
	clientID, visit := n.ClientID, n.AppointmentID
	sh := e.sh
	ed := sh.openCarePlan(p, func(saved data.CarePlan) {
		if visit != 0 && saved.ID != 0 {
			if err := sh.store.LinkVisits(context.Background(), saved.ID, visit); err != nil {
				showError(sh.win, err)
			}
		}
		sh.clientRecordChanged(clientID)
	})
	if ed != nil && pain {
		ed.goals[0].target.SetText("") // where to get to is the therapist's call
	}
}

// planReferrals turns a note's referrals, one a line, into a plan's, dated
// on; a line longer than a referral's "to" keeps the rest as its reason.
func planReferrals(text string, on data.Date) []data.Referral {
	var out []data.Referral
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		r := data.Referral{To: line, On: on}
		if runes := []rune(line); len(runes) > 200 {
			r.To, r.Reason = string(runes[:199])+"…", line
		}
		out = append(out, r)
	}
	return out
}

// planCondition is a note's complaint as a plan's condition: its first
// line, at most 200 characters.
func planCondition(complaint string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(complaint), "\n")
	if r := []rune(line); len(r) > 200 {
		line = string(r[:199]) + "…"
	}
	return line
}
