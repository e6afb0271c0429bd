package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestParseClockReadsWhatTherapistsType(t *testing.T) {
	for in, want := range map[string]clock{
		"10:30": {10, 30}, "10.30": {10, 30}, " 9 ": {9, 0}, "9": {9, 0}, "09": {9, 0},
		"14": {14, 0}, "1430": {14, 30}, "930": {9, 30}, "0930": {9, 30},
		"2pm": {14, 0}, "2 PM": {14, 0}, "2:15 pm": {14, 15}, "2:15p.m.": {14, 15}, "11am": {11, 0},
		"12pm": {12, 0}, "12am": {0, 0}, "12:30 a": {0, 30}, "7am": {7, 0},
		// Hours 1–7 with no am/pm are the afternoon (a practice open 8–20)...
		"2": {14, 0}, "7:30": {19, 30}, "1:15": {13, 15}, "130": {13, 30},
		// ...unless written with a leading zero.
		"07:30": {7, 30}, "0": {0, 0}, "00:15": {0, 15},
		"8": {8, 0}, "12": {12, 0}, "23:45": {23, 45}, "14h": {14, 0}, "14h30": {14, 30},
	} {
		got, err := parseClock(in)
		if err != nil || got != want {
			t.Errorf("parseClock(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
}

func TestParseClockExplainsUnreadableTimes(t *testing.T) {
	for in, want := range map[string]string{
		"": "like 10:30", "abc": "like 10:30", "10:3": "like 10:30", "12345": "like 10:30",
		"25": "hours go from 0 to 23", "10:75": "minutes go from 00 to 59",
		"13pm": "from 1 to 12", "0am": "from 1 to 12", "1:2:3": "like 10:30", "-5": "like 10:30",
	} {
		_, err := parseClock(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("parseClock(%q) error = %v; want one containing %q", in, err, want)
		}
	}
}

func TestStepClockLandsOnQuarterHours(t *testing.T) {
	for _, c := range []struct {
		from clock
		n    int
		want clock
	}{
		{clock{10, 0}, 1, clock{10, 15}}, {clock{10, 0}, -1, clock{9, 45}},
		{clock{10, 7}, 1, clock{10, 15}}, {clock{10, 7}, -1, clock{10, 0}},
		{clock{23, 45}, 1, clock{23, 45}}, {clock{0, 0}, -1, clock{0, 0}}, {clock{10, 0}, 4, clock{11, 0}},
	} {
		if got := stepClock(c.from, c.n, 15); got != c.want {
			t.Errorf("stepClock(%v, %d) = %v; want %v", c.from, c.n, got, c.want)
		}
	}
}

func TestTimeEntryTypingShowsTheTimeTidily(t *testing.T) {
	test.NewTempApp(t)
	te := newTimeEntry(clock{9, 0})
	w := test.NewTempWindow(t, te)
	var told []clock
	te.OnChanged = func(c clock) { told = append(told, c) }
	w.Canvas().Focus(te.input)
	typeInto(te.input, "2:15 pm")
	te.input.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := te.Text(); got != "14:15" {
		t.Errorf("after typing 2:15 pm and Enter the field shows %q, want 14:15", got)
	}
	if c, err := te.Value(); err != nil || c != (clock{14, 15}) {
		t.Errorf("Value() = %v, %v", c, err)
	}
	if len(told) == 0 || told[len(told)-1] != (clock{14, 15}) {
		t.Errorf("OnChanged was told %v", told)
	}
}

func TestTimeEntryKeepsUnreadableTextAndSaysWhy(t *testing.T) {
	test.NewTempApp(t)
	te := newTimeEntry(clock{9, 0})
	w := test.NewTempWindow(t, te)
	w.Canvas().Focus(te.input)
	typeInto(te.input, "25:00")
	w.Canvas().Unfocus() // leaving the field
	if got := te.Text(); got != "25:00" {
		t.Errorf("the typed text became %q", got)
	}
	if !te.message.Visible() || !strings.Contains(te.message.Text, "hours go from 0 to 23") {
		t.Errorf("message %q (shown %v)", te.message.Text, te.message.Visible())
	}
	if _, err := te.Value(); err == nil {
		t.Error("Value() reads unreadable text without an error")
	}
	test.Tap(te.plus) // stepping does not throw the text away either
	if got := te.Text(); got != "25:00" {
		t.Errorf("+ replaced the unreadable text with %q", got)
	}
	typeInto(te.input, "10")
	if te.message.Visible() {
		t.Error("the message stays after the time was corrected")
	}
}

func TestTimeEntryStepsWithButtonsAndKeys(t *testing.T) {
	test.NewTempApp(t)
	te := newTimeEntry(clock{10, 0})
	w := test.NewTempWindow(t, te)
	test.Tap(te.plus)
	test.Tap(te.plus)
	if got := te.Text(); got != "10:30" {
		t.Fatalf("two taps on + show %q, want 10:30", got)
	}
	test.Tap(te.minus)
	if got := te.Text(); got != "10:15" {
		t.Fatalf("then − shows %q, want 10:15", got)
	}
	w.Canvas().Focus(te.input)
	te.input.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	te.input.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if got := te.Text(); got != "09:45" {
		t.Fatalf("Down twice shows %q, want 09:45", got)
	}
	te.input.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if c, _ := te.Value(); c != (clock{10, 0}) {
		t.Fatalf("Up gives %v, want 10:00", c)
	}
	typeInto(te.input, "10:07")
	test.Tap(te.plus)
	if got := te.Text(); got != "10:15" {
		t.Errorf("+ from 10:07 shows %q, want the next quarter, 10:15", got)
	}
}

func TestRenderTimeEntry(t *testing.T) {
	for name, th := range map[string]fyne.Theme{"light": lightTheme{}, "dark": darkTheme{}} {
		a := test.NewTempApp(t)
		a.Settings().SetTheme(th)
		good, bad := newTimeEntry(clock{10, 30}), newTimeEntry(clock{9, 0})
		w := test.NewTempWindow(t, container.NewVBox(widget.NewLabel("Time"), good, bad))
		w.Resize(fyne.NewSize(320, 200))
		w.Canvas().Focus(bad.input)
		typeInto(bad.input, "25:00")
		w.Canvas().Unfocus()
		if m := bad.message; m.Size().Width > 320 {
			t.Errorf("the message is %v wide in a 320 window", m.Size().Width)
		}
		saveRender(t, "time-entry-"+name, w.Canvas())
	}
}
