package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

func day(y int, m time.Month, d int) data.Date { return data.Date{Year: y, Month: m, Day: d} }

// samplePlan is a completed plan with every part: three goals with
// progress, reassessments, five exercises and advice, referrals, marks and
// a discharge.
func samplePlan(t testing.TB, client string) CarePlanInput {
	first, last, _ := strings.Cut(client, " ")
	keys := []string{"chin-tucks", "neck-side-stretch", "doorway-chest-stretch", "shoulder-blade-squeeze", "upper-back-extension"}
	var handouts []data.Handout
	var items []data.HomeCareItem
	for i, k := range keys {
		h := builtinHandout(t, k)
		handouts = append(handouts, h)
		it := data.HomeCareItem{HandoutID: h.ID, HandoutTitle: h.Title}
		if i == 0 {
			it.Sets, it.Reps, it.Instructions = 3, 8, "At your desk after each call, and before bed."
		}
		items = append(items, it)
	}
	return CarePlanInput{
		Practice: samplePractice(),
		Client:   data.Client{FirstName: first, LastName: last, BirthDate: day(1984, 2, 11)},
		Plan: data.CarePlan{
			ID: 3, Condition: "Neck and shoulder pain from desk work, with tension headaches", StartDate: day(2026, 1, 12),
			Status: data.PlanCompleted, Techniques: "Swedish massage\nTrigger point therapy\nMyofascial release",
			Areas: "Neck\nUpper back\nShoulders", SessionMinutes: 60, PerWeek: 1, Weeks: 8,
			Advice: "Use heat on the neck for 15 minutes in the evening. Take a posture break every 30 to 60 minutes at the desk.",
			Goals: []data.Goal{
				{Description: "Neck pain from 7/10 to 3/10", Unit: "/10", Baseline: 7, Target: 3, Direction: data.LowerIsBetter,
					Progress: []data.ProgressEntry{{On: day(2026, 2, 2), Value: 5}, {On: day(2026, 3, 2), Value: 3}}},
				{Description: "Turn the head 70° to the left without pain", Unit: "°", Baseline: 45, Target: 70, Direction: data.HigherIsBetter,
					Progress: []data.ProgressEntry{{On: day(2026, 2, 2), Value: 60}, {On: day(2026, 3, 2), Value: 55}}},
				{Description: "Headaches fewer than one a week", Unit: "a week", Baseline: 3, Target: 1, Direction: data.LowerIsBetter},
			},
			Reassessments: []data.Reassessment{{Due: day(2026, 2, 9), Note: "Pain, range of motion"}, {Due: day(2026, 3, 9), Note: "Discharge review"}},
			HomeCare:      items,
			Referrals:     []data.Referral{{To: "Dr. Singh (family physician)", Reason: "Headaches that wake her at night", On: day(2026, 1, 20)}},
			Marks: []data.Mark{{Kind: data.MarkPain, View: data.ViewBack, X: 0.45, Y: 0.18, Label: "left upper trapezius"},
				{Kind: data.MarkTriggerPoint, View: data.ViewBack, X: 0.56, Y: 0.2, Label: "right levator scapulae"}},
			DischargeDate: day(2026, 3, 9), DischargeSummary: "Goals for pain met; keeps the home exercises going.",
		},
		Figures:  data.PlanFigures{SessionsDone: 7, SessionsPlanned: 8},
		Handouts: handouts,
		Created:  created,
	}
}

func TestCarePlanPrintsEveryField(t *testing.T) {
	for _, name := range sixNames {
		var b bytes.Buffer
		if err := WriteCarePlan(&b, samplePlan(t, name)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		qpdfCheck(t, b.Bytes())
		text := squash(strings.Join(pageTexts(t, b.Bytes()), "\n"))
		for _, w := range []string{name, "11 Feb 1984", "Neck and shoulder pain from desk work, with tension headaches",
			"Completed", "12 Jan 2026", "9 Mar 2026", "Neck pain from 7/10 to 3/10", "7/10", "3/10", "2 Mar 2026", "Goal met",
			"Turn the head 70°", "45°", "70°", "55°", "Worse", "Headaches fewer than one a week",
			"3 a week", "Not measured yet", "Swedish massage, Trigger point therapy,", "Myofascial release", "Neck, Upper back, Shoulders",
			"60 min", "1 a week for 8 weeks", "7 of 8", "Pain, range of motion", "Discharge review",
			"Chin tucks", "3 sets of 8, hold 5 seconds, twice a day", "At your desk after each call, and before bed.",
			"Neck side stretch", "Doorway chest stretch", "Shoulder blade squeeze", "Upper back extension over a chair",
			"Use heat on the neck for 15 minutes", "Dr. Singh (family physician)", "Headaches that wake her at night", "20 Jan 2026",
			"left upper trapezius", "right levator scapulae", "Goals for pain met; keeps the home exercises going.",
			"Marie-Claire Dubois, RMT", "Registration no. RMT-004512", "Page 1 of"} {
			if !strings.Contains(text, squash(w)) {
				t.Errorf("%s: the care plan lacks %q", name, w)
			}
		}
	}
}

// An active plan prints no discharge; with handouts, each home-care
// handout follows as its own page, for the client, with the plan's dose.
func TestCarePlanWithHandouts(t *testing.T) {
	in := samplePlan(t, "Zoë Müller")
	in.Plan.Status = data.PlanActive
	in.Plan.DischargeDate, in.Plan.DischargeSummary = data.Date{}, ""
	var plain, with bytes.Buffer
	if err := WriteCarePlan(&plain, in); err != nil {
		t.Fatal(err)
	}
	if text := strings.Join(pageTexts(t, plain.Bytes()), ""); strings.Contains(text, "Discharge") && !strings.Contains(text, "Discharge review") {
		t.Error("an active plan prints a discharge")
	}
	in.WithHandouts = true
	if err := WriteCarePlan(&with, in); err != nil {
		t.Fatal(err)
	}
	qpdfCheck(t, with.Bytes())
	a, b := pageTexts(t, plain.Bytes()), pageTexts(t, with.Bytes())
	if len(b) != len(a)+len(in.Plan.HomeCare) {
		t.Fatalf("with handouts: %d pages, want the plan's %d + %d handouts", len(b), len(a), len(in.Plan.HomeCare))
	}
	first := squash(b[len(a)])
	for _, w := range []string{"Chin tucks", "For Zoë Müller", "3 sets of 8, hold 5 seconds, twice a day", "How to do it"} {
		if !strings.Contains(first, squash(w)) {
			t.Errorf("the first attached handout lacks %q", w)
		}
	}
	if got := CarePlanFileName(in); got != "Care plan - Zoë Müller - 2026-01-12.pdf" {
		t.Errorf("CarePlanFileName = %q", got)
	}
}

func TestSameCarePlanSameBytes(t *testing.T) {
	var a, b bytes.Buffer
	in := samplePlan(t, "王芳")
	in.WithHandouts = true
	if err := WriteCarePlan(&a, in); err != nil {
		t.Fatal(err)
	}
	if err := WriteCarePlan(&b, in); err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("two renders of the same plan differ (%v)", err)
	}
}

