package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// spell returns the indexes into visits of the client's longest spell of
// completed past visits (no break over episodeGap between them; the first
// such spell among equals), and of their latest spell.
func spell(visits []data.Appointment, m data.Moment) (longest, latest []int) {
	var best, cur []int
	for i, a := range visits {
		if a.Status != data.StatusCompleted || !a.End.Before(m.Now) {
			continue
		}
		if len(cur) > 0 && a.Start.Sub(visits[cur[len(cur)-1]].Start) > episodeGap {
			cur = nil
		}
		cur = append(cur, i)
		if len(cur) > len(best) {
			best = append([]int(nil), cur...)
		}
	}
	return best, cur
}

// demoPlan is one client's plan (nil when they have no completed visit)
// and the IDs of its visits. The plan covers the client's longest spell of
// treatment: it starts at its first visit, plans about as many sessions as
// the spell holds (a few more when the client stopped early, which makes
// the plan discontinued) and is discharged at its last visit. A spell
// still going near today is an active plan.
func demoPlan(r *rand.Rand, visits []data.Appointment, handouts []data.Handout, m data.Moment) (*data.CarePlan, []int64) {
	run, latest := spell(visits, m)
	// Half of those in a spell of treatment now are on a plan still running.
	if len(latest) > 0 && m.Now.Sub(visits[latest[len(latest)-1]].Start) < episodeGap && r.IntN(2) == 0 {
		run = latest
	}
	if len(run) == 0 {
		return nil, nil
	}
	first, lastVisit := visits[run[0]], visits[run[len(run)-1]]
	ci := int(first.ClientID*7919) % len(concerns)
	c, w := concerns[ci], planOf[ci%len(planOf)]
	start := data.DateOf(first.Start.In(m.Loc))
	p := &data.CarePlan{ClientID: first.ClientID, Condition: w.condition, StartDate: start, Status: data.PlanActive,
		Techniques: strings.Join(c.techniques[:min(2, len(c.techniques))], "\n"),
		Areas:      strings.Join(c.areas[:min(2, len(c.areas))], "\n"), SessionMinutes: first.Minutes,
		Advice: pick(&gen{r: r}, w.advice)}
	gapWeeks := 1
	if len(run) > 1 && lastVisit.Start.Sub(first.Start) > time.Duration(len(run)-1)*10*24*time.Hour {
		gapWeeks = 2
	}
	if gapWeeks == 2 {
		p.EveryWeeks = 2
	} else {
		p.PerWeek = 1
	}
	done := len(run)
	ongoing := m.Now.Sub(lastVisit.Start) < episodeGap
	planned := done + r.IntN(2)                              // completed: all or all but one
	discontinued := !ongoing && (done < 3 || r.IntN(5) == 0) // one or two visits: they stopped coming
	switch {
	case ongoing:
		planned = done + 2 + r.IntN(4)
	case discontinued:
		planned = done + 2 + done/2 + r.IntN(3)
	}
	spanWeeks := (int(lastVisit.Start.Sub(first.Start).Hours()/24+0.5) + 7) / 7 // its last visit before the end
	p.Weeks = max(planned*gapWeeks, spanWeeks)
	end := start.Time(m.Loc).AddDate(0, 0, 7*p.Weeks)
	half := data.DateOf(start.Time(m.Loc).AddDate(0, 0, 7*p.Weeks/2))
	p.Reassessments = []data.Reassessment{{Due: half, Note: "Half-way review"}, {Due: data.DateOf(end), Note: "End of plan"}}
	// The pain goal follows the notes' pain (notePain): the therapist aims
	// two or three points below the first rating, so most plans meet it.
	atStart := notePain(first.ClientID, 0)
	target := max(0, atStart-2-min(1, done/6))
	pain := data.Goal{Description: fmt.Sprintf("Pain down to %d/10 or lower", target), MeasureKey: data.MeasurePain,
		Unit: "/10", Baseline: float64(atStart), Target: float64(target), Direction: data.LowerIsBetter}
	if target == 0 {
		pain.Description = "Pain-free (0/10)"
	}
	second := w.second
	var linked []int64
	var lastDone data.Date
	step := 0
	for _, a := range visits {
		if a.Start.Before(first.Start) || !a.Start.Before(end) || (!ongoing && a.Start.After(lastVisit.Start)) {
			continue
		}
		linked = append(linked, a.ID)
		if a.Status != data.StatusCompleted || !a.End.Before(m.Now) {
			continue
		}
		on := data.DateOf(a.Start.In(m.Loc))
		lastDone = on
		step++
		for _, g := range []*data.Goal{&second} {
			if g.MeasureKey != "" {
				continue // judged from the check-ins and notes
			}
			frac := min(1, float64(step)/4) // most of the way in about four visits
			v := g.Baseline + (g.Target-g.Baseline)*frac + float64(r.IntN(3)-1)*(g.Target-g.Baseline)/8
			g.Progress = append(g.Progress, data.ProgressEntry{On: on, Value: float64(int(v*2+0.5)) / 2})
		}
	}
	p.Goals = []data.Goal{second}
	if atStart > target {
		p.Goals = []data.Goal{pain, second}
	}
	for _, h := range matchHandouts(handouts, w.regions, 2) {
		p.HomeCare = append(p.HomeCare, data.HomeCareItem{HandoutID: h.ID, Instructions: "Go gently; stop if it hurts."})
	}
	if w.referral != nil {
		ref := *w.referral
		ref.On = start
		p.Referrals = []data.Referral{ref}
	}
	for _, sp := range w.marks[:min(2, len(w.marks))] {
		p.Marks = append(p.Marks, data.Mark{Kind: data.MarkPain, View: sp.view, X: sp.x, Y: sp.y, Label: sp.what})
	}
	if !ongoing {
		p.Status, p.DischargeDate = data.PlanCompleted, lastDone
		p.DischargeSummary = fmt.Sprintf("Goals mostly met after %d of %d sessions; pain down and moving more easily. "+
			"Discharged with home care; maintenance visits as needed.", done, p.PlannedSessions())
		if stuck(first.ClientID) {
			p.DischargeSummary = fmt.Sprintf("Completed %d of %d sessions; little change in pain. "+
				"Suggested a check-up with the family physician; home care continued.", done, p.PlannedSessions())
		}
		if discontinued {
			p.Status = data.PlanDiscontinued
			p.DischargeSummary = fmt.Sprintf("Client stopped coming after %d of %d planned sessions (busy at work); "+
				"goals only partly met. Home care continued.", done, p.PlannedSessions())
		}
	}
	return p, linked
}
