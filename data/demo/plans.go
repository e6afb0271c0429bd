package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// planStream seeds the care plans' own random stream, so adding them did
// not change the clients, visits or notes of a given seed.
const planStream = 0x50A9_0008_CA2E_0008

// planBatch is how many plans are stored per transaction.
const planBatch = 200

// planOf is a care plan's wording for each concern (same order as concerns).
var planOf = []struct {
	condition string
	second    data.Goal // a functional goal besides pain
	referral  *data.Referral
}{
	{"Low-back pain", data.Goal{Description: "Sit through a one-hour drive without back pain", Unit: "min",
		Baseline: 20, Target: 60, Direction: data.HigherIsBetter}, nil},
	{"Neck and shoulder tension with headaches", data.Goal{Description: "Turn the head to shoulder-check (rotation to the right)",
		Unit: "°", Baseline: 60, Target: 80, Direction: data.HigherIsBetter}, nil},
	{"Stress and general muscle tension", data.Goal{Description: "Stress down to 4/10 or lower", MeasureKey: data.MeasureStress,
		Unit: "/10", Baseline: 8, Target: 4, Direction: data.LowerIsBetter}, nil},
	{"Heel and arch pain (plantar fasciitis)", data.Goal{Description: "Walk the dog for 30 minutes without foot pain",
		Unit: "min", Baseline: 10, Target: 30, Direction: data.HigherIsBetter}, nil},
	{"Right shoulder pain reaching overhead", data.Goal{Description: "Reach overhead (shoulder flexion, right)",
		Unit: "°", Baseline: 150, Target: 180, Direction: data.HigherIsBetter},
		&data.Referral{To: "Family physician", Reason: "Weak, painful empty-can test: rule out a rotator cuff tear."}},
}

// fillPlans gives about a third of the clients (every third client ID) a
// care plan from one of their visits: goals with progress at each completed
// visit, reassessments at half-way and the end, home care from the handout
// library matched to the concern's areas, its visits linked. Plans that
// ended before today are completed (most) or discontinued, with a discharge.
func fillPlans(ctx context.Context, s *data.Store, seed int64) error {
	m, err := s.Moment(ctx)
	if err != nil {
		return err
	}
	appts, err := s.Appointments(ctx, time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		return err
	}
	handouts, err := s.Handouts(ctx, false)
	if err != nil {
		return err
	}
	byClient := map[int64][]data.Appointment{}
	var clients []int64
	for _, a := range appts {
		if a.ClientID%3 != 0 {
			continue
		}
		if len(byClient[a.ClientID]) == 0 {
			clients = append(clients, a.ClientID)
		}
		byClient[a.ClientID] = append(byClient[a.ClientID], a)
	}
	sortIDs(clients)
	r := rand.New(rand.NewPCG(uint64(seed), planStream))
	var plans []*data.CarePlan
	var links [][]int64
	flush := func() error {
		if len(plans) == 0 {
			return nil
		}
		err := s.ImportCarePlans(ctx, plans, links)
		plans, links = plans[:0], links[:0]
		return err
	}
	for _, id := range clients {
		if err := ctx.Err(); err != nil {
			return err
		}
		p, visits := demoPlan(r, byClient[id], handouts, m)
		if p == nil {
			continue
		}
		plans, links = append(plans, p), append(links, visits)
		if len(plans) >= planBatch {
			if err := flush(); err != nil {
				return fmt.Errorf("care plans: %w", err)
			}
		}
	}
	if err := flush(); err != nil {
		return fmt.Errorf("care plans: %w", err)
	}
	return nil
}

// sortIDs sorts ids in place (insertion sort keeps the demo free of a
// sort import for one small list).
func sortIDs(ids []int64) {
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0 && ids[j] < ids[j-1]; j-- {
			ids[j], ids[j-1] = ids[j-1], ids[j]
		}
	}
}

