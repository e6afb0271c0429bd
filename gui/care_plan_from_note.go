package gui

import (
	"strings"

	"github.com/stillpoint/stillpoint/data"
)

// startCarePlan opens a new care plan for the note's client, filled in
// from what the note says: the complaint as the condition, the visit date
// as the start, techniques, areas, minutes and home care, and a pain goal
// starting at the note's pain rating (its target left for the therapist).
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
	if n.Minutes >= 5 {
		p.SessionMinutes = n.Minutes
	}
	p.Advice = n.HomeCare
	pain := n.Pain > 0
	if pain {
		p.Goals = []data.Goal{{Description: "Pain (0–10)", Unit: "/10", Baseline: float64(n.Pain), Direction: data.LowerIsBetter}}
	}
	clientID := n.ClientID
	ed := e.sh.openCarePlan(p, func(data.CarePlan) { e.sh.clientRecordChanged(clientID) })
	if ed != nil && pain {
		ed.goals[0].target.SetText("") // where to get to is the therapist's call
	}
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
