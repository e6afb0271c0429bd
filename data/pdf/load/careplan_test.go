package load

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/pdf"
)

// CarePlan reads a plan with its client, practice, figures and each
// home-care handout with its drawing; Handout reads one handout; both use
// the Store's clock so the same file renders to the same bytes; a missing
// record is data.ErrNotFound.
func TestCarePlanAndHandout(t *testing.T) {
	ctx := context.Background()
	st := openPractice(t, data.Practice{TherapistName: "Maya Lindqvist", Credentials: "RMT", Currency: "CAD", TimeZone: "America/Toronto", PaperSize: data.PaperA4})
	c := &data.Client{FirstName: "Łukasz", LastName: "Nowak"}
	if err := st.CreateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	hs, err := st.Handouts(ctx, false)
	if err != nil || len(hs) == 0 {
		t.Fatalf("no built-in handouts (%v)", err)
	}
	plan := data.CarePlan{ClientID: c.ID, Condition: "Stiff neck", StartDate: data.Date{Year: 2026, Month: 3, Day: 1},
		Status: data.PlanActive, PerWeek: 1, Weeks: 4, HomeCare: []data.HomeCareItem{{HandoutID: hs[0].ID, Reps: 12}}}
	if err := st.SaveCarePlan(ctx, &plan); err != nil {
		t.Fatal(err)
	}
	in, err := CarePlan(ctx, st, plan.ID, true)
	if err != nil {
		t.Fatal(err)
	}
	if in.Client.FormalName() != "Łukasz Nowak" || in.Plan.Condition != "Stiff neck" || len(in.Handouts) != 1 ||
		len(in.Handouts[0].Illustration) == 0 || !in.WithHandouts || in.Figures.SessionsPlanned != 4 ||
		!in.Created.Equal(testClock) || in.Practice.PaperSize != data.PaperA4 {
		t.Errorf("loaded %+v", in)
	}
	var a, b bytes.Buffer
	if err := pdf.WriteCarePlan(&a, in); err != nil {
		t.Fatal(err)
	}
	again, _ := CarePlan(ctx, st, plan.ID, true)
	if err := pdf.WriteCarePlan(&b, again); err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("the same plan read twice renders differently (%v)", err)
	}
	h, err := Handout(ctx, st, hs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if h.Handout.Title != hs[0].Title || h.Handout.Body == "" || !h.Created.Equal(testClock) {
		t.Errorf("loaded handout %+v", h.Handout)
	}
	if err := pdf.WriteHandout(&bytes.Buffer{}, h); err != nil {
		t.Fatal(err)
	}
	if _, err := CarePlan(ctx, st, 9999, false); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("a missing plan: %v, want data.ErrNotFound", err)
	}
	if _, err := Handout(ctx, st, 9999); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("a missing handout: %v, want data.ErrNotFound", err)
	}
}
