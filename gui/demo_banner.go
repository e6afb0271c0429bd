package gui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// newDemoBanner is the amber strip shown across the top while the sample
// practice is open, so its records are never mistaken for real ones.
func newDemoBanner(sh *shell) fyne.CanvasObject {
	bg := canvas.NewRectangle(demoAmber)
	text := canvas.NewText("DEMO PRACTICE — sample clients, not your records. Changes here stay in the demo file.", color.Black)
	text.TextStyle = fyne.TextStyle{Bold: true}
	row := container.NewHBox(text, layout.NewSpacer())
	if sh.realPath != sh.store.Path() {
		leave := widget.NewButton("Leave demo", sh.leaveDemo)
		row.Add(leave)
	}
	return container.NewStack(bg, container.NewPadded(row))
}
