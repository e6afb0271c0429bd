package gui

import (
	"strings"

	"github.com/stillpoint/stillpoint/data"
)

// flagSensitive shows, under the body chart, the sensitive areas marked on
// it that the client has not consented to (some regulators require a
// separate, explicit consent for gluteals, chest, abdomen and inner thigh).
func (e *noteEditor) flagSensitive() {
	var marks []data.Mark
	for _, m := range e.w.chart.Marks() {
		marks = append(marks, data.Mark{View: data.BodyView(m.View), X: float64(m.X), Y: float64(m.Y)})
	}
	missing := data.UnconsentedSensitive(data.MarkedSensitiveAreas(marks), e.consented)
	if len(missing) == 0 {
		e.w.consentWarn.Hide()
		return
	}
	names := make([]string, len(missing))
	for i, a := range missing {
		names[i] = strings.ToLower(data.AreaLabel(a))
	}
	e.w.consentWarn.SetText("No consent on record for treating the " + strings.Join(names, ", ") +
		". Record the client's consent for sensitive areas (client page › Consent) before treating there.")
	e.w.consentWarn.Show()
}
