package pdf

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

func pday(y, m, d int) data.Date { return data.Date{Year: y, Month: time.Month(m), Day: d} }

// sampleProgress is a plan of six weeks with pain, sleep, an activity and
// neck rotation measured, a goal on pain (met), one on rotation (not met)
// and one of its own.
func sampleProgress(client string) ProgressInput {
	first, last, _ := strings.Cut(client, " ")
	pain, _ := data.MeasureByKey(data.MeasurePain)
	sleep, _ := data.MeasureByKey(data.MeasureSleep)
	rot, _ := data.MeasureByKey("cervical_rotation_right")
	act := data.PSFSMeasure(data.PSFSActivity{ID: 4, Name: "Reversing the car"})
	days := []data.Date{pday(2026, 1, 12), pday(2026, 1, 19), pday(2026, 1, 26), pday(2026, 2, 2), pday(2026, 2, 9), pday(2026, 2, 23)}
	pts := func(vs ...float64) []data.Point {
		var out []data.Point
		for i, v := range vs {
			out = append(out, data.Point{Date: days[i], Value: v})
		}
		return out
	}
	from := days[0]
	series := []data.Series{
		data.Summarize(pain, pts(7, 6, 6, 4, 3, 3), from),
		data.Summarize(sleep, pts(3, 4, 4, 6, 6, 7), from),
		data.Summarize(act, pts(2, 3, 5, 5, 6, 7), from),
		data.Summarize(rot, []data.Point{{Date: days[0], Value: 48}, {Date: days[3], Value: 58}, {Date: days[5], Value: 64}}, from),
	}
	plan := data.CarePlan{ID: 3, Condition: "Neck and shoulder tension with headaches", StartDate: from, Status: data.PlanActive,
		SessionMinutes: 60, PerWeek: 1, Weeks: 6,
		Goals: []data.Goal{
			{Description: "Pain down to 3/10 or lower", MeasureKey: data.MeasurePain, Unit: "/10", Target: 3, Direction: data.LowerIsBetter},
			{Description: "Shoulder-check to the right", MeasureKey: "cervical_rotation_right", Unit: "°", Target: 70, Direction: data.HigherIsBetter},
			{Description: "Work at the computer for two hours", Unit: " h", Baseline: 0.5, Target: 2, Direction: data.HigherIsBetter,
				Progress: []data.ProgressEntry{{On: days[4], Value: 1.5}}},
		}}
	o := data.Outcomes{Series: series}
	return ProgressInput{
		Practice: samplePractice(),
		Client:   data.Client{FirstName: first, LastName: last, BirthDate: pday(1984, 2, 11)},
		Plan:     &plan, From: from, To: pday(2026, 2, 27), Visits: 6,
		Series: series, Goals: plan.JudgeGoals(o),
		Summary:   "Pain has halved and sleep is better. Turning the head to the right is still limited when driving.",
		NextSteps: "Three more weekly visits focused on the upper back, then every two weeks.",
		Created:   created,
	}
}

func TestProgressReportPrintsEachMeasureAndGoal(t *testing.T) {
	for _, name := range sixNames {
		var b bytes.Buffer
		if err := WriteProgress(&b, sampleProgress(name)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		qpdfCheck(t, b.Bytes())
		text := squash(strings.Join(pageTexts(t, b.Bytes()), "\n"))
		for _, w := range []string{"Progress report", name, "11 Feb 1984", "12 Jan 2026 to 27 Feb 2026", "Visits attended",
			"Neck and shoulder tension with headaches", "Active, started 12 Jan 2026", "60 min sessions, 1 a week for 6 weeks",
			// goals: baseline, latest, target, met
			"Pain down to 3/10 or lower", "7/10", "3/10", "23 Feb 2026", "3/10 or lower", "Met",
			"Shoulder-check to the right", "48°", "64°", "70° or more", "Not yet",
			"Work at the computer", "0.5 h", "1.5 h", "9 Feb 2026", "2 h or more",
			// each measure with its change in words
			"Pain (0–10)", "Pain down 4 points since 12 January", "Sleep (0–10)", "Sleep up 4 points since 12 January",
			"Reversing the car (0–10)", "Reversing the car up 5 points since 12 January",
			"Neck rotation right (degrees)", "Neck rotation right up 16° since 12 January", "target 3", "target 70°",
			"Pain has halved", "Three more weekly visits", "Summary", "Next steps", "Registration no. RMT-004512"} {
			if !strings.Contains(text, squash(w)) {
				t.Errorf("%s: the report's text lacks %q", name, w)
			}
		}
	}
}

func TestProgressReportSameBytesAndOptionalParts(t *testing.T) {
	in := sampleProgress("Zoë Müller")
	var a, b bytes.Buffer
	if err := WriteProgress(&a, in); err != nil {
		t.Fatal(err)
	}
	if err := WriteProgress(&b, in); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same report gave different bytes")
	}
	// Without a plan, summary or next steps: the measures alone.
	in.Plan, in.Goals, in.Summary, in.NextSteps, in.From = nil, nil, "", "", data.Date{}
	var c bytes.Buffer
	if err := WriteProgress(&c, in); err != nil {
		t.Fatal(err)
	}
	text := squash(strings.Join(pageTexts(t, c.Bytes()), "\n"))
	for _, absent := range []string{"Goals", "Summary", "Next steps", "Care plan"} {
		if strings.Contains(text, absent) {
			t.Errorf("a report without a plan or summary prints %q", absent)
		}
	}
	if !strings.Contains(text, squash("12 Jan 2026 to 27 Feb 2026")) || !strings.Contains(text, "Pain(0–10)") {
		t.Errorf("the period or the measures are missing:\n%s", text)
	}
}

// TestWriteProgressPDF writes the sample report for a person to look at:
// STILLPOINT_PDF_LOOK=/some/dir go test -run TestWriteProgressPDF ./data/pdf
func TestWriteProgressPDF(t *testing.T) {
	dir := os.Getenv("STILLPOINT_PDF_LOOK")
	if dir == "" {
		t.Skip("set STILLPOINT_PDF_LOOK to a folder to get the sample progress report as a PDF file")
	}
	var b bytes.Buffer
	if err := WriteProgress(&b, sampleProgress("Zoë Müller")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir+"/progress.pdf", b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

// FuzzProgress feeds arbitrary text to every text field of the report
// (names, goals, activity, summary): a valid PDF every time.
func FuzzProgress(f *testing.F) {
	for _, s := range []string{"", "Zoë Müller 王芳 Анна", strings.Repeat("long words without end ", 300),
		"\x00\x01\u202e\xff\xfe", "\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		in := sampleProgress("Zoë Müller")
		in.Client.FirstName, in.Client.LastName = s, s
		in.Plan.Condition = s
		in.Goals[0].Goal.Description, in.Goals[2].Goal.Unit = s, s
		in.Series[2].Measure.Label, in.Series[2].Words = s, s
		in.Summary, in.NextSteps = s, s
		var b bytes.Buffer
		if err := WriteProgress(&b, in); err != nil {
			t.Fatalf("WriteProgress: %v", err)
		}
		qpdfCheck(t, b.Bytes())
	})
}

// BenchmarkProgress renders the sample progress report. Budget: 50 ms.
//
//	go test -tags "x11 sqlite_fts5 migrated_fynedo" -run '^$' -bench Progress -benchmem ./data/pdf
func BenchmarkProgress(b *testing.B) {
	in := sampleProgress("Zoë Müller")
	var buf bytes.Buffer
	defer reportCPU(b)()
	for b.Loop() {
		buf.Reset()
		if err := WriteProgress(&buf, in); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KB/doc")
}
