package gui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// measureCell is the room one chart takes on the client page: charts wrap
// into as many columns as the page is wide.
var measureCell = fyne.NewSize(300, 200)

// newMeasureGrid holds the charts, wrapping them into columns.
func newMeasureGrid() *fyne.Container { return container.NewGridWrap(measureCell) }

// clientMeasures is the client page's "Progress" section: a small chart of
// each measure across the client's visits (pain, stress, sleep, each
// activity, each mobility measure), with the change since the first value
// in words under it, and the button that records mobility.
type clientMeasures struct {
	sh       *shell
	clientID int64
	gen      int
	outcomes data.Outcomes
	plan     data.CarePlan // the plan marked on the charts (hasPlan)
	hasPlan  bool
	charts   []*measureChart
	words    []*widget.Label
	grid     *fyne.Container
	mobility *widget.Button
	report   *widget.Button // "Progress report…"
	obj      fyne.CanvasObject
}

func newClientMeasures(sh *shell, clientID int64) *clientMeasures {
	m := &clientMeasures{sh: sh, clientID: clientID, grid: newMeasureGrid()}
	m.mobility = widget.NewButtonWithIcon("Mobility…", theme.ContentAddIcon(), func() { m.sh.openMobility(m.clientID) })
	m.mobility.Importance = widget.LowImportance
	m.report = widget.NewButtonWithIcon("Progress report…", theme.DocumentPrintIcon(), func() { m.sh.openProgressReport(m.clientID) })
	m.report.Importance = widget.LowImportance
	m.obj = section("Progress", container.NewVBox(m.grid, container.NewHBox(layoutSpacer(), m.report, m.mobility)))
	m.reload()
	return m
}

// reload reads the client's outcomes off the UI goroutine.
func (m *clientMeasures) reload() {
	m.gen++
	gen, st, id := m.gen, m.sh.store, m.clientID
	m.sh.background(func(ctx context.Context) func() {
		o, err := st.ClientOutcomes(ctx, id, data.Date{})
		var plan data.CarePlan
		var hasPlan bool
		if err == nil {
			plan, hasPlan, err = st.CurrentCarePlan(ctx, id)
		}
		return func() {
			if gen != m.gen || m.sh.store != st {
				return
			}
			if err != nil {
				m.grid.Objects = []fyne.CanvasObject{widget.NewLabel("Progress could not be shown: " + data.UserMessage(err))}
				m.grid.Refresh()
				return
			}
			m.outcomes, m.plan, m.hasPlan = o, plan, hasPlan
			m.render()
		}
	})
}

// render shows one cell per measure: its name and unit, the chart (with two
// or more visits) and the change in words.
func (m *clientMeasures) render() {
	m.charts, m.words = nil, nil
	var cells []fyne.CanvasObject
	for _, s := range m.outcomes.Series {
		title := widget.NewLabelWithStyle(measureTitle(s.Measure), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		words := widget.NewLabel(s.Words)
		words.Wrapping = fyne.TextWrapWord
		words.SizeName = theme.SizeNameCaptionText
		if s.Improved() {
			words.Importance = widget.SuccessImportance
		}
		c := newMeasureChart()
		c.SetSeries(s)
		under := fyne.CanvasObject(words)
		if m.hasPlan {
			marks := planMarks(m.plan, s.Measure.Key)
			c.SetMarks(marks)
			if key := marksKey(m.plan, marks, s.Measure); key != "" {
				legend := widget.NewLabel(key)
				legend.Wrapping = fyne.TextWrapWord
				legend.SizeName = theme.SizeNameCaptionText
				legend.Importance = widget.LowImportance
				under = container.NewVBox(words, legend)
			}
		}
		m.charts, m.words = append(m.charts, c), append(m.words, words)
		cells = append(cells, container.NewBorder(title, under, nil, nil, c))
	}
	if len(cells) == 0 {
		none := widget.NewLabel("Nothing measured yet: check-ins and mobility appear here.")
		none.Importance = widget.LowImportance
		none.Wrapping = fyne.TextWrapWord
		cells = append(cells, none)
	}
	m.grid.Objects = cells
	m.grid.Refresh()
}

// measureTitle is a chart's heading: "Neck rotation right (degrees)".
func measureTitle(me data.Measure) string {
	switch me.Unit {
	case data.UnitDegrees:
		return me.Label + " (degrees)"
	case data.UnitCM:
		return me.Label + " (cm)"
	}
	return me.Label + " (0–10)"
}
