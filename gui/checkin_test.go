package gui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/stillpoint/stillpoint/data"
)

// outcomeClient is a client with past visits booked daysAgo days back, in
// the order given.
func outcomeClient(t *testing.T, sh *shell, daysAgo ...int) (data.Client, []data.Appointment) {
	t.Helper()
	ctx := context.Background()
	c := &data.Client{FirstName: "Hana", LastName: "Okoro"}
	if err := sh.store.CreateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	m, err := sh.store.Moment(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var out []data.Appointment
	for _, ago := range daysAgo {
		d := data.DateOf(m.Now.In(m.Loc).AddDate(0, 0, -ago))
		as, err := sh.store.Book(ctx, data.Booking{ClientID: c.ID, ServiceID: 2, Date: d,
			Clock: data.Clock{Hour: 9}, Override: true})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, as...)
	}
	return *c, out
}

func TestCheckInTypedAndSaved(t *testing.T) {
	sh := newTestShell(t, true)
	c, visits := outcomeClient(t, sh, 14)
	f := sh.openCheckIn(visits[0].ID, c.DisplayName())
	if f == nil {
		t.Fatal("no check-in")
	}
	if focused := sh.win.Canvas().Focused(); focused != f.pain {
		t.Errorf("the cursor is not in Pain: %v", focused)
	}
	test.Type(f.pain, "7")
	typeInto(f.stress, "5")
	typeInto(f.sleep, "8")
	if len(f.psfs) != 1 {
		t.Fatalf("%d activity rows for a first check-in, want 1 empty row", len(f.psfs))
	}
	typeInto(f.psfs[0].name, "Reversing the car")
	typeInto(f.psfs[0].score, "3")
	test.Tap(f.saveBtn)
	got, err := sh.store.CheckInForAppointment(context.Background(), visits[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID == 0 || got.Pain != 7 || got.Stress != 5 || got.Sleep != 8 || len(got.PSFS) != 1 ||
		got.PSFS[0].Activity != "Reversing the car" || got.PSFS[0].Score != 3 {
		t.Fatalf("stored %+v", got)
	}
	if len(sh.win.Canvas().Overlays().List()) != 0 {
		t.Error("the check-in stayed open after saving")
	}
}

func TestCheckInRefusesEleven(t *testing.T) {
	sh := newTestShell(t, true)
	c, visits := outcomeClient(t, sh, 3)
	f := sh.openCheckIn(visits[0].ID, c.DisplayName())
	typeInto(f.pain, "11")
	typeInto(f.sleep, "x")
	test.Tap(f.saveBtn)
	if got := f.fields["Pain"].err.Text; got != "Pain must be between 0 and 10 (you entered 11)." {
		t.Errorf("pain message %q", got)
	}
	if got := f.fields["Sleep"].err.Text; !strings.Contains(got, "whole number from 0 to 10") {
		t.Errorf("sleep message %q", got)
	}
	if !f.summary.Visible() {
		t.Error("no summary of the problems")
	}
	got, _ := sh.store.CheckInForAppointment(context.Background(), visits[0].ID)
	if got.ID != 0 {
		t.Error("a refused check-in was stored")
	}
	// Fixing it takes the message away and saves.
	typeInto(f.pain, "10")
	typeInto(f.sleep, "")
	if f.fields["Pain"].err.Visible() {
		t.Error("the message stayed after the fix")
	}
	test.Tap(f.saveBtn)
	if got, _ := sh.store.CheckInForAppointment(context.Background(), visits[0].ID); got.ID == 0 || got.Pain != 10 {
		t.Errorf("after the fix: %+v", got)
	}
}

func TestCheckInCarriesActivitiesForward(t *testing.T) {
	sh := newTestShell(t, true)
	c, visits := outcomeClient(t, sh, 14, 7)
	f := sh.openCheckIn(visits[0].ID, c.DisplayName())
	typeInto(f.psfs[0].name, "Lifting the kettle")
	typeInto(f.psfs[0].score, "4")
	test.Tap(f.saveBtn)

	f = sh.openCheckIn(visits[1].ID, c.DisplayName())
	if len(f.psfs) != 2 {
		t.Fatalf("%d rows; want the carried activity and a new row", len(f.psfs))
	}
	if f.psfs[0].name.Text != "Lifting the kettle" || f.psfs[0].last.Text != "last time 4" || f.psfs[0].score.Text != "" {
		t.Errorf("carried row: %q %q %q", f.psfs[0].name.Text, f.psfs[0].last.Text, f.psfs[0].score.Text)
	}
	if f.psfs[1].name.Text != "" || f.psfs[1].retire.Visible() {
		t.Error("the new-activity row is not empty")
	}
	for _, name := range data.CheckInFieldNames()[:5] { // Pain, Stress, Sleep and the two rows shown
		if f.fields[name] == nil {
			t.Errorf("no widget for the data field %s", name)
		}
	}
	typeInto(f.psfs[0].score, "6")
	f.psfs[0].retire.SetChecked(true)
	typeInto(f.psfs[1].name, "Turning in bed")
	test.Tap(f.saveBtn)
	acts, err := sh.store.PSFSActivities(context.Background(), c.ID)
	if err != nil || len(acts) != 2 || acts[0].RetiredOn.IsZero() || !acts[1].RetiredOn.IsZero() {
		t.Fatalf("activities %+v %v", acts, err)
	}
}

// The note editor of an appointment's note starts with the check-in (no
// pain there: the note's own Pain field is the visit's pain).
func TestNoteEditorShowsTheCheckIn(t *testing.T) {
	sh := newTestShell(t, true)
	_, visits := outcomeClient(t, sh, 2)
	sh.writeNote(visits[0].ID)
	e := sh.noteEd
	if e == nil || e.checkIn == nil {
		t.Fatal("no check-in in the note editor")
	}
	if e.checkIn.fields["Pain"] != nil {
		t.Error("the check-in in the note asks for pain twice")
	}
	if e.ciSaveRow.Visible() {
		t.Error("a draft note's check-in has its own Save button: it is saved with the note")
	}
	typeInto(e.checkIn.stress, "6")
	if e.saveState.Text != "Saving…" {
		t.Errorf("typing in the check-in did not start the autosave: %q", e.saveState.Text)
	}
	e.autosave()
	got, _ := sh.store.CheckInForAppointment(context.Background(), visits[0].ID)
	if got.Stress != 6 {
		t.Errorf("the autosave did not store the check-in: stress %d", got.Stress)
	}
	e.close()
}

func TestMeasureChartScalesToTheMeasure(t *testing.T) {
	test.NewTempApp(t)
	rot, _ := data.MeasureByKey("cervical_rotation_right")
	day := func(ago int) data.Date { return data.DateOf(time.Now().AddDate(0, 0, -ago)) }
	c := newMeasureChart()
	c.SetSeries(data.Summarize(rot, []data.Point{{Date: day(30), Value: 50}, {Date: day(1), Value: 100}}, data.Date{}))
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(300, 140))
	text := strings.Join(renderedText(c), " ")
	for _, tick := range []string{"0", "50", "100"} {
		if !strings.Contains(" "+text+" ", " "+tick+" ") {
			t.Errorf("tick %s missing from %q", tick, text)
		}
	}
	r := test.WidgetRenderer(c).(*measureChartRenderer)
	top, mid := r.dots[1].Position().Y, r.dots[0].Position().Y
	bottom := c.Size().Height - trendBottom - trendDot
	if top > 1 || mid < bottom/2-2 || mid > bottom/2+2 {
		t.Errorf("100° at y=%v (want the top), 50° at y=%v (want the middle of %v)", top, mid, bottom)
	}
	// A theme switch recolours the same shapes: readable in light and dark.
	fyne.CurrentApp().Settings().SetTheme(darkTheme{})
	c.Refresh()
	if got, want := r.segs[0].StrokeColor, (darkTheme{}).Color(theme.ColorNamePrimary, theme.VariantDark); got != want {
		t.Errorf("line colour %v in the dark theme, want %v", got, want)
	}
}

// The Today row of a visit that has begun offers the check-in; a visit not
// yet begun or cancelled does not.
func TestTodayRowOpensTheCheckIn(t *testing.T) {
	f := newTodayFixture(t)
	if f.row(t, f.bea).checkIn.Visible() || f.row(t, f.ann).checkIn.Visible() {
		t.Error("check-in offered for a visit not begun or cancelled")
	}
	r := f.row(t, f.sam)
	if !r.checkIn.Visible() {
		t.Fatal("no check-in on Sam's begun visit")
	}
	test.Tap(r.checkIn)
	if len(f.sh.win.Canvas().Overlays().List()) != 1 {
		t.Fatal("the check-in did not open")
	}
	pain, ok := f.sh.win.Canvas().Focused().(*entry)
	if !ok {
		t.Fatalf("the cursor is in %T, not the pain entry", f.sh.win.Canvas().Focused())
	}
	test.Type(pain, "4") // the cursor starts in Pain
	pain.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	c, err := f.sh.store.CheckInForAppointment(context.Background(), f.sam)
	if err != nil || c.ID == 0 || c.Pain != 4 {
		t.Fatalf("after typing 4 and Enter: %+v %v", c, err)
	}
}
