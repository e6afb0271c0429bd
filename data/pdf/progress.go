package pdf

import (
	"io"
	"strconv"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// ProgressInput is everything a client's progress report prints. The
// caller reads it from the Store (load.Progress); the renderer only lays
// it out.
type ProgressInput struct {
	Practice data.Practice
	Client   data.Client
	// Plan is the care plan reported on (nil: the client's whole history).
	Plan *data.CarePlan
	// From and To bound the period reported (From zero: since the first
	// visit).
	From, To data.Date
	// Visits is how many visits the client attended in the period.
	Visits int
	// Series are the measures with values in the period, each summarized
	// from the period's start (data.Summarize).
	Series []data.Series
	// Goals are the plan's goals, judged (data.CarePlan.JudgeGoals).
	Goals []data.GoalResult
	// Summary and NextSteps are the therapist's words, typed when printing
	// (optional).
	Summary, NextSteps string
	// Created is the file's creation date (see Options.Created).
	Created time.Time
}

// ProgressTitle is the document's title.
const ProgressTitle = "Progress report"

// ProgressFileName suggests a file name: "Progress report - Zoë Müller - 2026-03-04.pdf".
func ProgressFileName(in ProgressInput) string {
	return FileName(ProgressTitle, in.Client.FormalName(), in.To)
}

// period is the report's dates in words: "10 Nov 2025 to 15 Dec 2025".
func (in ProgressInput) period() string {
	from := in.From
	if from.IsZero() {
		for _, s := range in.Series {
			if len(s.Points) > 0 && (from.IsZero() || s.Points[0].Date.Before(from)) {
				from = s.Points[0].Date
			}
		}
	}
	if from.IsZero() {
		return "Up to " + in.To.Format()
	}
	return from.Format() + " to " + in.To.Format()
}

// WriteProgress renders a client's progress report — letterhead, client,
// period, visits attended, the therapist's summary, the care plan's goals
// with baseline, latest, target and whether each is met, each measure as a
// line chart with its change in words, and the next steps — fit to hand to
// the client or to attach to an insurer's request.
func WriteProgress(w io.Writer, in ProgressInput) error {
	name := in.Client.FormalName()
	d, err := New(Options{Practice: in.Practice, Title: ProgressTitle + " · " + name, Created: in.Created})
	if err != nil {
		return err
	}
	d.Title(ProgressTitle)
	d.Subtitle(name + " · " + in.period())
	fields := []Field{
		{Label: "Client", Value: name},
		{Label: "Date of birth", Value: in.Client.BirthDate.Format()},
		{Label: "Period", Value: in.period()},
		{Label: "Visits attended", Value: strconv.Itoa(in.Visits)},
	}
	if p := in.Plan; p != nil {
		fields = append(fields,
			Field{Label: "Care plan", Value: p.Condition},
			Field{Label: "Status", Value: planStatus(p)},
			Field{Label: "Treatment", Value: planTreatment(p), Wide: true})
	}
	d.Fields(fields...)
	// What changed, in words, comes first; the goals and charts show it.
	if in.Summary != "" {
		d.Heading("Summary")
		d.Paragraph(in.Summary)
	}
	if len(in.Goals) > 0 {
		d.Heading("Goals")
		t := Table{Columns: []Column{{Title: "Goal", Width: 2.6}, {Title: "Baseline", Width: 1.25},
			{Title: "Latest", Width: 1.25}, {Title: "Target", Width: 1.3}, {Title: "Met", Width: 0.8}}, Zebra: true}
		for _, g := range in.Goals {
			t.Rows = append(t.Rows, []string{g.Goal.Description, resultValue(g, g.Baseline, g.BaselineOn, g.HasBase),
				resultValue(g, g.Latest, g.LatestOn, g.HasLatest), goalTarget(g), goalMet(g)})
		}
		d.Table(t)
	}
	d.Heading("Measures")
	if len(in.Series) == 0 {
		d.Paragraph("Nothing was measured in this period.")
	}
	d.measureCharts(in)
	d.Small("Pain, stress, sleep and the activities are the client's own ratings from 0 to 10 at each visit " +
		"(for activities and sleep, 10 is best); mobility is measured by the therapist.")
	if in.NextSteps != "" {
		d.Heading("Next steps")
		d.Paragraph(in.NextSteps)
	}
	return d.Write(w)
}

// measureCharts draws the measures two to a row: the measure's name, its
// chart and its change in words.
func (d *Doc) measureCharts(in ProgressInput) {
	if !d.ok() {
		return
	}
	targets := map[string]float64{}
	for _, g := range in.Goals {
		if g.Measured {
			targets[g.Goal.MeasureKey] = g.Goal.Target
		}
	}
	const gap, chartH = 8.0, 30.0
	colW := (d.width() - gap) / 2
	title := textStyle{9, true, colInk}
	words := textStyle{8, false, colInk}
	for i := 0; i < len(in.Series); i += 2 {
		row := in.Series[i:min(i+2, len(in.Series))]
		var said [][]string
		h := 0.0
		for _, s := range row {
			lines := d.wrap(clean(s.Words), words, colW)
			said = append(said, lines)
			h = max(h, title.lineHeight()+chartH+1+float64(len(lines))*words.lineHeight())
		}
		d.KeepTogether(h)
		for c, s := range row {
			x, y := marginSide+float64(c)*(colW+gap), d.y
			d.drawLine(x, y, colW, oneLine(measureHeading(s.Measure)), title, AlignLeft)
			y += title.lineHeight()
			t, ok := targets[s.Measure.Key]
			lineChart{measure: s.Measure, points: s.Points, target: t, hasTarget: ok}.draw(d, x, y, colW, chartH)
			y += chartH + 1
			for _, l := range said[c] {
				d.drawLine(x, y, colW, l, words, AlignLeft)
				y += words.lineHeight()
			}
		}
		d.y += h + gapBlock
	}
}

// measureHeading is a chart's name: "Neck rotation right (degrees)".
func measureHeading(m data.Measure) string {
	switch m.Unit {
	case data.UnitDegrees:
		return m.Label + " (degrees)"
	case data.UnitCM:
		return m.Label + " (cm)"
	}
	return m.Label + " (0–10)"
}

func planStatus(p *data.CarePlan) string {
	s := p.Status.Label() + ", started " + p.StartDate.Format()
	if p.Status != data.PlanActive && !p.DischargeDate.IsZero() {
		s += ", ended " + p.DischargeDate.Format()
	}
	return s
}

func planTreatment(p *data.CarePlan) string {
	s := p.Frequency()
	if p.SessionMinutes > 0 {
		s = minutes(p.SessionMinutes) + " sessions, " + s
	}
	return s
}

// resultValue is a judged goal's value with its date on a second line, or "—".
func resultValue(g data.GoalResult, v float64, on data.Date, ok bool) string {
	if !ok {
		return "—"
	}
	if on.IsZero() {
		return g.Value(v)
	}
	return g.Value(v) + "\n" + on.Format()
}

// goalTarget is the target with its direction: "3/10 or lower".
func goalTarget(g data.GoalResult) string {
	way := " or more"
	if g.Goal.Direction == data.LowerIsBetter {
		way = " or lower"
	}
	return g.Value(g.Goal.Target) + way
}

func goalMet(g data.GoalResult) string {
	switch {
	case !g.HasLatest:
		return "Not measured"
	case g.Met:
		return "Met"
	}
	return "Not yet"
}
