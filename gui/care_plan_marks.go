package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/stillpoint/stillpoint/data"
)

// chartSection is the plan's body chart in the editor: the treatment
// note's body chart widget, where the therapist marks the areas the plan
// works on (pain, tension, trigger points …). The marks are saved with the
// plan and print on it.
func (e *carePlanEditor) chartSection() fyne.CanvasObject {
	e.chart = newBodyChart(nil, false)
	e.chart.OnChanged = func([]bodyMark) { e.changed() }
	box := container.NewGridWrap(fyne.NewSize(420, 430), e.chart)
	f := newField("Marks", "", container.NewCenter(box),
		"Choose a kind, then tap the figure to place a mark; tap a mark to label, move or remove it.")
	e.static = append(e.static, f)
	return section("Body chart", e.add(f))
}

// bodyChartMarks are stored marks as the body chart shows them.
func bodyChartMarks(ms []data.Mark) []bodyMark {
	out := make([]bodyMark, len(ms))
	for i, m := range ms {
		out[i] = bodyMark{View: string(m.View), X: float32(m.X), Y: float32(m.Y), Kind: string(m.Kind), Label: m.Label}
	}
	return out
}

// storedMarks are the body chart's marks as the data layer stores them.
func storedMarks(ms []bodyMark) []data.Mark {
	var out []data.Mark
	for _, m := range ms {
		out = append(out, data.Mark{Kind: data.MarkKind(m.Kind), Label: m.Label, View: data.BodyView(m.View),
			X: float64(m.X), Y: float64(m.Y)})
	}
	return out
}
