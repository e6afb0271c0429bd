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
	regions   []string // handout areas for its home care
	advice    []string
	marks     []spot
}{
	{"Low-back pain", data.Goal{Description: "Sit through a one-hour drive without back pain", Unit: "min",
		Baseline: 20, Target: 60, Direction: data.HigherIsBetter}, nil, []string{"Lower back", "Hips"},
		[]string{"Knee-to-chest and cat-cow stretches daily; heat 15 min.", "Walk 20 minutes a day; avoid sitting over an hour."},
		[]spot{{data.ViewBack, 0.44, 0.47, "L QL"}, {data.ViewBack, 0.56, 0.47, "R QL"}, {data.ViewBack, 0.58, 0.55, "R glute med"}}},
	{"Neck and shoulder tension with headaches", data.Goal{Description: "Turn the head to shoulder-check (rotation to the right)",
		Unit: "°", Baseline: 60, Target: 80, Direction: data.HigherIsBetter}, nil, []string{"Neck", "Shoulders"},
		[]string{"Upper trapezius stretch 3×30 s twice a day.", "Chin tucks 10× hourly; screen at eye height."},
		[]spot{{data.ViewBack, 0.40, 0.18, "L upper trap"}, {data.ViewBack, 0.60, 0.18, "R upper trap"}, {data.ViewBack, 0.50, 0.11, "suboccipitals"}}},
	{"Stress and general muscle tension", data.Goal{Description: "Stress down to 4/10 or lower", MeasureKey: data.MeasureStress,
		Unit: "/10", Baseline: 8, Target: 4, Direction: data.LowerIsBetter}, nil, []string{"Self-care", "Upper back"},
		[]string{"Warm bath in the evening; five minutes of slow breathing before bed.", "Shoulder rolls and a neck stretch at each work break."},
		[]spot{{data.ViewBack, 0.40, 0.18, "L upper trap"}, {data.ViewBack, 0.60, 0.18, "R upper trap"}, {data.ViewBack, 0.50, 0.30, "mid-back"}}},
	{"Heel and arch pain (plantar fasciitis)", data.Goal{Description: "Walk the dog for 30 minutes without foot pain",
		Unit: "min", Baseline: 10, Target: 30, Direction: data.HigherIsBetter}, nil, []string{"Calves"},
		[]string{"Roll the foot over a frozen bottle 5 min twice a day; calf stretch 3×30 s."},
		[]spot{{data.ViewFront, 0.45, 0.97, "L heel"}, {data.ViewBack, 0.43, 0.84, "L soleus"}}},
	{"Right shoulder pain reaching overhead", data.Goal{Description: "Reach overhead (shoulder flexion, right)",
		Unit: "°", Baseline: 150, Target: 180, Direction: data.HigherIsBetter},
		&data.Referral{To: "Family physician", Reason: "Weak, painful empty-can test: rule out a rotator cuff tear."},
		[]string{"Shoulders"}, []string{"Pendulum exercises; doorway pec stretch 3×30 s."},
		[]spot{{data.ViewBack, 0.64, 0.24, "R infraspinatus"}, {data.ViewFront, 0.38, 0.22, "R pec minor"}}},
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

// matchHandouts picks up to n handouts whose area is one of regions (in
// the order of regions, then of the library); none when none match.
func matchHandouts(handouts []data.Handout, regions []string, n int) []data.Handout {
	var out []data.Handout
	for _, region := range regions {
		for _, h := range handouts {
			if len(out) < n && strings.EqualFold(h.Area, region) {
				out = append(out, h)
			}
		}
	}
	return out
}
