package data

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// planFixture is schedFixture (Bea Okafor, 5 January 2026) with one
// built-in handout.
type planFixture struct {
	*schedFixture
	handout int64
}

func newPlanFixture(t *testing.T) *planFixture {
	t.Helper()
	f := newSched(t, "America/Toronto")
	if err := f.s.SyncHandouts(f.ctx, fstest.MapFS{"chin.txt": {Data: []byte("title: Chin tucks\nsets: 2\nreps: 10\n---\nText")}}); err != nil {
		t.Fatal(err)
	}
	return &planFixture{schedFixture: f, handout: handoutByKey(t, f.s, "chin").ID}
}

func (f *planFixture) plan() CarePlan {
	return CarePlan{ClientID: f.client, Condition: " Low-back pain ", StartDate: day(2025, 12, 1),
		Techniques: "Swedish\nMyofascial release", Areas: "Low back\nHips", SessionMinutes: 60, PerWeek: 1, Weeks: 6,
		Advice: "Heat before stretching.",
		Goals: []Goal{
			{Description: "Low-back pain from 7/10 to 3/10", Unit: "/10", Baseline: 7, Target: 3, Direction: LowerIsBetter,
				Progress: []ProgressEntry{{On: day(2025, 12, 22), Value: 4}, {On: day(2025, 12, 8), Value: 6}}},
			{Description: "Turn head 70° without pain", Unit: "°", Baseline: 40, Target: 70, Direction: HigherIsBetter},
		},
		Reassessments: []Reassessment{{Due: day(2025, 12, 15)}, {Due: day(2026, 1, 12), Note: "end of plan"}, {Due: day(2026, 1, 8)}},
		HomeCare:      []HomeCareItem{{HandoutID: f.handout, Sets: 3, Instructions: "Slowly"}},
		Referrals:     []Referral{{To: "Dr. Singh", Reason: "Numbness in the left foot", On: day(2025, 12, 8)}},
		Marks:         []Mark{{Kind: MarkPain, View: ViewBack, X: 0.5, Y: 0.55, Label: "L4-5"}},
	}
}

