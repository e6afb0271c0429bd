package demo

import (
	"context"
	"math/rand/v2"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// outcomeStream seeds the outcomes' own random stream, so adding them did
// not change the clients, appointments or notes of a given seed.
const outcomeStream = 0x0C7C_0010_0E55_0010

// followUp is what the sample practice measures for one kind of concern
// (indexed like concerns): mobility measures with a typical first value
// and the value reached when treatment works, and PSFS activities.
type followUp struct {
	mobility   []mobilityPlan
	activities []string
}

type mobilityPlan struct {
	key         string
	first, best float64
}

var followUps = []followUp{
	{ // low back
		mobility: []mobilityPlan{{"lumbar_flexion_fingertip_floor", 32, 10}, {"straight_leg_raise_left", 60, 82},
			{"straight_leg_raise_right", 55, 80}},
		activities: []string{"Bending to tie shoes", "Lifting groceries", "Sitting through a film"}},
	{ // neck
		mobility: []mobilityPlan{{"cervical_rotation_left", 58, 75}, {"cervical_rotation_right", 48, 72},
			{"cervical_lateral_flexion_left", 30, 42}, {"cervical_lateral_flexion_right", 26, 40}},
		activities: []string{"Reversing the car", "Working at the computer", "Reading in bed"}},
	{}, // relaxation: check-ins only
	{activities: []string{"First steps in the morning", "Standing at work"}}, // foot
	{ // shoulder
		mobility: []mobilityPlan{{"shoulder_flexion_right", 135, 170}, {"shoulder_abduction_right", 120, 165},
			{"shoulder_flexion_left", 165, 172}},
		activities: []string{"Reaching the top shelf", "Sleeping on my side"}},
}

// clientOutcome is one client's course in the sample: whether treatment
// helps (most) or not (about one in five), and what is followed.
type clientOutcome struct {
	improves     bool
	stress       float64 // first ratings
	sleep        float64
	acts         []int64 // -(index+1) into OutcomeImport.Activities
	actStart     []float64
	mobility     []mobilityPlan
	lastMeasured data.Date
}

// fillOutcomes records a check-in for every completed past visit (stress
// and sleep, and PSFS activities for clients who named some; pain is the
// note's) and mobility at the first visit and every fourth after it for
// clients with neck, back or shoulder concerns. Most clients improve over
// their visits; about one in five does not. One transaction.
func fillOutcomes(ctx context.Context, s *data.Store, seed int64) error {
	m, err := s.Moment(ctx)
	if err != nil {
		return err
	}
	appts, err := s.Appointments(ctx, time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), m.Now)
	if err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(uint64(seed), outcomeStream))
	var in data.OutcomeImport
	clients := map[int64]*clientOutcome{}
	visits := map[int64]int{}
	for _, a := range appts {
		if a.Status != data.StatusCompleted || !a.End.Before(m.Now) {
			continue
		}
		day := data.DateOf(a.Start.In(m.Loc))
		c := clients[a.ClientID]
		if c == nil {
			c = newClientOutcome(r, &in, a.ClientID, day)
			clients[a.ClientID] = c
		}
		v := visits[a.ClientID]
		visits[a.ClientID]++
		// progress goes from 0 to 1 over about ten visits when treatment helps.
		progress := 0.0
		if c.improves {
			progress = min(1, float64(v)/10)
		}
		noise := func(spread float64) float64 { return (r.Float64()*2 - 1) * spread }
		ci := data.CheckIn{ClientID: a.ClientID, AppointmentID: a.ID, VisitDate: day,
			Stress: score(c.stress - 4*progress + noise(1)), Sleep: score(c.sleep + 4*progress + noise(1))}
		for i, id := range c.acts {
			ci.PSFS = append(ci.PSFS, data.PSFSScore{ActivityID: id, Activity: in.Activities[-id-1].Name,
				Score: score(c.actStart[i] + 5*progress + noise(1))})
		}
		in.CheckIns = append(in.CheckIns, ci)
		if len(c.mobility) > 0 && v%4 == 0 && c.lastMeasured != day {
			c.lastMeasured = day
			mv := data.MobilityVisit{ClientID: a.ClientID, AppointmentID: a.ID, VisitDate: day,
				Values: map[string]float64{}}
			for _, p := range c.mobility {
				val := p.first + (p.best-p.first)*progress + noise(3)
				mv.Values[p.key] = float64(int(max(0, val)))
			}
			in.Mobility = append(in.Mobility, mv)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.ImportOutcomes(ctx, in)
}

// newClientOutcome decides what is followed for a client first seen on day.
func newClientOutcome(r *rand.Rand, in *data.OutcomeImport, clientID int64, day data.Date) *clientOutcome {
	kind := int(clientID*7919) % len(concerns) // the same concern as the client's notes
	f := followUps[kind]
	c := &clientOutcome{improves: r.IntN(5) != 0, stress: 5 + float64(r.IntN(3)), sleep: 3 + float64(r.IntN(3))}
	if kind == 2 { // came to relax: stressed, sleeping badly
		c.stress, c.sleep = 8, 3
	}
	if len(f.activities) > 0 && r.IntN(3) != 0 {
		n := 1 + r.IntN(len(f.activities))
		for _, i := range r.Perm(len(f.activities))[:n] {
			in.Activities = append(in.Activities, data.PSFSActivity{ClientID: clientID, Name: f.activities[i],
				AddedOn: day})
			c.acts = append(c.acts, -int64(len(in.Activities)))
			c.actStart = append(c.actStart, 2+float64(r.IntN(4)))
		}
	}
	if len(f.mobility) > 0 && r.IntN(5) < 3 {
		n := 2 + r.IntN(len(f.mobility)-1)
		c.mobility = f.mobility[:n]
	}
	return c
}

// score rounds a rating into 0-10.
func score(v float64) int { return max(0, min(10, int(v+0.5))) }
