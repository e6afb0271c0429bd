package gui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// painNotRecorded is the pain choice for "not asked".
const painNotRecorded = "Not recorded"

// painOptions are the pain choices: not recorded, then 0 to 10.
func painOptions() []string {
	out := []string{painNotRecorded}
	for i := 0; i <= 10; i++ {
		s := strconv.Itoa(i)
		switch i {
		case 0:
			s += " – none"
		case 10:
			s += " – worst"
		}
		out = append(out, s)
	}
	return out
}

// painText is the pain choice for a stored value.
func painText(p int) string {
	if p < 0 || p > 10 {
		return painNotRecorded
	}
	return painOptions()[p+1]
}

// painValue reads a pain choice back.
func painValue(s string) int {
	n, err := strconv.Atoi(strings.Fields(s + " x")[0])
	if err != nil {
		return data.PainNotRecorded
	}
	return n
}

// noteWidgets are the note's inputs, one per data field.
type noteWidgets struct {
	client                                *widget.Label
	date, service                         *entry
	kind                                  *widget.RadioGroup
	complaint, changes, goals             *entry
	pain                                  *widget.Select
	posture, palpation, rom, tests        *entry
	techniques, areas                     *tapChoices
	pressure, minutes                     *entry
	response, progress                    *entry
	nextFocus, frequency, homeCare, refer *entry
	chart                                 *bodyChart
	consentWarn                           *widget.Label  // marks on sensitive areas without consent
	startPlan                             *widget.Button // "Start a care plan" from this note
}

// buildFields makes the note's widgets and lays them out in form order,
// SOAP section by section.
func (e *noteEditor) buildFields() fyne.CanvasObject {
	w := &e.w
	f := e.form
	long := func(ph string) *entry { return newTextArea(ph, 2, capLong) }
	short := func(ph string) *entry { return newEntry(ph, capShort) }
	w.client = widget.NewLabel(e.note.ClientName)
	w.startPlan = widget.NewButtonWithIcon("Start a care plan", theme.ContentAddIcon(), e.startCarePlan)
	w.date = short("YYYY-MM-DD")
	w.service = short("e.g. Massage 60")
	w.kind = widget.NewRadioGroup([]string{"Regular", "Discharge"}, func(string) { f.changed() })
	w.kind.Horizontal = true
	w.complaint = long("In the client's words")
	w.pain = widget.NewSelect(painOptions(), func(string) { f.changed() })
	w.changes = long("Since the last visit")
	w.goals = long("What the client wants from treatment")
	w.posture = long("")
	w.palpation = long("")
	w.rom = long("")
	w.tests = long("Orthopaedic or special tests")
	w.techniques = newTapChoices(data.CommonTechniques, "Other techniques, separated by commas")
	w.areas = newTapChoices(data.CommonAreas, "Other areas, separated by commas")
	w.techniques.onChange, w.areas.onChange = f.changed, f.changed
	w.pressure = short("e.g. light, moderate, firm")
	w.minutes = short("minutes")
	w.response = long("How the client responded")
	w.progress = long("Towards the goals")
	w.nextFocus = long("")
	w.frequency = short("e.g. every 2 weeks")
	w.homeCare = long("Stretches, heat, self-care")
	w.refer = long("")
	f.watch(w.date, w.service, w.complaint, w.changes, w.goals, w.posture, w.palpation, w.rom, w.tests,
		w.techniques.other, w.areas.other, w.pressure, w.minutes, w.response, w.progress, w.nextFocus,
		w.frequency, w.homeCare, w.refer)
	w.chart = newBodyChart(nil, false)
	w.chart.OnChanged = func([]bodyMark) { f.changed(); e.flagSensitive() }
	w.consentWarn = widget.NewLabel("")
	w.consentWarn.Importance = widget.DangerImportance
	w.consentWarn.Wrapping = fyne.TextWrapWord
	w.consentWarn.Hide()
	chartBox := container.NewGridWrap(fyne.NewSize(420, 430), w.chart)

	nf := newField
	return container.NewVBox(
		f.row(nf("ClientID", "Client", w.client, ""), nf("VisitDate", "Visit date", w.date, ""),
			nf("ServiceName", "Service", w.service, ""), nf("Kind", "Kind", w.kind, "")),
		section("Subjective",
			f.add(nf("Complaint", "Complaint", w.complaint, "")),
			f.row(nf("Pain", "Pain (0–10)", w.pain, ""), nf("Changes", "Changes", w.changes, "")),
			f.add(nf("Goals", "Goals", w.goals, ""))),
		section("Objective",
			f.row(nf("Posture", "Posture", w.posture, ""), nf("Palpation", "Palpation", w.palpation, "")),
			f.row(nf("RangeOfMotion", "Range of motion", w.rom, ""), nf("Tests", "Tests", w.tests, ""))),
		section("Treatment",
			f.add(nf("Techniques", "Techniques", w.techniques.obj, "")),
			f.add(nf("Areas", "Areas", w.areas.obj, "")),
			f.row(nf("Pressure", "Pressure", w.pressure, ""), nf("Minutes", "Minutes", w.minutes, ""))),
		section("Body chart", f.add(nf("Marks", "", container.NewCenter(chartBox),
			"Choose a kind, then tap the figure to place a mark; tap a mark to label, move or remove it.")),
			w.consentWarn),
		section("Assessment",
			f.row(nf("Response", "Response", w.response, ""), nf("Progress", "Progress", w.progress, ""))),
		section("Plan",
			f.row(nf("NextFocus", "Next focus", w.nextFocus, ""), nf("Frequency", "Frequency", w.frequency, "")),
			f.row(nf("HomeCare", "Home care", w.homeCare, ""), nf("Referrals", "Referrals", w.refer, "")),
			container.NewHBox(w.startPlan)),
	)
}

