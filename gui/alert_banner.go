package gui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// newAlertBanner is the red strip that carries a client's alerts: white
// bold text on the alert colour, so it cannot be missed. It is shown
// wherever the client appears.
func newAlertBanner(alerts string) fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameError))
	bg.CornerRadius = theme.InputRadiusSize()
	icon := widget.NewIcon(theme.NewColoredResource(theme.WarningIcon(), theme.ColorNameForegroundOnError))
	var lines []string
	for _, line := range strings.Split(alerts, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			lines = append(lines, line)
		}
	}
	text := widget.NewRichText(&widget.TextSegment{Text: strings.Join(lines, "\n"), Style: widget.RichTextStyle{
		ColorName: theme.ColorNameForegroundOnError, TextStyle: fyne.TextStyle{Bold: true}}})
	text.Wrapping = fyne.TextWrapWord
	return container.NewStack(bg, container.NewBorder(nil, nil, container.NewPadded(icon), nil, text))
}

// newCautionStrip lists the health cautions ("Pregnant", "Takes blood
// thinners") on a soft amber background.
func newCautionStrip(cautions []string) fyne.CanvasObject {
	bg := canvas.NewRectangle(cautionBackground(fyne.CurrentApp().Settings().ThemeVariant()))
	bg.CornerRadius = theme.InputRadiusSize()
	text := widget.NewLabel("Cautions: " + strings.Join(cautions, " · "))
	text.Wrapping = fyne.TextWrapWord
	return container.NewStack(bg, text)
}
