package gui

import (
	"context"
	"fmt"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// outcomesScreen is the Reports screen: the income summary (income_report.go)
// and the practice's outcomes — the average change in pain, stress and sleep
// over completed care plans (first value against last within each plan) and
// the share of goals met — each on its tab.
type outcomesScreen struct {
	sh     *shell
	gen    int
	box    *fyne.Container
	lines  []*widget.Label // the figures shown, for tests
	income *incomeReport
	tabs   *container.AppTabs
	obj    fyne.CanvasObject
}

func newOutcomesScreen(sh *shell) *outcomesScreen {
	s := &outcomesScreen{sh: sh, box: container.NewVBox(), income: newIncomeReport(sh)}
	intro := widget.NewLabel("What your completed care plans achieved: for each plan, the first rating within " +
		"its dates against the last, averaged over the plans; and how many of their goals were met.")
	intro.Wrapping = fyne.TextWrapWord
	outcomes := container.NewVScroll(container.NewVBox(intro, s.box))
	s.tabs = container.NewAppTabs(
		container.NewTabItem("Income", s.income.obj),
		container.NewTabItem("Care plan outcomes", outcomes))
	s.obj = container.NewPadded(container.NewBorder(heading(sectionReports), nil, nil, nil, s.tabs))
	return s
}

// reload computes the figures off the UI goroutine.
func (s *outcomesScreen) reload() {
	s.income.reload()
	s.gen++
	gen, st := s.gen, s.sh.store
	s.sh.background(func(ctx context.Context) func() {
		o, err := st.PracticeOutcomes(ctx)
		return func() {
			if gen != s.gen || s.sh.store != st {
				return
			}
			if err != nil {
				s.show([]string{"The outcomes could not be shown: " + data.UserMessage(err)})
				return
			}
			s.show(outcomeLines(o))
		}
	})
}

// outcomeLines are the figures in words.
func outcomeLines(o data.PracticeOutcomes) []string {
	if o.CompletedPlans == 0 {
		return []string{"No care plan is completed yet. Once plans are marked completed, their results appear here."}
	}
	lines := []string{fmt.Sprintf("%d completed care plans.", o.CompletedPlans)}
	for _, c := range o.Changes {
		lines = append(lines, c.Words()+".")
	}
	if o.Goals > 0 {
		lines = append(lines, fmt.Sprintf("Goals met: %d of %d (%d%%).", o.GoalsMet, o.Goals, int(math.Round(o.MetShare()*100))))
	}
	if o.NotMeasured > 0 {
		lines = append(lines, fmt.Sprintf("%d goals had nothing recorded within their plan and are not counted.", o.NotMeasured))
	}
	return lines
}

func (s *outcomesScreen) show(lines []string) {
	s.lines = nil
	var objs []fyne.CanvasObject
	for _, l := range lines {
		w := widget.NewLabel(l)
		w.Wrapping = fyne.TextWrapWord
		s.lines = append(s.lines, w)
		objs = append(objs, w)
	}
	s.box.Objects = objs
	s.box.Refresh()
}
