package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// noteStream seeds the notes' own random stream, so adding them did not
// change the clients or appointments of a given seed.
const noteStream = 0x50A9_0005_1E55_0005

// noteBatch is how many notes are stored per transaction.
const noteBatch = 1000

// concern is what brings a client in: the words of their notes and where
// the body-chart marks go (front/back, x, y as fractions of the outline).
type concern struct {
	complaints []string
	pain       int // typical first rating
	goals      string
	posture    []string
	palpation  []string
	rom        []string
	tests      []string
	areas      []string
	techniques []string
	homeCare   []string
	spots      []spot
}

type spot struct {
	view data.BodyView
	x, y float64
	what string
}

var concerns = []concern{
	{complaints: []string{"Low back ache after gardening", "Back stiff in the mornings, eases by noon",
		"Sharp pain low on the right when bending", "Sore lower back after a long drive"},
		pain: 6, goals: "Bend and lift without pain; sleep through the night.",
		posture:    []string{"Increased lumbar lordosis; anterior pelvic tilt.", "Slight lateral shift to the left."},
		palpation:  []string{"Hypertonic erector spinae and QL bilaterally, R > L.", "Active trigger point in R gluteus medius."},
		rom:        []string{"Lumbar flexion limited to mid-shin, pain at end range.", "Extension full, pain-free."},
		tests:      []string{"SLR negative bilaterally.", "Slump test negative."},
		areas:      []string{"Low back", "Gluteals", "Hips"},
		techniques: []string{"Myofascial release", "Trigger point therapy", "Deep tissue", "Stretching"},
		homeCare:   []string{"Knee-to-chest and cat-cow stretches daily; heat 15 min.", "Walk 20 minutes a day; avoid sitting over an hour."},
		spots: []spot{{data.ViewBack, 0.44, 0.47, "L QL"}, {data.ViewBack, 0.56, 0.47, "R QL"},
			{data.ViewBack, 0.58, 0.55, "R glute med"}}},
	{complaints: []string{"Stiff neck, can't shoulder-check when driving", "Tension headaches at the end of the work day",
		"Shoulders up by my ears from desk work", "Neck sore after sleeping on it wrong"},
		pain: 5, goals: "Turn the head freely; fewer headaches.",
		posture:    []string{"Forward head posture; rounded shoulders.", "R shoulder elevated."},
		palpation:  []string{"Hypertonic upper trapezius and levator scapulae bilaterally.", "Trigger points in suboccipitals."},
		rom:        []string{"Cervical rotation 60° R, 70° L.", "Lateral flexion reduced to the right."},
		tests:      []string{"Spurling's negative.", "ULTT negative."},
		areas:      []string{"Neck", "Shoulders", "Upper back", "Head and face"},
		techniques: []string{"Swedish", "Trigger point therapy", "Stretching", "Myofascial release"},
		homeCare:   []string{"Upper trapezius stretch 3×30 s twice a day.", "Chin tucks 10× hourly; screen at eye height."},
		spots: []spot{{data.ViewBack, 0.40, 0.18, "L upper trap"}, {data.ViewBack, 0.60, 0.18, "R upper trap"},
			{data.ViewBack, 0.50, 0.11, "suboccipitals"}}},
	{complaints: []string{"Just want to relax: a stressful month", "General tightness, no pain",
		"Maintenance massage; training for a half marathon", "Feeling run down and tense"},
		pain: 2, goals: "Relaxation and stress relief.",
		posture:    []string{"Unremarkable."},
		palpation:  []string{"Mild generalised hypertonicity.", "Calves tight bilaterally."},
		rom:        []string{"Within normal limits."},
		areas:      []string{"Neck", "Upper back", "Low back", "Thighs", "Calves", "Feet"},
		techniques: []string{"Swedish", "Stretching", "Hydrotherapy"},
		homeCare:   []string{"Hydrate; warm bath this evening.", "Foam roll calves after runs."},
		spots:      []spot{{data.ViewBack, 0.42, 0.85, "L calf"}, {data.ViewBack, 0.58, 0.85, "R calf"}}},
	{complaints: []string{"Heel pain first steps in the morning", "Arch of the foot aches after standing all day"},
		pain: 5, goals: "Walk the dog without foot pain.",
		palpation:  []string{"Tender at the medial calcaneal tubercle; gastrocnemius and soleus hypertonic."},
		rom:        []string{"Ankle dorsiflexion limited to 5° on the left."},
		tests:      []string{"Windlass test positive on the left."},
		areas:      []string{"Calves", "Feet"},
		techniques: []string{"Cross-fibre friction", "Myofascial release", "Stretching"},
		homeCare:   []string{"Roll the foot over a frozen bottle 5 min twice a day; calf stretch 3×30 s."},
		spots:      []spot{{data.ViewFront, 0.45, 0.97, "L heel"}, {data.ViewBack, 0.43, 0.84, "L soleus"}}},
	{complaints: []string{"Shoulder aches reaching overhead", "Can't sleep on my right shoulder"},
		pain: 5, goals: "Reach the top shelf; sleep on the right side.",
		posture:    []string{"Protracted scapulae."},
		palpation:  []string{"Tender infraspinatus and teres minor R; pectoralis minor hypertonic."},
		rom:        []string{"Shoulder flexion 150° R with pain at end range; abduction 160°."},
		tests:      []string{"Empty can weak on the R, painful. Referred to physician to rule out a tear."},
		areas:      []string{"Shoulders", "Chest", "Arms", "Upper back"},
		techniques: []string{"Trigger point therapy", "Joint mobilisation", "Muscle energy technique"},
		homeCare:   []string{"Pendulum exercises; doorway pec stretch 3×30 s."},
		spots: []spot{{data.ViewBack, 0.64, 0.24, "R infraspinatus"}, {data.ViewFront, 0.38, 0.22, "R pec minor"},
			{data.ViewFront, 0.30, 0.38, "numb R forearm"}}},
}

