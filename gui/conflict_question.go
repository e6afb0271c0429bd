package gui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
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
// and Escape) goes back and runs back (which puts the cursor in a field),
// the "… anyway" choice runs anyway. The list
// scrolls within a bounded height, so the buttons always show.
func askConflicts(win fyne.Window, ce *data.ConflictError, verb string, anyway, back func()) string {
	text := conflictText(ce, verb)
	change := choice{"Change time", widget.HighImportance, back}
	label := strings.ToUpper(verb[:1]) + verb[1:] + " anyway"
	ask(win, conflictTitle(ce), text, change, change, choice{label, widget.WarningImportance, anyway})
	return text
}

// textLine is the height of one line of body text.
func textLine() float32 {
	return fyne.MeasureText("Mg", fyne.CurrentApp().Settings().Theme().Size("text"), fyne.TextStyle{}).Height
}
