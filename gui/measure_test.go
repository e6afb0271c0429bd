package gui

import (
	"context"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// withOutcomes gives the client two check-ins and two mobility visits.
func withOutcomes(t *testing.T, sh *shell, visits []data.Appointment) {
	t.Helper()
	ctx := context.Background()
	for i, pain := range []int{7, 3} {
		c, err := sh.store.CheckInForAppointment(ctx, visits[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		c.Pain, c.Sleep = pain, 4+i
		if err := sh.store.SaveCheckIn(ctx, &c); err != nil {
			t.Fatal(err)
		}
		m := data.MobilityVisit{ClientID: c.ClientID, VisitDate: c.VisitDate,
			Values: map[string]float64{"cervical_rotation_right": float64(50 + 20*i)}}
		if err := sh.store.SaveMobility(ctx, &m); err != nil {
			t.Fatal(err)
		}
	}
}

func TestClientPageShowsProgressInWords(t *testing.T) {
	sh := newTestShell(t, true)
	c, visits := outcomeClient(t, sh, 21, 7)
	withOutcomes(t, sh, visits)
	sh.openClientPage(c.ID)
	text := allText(sh.clients.page.obj)
	first := visits[0].Start.In(mustLoc(t, sh))
	since := first.Format("2 January")
	for _, want := range []string{"Progress", "Pain (0–10)", "Pain down 4 points since " + since,
		"Sleep up 1 point since " + since, "Neck rotation right (degrees)",
		"Neck rotation right up 20° since " + since, "[Mobility…]"} {
		if !strings.Contains(text, want) {
			t.Errorf("the client page lacks %q", want)
		}
	}
}

func mustLoc(t *testing.T, sh *shell) *time.Location {
	t.Helper()
	loc, err := sh.store.Location(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestMobilityRefusedOutOfRangeThenSaved(t *testing.T) {
	sh := newTestShell(t, true)
	c, _ := outcomeClient(t, sh)
	f := sh.openMobility(c.ID)
	if f == nil {
		t.Fatal("no mobility form")
	}
	if f.values["straight_leg_raise_left"].Visible() {
		t.Error("a measure not followed shows its entry")
	}
	f.picks["straight_leg_raise_left"].SetChecked(true)
	f.picks["lumbar_flexion_fingertip_floor"].SetChecked(true)
	typeInto(f.values["straight_leg_raise_left"], "121")
	typeInto(f.values["lumbar_flexion_fingertip_floor"], "12,5")
	test.Tap(f.saveBtn)
	if got := f.fields["straight_leg_raise_left"].err.Text; got != "Straight-leg raise left must be between 0° and 120° (you entered 121)." {
		t.Errorf("message %q", got)
	}
	typeInto(f.values["straight_leg_raise_left"], "75")
	test.Tap(f.saveBtn)
	day, _ := sh.store.Today(context.Background())
	got, err := sh.store.MobilityOn(context.Background(), c.ID, day)
	if err != nil || got.Values["straight_leg_raise_left"] != 75 || got.Values["lumbar_flexion_fingertip_floor"] != 12.5 {
		t.Fatalf("stored %+v %v", got, err)
	}
	keys, _ := sh.store.ClientMeasures(context.Background(), c.ID)
	if len(keys) != 2 {
		t.Errorf("followed %v", keys)
	}
}

// The client page with charts, and the check-in dialog, fit a 1024×600
// window in both themes: nothing outside the window or squeezed.
func TestOutcomesRenderAtLaptopSize(t *testing.T) {
	size := fyne.NewSize(1024, 600)
	sh := newTestShell(t, true)
	c, visits := outcomeClient(t, sh, 21, 7)
	withOutcomes(t, sh, visits)
	for i, th := range []fyne.Theme{lightTheme{}, darkTheme{}} {
		sh.app.Settings().SetTheme(th)
		sh.win.Resize(size)
		sh.openClientPage(c.ID)
		check := func(name string, dialog fyne.CanvasObject) {
			t.Helper()
			bad := settledOutside(sh.win, size)
			img := sh.win.Canvas().Capture()
			for _, o := range bad {
				t.Errorf("%s: %s", name, o)
			}
			if dialog != nil {
				at := fyne.CurrentApp().Driver().AbsolutePositionForObject(dialog).Subtract(dialog.Position())
				for _, o := range outside(dialog, at, size) {
					t.Errorf("%s: %s", name, o)
				}
			}
			if dir := os.Getenv("STILLPOINT_RENDER"); dir != "" {
				f, err := os.Create(filepath.Join(dir, fmt.Sprintf("%s-%d.png", name, i)))
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				if err := png.Encode(f, img); err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, sc := range findScrolls(sh.clients.page.obj) {
			sc.ScrollToOffset(fyne.NewPos(0, offsetOf(t, sc.Content, sh.clients.page.obj)))
		}
		check("progress", nil)
		f := sh.openCheckIn(visits[1].ID, c.DisplayName())
		check("check-in", f.shown)
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(f.saveBtn)
		if pos.Y+f.saveBtn.Size().Height > size.Height || pos.X+f.saveBtn.Size().Width > size.Width {
			t.Errorf("Save check-in is off screen at %v", pos)
		}
		test.Tap(f.saveBtn)
	}
}

// offsetOf is how far down the client page's scroll the Progress section
// starts, so a render shows the charts.
func offsetOf(t *testing.T, content, page fyne.CanvasObject) float32 {
	t.Helper()
	var y float32 = -1
	walkObjects(content, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == "Progress" && y < 0 {
			if p, ok := offsetIn(content, o); ok {
				y = p.Y
			}
		}
	})
	if y < 0 {
		t.Fatal("no Progress section on the page")
	}
	return y
}
