package pdf

import (
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/stillpoint/stillpoint/data"
)

// CarePlanInput is everything a care plan prints. The caller reads it from
// the Store; the renderer knows nothing of where it came from.
type CarePlanInput struct {
	Practice data.Practice
	Client   data.Client
	Plan     data.CarePlan
	// Goals are the plan's goals, judged the way the progress report judges
	// them (data.Store.CarePlanGoals): a goal on a measure takes its latest
	// value from the outcome data. Nil judges the plan's own entries only.
	Goals []data.GoalResult
	// Figures are the plan's sessions done and next reassessment
	// (data.Store.CarePlanFigures).
	Figures data.PlanFigures
	// Handouts holds the handout of each Plan.HomeCare item, in the same
	// order (with their text and drawing or picture).
	Handouts []data.Handout
	// WithHandouts attaches each home-care handout as a full page after
	// the plan, with the plan's dose and the client's name.
	WithHandouts bool
	// Created is the file's creation date (see Options.Created).
	Created time.Time
}

// CarePlanTitle is the document's title.
const CarePlanTitle = "Care plan"

// CarePlanFileName is the suggested file name:
// "Care plan - Zoë Müller - 2026-03-04.pdf" (the plan's start date).
func CarePlanFileName(in CarePlanInput) string {
	return FileName(CarePlanTitle, planClientName(in), in.Plan.StartDate)
}

func planClientName(in CarePlanInput) string {
	if n := in.Client.FormalName(); n != "" {
		return n
	}
	return in.Plan.ClientName
}

// WriteCarePlan renders a care plan — client and condition, goals with
// their progress, the treatment schedule, home care with each exercise's
// drawing and dose, advice, referrals, the plan's body chart, the
// discharge when it has ended and the therapist's signature line — and,
// when asked, each home-care handout as a full page after it.
// The signature never stands alone on a page: the last blocks above it go
// along (keepprev.go).
func WriteCarePlan(w io.Writer, in CarePlanInput) error {
	return writeKeepingSignature(w, func(breakAt int) (*Doc, error) { return layCarePlan(in, breakAt) })
}

// layCarePlan lays the care plan out, breaking the page before block
// breakAt (counted from 1; 0 for none).
func layCarePlan(in CarePlanInput, breakAt int) (*Doc, error) {
	p := in.Plan
	name := planClientName(in)
	d, err := New(Options{Practice: in.Practice, Title: CarePlanTitle + " · " + name, Created: in.Created})
	if err != nil {
		return nil, err
	}
	d.breakAt = breakAt
	d.Title(CarePlanTitle)
	d.Subtitle(name + " · " + oneLine(p.Condition))
	d.Fields(
		Field{Label: "Client", Value: name},
		Field{Label: "Date of birth", Value: in.Client.BirthDate.Format()},
		Field{Label: "Condition or reason for care", Value: p.Condition, Wide: len([]rune(p.Condition)) > 60},
		Field{Label: "Status", Value: p.Status.Label()},
		Field{Label: "Start date", Value: p.StartDate.Format()},
		Field{Label: "Planned end", Value: p.EndDate().Format()},
	)
	goals := in.Goals
	if goals == nil {
		goals = p.JudgeGoals(data.Outcomes{})
	}
	d.planGoals(goals)
	d.planTreatment(p, in.Figures)
	d.planHomeCare(p, in.Handouts)
	d.planReferrals(p.Referrals)
	if len(p.Marks) > 0 {
		d.Heading("Body chart")
		d.bodyChart(p.Marks)
	}
	if p.Status != data.PlanActive && (!p.DischargeDate.IsZero() || strings.TrimSpace(p.DischargeSummary) != "") {
		// A short discharge stays whole with the signature under it, rather
		// than leaving its summary and the signature alone on a last page.
		if h := d.dischargeHeight(p.DischargeSummary) + signatureHeight; h <= (d.bottom()-d.top())/2 {
			d.KeepTogether(h)
		}
		d.Heading("Discharge")
		d.Fields(Field{Label: "Discharged on", Value: p.DischargeDate.Format()}, Field{Label: "Status", Value: p.Status.Label()})
		d.Paragraph(p.DischargeSummary)
	}
	d.SignatureLine(Signature{Name: therapistLine(in.Practice), Role: "Massage therapist"})
	if in.WithHandouts {
		for i, it := range p.HomeCare {
			if i >= len(in.Handouts) {
				break
			}
			d.PageBreak()
			d.handout(HandoutInput{Handout: in.Handouts[i], For: name, Plan: it}, HandoutTitle(in.Handouts[i]))
		}
	}
	return d, nil
}

