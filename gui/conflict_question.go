package gui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// conflictLines is how many clashes the question lists; the rest are
// counted ("…and 22 more"), so a long series keeps its buttons on screen.
const conflictLines = 8

// conflictTitle names what is wrong: a clash, or only hours outside the
// working hours.
func conflictTitle(ce *data.ConflictError) string {
	if len(ce.Conflicts) == 0 {
		return "Outside your working hours"
	}
	return "This time clashes"
}

// conflictText lists a ConflictError's clashes (at most conflictLines of
// them), naming the visit of a series each belongs to; verb is what the
// "… anyway" button does ("book", "move").
func conflictText(ce *data.ConflictError, verb string) string {
	series := false
	for _, c := range append(append([]data.Conflict(nil), ce.Conflicts...), ce.OutsideHours...) {
		series = series || c.Occurrence > 1
	}
	line := func(c data.Conflict) string {
		if series {
			return fmt.Sprintf("• Visit %d, %s: %s", c.Occurrence, c.When, c.What)
		}
		return fmt.Sprintf("• %s: %s", c.When, c.What)
	}
	left := conflictLines
	var parts []string
	group := func(title string, cs []data.Conflict) {
		if len(cs) == 0 {
			return
		}
		parts = append(parts, title)
		for i, c := range cs {
			if left == 0 {
				parts = append(parts, fmt.Sprintf("…and %d more", len(cs)-i))
				return
			}
			parts = append(parts, line(c))
			left--
		}
	}
	group("It clashes with:", ce.Conflicts)
	group("Outside your working hours:", ce.OutsideHours)
	nothing := "Nothing is booked yet."
	if verb == "move" {
		nothing = "Nothing is moved yet."
	}
	parts = append(parts, fmt.Sprintf("%s Change the time, or %s anyway.", nothing, verb))
	return strings.Join(parts, "\n")
}

// askConflicts asks about a ConflictError: "Change time" (the default,
// and Escape) goes back, the "… anyway" choice runs anyway. The list
// scrolls within a bounded height, so the buttons always show.
func askConflicts(win fyne.Window, ce *data.ConflictError, verb string, anyway func()) string {
	text := conflictText(ce, verb)
	change := choice{"Change time", widget.HighImportance, nil}
	label := strings.ToUpper(verb[:1]) + verb[1:] + " anyway"
	askLong(win, conflictTitle(ce), text, change, change, choice{label, widget.WarningImportance, anyway})
	return text
}

// askLong is ask for a message that may be long: the message scrolls in
// a box no taller than the window leaves room for.
func askLong(win fyne.Window, title, message string, cancel, def choice, others ...choice) *dialog.CustomDialog {
	c := win.Canvas()
	prev := c.OnTypedKey()
	var d *dialog.CustomDialog
	pick := func(ch choice) {
		d.Hide()
		if ch.action != nil {
			ch.action()
		}
	}
	buttons := container.NewHBox(layout.NewSpacer())
	for _, ch := range append(others, def) {
		ch := ch
		b := widget.NewButton(ch.label, func() { pick(ch) })
		b.Importance = ch.importance
		buttons.Add(b)
	}
	text := widget.NewLabel(message)
	text.Wrapping = fyne.TextWrapWord
	var body fyne.CanvasObject = text
	if n := strings.Count(message, "\n"); n > 4 {
		scroll := container.NewVScroll(text)
		scroll.SetMinSize(fyne.NewSize(0, min(float32(n+1)*2*textLine(), max(c.Size().Height-220, 120))))
		body = scroll
	}
	d = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, buttons, nil, nil, body), win)
	d.SetOnClosed(func() { c.SetOnTypedKey(prev) })
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyEscape:
			pick(cancel)
		case fyne.KeyReturn, fyne.KeyEnter:
			pick(def)
		default:
			if prev != nil {
				prev(ev)
			}
		}
	})
	d.Resize(fyne.NewSize(min(560, c.Size().Width-40), 0))
	d.Show()
	return d
}

// textLine is the height of one line of body text.
func textLine() float32 {
	return fyne.MeasureText("Mg", fyne.CurrentApp().Settings().Theme().Size("text"), fyne.TextStyle{}).Height
}