// A plan is saved with every child in one go and reads back whole; the
// derived figures follow: planned sessions, next reassessment (first not
// before today), each goal's latest value, trend and whether it is met.
func TestCarePlanRoundTripAndFigures(t *testing.T) {
	f := newPlanFixture(t)
	p := f.plan()
	if err := f.s.SaveCarePlan(f.ctx, &p); err != nil {
		t.Fatal(err)
	}
	got, err := f.s.CarePlan(f.ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Condition != "Low-back pain" || got.ClientName != "Bea Okafor" || got.Status != PlanActive ||
		len(got.Goals) != 2 || len(got.Goals[0].Progress) != 2 || got.Goals[0].Progress[0].On != day(2025, 12, 8) ||
		len(got.Reassessments) != 3 || len(got.HomeCare) != 1 || got.HomeCare[0].HandoutTitle != "Chin tucks" ||
		got.HomeCare[0].Sets != 3 || len(got.Referrals) != 1 || len(got.Marks) != 1 || got.Marks[0].Label != "L4-5" {
		t.Fatalf("read back %+v", got)
	}
	if got.PlannedSessions() != 6 || got.Frequency() != "1 a week for 6 weeks" {
		t.Errorf("planned %d, %q", got.PlannedSessions(), got.Frequency())
	}
	figs, err := f.s.CarePlanFigures(f.ctx, &got)
	if err != nil || figs.NextReassessment != day(2026, 1, 8) || figs.SessionsPlanned != 6 || figs.SessionsDone != 0 {
		t.Errorf("figures %v %+v", err, figs)
	}
	g := got.Goals[0]
	if v, ok := g.Latest(); !ok || v != 4 || g.Trend() != TrendImproving || g.Met() {
		t.Errorf("goal 1: latest %v %v, trend %v, met %v", v, ok, g.Trend(), g.Met())
	}
	if got.Goals[1].Trend() != TrendNone || got.Goals[1].Met() {
		t.Errorf("goal 2 without progress: %v", got.Goals[1].Trend())
	}
	// Saving it again unchanged leaves no line in the history.
	before, _ := f.s.AuditLog(f.ctx, f.client)
	if err := f.s.SaveCarePlan(f.ctx, &got); err != nil {
		t.Fatal(err)
	}
	if after, _ := f.s.AuditLog(f.ctx, f.client); len(after) != len(before) {
		t.Errorf("an unchanged save was logged: %+v", after[0])
	}
	// Progress: a new entry at the target, on today; the goal keeps its ID.
	goalID := got.Goals[0].ID
	got.Goals[0].Progress = append(got.Goals[0].Progress, ProgressEntry{On: day(2026, 1, 5), Value: 3})
	got.Goals[1].Progress = []ProgressEntry{{On: day(2026, 1, 5), Value: 35}}
	if err := f.s.SaveCarePlan(f.ctx, &got); err != nil {
		t.Fatal(err)
	}
	again, _ := f.s.CarePlan(f.ctx, p.ID)
	if again.Goals[0].ID != goalID || !again.Goals[0].Met() || again.Goals[1].Trend() != TrendWorse {
		t.Errorf("after progress: id %d/%d, met %v, goal 2 %v", again.Goals[0].ID, goalID, again.Goals[0].Met(), again.Goals[1].Trend())
	}
	// Removing a goal removes its progress too.
	again.Goals = again.Goals[:1]
	if err := f.s.SaveCarePlan(f.ctx, &again); err != nil {
		t.Fatal(err)
	}
	if n := f.count(t, "care_plan_progress"); n != 3 {
		t.Errorf("%d progress rows, want 3", n)
	}
	log, _ := f.s.AuditLog(f.ctx, f.client)
	if len(log) < 4 || !strings.Contains(log[0].Summary, "changed goals") || log[2].Summary != "care plan 1 (Low-back pain) started" {
		t.Errorf("audit %+v", log)
	}
}

// Validation speaks the therapist's language and names each field,
// children by index; nothing is stored.
func TestCarePlanValidation(t *testing.T) {
	f := newPlanFixture(t)
	p := f.plan()
	p.Condition = ""
	p.Goals[0].Target = 7                                   // same as baseline
	p.Goals[1].Target = 30                                  // higher is better, target lower
	p.Goals[0].Progress[0].On = day(2026, 2, 1)             // future
	p.Reassessments[0].Due = day(2025, 11, 1)               // before start
	p.HomeCare[0].Sets = -2                                 // negative
	p.Status, p.DischargeDate = PlanActive, day(2026, 1, 2) // active with a discharge
	p.PerWeek, p.EveryWeeks = 1, 2
	err := f.s.SaveCarePlan(f.ctx, &p)
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("got %v", err)
	}
	for field, words := range map[string]string{
		"Condition":               "what the plan is for",
		"Goals[0].Target":         "same as the starting value",
		"Goals[1].Target":         "higher is better",
		"Goals[0].Progress[1].On": "in the future",
		"Reassessments[0].Due":    "before the plan's start",
		"HomeCare[0].Sets":        "between 0 and 100",
		"DischargeDate":           "active plan has no discharge date",
		"EveryWeeks":              "not both",
	} {
		if msg := ve.For(field); !strings.Contains(msg, words) {
			t.Errorf("%s: %q, want %q", field, msg, words)
		}
	}
	if n := f.count(t, "care_plans"); n != 0 {
		t.Errorf("%d plans stored", n)
	}
	// A discharge before the start, and a handout that does not exist.
	p = f.plan()
	p.Status, p.DischargeDate = PlanCompleted, day(2025, 11, 2)
	p.HomeCare[0].HandoutID = 999
	err = f.s.SaveCarePlan(f.ctx, &p)
	if !errors.As(err, &ve) || !strings.Contains(ve.For("DischargeDate"), "before the plan's start") {
		t.Errorf("discharge: %v", err)
	}
	p.DischargeDate, p.DischargeSummary = day(2026, 1, 2), "Goals met."
	err = f.s.SaveCarePlan(f.ctx, &p)
	if !errors.As(err, &ve) || !strings.Contains(ve.For("HomeCare[0].HandoutID"), "no longer in the library") {
		t.Errorf("handout: %v", err)
	}
}

