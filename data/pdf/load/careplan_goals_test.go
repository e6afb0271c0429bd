package load

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/pdf"
)

// A goal on a measure shows the same latest value in the care plan PDF as
// in the progress report: both judge it from the outcome data.
func TestCarePlanGoalLatestMatchesProgressReport(t *testing.T) {
	ctx := context.Background()
	clock := time.Date(2026, 3, 20, 20, 0, 0, 0, time.UTC)
	st, err := data.Open(ctx, filepath.Join(t.TempDir(), "p.db"), data.WithClock(func() time.Time { return clock }))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p := data.Practice{TherapistName: "Maya Lindqvist", Credentials: "RMT", Currency: "CAD", TimeZone: "America/Toronto", PaperSize: data.PaperLetter}
	if err := st.SavePractice(ctx, &p); err != nil {
		t.Fatal(err)
	}
	c := &data.Client{FirstName: "Ana", LastName: "Petrova"}
	if err := st.CreateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	for _, v := range []data.MobilityVisit{
		{ClientID: c.ID, VisitDate: data.Date{Year: 2026, Month: 3, Day: 2}, Values: map[string]float64{"shoulder_flexion_right": 150}},
		{ClientID: c.ID, VisitDate: data.Date{Year: 2026, Month: 3, Day: 16}, Values: map[string]float64{"shoulder_flexion_right": 161.5}},
	} {
		if err := st.SaveMobility(ctx, &v); err != nil {
			t.Fatal(err)
		}
	}
	plan := data.CarePlan{ClientID: c.ID, Condition: "Stiff shoulder", StartDate: data.Date{Year: 2026, Month: 3, Day: 1},
		Status: data.PlanActive, PerWeek: 1, Weeks: 4,
		Goals: []data.Goal{{Description: "Reach overhead", MeasureKey: "shoulder_flexion_right", Target: 180}}}
	if err := st.SaveCarePlan(ctx, &plan); err != nil {
		t.Fatal(err)
	}
	in, err := CarePlan(ctx, st, plan.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	pr, err := Progress(ctx, st, c.ID, plan.ID, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(pr.Goals) != 1 || pr.Goals[0].Latest != 161.5 {
		t.Fatalf("progress report goals %+v; want latest 161.5", pr.Goals)
	}
	var b bytes.Buffer
	if err := pdf.WriteCarePlan(&b, in); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	f := filepath.Join(t.TempDir(), "plan.pdf")
	if err := os.WriteFile(f, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", f, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	if !strings.Contains(text, "161.5°") || !strings.Contains(text, "16 Mar 2026") || strings.Contains(text, "Not measured yet") {
		t.Errorf("the care plan PDF's goal row disagrees with the progress report (latest 161.5° on 16 Mar 2026):\n%s", text)
	}
}