// demoPlan is one client's plan (nil when they have no completed visit)
// and the IDs of its visits.
func demoPlan(r *rand.Rand, visits []data.Appointment, handouts []data.Handout, m data.Moment) (*data.CarePlan, []int64) {
	var done []int
	for i, a := range visits {
		if a.Status == data.StatusCompleted && a.End.Before(m.Now) {
			done = append(done, i)
		}
	}
	if len(done) == 0 {
		return nil, nil
	}
	first := visits[done[r.IntN(len(done))]]
	// Half of those seen in the last ten weeks are on a plan still running.
	if recent := m.Now.AddDate(0, 0, -70); visits[done[len(done)-1]].Start.After(recent) && r.IntN(2) == 0 {
		for _, i := range done {
			if visits[i].Start.After(recent) {
				first = visits[i]
				break
			}
		}
	}
	ci := int(first.ClientID*7919) % len(concerns)
	c, w := concerns[ci], planOf[ci%len(planOf)]
	start := data.DateOf(first.Start.In(m.Loc))
	p := &data.CarePlan{ClientID: first.ClientID, Condition: w.condition, StartDate: start, Status: data.PlanActive,
		Techniques: strings.Join(c.techniques[:min(2, len(c.techniques))], "\n"),
		Areas:      strings.Join(c.areas[:min(2, len(c.areas))], "\n"), SessionMinutes: first.Minutes,
		Weeks: []int{4, 6, 8, 12}[r.IntN(4)], Advice: pick(&gen{r: r}, c.homeCare)}
	if r.IntN(3) == 0 {
		p.EveryWeeks = 2
	} else {
		p.PerWeek = 1
	}
	end := start.Time(m.Loc).AddDate(0, 0, 7*p.Weeks)
	half := data.DateOf(start.Time(m.Loc).AddDate(0, 0, 7*p.Weeks/2))
	p.Reassessments = []data.Reassessment{{Due: half, Note: "Half-way review"}, {Due: data.DateOf(end), Note: "End of plan"}}
	// The pain goal follows the notes' pain (data/demo/notes.go: the
	// concern's rating less a point every third visit, give or take one):
	// the therapist aims a point below where the plan should end, judged
	// from the notes, so most plans meet it and plans with a single visit
	// (or an unlucky last one) do not.
	k, kEnd := 0, 0 // the client's completed visits before the plan, and before its last
	for _, i := range done {
		if visits[i].Start.Before(first.Start) {
			k++
		}
		if visits[i].Start.Before(end) {
			kEnd++
		}
	}
	atStart := max(0, c.pain-k/3)
	target := max(0, min(atStart-1, c.pain-(kEnd-1)/3+1))
	pain := data.Goal{Description: fmt.Sprintf("Pain down to %d/10 or lower", target), MeasureKey: data.MeasurePain,
		Unit: "/10", Baseline: float64(atStart), Target: float64(target), Direction: data.LowerIsBetter}
	second := w.second
	var linked []int64
	var lastDone data.Date
	step := 0
	for _, a := range visits {
		if a.Start.Before(first.Start) || !a.Start.Before(end) {
			continue
		}
		linked = append(linked, a.ID)
		if a.Status != data.StatusCompleted || !a.End.Before(m.Now) {
			continue
		}
		on := data.DateOf(a.Start.In(m.Loc))
		lastDone = on
		step++
		for _, g := range []*data.Goal{&pain, &second} {
			if g.MeasureKey != "" {
				continue // judged from the check-ins and notes
			}
			frac := min(1, float64(step)/4) // most of the way in about four visits
			v := g.Baseline + (g.Target-g.Baseline)*frac + float64(r.IntN(3)-1)*(g.Target-g.Baseline)/8
			g.Progress = append(g.Progress, data.ProgressEntry{On: on, Value: float64(int(v*2+0.5)) / 2})
		}
	}
	p.Goals = []data.Goal{pain, second}
	for _, h := range matchHandouts(handouts, c.areas, 2) {
		p.HomeCare = append(p.HomeCare, data.HomeCareItem{HandoutID: h.ID, Instructions: "Go gently; stop if it hurts."})
	}
	if w.referral != nil {
		ref := *w.referral
		ref.On = start
		p.Referrals = []data.Referral{ref}
	}
	for _, sp := range c.spots[:min(2, len(c.spots))] {
		p.Marks = append(p.Marks, data.Mark{Kind: data.MarkPain, View: sp.view, X: sp.x, Y: sp.y, Label: sp.what})
	}
	if !end.After(m.Now) {
		p.Status, p.DischargeDate = data.PlanCompleted, lastDone
		p.DischargeSummary = "Goals mostly met; pain down and moving more easily. Discharged with home care; maintenance visits as needed."
		if r.IntN(4) == 0 {
			p.Status = data.PlanDiscontinued
			p.DischargeSummary = "Client stopped coming before the plan's end (busy at work); home care continued."
		}
	}
	return p, linked
}

// matchHandouts picks up to n handouts whose area matches one of areas
// ("Low back" matches "Lower back"); the first handouts when none match.
func matchHandouts(handouts []data.Handout, areas []string, n int) []data.Handout {
	var out []data.Handout
	for _, h := range handouts {
		ha := strings.ToLower(h.Area)
		for _, a := range areas {
			if w := strings.Fields(strings.ToLower(a)); len(w) > 0 && ha != "" && strings.Contains(ha, w[len(w)-1]) {
				out = append(out, h)
				break
			}
		}
		if len(out) == n {
			return out
		}
	}
	if len(out) == 0 && len(handouts) > 0 {
		out = handouts[:1]
	}
	return out
}