var (
	pressures = []string{"Light", "Light to moderate", "Moderate", "Moderate to firm", "Firm"}
	responses = []string{"Tolerated well; tissue softened.", "Reported less pain after treatment.",
		"Relaxed; fell asleep mid-session.", "Some tenderness during trigger point work, eased by the end.",
		"Felt lighter and moved more easily."}
	frequencies      = []string{"Weekly", "Every 2 weeks", "Every 3–4 weeks", "Monthly maintenance"}
	amendmentReasons = []struct{ reason, text string }{
		{"Wrong side recorded", "The trigger point was in the LEFT gluteus medius, not the right."},
		{"Missed detail", "Client also mentioned new medication: started a blood thinner last week."},
		{"Late entry", "Client phoned the next day: pain 2/10, much improved."},
	}
)

// fillNotes writes a note for every past completed visit: most signed
// within the hour, recent ones often still drafts, a few amended later,
// with marks on the body chart, varied techniques and pain that tends to
// ease over a client's visits.
func fillNotes(ctx context.Context, s *data.Store, seed int64) error {
	m, err := s.Moment(ctx)
	if err != nil {
		return err
	}
	appts, err := s.Appointments(ctx, time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), m.Now)
	if err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(uint64(seed), noteStream))
	visits := map[int64]int{}     // client → visits so far
	episode := map[int64]int{}    // client → visits so far in this spell of treatment
	last := map[int64]time.Time{} // client → their last visit
	var batch []data.NoteImport
	for _, a := range appts {
		if a.Status != data.StatusCompleted || !a.End.Before(m.Now) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if prev, ok := last[a.ClientID]; ok && a.Start.Sub(prev) > episodeGap {
			episode[a.ClientID] = 0 // back after a long break: the complaint is back too
		}
		last[a.ClientID] = a.Start
		batch = append(batch, demoNote(r, a, visits[a.ClientID], episode[a.ClientID], m))
		visits[a.ClientID]++
		episode[a.ClientID]++
		if len(batch) >= noteBatch {
			if err := s.ImportNotes(ctx, batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		return s.ImportNotes(ctx, batch)
	}
	return nil
}

// episodeGap is the longest break between visits of one spell of
// treatment (a care plan's visits are one spell).
const episodeGap = 21 * 24 * time.Hour

// stuck reports whether treatment does not ease a client's pain (about
// one client in six).
func stuck(clientID int64) bool { return clientID*104729%6 == 1 }

// notePain is the pain rated at a client's ep-th visit of a spell of
// treatment (from 0), before the noise of the day: the concern's typical
// rating, three points less every five visits unless the client is stuck.
func notePain(clientID int64, ep int) int {
	c := concerns[int(clientID*7919)%len(concerns)]
	if stuck(clientID) {
		return c.pain
	}
	return max(0, c.pain-ep*3/5)
}

// demoNote is the note of one completed visit, the client's visit-th and
// the ep-th of this spell of treatment.
func demoNote(r *rand.Rand, a data.Appointment, visit, ep int, m data.Moment) data.NoteImport {
	c := concerns[int(a.ClientID*7919)%len(concerns)]
	g := &gen{r: r}
	pain := max(0, min(10, notePain(a.ClientID, ep)+r.IntN(3)-1))
	n := data.Note{ClientID: a.ClientID, AppointmentID: a.ID, VisitDate: data.DateOf(a.Start.In(m.Loc)),
		ServiceName: a.ServiceName, Minutes: a.Minutes, Kind: data.NoteRegular,
		Complaint: pick(g, c.complaints), Pain: pain, Pressure: pick(g, pressures),
		Response: pick(g, responses), Frequency: pick(g, frequencies), HomeCare: pick(g, c.homeCare)}
	if visit == 0 {
		n.Goals = c.goals
		if len(c.posture) > 0 {
			n.Posture = pick(g, c.posture)
		}
		if len(c.tests) > 0 {
			n.Tests = pick(g, c.tests)
		}
	} else {
		n.Changes = pick(g, []string{"Better since last visit.", "About the same.", "Flared up after a busy week.",
			"Much improved; only stiff in the mornings."})
		n.Progress = pick(g, []string{"Progressing toward goals.", "Slow but steady.", "Goals mostly met."})
	}
	n.Palpation = pick(g, c.palpation)
	if len(c.rom) > 0 && r.IntN(2) == 0 {
		n.RangeOfMotion = pick(g, c.rom)
	}
	n.NextFocus = "Continue with " + pick(g, c.areas) + "."
	if r.IntN(25) == 0 {
		n.Referrals = "Suggested seeing the family physician if numbness persists."
	}
	for _, i := range r.Perm(len(c.techniques))[:min(len(c.techniques), 2+r.IntN(2))] {
		n.Techniques = append(n.Techniques, c.techniques[i])
	}
	for _, i := range r.Perm(len(c.areas))[:1+r.IntN(len(c.areas))] {
		n.Areas = append(n.Areas, c.areas[i])
	}
	for _, i := range r.Perm(len(c.spots))[:1+r.IntN(len(c.spots))] {
		sp := c.spots[i]
		kind := data.MarkKinds[r.IntN(len(data.MarkKinds))]
		if i == 0 {
			kind = data.MarkPain
		}
		n.Marks = append(n.Marks, data.Mark{Kind: kind, Label: sp.what, View: sp.view,
			X: clamp01(sp.x + (r.Float64()-0.5)*0.03), Y: clamp01(sp.y + (r.Float64()-0.5)*0.03)})
	}
	in := data.NoteImport{Note: n, WrittenAt: a.End.Add(time.Duration(5+r.IntN(15)) * time.Minute)}
	recent := m.Now.Sub(a.End) < 14*24*time.Hour
	if (recent && r.IntN(2) == 0) || (!recent && r.IntN(40) == 0) {
		return in // still a draft
	}
	in.SignedAt = in.WrittenAt.Add(time.Duration(1+r.IntN(30)) * time.Minute)
	if r.IntN(25) == 0 {
		am := amendmentReasons[r.IntN(len(amendmentReasons))]
		in.Amendments = []data.Amendment{{Reason: am.reason, Text: am.text,
			CreatedAt: in.SignedAt.Add(time.Duration(1+r.IntN(72)) * time.Hour)}}
	}
	return in
}

func clamp01(v float64) float64 { return max(0, min(1, v)) }

// noteSummary says how many notes the sample holds (for tests and logs).
func noteSummary(rows []data.NoteRow) string {
	var signed, amended int
	for _, n := range rows {
		if n.Status == data.NoteSigned {
			signed++
		}
		if n.Amendments > 0 {
			amended++
		}
	}
	return fmt.Sprintf("%d notes, %d signed, %d amended", len(rows), signed, amended)
}