func TestGoalValue(t *testing.T) {
	for _, c := range []struct {
		v    float64
		unit string
		want string
	}{{7, "/10", "7/10"}, {70, "°", "70°"}, {2.5, "min", "2.5 min"}, {40, "%", "40%"}, {3, "", "3"}} {
		if got := goalValue(c.v, c.unit); got != c.want {
			t.Errorf("goalValue(%v, %q) = %q, want %q", c.v, c.unit, got, c.want)
		}
	}
}

// FuzzCarePlan puts one arbitrary string into every text field of a plan:
// always a PDF qpdf accepts, never a panic or an error.
//
//	go test -run '^$' -fuzz FuzzCarePlan -fuzztime 30s ./data/pdf
func FuzzCarePlan(f *testing.F) {
	f.Add("Zoë Müller, Łukasz Nowak, Nguyễn Thị Hoa, Анна Смирнова, Γιώργος Παπαδόπουλος, 王芳")
	f.Add(strings.Repeat("long condition text ", 300))
	f.Add("\x00\x01\xff\xfe مرحبا \u202e 👍🏽 नमस्ते\n\n\n## - 1.")
	f.Fuzz(func(t *testing.T, s string) {
		in := samplePlan(t, "Zoë Müller")
		in.Client.FirstName, in.Client.LastName = s, s
		p := &in.Plan
		p.Condition, p.Techniques, p.Areas, p.Advice, p.DischargeSummary = s, s, s, s, s
		p.Goals[0].Description, p.Goals[0].Unit, p.Goals[0].Progress[0].Note = s, s, s
		p.Reassessments[0].Note = s
		p.HomeCare[0].Hold, p.HomeCare[0].Frequency, p.HomeCare[0].Instructions = s, s, s
		p.Referrals[0].To, p.Referrals[0].Reason = s, s
		p.Marks[0].Label = s
		in.Handouts[1].Title, in.Handouts[1].Area, in.Handouts[1].Body = s, s, s
		in.WithHandouts = len(s)%2 == 0
		var b bytes.Buffer
		if err := WriteCarePlan(&b, in); err != nil {
			t.Fatalf("WriteCarePlan: %v", err)
		}
		qpdfCheck(t, b.Bytes())
	})
}

// TestWriteCarePlanPNGs writes the sample plan for a person to look at:
// STILLPOINT_PDF_LOOK=/some/dir go test -run TestWriteCarePlanPNGs ./data/pdf
func TestWriteCarePlanPNGs(t *testing.T) {
	dir := os.Getenv("STILLPOINT_PDF_LOOK")
	if dir == "" {
		t.Skip("set STILLPOINT_PDF_LOOK to a folder to get the sample plan as a PDF file")
	}
	in := samplePlan(t, "Nguyễn Thị Hoa")
	in.WithHandouts = true
	f, err := os.Create(filepath.Join(dir, "careplan.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := WriteCarePlan(f, in); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkCarePlan renders the sample plan (three pages with five
// drawings, a body chart and tables; budget 50 ms and 300 KB) and the same
// plan with its five handouts attached.
//
//	go test -tags "x11 sqlite_fts5 migrated_fynedo" -run '^$' -bench CarePlan -benchmem ./data/pdf
func BenchmarkCarePlan(b *testing.B) {
	for _, with := range []bool{false, true} {
		name := "plan"
		if with {
			name = "with-handouts"
		}
		b.Run(name, func(b *testing.B) {
			in := samplePlan(b, "Zoë Müller")
			in.WithHandouts = with
			var buf bytes.Buffer
			pages := 0
			defer reportCPU(b)()
			for b.Loop() {
				buf.Reset()
				if err := WriteCarePlan(&buf, in); err != nil {
					b.Fatal(err)
				}
			}
			pages = bytes.Count(buf.Bytes(), []byte("/Type /Page\n"))
			b.ReportMetric(float64(pages), "pages")
			b.ReportMetric(float64(buf.Len())/1024, "KB/doc")
		})
	}
}