// dischargeHeight is the height of the discharge section: its heading,
// the dates row and the summary.
func (d *Doc) dischargeHeight(summary string) float64 {
	h := gapHeadingBefore + styleHeading.lineHeight() + gapHeadingAfter +
		styleLabel.lineHeight() + styleBody.lineHeight() + gapBlock
	for _, p := range paragraphs(summary) {
		h += float64(len(d.wrap(p, styleBody, d.width())))*styleBody.lineHeight() + gapParagraph
	}
	return h
}

// planGoals prints the goals table: start, target, latest and how it goes,
// from the same judgement as the progress report (data.JudgeGoal).
func (d *Doc) planGoals(goals []data.GoalResult) {
	if len(goals) == 0 {
		return
	}
	d.Heading("Goals")
	t := Table{Columns: []Column{{Title: "Goal", Width: 3.2}, {Title: "Start", Width: 0.9, Align: AlignRight},
		{Title: "Target", Width: 0.9, Align: AlignRight}, {Title: "Latest", Width: 1.2, Align: AlignRight},
		{Title: "Progress", Width: 1.6}}, Zebra: true}
	for _, r := range goals {
		start := "—"
		if r.HasBase {
			start = goalValue(r.Baseline, r.Goal.Unit)
		}
		latest := "—"
		if r.HasLatest {
			latest = goalValue(r.Latest, r.Goal.Unit)
			if !r.LatestOn.IsZero() {
				latest += "\n" + r.LatestOn.Format()
			}
		}
		t.Rows = append(t.Rows, []string{r.Goal.Description, start, goalValue(r.Goal.Target, r.Goal.Unit), latest, goalProgress(r)})
	}
	d.Table(t)
}

// goalProgress is how a judged goal goes: "Goal met", "Improving", "Worse",
// "No change" or "Not measured yet".
func goalProgress(r data.GoalResult) string {
	switch {
	case !r.HasLatest:
		return data.TrendNone.Label()
	case r.Met:
		return "Goal met"
	case !r.Measured:
		return r.Goal.Trend().Label()
	case r.Readings < 2 || r.Latest == r.Baseline:
		return data.TrendSame.Label()
	case (r.Latest < r.Baseline) == r.Measure.LowerIsBetter:
		return data.TrendImproving.Label()
	}
	return data.TrendWorse.Label()
}

// goalValue is a measure with its unit: "7/10", "70°", "20 min".
func goalValue(v float64, unit string) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	unit = oneLine(unit)
	switch {
	case unit == "":
		return s
	case strings.HasPrefix(unit, "/") || strings.HasPrefix(unit, "°") || strings.HasPrefix(unit, "%"):
		return s + unit
	}
	return s + " " + unit
}

// planTreatment prints the schedule: techniques, areas, length, frequency,
// sessions planned and done, and the reassessment dates.
func (d *Doc) planTreatment(p data.CarePlan, f data.PlanFigures) {
	done := strconv.Itoa(f.SessionsDone)
	if planned := p.PlannedSessions(); planned > 0 {
		done += " of " + strconv.Itoa(planned)
	}
	planned := ""
	if n := p.PlannedSessions(); n > 0 {
		planned = strconv.Itoa(n)
	}
	d.Heading("Treatment")
	d.Fields(
		Field{Label: "Techniques", Value: joinLines(p.Techniques), Wide: len([]rune(joinLines(p.Techniques))) > 70},
		Field{Label: "Areas", Value: joinLines(p.Areas), Wide: len([]rune(joinLines(p.Areas))) > 70},
		Field{Label: "Session length", Value: minutes(p.SessionMinutes)},
		Field{Label: "How often", Value: p.Frequency()},
		Field{Label: "Planned sessions", Value: planned},
		Field{Label: "Sessions done", Value: done},
	)
	if len(p.Reassessments) == 0 {
		return
	}
	d.Subheading("Reassessments")
	t := Table{Columns: []Column{{Title: "Date", Width: 1}, {Title: "What we will check", Width: 4}}}
	for _, r := range p.Reassessments {
		when := r.Due.Format()
		if r.Due == f.NextReassessment {
			when += " (next)"
		}
		t.Rows = append(t.Rows, []string{when, r.Note})
	}
	d.Table(t)
}

