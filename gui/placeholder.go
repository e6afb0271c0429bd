package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// placeholderInfo describes a section that is not built yet.
type placeholderInfo struct {
	section string
	icon    fyne.Resource
	promise string
}

// placeholders says what each section still to come will do.
func placeholders() []placeholderInfo {
	return []placeholderInfo{
		{sectionReceipts, theme.DocumentIcon(),
			"Insurance-ready receipts to print or save as PDF, and year-end statements for each client."},
	}
}

// newPlaceholder is the calm screen of a section still to come.
func newPlaceholder(p placeholderInfo) fyne.CanvasObject {
	icon := widget.NewIcon(theme.NewDisabledResource(p.icon))
	iconBox := container.NewGridWrap(fyne.NewSize(64, 64), icon)
	title := heading(p.section)
	title.Alignment = fyne.TextAlignCenter
	soon := widget.NewLabelWithStyle("Coming soon", fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
	soon.Importance = widget.LowImportance
	text := widget.NewLabelWithStyle(p.promise, fyne.TextAlignCenter, fyne.TextStyle{})
	text.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(container.NewCenter(iconBox), title, text, soon)
	return container.NewCenter(container.NewStack(fixedWidth(440), body))
}
