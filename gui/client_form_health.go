package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// healthFields is the health-history part of the client form: the
// checklist of conditions, medications, allergies and pregnancy.
type healthFields struct {
	checks      map[string]*widget.Check // by condition code
	condNotes   *entry
	medications *entry
	allergies   *entry
	surgeries   *entry
	pregnant    *widget.Check
	due         *entry
}

func newHealthFields(changed func()) *healthFields {
	h := &healthFields{checks: map[string]*widget.Check{}}
	for _, c := range data.Conditions {
		h.checks[c.Code] = widget.NewCheck(c.Label, func(bool) { changed() })
	}
	h.condNotes = newTextArea("Details of the conditions ticked above", 2, capLong)
	h.medications = newTextArea("e.g. Warfarin 5 mg daily", 2, capLong)
	h.allergies = newTextArea("e.g. nut oils, latex, lavender", 2, capLong)
	h.surgeries = newTextArea("e.g. left ACL repair, 2019", 2, capLong)
	h.due = newEntry("YYYY-MM-DD", capShort)
	h.due.Disable()
	h.pregnant = widget.NewCheck("Pregnant", func(on bool) {
		if on {
			h.due.Enable()
		} else {
			h.due.Disable()
		}
		changed()
	})
	return h
}

func (h *healthFields) entries() []*entry {
	return []*entry{h.condNotes, h.medications, h.allergies, h.surgeries, h.due}
}

func (h *healthFields) load(hh data.HealthHistory) {
	for code, c := range h.checks {
		c.SetChecked(hh.Has(code))
	}
	h.condNotes.SetText(hh.ConditionNotes)
	h.medications.SetText(hh.Medications)
	h.allergies.SetText(hh.Allergies)
	h.surgeries.SetText(hh.SurgeriesInjuries)
	h.pregnant.SetChecked(hh.Pregnant)
	h.due.SetText(hh.DueDate.String())
}

// read returns the health history typed, and a problem when the due date
// cannot be read.
func (h *healthFields) read() (data.HealthHistory, *data.FieldProblem) {
	hh := data.HealthHistory{
		ConditionNotes: h.condNotes.Text, Medications: h.medications.Text,
		Allergies: h.allergies.Text, SurgeriesInjuries: h.surgeries.Text, Pregnant: h.pregnant.Checked,
	}
	for _, c := range data.Conditions {
		if h.checks[c.Code].Checked {
			hh.Conditions = append(hh.Conditions, c.Code)
		}
	}
	if !hh.Pregnant {
		return hh, nil
	}
	d, err := data.ParseDate(h.due.Text)
	if err != nil {
		return hh, &data.FieldProblem{Field: "DueDate", Message: err.Error()}
	}
	hh.DueDate = d
	return hh, nil
}

func (h *healthFields) layout(f *form) fyne.CanvasObject {
	grid := container.New(newColumnsLayout(3))
	for _, c := range data.Conditions {
		grid.Add(h.checks[c.Code])
	}
	return section("Health history",
		f.add(newField("Conditions", "Conditions", grid, "Tick everything the client has now or has had.")),
		f.add(newField("ConditionNotes", "Details", h.condNotes, "")),
		f.row(newField("Medications", "Medications", h.medications, "Blood thinners matter for deep pressure."),
			newField("Allergies", "Allergies", h.allergies, "Oils, lotions, latex…")),
		f.add(newField("SurgeriesInjuries", "Surgeries and injuries", h.surgeries, "")),
		container.New(newColumnsLayout(2), f.add(newField("DueDate", "Pregnancy",
			container.NewBorder(nil, nil, h.pregnant, nil, h.due), "Due date, if pregnant."))),
	)
}
