package data

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// outcomeFixture is newSched's practice (Toronto, clock at noon UTC on
// 5 January 2026) with past visits for Bea booked on the given days.
type outcomeFixture struct {
	*schedFixture
	visits []Appointment
}

func newOutcomes(t *testing.T, days ...Date) *outcomeFixture {
	t.Helper()
	f := &outcomeFixture{schedFixture: newSched(t, "America/Toronto")}
	for _, d := range days {
		f.visits = append(f.visits, f.book(t, Booking{Date: d, Clock: Clock{10, 0}, Override: true})...)
	}
	return f
}

// checkIn saves a check-in for visit i and fails the test on error.
func (f *outcomeFixture) checkIn(t *testing.T, i, pain, stress, sleep int, psfs ...PSFSScore) CheckIn {
	t.Helper()
	c, err := f.s.CheckInForAppointment(f.ctx, f.visits[i].ID)
	if err != nil {
		t.Fatalf("check-in for visit %d: %v", i, err)
	}
	c.Pain, c.Stress, c.Sleep = pain, stress, sleep
	for _, p := range psfs {
		found := false
		for j := range c.PSFS {
			if c.PSFS[j].Activity == p.Activity {
				c.PSFS[j].Score, c.PSFS[j].Retire, found = p.Score, p.Retire, true
			}
		}
		if !found {
			c.PSFS = append(c.PSFS, p)
		}
	}
	if err := f.s.SaveCheckIn(f.ctx, &c); err != nil {
		t.Fatalf("save check-in for visit %d: %v", i, err)
	}
	return c
}

