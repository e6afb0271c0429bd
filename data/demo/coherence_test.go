package demo

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// coherent is one sample practice shared by the coherence tests, with its
// plans and appointments.
type coherent struct {
	s     *data.Store
	plans []data.CarePlan
	appts []data.Appointment
}

func coherentSample(t *testing.T) coherent {
	t.Helper()
	ctx := context.Background()
	s := fill(t, Options{Years: 3, Seed: 5})
	rows, err := s.CarePlans(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c := coherent{s: s}
	for _, r := range rows {
		p, err := s.CarePlan(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		c.plans = append(c.plans, p)
	}
	c.appts, err = s.Appointments(ctx, time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// The sample practice agrees with itself; each subtest is one thing a new
// therapist noticed did not (sharing one sample keeps the test quick).
func TestDemoSampleIsCoherent(t *testing.T) {
	c := coherentSample(t)
	t.Run("DischargedAtLastVisit", c.dischargedAtLastVisit)
	t.Run("GoalsStartWorseThanTargets", c.goalsStartWorse)
	t.Run("CareFitsCondition", c.careFitsCondition)
	t.Run("ClientSinceBeforeFirstVisit", c.clientSinceFirst)
}

// Ended plans are discharged at (or after) their last linked visit, not on
// day one; completed ones did most (two thirds or more) of their planned
// sessions, discontinued ones fewer, and their summaries say so.
func (c coherent) dischargedAtLastVisit(t *testing.T) {
	loc, _ := time.LoadLocation("America/Toronto")
	last := map[int64]data.Date{}
	done := map[int64]int{}
	for _, a := range c.appts {
		if a.CarePlanID != 0 {
			last[a.CarePlanID] = data.DateOf(a.Start.In(loc))
			if a.Status == data.StatusCompleted {
				done[a.CarePlanID]++
			}
		}
	}
	ended, dayOne := 0, 0
	for _, p := range c.plans {
		if p.Status == data.PlanActive {
			continue
		}
		ended++
		if p.DischargeDate.Before(last[p.ID]) {
			t.Errorf("plan %d discharged %s before its last visit %s", p.ID, p.DischargeDate, last[p.ID])
		}
		if p.DischargeDate == p.StartDate {
			dayOne++
		}
		n, planned := done[p.ID], p.PlannedSessions()
		switch p.Status {
		case data.PlanCompleted:
			if n*3 < planned*2 {
				t.Errorf("plan %d completed with %d of %d sessions", p.ID, n, planned)
			}
		case data.PlanDiscontinued:
			if n >= planned || !strings.Contains(p.DischargeSummary, "stopped") {
				t.Errorf("plan %d discontinued after %d of %d sessions: %q", p.ID, n, planned, p.DischargeSummary)
			}
		}
	}
	if ended < 20 || dayOne*10 > ended {
		t.Errorf("%d of %d ended plans were discharged on their first day", dayOne, ended)
	}
}

// Every goal starts worse than its target, in the goal's direction.
func (c coherent) goalsStartWorse(t *testing.T) {
	for _, p := range c.plans {
		for _, g := range p.Goals {
			if (g.Direction == data.LowerIsBetter) != (g.Baseline > g.Target) || g.Baseline == g.Target {
				t.Errorf("plan %d goal %q: baseline %v, target %v (%s): already met at the start",
					p.ID, g.Description, g.Baseline, g.Target, g.Direction)
			}
		}
	}
}

// Home care, body-chart marks and advice fit each plan's condition.
func (c coherent) careFitsCondition(t *testing.T) {
	handouts, err := c.s.Handouts(context.Background(), true)
	if err != nil {
		t.Fatal(err)
	}
	area := map[int64]string{}
	for _, h := range handouts {
		area[h.ID] = h.Area
	}
	for _, p := range c.plans {
		checkFits(t, p, area)
	}
}

// "Client since" (the record's creation) is on or before the client's
// first visit and plan.
func (c coherent) clientSinceFirst(t *testing.T) {
	ctx := context.Background()
	loc, _ := time.LoadLocation("America/Toronto")
	clients := map[int64]data.Client{}
	for _, a := range c.appts {
		cl, ok := clients[a.ClientID]
		if !ok {
			var err error
			if cl, err = c.s.Client(ctx, a.ClientID); err != nil {
				t.Fatal(err)
			}
			clients[a.ClientID] = cl
		}
		if cl.CreatedAt.After(a.Start) {
			t.Fatalf("client %d: record made %s, after their visit of %s", a.ClientID, cl.CreatedAt, a.Start)
		}
	}
	for _, p := range c.plans {
		if since := data.DateOf(clients[p.ClientID].CreatedAt.In(loc)); p.StartDate.Before(since) {
			t.Errorf("plan %d starts %s, before its client's record (%s)", p.ID, p.StartDate, since)
		}
	}
}

// fits says, for each condition, which handout areas, marks and advice
// belong to it.
var fits = map[string]struct{ areas, marks, advice []string }{
	"Low-back pain": {[]string{"Lower back", "Hips"}, []string{"QL", "glute"}, []string{"Knee-to-chest", "Walk"}},
	"Neck and shoulder tension with headaches": {[]string{"Neck", "Shoulders"}, []string{"trap", "suboccipital"},
		[]string{"trapezius", "Chin tucks"}},
	"Stress and general muscle tension":      {[]string{"Self-care", "Upper back", "Neck"}, []string{"trap", "back"}, []string{"breathing", "bath", "neck"}},
	"Heel and arch pain (plantar fasciitis)": {[]string{"Calves"}, []string{"heel", "soleus"}, []string{"foot"}},
	"Right shoulder pain reaching overhead":  {[]string{"Shoulders", "Upper back"}, []string{"infraspinatus", "pec"}, []string{"Pendulum"}},
}

func checkFits(t *testing.T, p data.CarePlan, area map[int64]string) {
	t.Helper()
	f, ok := fits[p.Condition]
	if !ok {
		t.Fatalf("plan %d: unknown condition %q", p.ID, p.Condition)
	}
	has := func(s string, words []string) bool {
		for _, w := range words {
			if strings.Contains(strings.ToLower(s), strings.ToLower(w)) {
				return true
			}
		}
		return false
	}
	for _, h := range p.HomeCare {
		if !has(area[h.HandoutID], f.areas) {
			t.Errorf("plan %d (%s) has handout %q (%s)", p.ID, p.Condition, h.HandoutTitle, area[h.HandoutID])
		}
	}
	for _, m := range p.Marks {
		if !has(m.Label, f.marks) {
			t.Errorf("plan %d (%s) marks %q", p.ID, p.Condition, m.Label)
		}
	}
	if !has(p.Advice, f.advice) {
		t.Errorf("plan %d (%s) advises %q", p.ID, p.Condition, p.Advice)
	}
	if len(p.HomeCare) == 0 || len(p.Marks) == 0 {
		t.Errorf("plan %d: %d handouts, %d marks", p.ID, len(p.HomeCare), len(p.Marks))
	}
}

// Completed plans show what most treatment does: pain down two to four
// points on average, better in most plans but not all.
func TestDemoCompletedPlansImprove(t *testing.T) {
	c := coherentSample(t)
	o, err := c.s.PracticeOutcomes(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	pain := o.Changes[0]
	t.Logf("%s; %d of %d goals met", pain.Words(), o.GoalsMet, o.Goals)
	if pain.Measure.Key != data.MeasurePain || pain.Plans < 10 || pain.Average > -2 || pain.Average < -4 ||
		pain.Improved*10 < pain.Plans*6 || pain.Improved == pain.Plans {
		t.Errorf("%s: want pain down 2–4 points, better in most plans but not all", pain.Words())
	}
}
