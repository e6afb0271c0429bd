package gui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// newHealthVersionsLine says when the health history was last updated and
// offers the earlier versions, which are kept: a therapist may need to show
// what a client reported on a given day. Dates are those of loc, the
// practice's time zone.
func newHealthVersionsLine(win fyne.Window, name string, versions []data.HealthVersion, loc *time.Location) fyne.CanvasObject {
	if len(versions) == 0 {
		return container.NewVBox()
	}
	text := "Last updated " + data.DateOf(versions[0].RecordedAt.In(loc)).Format()
	if n := len(versions) - 1; n > 0 {
		text += fmt.Sprintf(" · %d earlier version%s kept", n, map[bool]string{true: "", false: "s"}[n == 1])
	}
	l := widget.NewLabel(text)
	l.Importance = widget.LowImportance
	if len(versions) < 2 {
		return l
	}
	btn := widget.NewButton("Earlier versions…", func() { showHealthVersions(win, name, versions, loc) })
	btn.Importance = widget.LowImportance
	return container.NewHBox(l, btn)
}

// showHealthVersions lists every kept version, newest first, dated in loc.
func showHealthVersions(win fyne.Window, name string, versions []data.HealthVersion, loc *time.Location) {
	list := container.NewVBox()
	for i, v := range versions {
		title := data.DateOf(v.RecordedAt.In(loc)).Format()
		if i == 0 {
			title += " (current)"
		}
		list.Add(section(title, healthSummary(v.Health)))
	}
	d := dialog.NewCustom("Health history of "+name, "Close", container.NewVScroll(list), win)
	room := win.Canvas().Size() // never larger than the window
	d.Resize(fyne.NewSize(min(560, room.Width-40), min(520, room.Height-40)))
	closeOnKeys(win, d)
}

// healthSummary is one version of a health history in a few lines.
func healthSummary(h data.HealthHistory) fyne.CanvasObject {
	var conds []string
	for _, c := range data.Conditions {
		if h.Has(c.Code) {
			conds = append(conds, c.Label)
		}
	}
	var lines []string
	add := func(label, value string) {
		if value != "" {
			lines = append(lines, label+": "+value)
		}
	}
	add("Conditions", strings.Join(conds, ", "))
	add("Details", h.ConditionNotes)
	add("Medications", h.Medications)
	add("Allergies", h.Allergies)
	add("Surgeries and injuries", h.SurgeriesInjuries)
	if h.Pregnant {
		add("Pregnant", "yes, due "+h.DueDate.Format())
	}
	if len(lines) == 0 {
		lines = []string{"Nothing recorded."}
	}
	l := widget.NewLabel(strings.Join(lines, "\n"))
	l.Wrapping = fyne.TextWrapWord
	return l
}