func TestCheckInPainLivesOnTheNote(t *testing.T) {
	f := newOutcomes(t, day(2025, 12, 1), day(2025, 12, 8))
	c := f.checkIn(t, 0, 7, 6, 3)
	n, err := f.s.NoteForAppointment(f.ctx, f.visits[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if n.ID == 0 || n.Pain != 7 || n.Status != NoteDraft {
		t.Fatalf("check-in with pain 7 should start a draft note with pain 7, got id %d pain %d %s", n.ID, n.Pain, n.Status)
	}
	// The note's pain edited in the note is the check-in's pain.
	n.Pain = 5
	if err := f.s.SaveDraft(f.ctx, &n); err != nil {
		t.Fatal(err)
	}
	again, err := f.s.CheckInForAppointment(f.ctx, f.visits[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if again.ID != c.ID || again.Pain != 5 || again.Stress != 6 || again.Sleep != 3 {
		t.Fatalf("read back %+v", again)
	}
	// A check-in without pain does not start a note.
	f.checkIn(t, 1, PainNotRecorded, 4, 5)
	if n, _ := f.s.NoteForAppointment(f.ctx, f.visits[1].ID); n.ID != 0 {
		t.Errorf("a check-in without pain started note %d", n.ID)
	}
	// Once the note is signed its pain cannot change through a check-in.
	n.Complaint = "Stiff neck"
	if err := f.s.SaveDraft(f.ctx, &n); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.SignNote(f.ctx, n.ID); err != nil {
		t.Fatalf("sign: %v", err)
	}
	c2, err := f.s.CheckInForAppointment(f.ctx, f.visits[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	c2.Pain = 2
	if err := f.s.SaveCheckIn(f.ctx, &c2); !errors.Is(err, ErrSigned) {
		t.Errorf("changing a signed note's pain: got %v, want ErrSigned", err)
	}
	c2.Pain, c2.Stress = 5, 1 // the same pain: stress may still be recorded
	if err := f.s.SaveCheckIn(f.ctx, &c2); err != nil {
		t.Errorf("stress on a signed visit: %v", err)
	}
}

func TestCheckInRefusesOutOfRange(t *testing.T) {
	f := newOutcomes(t, day(2025, 12, 1))
	c, err := f.s.CheckInForAppointment(f.ctx, f.visits[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	c.Pain, c.Stress, c.Sleep = 11, -2, 4
	c.PSFS = []PSFSScore{{Activity: "Reversing the car", Score: 12}}
	err = f.s.SaveCheckIn(f.ctx, &c)
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("got %v, want a ValidationError", err)
	}
	for field, want := range map[string]string{
		"Pain":   "Pain must be between 0 and 10 (you entered 11).",
		"Stress": "Stress must be between 0 and 10 (you entered -2).",
		"PSFS.0": `The score for "Reversing the car" must be between 0 and 10 (you entered 12).`,
	} {
		if got := ve.For(field); got != want {
			t.Errorf("%s: got %q, want %q", field, got, want)
		}
	}
	if ve.For("Sleep") != "" {
		t.Errorf("sleep 4 was refused: %s", ve.For("Sleep"))
	}
	if n := f.count(t, "checkins") + f.count(t, "psfs_activities") + f.count(t, "notes"); n != 0 {
		t.Errorf("a refused check-in stored %d rows", n)
	}
}

func TestPSFSCarriedForwardAndRetired(t *testing.T) {
	f := newOutcomes(t, day(2025, 11, 3), day(2025, 11, 10), day(2025, 11, 17), day(2025, 11, 24))
	f.checkIn(t, 0, 6, NotRecorded, NotRecorded,
		PSFSScore{Activity: "Reversing the car", Score: 3}, PSFSScore{Activity: " Lifting  groceries ", Score: 5})
	// The next visit offers the same two activities, with last visit's scores.
	c, err := f.s.CheckInForAppointment(f.ctx, f.visits[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.PSFS) != 2 || c.PSFS[0].Activity != "Reversing the car" || c.PSFS[1].Activity != "Lifting groceries" ||
		c.PSFS[0].Previous != 3 || c.PSFS[1].Previous != 5 || c.PSFS[0].Score != NotRecorded {
		t.Fatalf("carried forward: %+v", c.PSFS)
	}
	// Retire one and add two more: three followed is the limit.
	f.checkIn(t, 1, 5, NotRecorded, NotRecorded, PSFSScore{Activity: "Reversing the car", Score: 6},
		PSFSScore{Activity: "Lifting groceries", Score: 6, Retire: true},
		PSFSScore{Activity: "Sleeping on my side", Score: 2}, PSFSScore{Activity: "Typing", Score: 4})
	c, _ = f.s.CheckInForAppointment(f.ctx, f.visits[2].ID)
	var names []string
	for _, p := range c.PSFS {
		names = append(names, p.Activity)
	}
	if want := []string{"Reversing the car", "Sleeping on my side", "Typing"}; !slices.Equal(names, want) {
		t.Fatalf("visit 3 offers %v, want %v", names, want)
	}
	c.PSFS = append(c.PSFS, PSFSScore{Activity: "Gardening", Score: 1})
	var ve *ValidationError
	if err := f.s.SaveCheckIn(f.ctx, &c); !errors.As(err, &ve) || !strings.Contains(ve.Error(), "at most 3") {
		t.Fatalf("a fourth activity: got %v", err)
	}
	// The retired activity's history is kept, and the earlier visit still shows it.
	old, _ := f.s.CheckInForAppointment(f.ctx, f.visits[1].ID)
	if len(old.PSFS) != 4 || !old.PSFS[1].Retire || old.PSFS[1].Score != 6 {
		t.Errorf("visit 2 as stored: %+v", old.PSFS)
	}
	o, err := f.s.ClientOutcomes(f.ctx, f.client, Date{})
	if err != nil {
		t.Fatal(err)
	}
	acts, _ := f.s.PSFSActivities(f.ctx, f.client)
	lifting, ok := o.Find(PSFSKey(acts[1].ID))
	if !ok || lifting.Words != "Lifting groceries up 1 point since 3 November" {
		t.Errorf("retired activity series: %+v", lifting)
	}
}

func TestMobilityValidatedAndStoredWithUnits(t *testing.T) {
	f := newOutcomes(t, day(2025, 12, 1))
	v := MobilityVisit{ClientID: f.client, AppointmentID: f.visits[0].ID, VisitDate: day(2025, 12, 1),
		Values: map[string]float64{"cervical_rotation_right": 101, "straight_leg_raise_left": 121,
			"lumbar_flexion_fingertip_floor": 81, "elbow": 5}}
	err := f.s.SaveMobility(f.ctx, &v)
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("got %v", err)
	}
	for field, want := range map[string]string{
		"cervical_rotation_right":        "Neck rotation right must be between 0° and 100° (you entered 101).",
		"straight_leg_raise_left":        "Straight-leg raise left must be between 0° and 120° (you entered 121).",
		"lumbar_flexion_fingertip_floor": "Fingertip to floor must be between 0 and 80 cm (you entered 81).",
		"elbow":                          `"elbow" is not a mobility measure Stillpoint knows.`,
	} {
		if got := ve.For(field); got != want {
			t.Errorf("%s: got %q, want %q", field, got, want)
		}
	}
	v.Values = map[string]float64{"cervical_rotation_right": 55, "lumbar_flexion_fingertip_floor": 22.5}
	if err := f.s.SaveMobility(f.ctx, &v); err != nil {
		t.Fatal(err)
	}
	var units []string
	rows, _ := f.s.r.Query(`SELECT unit FROM mobility_readings ORDER BY measure_key`)
	for rows.Next() {
		var u string
		_ = rows.Scan(&u)
		units = append(units, u)
	}
	rows.Close()
	if !slices.Equal(units, []string{"degrees", "cm"}) {
		t.Errorf("units %v", units)
	}
	keys, _ := f.s.ClientMeasures(f.ctx, f.client)
	if want := []string{"cervical_rotation_right", "lumbar_flexion_fingertip_floor"}; !slices.Equal(keys, want) {
		t.Errorf("followed %v, want %v", keys, want)
	}
	got, _ := f.s.MobilityOn(f.ctx, f.client, day(2025, 12, 1))
	if got.Values["lumbar_flexion_fingertip_floor"] != 22.5 || got.AppointmentID != f.visits[0].ID {
		t.Errorf("read back %+v", got)
	}
	if err := f.s.SetClientMeasures(f.ctx, f.client, []string{"shoulder_flexion_left"}); err != nil {
		t.Fatal(err)
	}
	if keys, _ := f.s.ClientMeasures(f.ctx, f.client); !slices.Equal(keys, []string{"shoulder_flexion_left"}) {
		t.Errorf("after SetClientMeasures: %v", keys)
	}
}

// The fixture's changes, computed by hand:
//
//	pain     7 (3 Nov), 6 (10 Nov), 3 (1 Dec)      → down 4 points since 3 Nov; from 10 Nov: down 3
//	stress   8, 8, 8                               → unchanged
//	sleep    –, 4, 6                               → up 2 points since 10 Nov
//	rotation R 50° (3 Nov), 70° (1 Dec)            → up 20° since 3 Nov
//	fingertip 30 cm (3 Nov), 24.5 cm (1 Dec)       → down 5.5 cm
func TestOutcomesAgainstHandComputedChanges(t *testing.T) {
	f := newOutcomes(t, day(2025, 11, 3), day(2025, 11, 10), day(2025, 12, 1))
	f.checkIn(t, 0, 7, 8, NotRecorded)
	f.checkIn(t, 1, 6, 8, 4)
	f.checkIn(t, 2, 3, 8, 6)
	for _, v := range []MobilityVisit{
		{VisitDate: day(2025, 11, 3), Values: map[string]float64{"cervical_rotation_right": 50, "lumbar_flexion_fingertip_floor": 30}},
		{VisitDate: day(2025, 12, 1), Values: map[string]float64{"cervical_rotation_right": 70, "lumbar_flexion_fingertip_floor": 24.5}},
	} {
		v.ClientID = f.client
		if err := f.s.SaveMobility(f.ctx, &v); err != nil {
			t.Fatal(err)
		}
	}
	o, err := f.s.ClientOutcomes(f.ctx, f.client, Date{})
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		baseline, latest, change float64
		words                    string
		improved                 bool
	}
	for key, w := range map[string]want{
		MeasurePain:                      {7, 3, -4, "Pain down 4 points since 3 November", true},
		MeasureStress:                    {8, 8, 0, "Stress unchanged since 3 November", false},
		MeasureSleep:                     {4, 6, 2, "Sleep up 2 points since 10 November", true},
		"cervical_rotation_right":        {50, 70, 20, "Neck rotation right up 20° since 3 November", true},
		"lumbar_flexion_fingertip_floor": {30, 24.5, -5.5, "Fingertip to floor down 5.5 cm since 3 November", true},
	} {
		s, ok := o.Find(key)
		if !ok {
			t.Errorf("%s: no series", key)
			continue
		}
		if s.Baseline.Value != w.baseline || s.Latest.Value != w.latest || s.Change != w.change ||
			s.Words != w.words || s.Improved() != w.improved {
			t.Errorf("%s: baseline %v latest %v change %v %q improved %v; want %+v", key, s.Baseline.Value,
				s.Latest.Value, s.Change, s.Words, s.Improved(), w)
		}
	}
	var order []string
	for _, s := range o.Series {
		order = append(order, s.Measure.Key)
	}
	if want := []string{"pain", "stress", "sleep", "cervical_rotation_right", "lumbar_flexion_fingertip_floor"}; !slices.Equal(order, want) {
		t.Errorf("series order %v, want %v", order, want)
	}
	// From a start date: the baseline is the first value on or after it.
	o, _ = f.s.ClientOutcomes(f.ctx, f.client, day(2025, 11, 5))
	if s, _ := o.Find(MeasurePain); s.Baseline.Value != 6 || s.Words != "Pain down 3 points since 10 November" {
		t.Errorf("pain from 5 Nov: %+v", s)
	}
	if s, _ := o.Find("cervical_rotation_right"); s.Words != "Neck rotation right 70° on 1 December (one reading so far)" {
		t.Errorf("rotation from 5 Nov: %q", s.Words)
	}
}

func TestSummarizeWords(t *testing.T) {
	pain, _ := MeasureByKey(MeasurePain)
	for _, tc := range []struct {
		pts  []Point
		from Date
		want string
	}{
		{nil, Date{}, "Pain: not recorded yet"},
		{[]Point{{day(2025, 3, 3), 7}}, day(2026, 1, 1), "Pain: not recorded since 1 January"},
		{[]Point{{day(2025, 3, 3), 7}, {day(2026, 2, 1), 6}}, Date{}, "Pain down 1 point since 3 March 2025"},
		{[]Point{{day(2026, 3, 3), 2}, {day(2026, 4, 1), 5}}, Date{}, "Pain up 3 points since 3 March"},
	} {
		if got := Summarize(pain, tc.pts, tc.from).Words; got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}

func TestOutcomeColumnDescriptionsMatchTheSchema(t *testing.T) {
	s := openTemp(t)
	for name, got := range map[string][]string{
		"checkins":          describedColumns(&checkinTable),
		"psfs_activities":   describedColumns(&psfsTable),
		"mobility_readings": describedColumns(&mobilityTable),
	} {
		if want := tableColumns(t, s, name); !slices.Equal(got, want) {
			t.Errorf("%s: described %v, schema %v", name, got, want)
		}
	}
}