// put shows n in the widgets.
func (e *noteEditor) put(n data.Note) {
	w := &e.w
	w.client.SetText(n.ClientName)
	w.date.SetText(n.VisitDate.String())
	w.service.SetText(n.ServiceName)
	if n.Kind == data.NoteDischarge {
		w.kind.SetSelected("Discharge")
	} else {
		w.kind.SetSelected("Regular")
	}
	w.complaint.SetText(n.Complaint)
	w.pain.SetSelected(painText(n.Pain))
	w.changes.SetText(n.Changes)
	w.goals.SetText(n.Goals)
	w.posture.SetText(n.Posture)
	w.palpation.SetText(n.Palpation)
	w.rom.SetText(n.RangeOfMotion)
	w.tests.SetText(n.Tests)
	w.techniques.SetValues(n.Techniques)
	w.areas.SetValues(n.Areas)
	w.pressure.SetText(n.Pressure)
	w.minutes.SetText("")
	if n.Minutes > 0 {
		w.minutes.SetText(strconv.Itoa(n.Minutes))
	}
	w.response.SetText(n.Response)
	w.progress.SetText(n.Progress)
	w.nextFocus.SetText(n.NextFocus)
	w.frequency.SetText(n.Frequency)
	w.homeCare.SetText(n.HomeCare)
	w.refer.SetText(n.Referrals)
	marks := make([]bodyMark, len(n.Marks))
	for i, m := range n.Marks {
		marks[i] = bodyMark{View: string(m.View), X: float32(m.X), Y: float32(m.Y), Kind: string(m.Kind), Label: m.Label}
	}
	w.chart.SetMarks(marks)
	e.flagSensitive()
}

// read is the note as typed, on top of the stored one (ID, client,
// appointment, status), with the problems of what cannot be read.
func (e *noteEditor) read() (data.Note, []data.FieldProblem) {
	w := &e.w
	n := e.note
	var probs []data.FieldProblem
	if d, err := data.ParseDate(strings.TrimSpace(w.date.Text)); err != nil {
		probs = append(probs, data.FieldProblem{Field: "VisitDate", Message: "Write the visit date as YYYY-MM-DD."})
	} else {
		n.VisitDate = d
	}
	n.ServiceName = w.service.Text
	n.Kind = data.NoteRegular
	if w.kind.Selected == "Discharge" {
		n.Kind = data.NoteDischarge
	}
	n.Complaint, n.Changes, n.Goals = w.complaint.Text, w.changes.Text, w.goals.Text
	n.Pain = painValue(w.pain.Selected)
	n.Posture, n.Palpation, n.RangeOfMotion, n.Tests = w.posture.Text, w.palpation.Text, w.rom.Text, w.tests.Text
	n.Techniques, n.Areas = w.techniques.Values(), w.areas.Values()
	n.Pressure = w.pressure.Text
	n.Minutes = 0
	if s := strings.TrimSpace(w.minutes.Text); s != "" {
		m, err := strconv.Atoi(s)
		if err != nil {
			probs = append(probs, data.FieldProblem{Field: "Minutes", Message: "Write the minutes as a whole number, e.g. 60."})
		}
		n.Minutes = m
	}
	n.Response, n.Progress = w.response.Text, w.progress.Text
	n.NextFocus, n.Frequency, n.HomeCare, n.Referrals = w.nextFocus.Text, w.frequency.Text, w.homeCare.Text, w.refer.Text
	n.Marks = nil
	for _, m := range w.chart.Marks() {
		n.Marks = append(n.Marks, data.Mark{Kind: data.MarkKind(m.Kind), Label: m.Label, View: data.BodyView(m.View),
			X: float64(m.X), Y: float64(m.Y)})
	}
	return n, probs
}
