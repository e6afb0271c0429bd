package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// newDemoBanner is the amber strip shown across the top while the sample
// practice is open, so its records are never mistaken for real ones. Its
// text wraps, so it never makes a narrow window wider.
func newDemoBanner(sh *shell) fyne.CanvasObject {
	bg := canvas.NewRectangle(demoAmber)
	text := widget.NewRichText(&widget.TextSegment{
		Text: "DEMO PRACTICE — sample clients, not your records. Changes here stay in the demo file.",
		Style: widget.RichTextStyle{ColorName: theme.ColorNameForegroundOnWarning,
			TextStyle: fyne.TextStyle{Bold: true}},
	})
	text.Wrapping = fyne.TextWrapWord
	var leave fyne.CanvasObject
	if sh.realPath != sh.store.Path() {
		leave = container.NewCenter(widget.NewButton("Leave demo", sh.leaveDemo))
	}
	return container.NewStack(bg, container.NewBorder(nil, nil, nil, leave, text))
}