// Booking links the client's only active plan by default; with two active
// plans nothing is linked; NoCarePlan and an explicit plan are honoured; a
// plan of another client is refused; completed linked visits count as done.
func TestVisitsLinkToAPlan(t *testing.T) {
	f := newPlanFixture(t)
	p := f.plan()
	if err := f.s.SaveCarePlan(f.ctx, &p); err != nil {
		t.Fatal(err)
	}
	a := f.book(t, Booking{Date: day(2026, 1, 6), Clock: Clock{10, 0}})[0]
	if a.CarePlanID != p.ID {
		t.Fatalf("default link %d, want %d", a.CarePlanID, p.ID)
	}
	if got, _ := f.s.Appointment(f.ctx, a.ID); got.CarePlanID != p.ID {
		t.Errorf("stored link %d", got.CarePlanID)
	}
	none := f.book(t, Booking{Date: day(2026, 1, 7), Clock: Clock{10, 0}, CarePlanID: NoCarePlan})[0]
	if none.CarePlanID != 0 {
		t.Errorf("NoCarePlan linked %d", none.CarePlanID)
	}
	second := f.plan()
	second.Condition = "Neck stiffness"
	if err := f.s.SaveCarePlan(f.ctx, &second); err != nil {
		t.Fatal(err)
	}
	if id, _ := f.s.DefaultCarePlan(f.ctx, f.client); id != 0 {
		t.Errorf("two active plans: default %d", id)
	}
	if b := f.book(t, Booking{Date: day(2026, 1, 8), Clock: Clock{10, 0}})[0]; b.CarePlanID != 0 {
		t.Errorf("two active plans linked %d", b.CarePlanID)
	}
	if b := f.book(t, Booking{Date: day(2026, 1, 9), Clock: Clock{10, 0}, CarePlanID: second.ID})[0]; b.CarePlanID != second.ID {
		t.Errorf("explicit plan linked %d", b.CarePlanID)
	}
	other := &Client{FirstName: "Łukasz", LastName: "Nowak"}
	mustCreate(t, f.s, other)
	_, err := f.s.Book(f.ctx, Booking{ClientID: other.ID, ServiceID: svc60, Date: day(2026, 1, 13), Clock: Clock{10, 0}, CarePlanID: p.ID})
	var ve *ValidationError
	if !errors.As(err, &ve) || !strings.Contains(ve.For("CarePlanID"), "another client's") {
		t.Errorf("other client's plan: %v", err)
	}
	// Change the link: the unlinked visit joins the first plan; done counts
	// completed ones (two past visits), not booked ones.
	if err := f.s.LinkVisits(f.ctx, p.ID, none.ID); err != nil {
		t.Fatal(err)
	}
	var past []Appointment
	for _, d := range []int{8, 15} {
		start := time.Date(2025, 12, d, 15, 0, 0, 0, time.UTC)
		past = append(past, Appointment{ClientID: f.client, ServiceID: svc60, Start: start, End: start.Add(time.Hour),
			ServiceName: "60-min massage", Minutes: 60, PriceCents: 11000, Status: StatusCompleted, CarePlanID: p.ID})
	}
	if err := f.s.ImportAppointments(f.ctx, past); err != nil {
		t.Fatal(err)
	}
	rows, err := f.s.ClientCarePlans(f.ctx, f.client)
	if err != nil || len(rows) != 2 {
		t.Fatalf("rows %v %+v", err, rows)
	}
	for _, r := range rows {
		if r.ID == p.ID && (r.SessionsDone != 2 || r.SessionsPlanned != 6 || r.NextReassessment != day(2026, 1, 8) || r.ClientName != "Bea Okafor") {
			t.Errorf("row %+v", r)
		}
	}
	if err := f.s.LinkVisits(f.ctx, 0, none.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := f.s.Appointment(f.ctx, none.ID); got.CarePlanID != 0 {
		t.Errorf("unlinked visit still linked to %d", got.CarePlanID)
	}
	if all, _ := f.s.CarePlans(f.ctx); len(all) != 2 || all[0].ID != p.ID {
		t.Errorf("all plans %+v", all)
	}
}

// Trends follow the goal's direction.
func TestGoalTrendByDirection(t *testing.T) {
	d := func(n int) Date { return DateOf(time.Date(2026, 1, n, 0, 0, 0, 0, time.UTC)) }
	for _, c := range []struct {
		dir    GoalDirection
		values []float64
		want   Trend
		met    bool
	}{
		{LowerIsBetter, []float64{6}, TrendImproving, false},
		{LowerIsBetter, []float64{6, 8}, TrendWorse, false},
		{LowerIsBetter, []float64{3, 3}, TrendSame, true},
		{HigherIsBetter, []float64{45, 71}, TrendImproving, true},
		{HigherIsBetter, []float64{45, 40}, TrendWorse, false},
	} {
		g := Goal{Baseline: 7, Target: 3, Direction: c.dir}
		if c.dir == HigherIsBetter {
			g.Baseline, g.Target = 40, 70
		}
		for i, v := range c.values {
			g.Progress = append(g.Progress, ProgressEntry{On: d(i + 1), Value: v})
		}
		if g.Trend() != c.want || g.Met() != c.met {
			t.Errorf("%s %v: trend %v met %v, want %v %v", c.dir, c.values, g.Trend(), g.Met(), c.want, c.met)
		}
	}
}

// A visit dated before a plan's start is not one of its sessions:
// linking it is refused, booking with the default plan leaves it unlinked,
// and sessions done do not count it.
func TestVisitsBeforePlanStartAreNotSessions(t *testing.T) {
	f := newPlanFixture(t)
	st, ctx := f.s, f.ctx
	book := func(d Date, hour int, plan int64) ([]Appointment, error) {
		return st.Book(ctx, Booking{ClientID: f.client, ServiceID: 2, Date: d, Clock: Clock{Hour: hour},
			Override: true, CarePlanID: plan})
	}
	one := func(d Date) Appointment {
		as, err := book(d, 9, NoCarePlan)
		if err != nil {
			t.Fatal(err)
		}
		return as[0]
	}
	before, after := one(day(2025, 12, 20)), one(day(2026, 1, 2))
	p := CarePlan{ClientID: f.client, Condition: "Low-back pain", StartDate: day(2025, 12, 28)}
	if err := st.SaveCarePlan(ctx, &p); err != nil {
		t.Fatal(err)
	}
	err := st.LinkVisits(ctx, p.ID, before.ID)
	var ve *ValidationError
	if !errors.As(err, &ve) || !strings.Contains(ve.Problems[0].Message, "before the care plan started") {
		t.Fatalf("linking a visit before the start: %v", err)
	}
	if err := st.LinkVisits(ctx, p.ID, after.ID); err != nil {
		t.Fatal(err)
	}
	// Linked behind the store's back (as an older version could), and
	// completed: the visit before the start is not counted.
	if _, err := st.w.ExecContext(ctx, `UPDATE appointments SET care_plan_id = ?, status = 'completed'`, p.ID); err != nil {
		t.Fatal(err)
	}
	fig, err := st.CarePlanFigures(ctx, &p)
	if err != nil || fig.SessionsDone != 1 {
		t.Errorf("sessions done %d (%v), want 1", fig.SessionsDone, err)
	}
	rows, err := st.ClientCarePlans(ctx, f.client)
	if err != nil || len(rows) != 1 || rows[0].SessionsDone != 1 {
		t.Errorf("listed %+v (%v), want 1 session done", rows, err)
	}
	// Booking with the default plan: a visit before its start links none;
	// naming the plan for it is refused.
	if as, err := book(day(2025, 12, 22), 11, 0); err != nil || as[0].CarePlanID != 0 {
		t.Errorf("default link of a visit before the start: %+v %v", as, err)
	}
	if as, err := book(day(2025, 12, 29), 11, 0); err != nil || as[0].CarePlanID != p.ID {
		t.Errorf("default link of a visit after the start: %+v %v", as, err)
	}
	if _, err := book(day(2025, 12, 23), 11, p.ID); !errors.As(err, &ve) {
		t.Errorf("booking a visit before the start into the plan: %v", err)
	}
}

// A plan that ended needs its discharge date; a completed one its summary
// too, a discontinued one not (the client may simply have stopped coming).
func TestEndedPlanNeedsDischarge(t *testing.T) {
	f := newPlanFixture(t)
	var ve *ValidationError
	for _, c := range []struct {
		status  PlanStatus
		date    Date
		summary string
		field   string // the problem expected, "" for none
		words   string
	}{
		{PlanCompleted, Date{}, "Goals met.", "DischargeDate", "date the plan was completed"},
		{PlanDiscontinued, Date{}, "", "DischargeDate", "date the plan was discontinued"},
		{PlanCompleted, day(2026, 1, 2), "", "DischargeSummary", "how the plan went"},
		{PlanDiscontinued, day(2026, 1, 2), "", "", ""},
		{PlanCompleted, day(2026, 1, 2), "Goals met.", "", ""},
	} {
		p := f.plan()
		p.Status, p.DischargeDate, p.DischargeSummary = c.status, c.date, c.summary
		err := f.s.SaveCarePlan(f.ctx, &p)
		switch {
		case c.field == "" && err != nil:
			t.Errorf("%s %v %q: %v", c.status, c.date, c.summary, err)
		case c.field != "" && (!errors.As(err, &ve) || !strings.Contains(ve.For(c.field), c.words)):
			t.Errorf("%s %v %q: %v, want %s: %q", c.status, c.date, c.summary, err, c.field, c.words)
		}
	}
}

// A goal out of 10 ("/10") takes values from 0 to 10 only.
func TestGoalOutOfTenRefusesEleven(t *testing.T) {
	f := newPlanFixture(t)
	p := f.plan() // goal 1 is "/10" from 7 to 3, with progress 4 and 6 (kept in date order)
	p.Goals[0].Progress[0].Value = 11
	var ve *ValidationError
	err := f.s.SaveCarePlan(f.ctx, &p)
	if !errors.As(err, &ve) || !strings.Contains(ve.For("Goals[0].Progress[1].Value"), "from 0 to 10 (you entered 11)") {
		t.Errorf("progress 11 on a /10 goal: %v", err)
	}
	p = f.plan()
	p.Goals[0].Baseline = 12
	if err := f.s.SaveCarePlan(f.ctx, &p); !errors.As(err, &ve) || !strings.Contains(ve.For("Goals[0].Baseline"), "from 0 to 10") {
		t.Errorf("baseline 12 on a /10 goal: %v", err)
	}
	p = f.plan()
	p.Goals[1].Target = 110 // degrees: no such limit
	if err := f.s.SaveCarePlan(f.ctx, &p); err != nil {
		t.Errorf("110° refused: %v", err)
	}
}
