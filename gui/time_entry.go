package gui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// clock is a time of day on the wall clock: hour 0–23, minute 0–59.
type clock struct{ Hour, Minute int }

// String is the time as the app shows it: "09:30", "14:00".
func (c clock) String() string { return fmt.Sprintf("%02d:%02d", c.Hour, c.Minute) }

// minutes counts the minutes since midnight.
func (c clock) minutes() int { return c.Hour*60 + c.Minute }

// clockAt is the time of day m minutes after midnight, kept within the day.
func clockAt(m int) clock {
	m = min(max(m, 0), 24*60-1)
	return clock{m / 60, m % 60}
}

// stepClock moves c by n steps of step minutes, landing on the step marks:
// one step up from 10:07 is 10:15, one step down is 10:00. It stops at the
// first and last marks of the day.
func stepClock(c clock, n, step int) clock {
	m := c.minutes()
	switch {
	case n > 0:
		m = (m/step + n) * step
	case n < 0:
		m = ((m+step-1)/step + n) * step
	}
	last := (24*60 - 1) / step * step
	return clockAt(min(max(m, 0), last))
}

// errClockFormat is the message for text that is not a time at all.
var errClockFormat = errors.New("type a time like 10:30, 2pm or 14")

// parseClock reads a time the way a therapist types it: "10:30", "10.30",
// "2pm", "2:15 pm", "14", "1430", "930", "9".
//
// The practice is open in the daytime (about 08:00 to 20:00), so an hour
// from 1 to 7 typed without am/pm and without a leading zero means the
// afternoon: "2" is 14:00 and "7:30" is 19:30, while "8" to "12" stay
// morning and noon. A leading zero ("07:30") or "am" keeps the morning.
func parseClock(s string) (clock, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	t = strings.ReplaceAll(t, " ", "")
	t = strings.ReplaceAll(t, ".m.", "m") // "p.m."
	if t == "" {
		return clock{}, errClockFormat
	}
	half := ""
	for _, suffix := range []string{"am", "pm", "a", "p"} {
		if rest, ok := strings.CutSuffix(t, suffix); ok {
			half, t = suffix[:1], rest
			break
		}
	}
	var hs, ms string
	if i := strings.IndexAny(t, ":.h"); i >= 0 {
		hs, ms = t[:i], t[i+1:]
		if len(ms) != 2 && !(ms == "" && t[i] == 'h') {
			return clock{}, errClockFormat
		}
	} else {
		switch len(t) {
		case 1, 2:
			hs = t
		case 3, 4:
			hs, ms = t[:len(t)-2], t[len(t)-2:]
		default:
			return clock{}, errClockFormat
		}
	}
	if hs == "" || len(hs) > 2 || !digits(hs) || !digits(ms) {
		return clock{}, errClockFormat
	}
	h, _ := strconv.Atoi(hs)
	m := 0
	if ms != "" {
		m, _ = strconv.Atoi(ms)
	}
	if m > 59 {
		return clock{}, fmt.Errorf("minutes go from 00 to 59")
	}
	switch half {
	case "a", "p":
		if h < 1 || h > 12 {
			return clock{}, fmt.Errorf("with am or pm, the hour goes from 1 to 12")
		}
		h %= 12
		if half == "p" {
			h += 12
		}
	default:
		if h > 23 {
			return clock{}, fmt.Errorf("hours go from 0 to 23")
		}
		if h >= 1 && h <= 7 && hs[0] != '0' {
			h += 12 // the afternoon: see above
		}
	}
	return clock{h, m}, nil
}

// digits reports whether s holds only the digits 0–9.
func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// timeEntry is a compact time picker: a short text field that reads what
// is typed (parseClock), with − and + buttons, and the Up and Down keys,
// stepping 15 minutes. When the field is left or Enter is pressed, a
// readable time is shown as "10:30"; an unreadable one stays as typed and
// a message under the field says what is wrong.
type timeEntry struct {
	widget.BaseWidget

	// OnChanged is told each new time: typed (once readable), stepped or set.
	OnChanged func(clock)
	// Step is the minutes one press of −, +, Up or Down moves (15).
	Step int

	value   clock
	problem error // what is wrong with the text, nil when it reads

	input   *timeInput
	minus   *widget.Button
	plus    *widget.Button
	message *widget.Label
}

var (
	_ fyne.Widget    = (*timeEntry)(nil)
	_ fyne.Focusable = (*timeInput)(nil)
)