// joinLines joins a one-a-line list with commas.
func joinLines(s string) string {
	var out []string
	for _, l := range strings.Split(clean(s), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, ", ")
}

// Home care items: a small drawing at the left, the text beside it.
const (
	homeArtW = 36.0
	homeArtH = 27.0
	homeGap  = 6.0
)

// planHomeCare prints each exercise compactly — its drawing beside its
// title, dose and the plan's instructions — then the advice.
func (d *Doc) planHomeCare(p data.CarePlan, handouts []data.Handout) {
	if len(p.HomeCare) == 0 && strings.TrimSpace(p.Advice) == "" {
		return
	}
	d.Heading("Home care")
	for i, it := range p.HomeCare {
		var h data.Handout
		if i < len(handouts) {
			h = handouts[i]
		} else {
			h.Title = it.HandoutTitle
		}
		d.homeCareItem(h, it)
	}
	if strings.TrimSpace(p.Advice) != "" {
		d.Subheading("Advice")
		d.Paragraph(p.Advice)
	}
}

// homeCareItem prints one exercise, kept whole on a page.
func (d *Doc) homeCareItem(h data.Handout, it data.HomeCareItem) {
	if !d.ok() {
		return
	}
	x := marginSide + homeArtW + homeGap
	tw := d.width() - homeArtW - homeGap
	title := HandoutTitle(h)
	if h.Title == "" && it.HandoutTitle != "" {
		title = it.HandoutTitle
	}
	type piece struct {
		text string
		st   textStyle
	}
	pieces := []piece{{title, styleStrong}}
	var meta []string
	if a := oneLine(h.Area); a != "" {
		meta = append(meta, a)
	}
	meta = append(meta, h.Kind.Label())
	pieces = append(pieces, piece{strings.Join(meta, " · "), styleSmall})
	if dose := HandoutDose(h, it); dose != "" {
		pieces = append(pieces, piece{dose, textStyle{bodySize, true, colAccent}})
	}
	if s := strings.TrimSpace(it.Instructions); s != "" {
		pieces = append(pieces, piece{s, styleBody})
	}
	textH := 0.0
	for _, pc := range pieces {
		textH += float64(len(d.wrap(clean(pc.text), pc.st, tw))) * pc.st.lineHeight()
	}
	hasArt := len(h.Picture) > 0 || len(h.Illustration) > 0
	h0 := textH
	if hasArt {
		h0 = max(textH, homeArtH)
	}
	// Kept whole (a heading before it comes along); one taller than a page
	// starts a page of its own.
	d.KeepTogether(min(h0, d.bottom()-d.top()))
	y0 := d.y
	artH := 0.0
	if hasArt {
		artH = d.handoutArt(h, marginSide, y0, homeArtW, homeArtH)
		// A thin frame keeps a row of drawings calm and aligned.
		d.pdf.SetDrawColor(colRule.r, colRule.g, colRule.b)
		d.pdf.SetLineWidth(0.2)
		d.pdf.Rect(marginSide, y0, homeArtW, homeArtH, "D")
	}
	for _, pc := range pieces {
		d.textBlock(x, tw, pc.text, pc.st, AlignLeft)
	}
	if d.y < y0+artH {
		d.y = y0 + artH
	}
	d.y += gapBlock + 1
}

// planReferrals prints the referrals table.
func (d *Doc) planReferrals(refs []data.Referral) {
	if len(refs) == 0 {
		return
	}
	d.Heading("Referrals")
	t := Table{Columns: []Column{{Title: "To", Width: 2}, {Title: "Why", Width: 3}, {Title: "When", Width: 1.1}}}
	for _, r := range refs {
		t.Rows = append(t.Rows, []string{r.To, r.Reason, r.On.Format()})
	}
	d.Table(t)
}
