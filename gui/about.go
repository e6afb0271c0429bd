package gui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint"
	"github.com/stillpoint/stillpoint/assets"
)

// aboutTitle names the About dialog and its Help menu entry.
const aboutTitle = "About Stillpoint"

// showAbout opens the About dialog: the version, the commit it was built
// from and that commit's date (from Options), where the open practice file
// is, and the licence with its full text one tap away.
func (sh *shell) showAbout() {
	closeOnKeys(sh.win, dialog.NewCustom(aboutTitle, "Close", sh.aboutContent(), sh.win))
}

// aboutContent is the body of the About dialog.
func (sh *shell) aboutContent() fyne.CanvasObject {
	icon := canvas.NewImageFromResource(fyne.NewStaticResource("icon.png", assets.IconPNG))
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSquareSize(64))
	name := widget.NewLabelWithStyle("Stillpoint "+orUnknown(sh.opts.Version), fyne.TextAlignLeading,
		fyne.TextStyle{Bold: true})
	tagline := widget.NewLabel("Clients, appointments and notes for a solo practice.")

	build := widget.NewForm(
		widget.NewFormItem("Commit", selectable(orUnknown(sh.opts.Commit))),
		widget.NewFormItem("Date", selectable(orUnknown(sh.opts.BuildDate))),
		widget.NewFormItem("Practice file", selectable(sh.store.Path())),
	)

	licence := widget.NewLabel(strings.TrimSpace(stillpoint.License))
	licence.Wrapping = fyne.TextWrapWord
	full := widget.NewAccordion(widget.NewAccordionItem("Licence: "+licenceName(stillpoint.License),
		container.NewGridWrap(fyne.NewSize(520, 260), container.NewVScroll(licence))))

	head := container.NewBorder(nil, nil, icon, nil, container.NewVBox(name, tagline))
	return container.NewVBox(head, build, full)
}

// selectable is a wrapping label whose text can be selected and copied.
func selectable(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Selectable = true
	l.Wrapping = fyne.TextWrapBreak
	return l
}

// orUnknown stands in for a value the build did not record.
func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// licenceName is the licence's first line ("MIT License").
func licenceName(text string) string {
	first, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
	return strings.TrimSpace(first)
}