// newTimeEntry is a time picker showing c.
func newTimeEntry(c clock) *timeEntry {
	t := &timeEntry{Step: 15, value: c}
	t.input = &timeInput{owner: t}
	t.input.ExtendBaseWidget(t.input)
	t.input.SetPlaceHolder("10:30")
	t.input.SetText(c.String())
	t.input.OnChanged = t.typed
	t.input.OnSubmitted = func(string) { t.commit() }
	t.minus = widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { t.step(-1) })
	t.plus = widget.NewButtonWithIcon("", theme.ContentAddIcon(), func() { t.step(1) })
	t.message = widget.NewLabel("")
	t.message.Importance = widget.DangerImportance
	t.message.SizeName = theme.SizeNameCaptionText
	t.message.Wrapping = fyne.TextWrapWord
	t.message.Hide()
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer lays out the field with − and + to its right, and the
// message, when there is one, underneath.
func (t *timeEntry) CreateRenderer() fyne.WidgetRenderer {
	field := container.NewGridWrap(fyne.NewSize(timeFieldWidth(), t.input.MinSize().Height), t.input)
	row := container.NewHBox(field, t.minus, t.plus)
	return widget.NewSimpleRenderer(container.NewVBox(row, t.message))
}

// timeFieldWidth fits "12:45 pm" with room for the cursor.
func timeFieldWidth() float32 {
	return fyne.MeasureText("12:45 pm", theme.TextSize(), fyne.TextStyle{}).Width + 4*theme.InnerPadding()
}

// Value is the time shown, or why the text is not a time.
func (t *timeEntry) Value() (clock, error) {
	if t.problem != nil {
		return t.value, t.problem
	}
	return t.value, nil
}

// SetValue shows c.
func (t *timeEntry) SetValue(c clock) {
	t.set(c)
}

// Text is what the field holds.
func (t *timeEntry) Text() string { return t.input.Text }

// typed reads the text after every keystroke; the message waits until the
// field is left, so it does not nag while a time is half typed.
func (t *timeEntry) typed(text string) {
	c, err := parseClock(text)
	t.problem = err
	if err != nil {
		return
	}
	t.hideMessage()
	if c != t.value {
		t.value = c
		if t.OnChanged != nil {
			t.OnChanged(c)
		}
	}
}

// commit shows a readable time in the app's form, or says what is wrong.
func (t *timeEntry) commit() {
	c, err := parseClock(t.input.Text)
	if err != nil {
		t.problem = err
		t.showMessage()
		return
	}
	t.set(c)
}

// step moves the time by n steps. Over unreadable text it only explains
// the problem, so what was typed is not lost.
func (t *timeEntry) step(n int) {
	if _, err := parseClock(t.input.Text); err != nil {
		t.problem = err
		t.showMessage()
		return
	}
	t.set(stepClock(t.value, n, max(t.Step, 1)))
}

// set shows c and tells OnChanged.
func (t *timeEntry) set(c clock) {
	changed := c != t.value
	t.value, t.problem = c, nil
	t.input.OnChanged = nil
	t.input.SetText(c.String())
	t.input.OnChanged = t.typed
	t.hideMessage()
	if changed && t.OnChanged != nil {
		t.OnChanged(c)
	}
}

func (t *timeEntry) showMessage() {
	t.message.SetText(fmt.Sprintf("“%s” is not a time: %s.", firstRunes(t.input.Text, 20), t.problem))
	t.message.Show()
	t.Refresh()
}

func (t *timeEntry) hideMessage() {
	if t.message.Visible() {
		t.message.Hide()
		t.Refresh()
	}
}

// timeInput is the text field of a timeEntry: Up and Down step the time,
// and leaving the field tidies what was typed.
type timeInput struct {
	widget.Entry
	owner    *timeEntry
	onEscape func()
}

// setOnEscape makes Escape in the time's text call f.
func (t *timeEntry) setOnEscape(f func()) { t.input.onEscape = f }

// TypedKey steps the time on Up and Down.
func (e *timeInput) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		if e.onEscape != nil {
			e.onEscape()
			return
		}
		e.Entry.TypedKey(k)
	case fyne.KeyUp:
		e.owner.step(1)
	case fyne.KeyDown:
		e.owner.step(-1)
	default:
		e.Entry.TypedKey(k)
	}
}

// TypedRune caps the length: no time needs more than a dozen characters.
func (e *timeInput) TypedRune(r rune) {
	if len(e.Text) >= 12 {
		return
	}
	e.Entry.TypedRune(r)
}

// FocusLost shows the time in the app's form, or the problem.
func (e *timeInput) FocusLost() {
	e.Entry.FocusLost()
	e.owner.commit()
}

// AcceptsTab is false: Tab moves on.
func (e *timeInput) AcceptsTab() bool { return false }
