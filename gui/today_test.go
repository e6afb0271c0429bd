package gui

import (
	"context"
	"fmt"
	"image/png"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// todayNow is 10:30 in Toronto on Tuesday 3 March 2026.
var todayNow = time.Date(2026, time.March, 3, 15, 30, 0, 0, time.UTC)

// todayFixture is a practice in Toronto whose clock reads todayNow, with
// three visits today booked out of order: Sam at 09:00 (begun), Bea at
// 14:00 (alerts, e-mail) and Ann at 11:00 (cancelled).
type todayFixture struct {
	sh            *shell
	sam, bea, ann int64 // appointment IDs
	beaClient     int64
}

func newTodayFixture(t *testing.T) *todayFixture {
	t.Helper()
	ctx := context.Background()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(calmTheme{})
	st, err := data.Open(ctx, filepath.Join(t.TempDir(), "practice.db"),
		data.WithClock(func() time.Time { return todayNow }))
	if err != nil {
		t.Fatal(err)
	}
	p := data.Practice{TherapistName: "Maya Lindqvist", BusinessName: "Stillpoint Massage", Phone: "416-555-0100",
		Currency: "CAD", TimeZone: "America/Toronto", PaperSize: data.PaperLetter}
	if err := st.SavePractice(ctx, &p); err != nil {
		t.Fatal(err)
	}
	f := &todayFixture{}
	book := func(first, last, email, alerts string, hour int) (int64, int64) {
		c := data.Client{FirstName: first, LastName: last, Email: email, Alerts: alerts}
		if err := st.CreateClient(ctx, &c); err != nil {
			t.Fatal(err)
		}
		as, err := st.Book(ctx, data.Booking{ClientID: c.ID, ServiceID: 2, Date: data.Date{Year: 2026, Month: 3, Day: 3},
			Clock: data.Clock{Hour: hour}, Override: true})
		if err != nil {
			t.Fatal(err)
		}
		return as[0].ID, c.ID
	}
	f.bea, f.beaClient = book("Beatrice", "Okafor", "bea@example.com", "Latex allergy\nBruises easily", 14)
	f.sam, _ = book("Sam", "Reyes", "", "", 9)
	f.ann, _ = book("Ann", "Liu", "ann@example.com", "", 11)
	if _, err := st.CancelAppointment(ctx, f.ann, "ill", false, data.ThisVisit); err != nil {
		t.Fatal(err)
	}
	w := a.NewWindow("Stillpoint")
	f.sh = newTestShellOn(a, w, st)
	w.Resize(fyne.NewSize(1024, 600))
	f.sh.start()
	t.Cleanup(w.Close)
	return f
}

// row finds the agenda row of an appointment.
func (f *todayFixture) row(t *testing.T, id int64) *agendaRow {
	t.Helper()
	for _, r := range f.sh.today.rows {
		if r.visit.appt.ID == id {
			return r
		}
	}
	t.Fatalf("no row for appointment %d", id)
	return nil
}

func TestTodayShowsTheDayInOrderWithAlerts(t *testing.T) {
	f := newTodayFixture(t)
	if f.sh.current != sectionToday {
		t.Fatalf("a practice with appointments opened on %s, want Today", f.sh.current)
	}
	s := f.sh.today
	var got []string
	for _, r := range s.rows {
		got = append(got, r.when.Text+" "+r.name.Text)
	}
	want := []string{"09:00–10:00 Sam Reyes", "11:00–12:00 Ann Liu", "14:00–15:00 Beatrice Okafor"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("agenda %q, want %q", got, want)
	}
	if s.title.Text != "Today · Tuesday 3 March 2026" {
		t.Errorf("title %q", s.title.Text)
	}
	if s.counts.Text != "2 visits, next at 14:00 (1 cancelled)" {
		t.Errorf("counts %q", s.counts.Text)
	}
	bea := f.row(t, f.bea)
	if bea.alerts == nil || richText(bea.alerts) != "Latex allergy · Bruises easily" {
		t.Fatalf("Bea's alerts not shown: %+v", bea.alerts)
	}
	if seg := bea.alerts.Segments[0].(*widget.TextSegment); seg.Style.ColorName != theme.ColorNameError {
		t.Errorf("alerts drawn in %q, want the error red", seg.Style.ColorName)
	}
	if f.row(t, f.sam).alerts != nil {
		t.Error("Sam has no alerts but the row shows some")
	}
	ann := f.row(t, f.ann)
	if ann.name.Importance != widget.LowImportance || ann.complete.Visible() || !strings.Contains(ann.detail.Text, "Cancelled") {
		t.Errorf("the cancelled visit is not faint: %v %v %q", ann.name.Importance, ann.complete.Visible(), ann.detail.Text)
	}
	if !bea.complete.Disabled() {
		t.Error("a visit that has not begun can be marked completed")
	}
	fits(t, "today", f.sh)
}

func TestTodayMarkCompletedWritesStatusAndHistory(t *testing.T) {
	f := newTodayFixture(t)
	ctx := context.Background()
	test.Tap(f.row(t, f.sam).complete)
	a, err := f.sh.store.Appointment(ctx, f.sam)
	if err != nil || a.Status != data.StatusCompleted {
		t.Fatalf("status %q, %v; want completed", a.Status, err)
	}
	h, err := f.sh.store.AppointmentHistory(ctx, f.sam)
	if err != nil || len(h) == 0 || h[len(h)-1].To != data.StatusCompleted || h[len(h)-1].From != data.StatusBooked {
		t.Fatalf("history %+v, %v", h, err)
	}
	// The screen reloaded: the row says so and offers no status actions.
	if r := f.row(t, f.sam); !strings.Contains(r.detail.Text, "Completed") || r.complete.Visible() {
		t.Errorf("after marking: %q, Completed button shown %v", r.detail.Text, r.complete.Visible())
	}
	test.Tap(f.row(t, f.sam).client) // still works after the reload
}

func TestTodayNoShow(t *testing.T) {
	f := newTodayFixture(t)
	test.Tap(f.row(t, f.sam).noShow)
	if a, err := f.sh.store.Appointment(context.Background(), f.sam); err != nil || a.Status != data.StatusNoShow {
		t.Fatalf("status %q, %v; want no-show", a.Status, err)
	}
	if got := f.sh.today.counts.Text; got != "2 visits, next at 14:00 (1 cancelled)" {
		t.Errorf("counts %q", got)
	}
}

func TestTodayEmailReminderOpensAMailtoDraft(t *testing.T) {
	f := newTodayFixture(t)
	var opened []*url.URL
	f.sh.today.openURL = func(u *url.URL) error { opened = append(opened, u); return nil }
	test.Tap(f.row(t, f.bea).email)
	if len(opened) != 1 {
		t.Fatalf("opened %v", opened)
	}
	u := opened[0]
	if u.Scheme != "mailto" || u.Opaque != "bea@example.com" {
		t.Errorf("url %s", u)
	}
	if strings.Contains(u.RawQuery, "+") || strings.Contains(u.RawQuery, " ") {
		t.Errorf("spaces not encoded as %%20: %s", u.RawQuery)
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		t.Fatal(err)
	}
	if got := q.Get("subject"); got != "Reminder: your appointment on Tuesday 3 March at 14:00" {
		t.Errorf("subject %q", got)
	}
	if body := q.Get("body"); !strings.HasPrefix(body, "Hi Beatrice,\r\n\r\n") || !strings.Contains(body, "416-555-0100") {
		t.Errorf("body %q", body)
	}
	if !strings.Contains(f.sh.today.notice.Text, "mail program") {
		t.Errorf("notice %q", f.sh.today.notice.Text)
	}
	if !f.row(t, f.sam).email.Disabled() && f.row(t, f.sam).email.Visible() {
		t.Error("Sam has no e-mail address, yet E-mail is offered")
	}
}

func TestTodayCopyReminderPutsTextOnTheClipboard(t *testing.T) {
	f := newTodayFixture(t)
	test.Tap(f.row(t, f.bea).copyText)
	want := "Hi Beatrice, a reminder of your 60-min massage on Tuesday 3 March at 14:00. " +
		"To change it, call or text 416-555-0100. – Stillpoint Massage"
	if got := f.sh.app.Clipboard().Content(); got != want {
		t.Errorf("clipboard %q,\nwant %q", got, want)
	}
	if !strings.Contains(f.sh.today.notice.Text, "copied") {
		t.Errorf("notice %q", f.sh.today.notice.Text)
	}
}

func TestTodayOpenClientShowsTheClientsPage(t *testing.T) {
	f := newTodayFixture(t)
	test.Tap(f.row(t, f.bea).client)
	if f.sh.current != sectionClients || f.sh.clients.page == nil || f.sh.clients.page.client.ID != f.beaClient {
		t.Fatalf("section %s, page %+v", f.sh.current, f.sh.clients.page)
	}
}

func TestTodayStepsThroughDays(t *testing.T) {
	f := newTodayFixture(t)
	s := f.sh.today
	test.Tap(s.next)
	if s.title.Text != "Wednesday 4 March 2026" || len(s.rows) != 0 {
		t.Fatalf("next day: %q with %d rows", s.title.Text, len(s.rows))
	}
	if text := allText(s.agenda); !strings.Contains(text, "Nothing is booked") || s.counts.Text != "No visits" {
		t.Errorf("empty day shows %q / %q", text, s.counts.Text)
	}
	test.Tap(s.prev)
	test.Tap(s.prev)
	if s.title.Text != "Monday 2 March 2026" {
		t.Errorf("two days back: %q", s.title.Text)
	}
	test.Tap(s.today)
	if len(s.rows) != 3 || !strings.HasPrefix(s.title.Text, "Today") {
		t.Errorf("back to today: %q with %d rows", s.title.Text, len(s.rows))
	}
	// Showing the section again reloads it: a visit booked meanwhile appears.
	f.sh.show(sectionClients)
	c := data.Client{FirstName: "Zoë", LastName: "Nguyen"}
	ctx := context.Background()
	if err := f.sh.store.CreateClient(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if _, err := f.sh.store.Book(ctx, data.Booking{ClientID: c.ID, ServiceID: 1, Date: data.Date{Year: 2026, Month: 3, Day: 3},
		Clock: data.Clock{Hour: 16}, Override: true}); err != nil {
		t.Fatal(err)
	}
	f.sh.show(sectionToday)
	if len(s.rows) != 4 {
		t.Errorf("after showing Today again: %d rows, want 4", len(s.rows))
	}
}

// TestRenderToday draws the Today screen at laptop sizes in both themes,
// checks nothing is cut off, and with STILLPOINT_RENDER saves PNGs.
func TestRenderToday(t *testing.T) {
	f := newTodayFixture(t)
	sh := f.sh
	for _, size := range []fyne.Size{fyne.NewSize(1024, 600), fyne.NewSize(1280, 800)} {
		for _, variant := range []string{"light", "dark"} {
			if variant == "light" {
				sh.app.Settings().SetTheme(lightTheme{})
			} else {
				sh.app.Settings().SetTheme(darkTheme{})
			}
			sh.showMain(sectionToday)
			sh.win.Resize(size.SubtractWidthHeight(1, 1))
			sh.win.Resize(size)
			name := fmt.Sprintf("%s-%vx%v", variant, size.Width, size.Height)
			for _, o := range settledOutside(sh.win, size) {
				t.Errorf("%s: %s", name, o)
			}
			r := f.row(t, f.bea)
			for _, b := range []*focusButton{r.complete, r.noShow, r.client, r.email, r.copyText} {
				pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
				if pos.X+b.Size().Width > size.Width {
					t.Errorf("%s: %q button off screen at %v", name, b.Text, pos)
				}
			}
			if dir := os.Getenv("STILLPOINT_RENDER"); dir != "" {
				out, err := os.Create(filepath.Join(dir, "today-"+name+".png"))
				if err != nil {
					t.Fatal(err)
				}
				if err := png.Encode(out, sh.win.Canvas().Capture()); err != nil {
					t.Fatal(err)
				}
				out.Close()
			}
		}
	}
}

// The confirmation after Copy text does not move the rows: the notice
// line is always there, one line high, even for a long message.
func TestTodayNoticeDoesNotMoveTheRows(t *testing.T) {
	f := newTodayFixture(t)
	r := f.row(t, f.bea)
	where := func() fyne.Position {
		f.sh.today.obj.Refresh() // lay out again, as the window would
		return fyne.CurrentApp().Driver().AbsolutePositionForObject(r.copyText)
	}
	before := where()
	test.Tap(r.copyText)
	if f.sh.today.notice.Text == "" {
		t.Fatal("no confirmation")
	}
	f.sh.today.notice.SetText(strings.Repeat("A long confirmation that would wrap onto more lines. ", 6))
	if after := where(); after != before {
		t.Errorf("the row moved from %v to %v when the confirmation showed", before, after)
	}
}
