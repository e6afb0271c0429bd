package gui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/assets"
)

// navItem is one entry of the sidebar.
type navItem struct {
	section string
	icon    fyne.Resource
}

// sidebar lists the sections of the app; the chosen one is highlighted.
type sidebar struct {
	items    []navItem
	list     *widget.List
	obj      fyne.CanvasObject
	selected string
	quiet    bool // suppress onSelect while the selection is set from code
}

func newSidebar(onSelect func(section string)) *sidebar {
	sb := &sidebar{items: []navItem{
		{sectionToday, theme.HomeIcon()},
		{sectionCalendar, theme.CalendarIcon()},
		{sectionClients, theme.AccountIcon()},
		{sectionHandouts, theme.FileTextIcon()},
		{sectionReceipts, theme.DocumentIcon()},
		{sectionReports, theme.GridIcon()},
		{sectionSettings, theme.SettingsIcon()},
	}}
	sb.list = widget.NewList(
		func() int { return len(sb.items) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Calendar"))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(sb.items[id].icon)
			row.Objects[1].(*widget.Label).SetText(sb.items[id].section)
		})
	sb.list.HideSeparators = true
	sb.list.OnSelected = func(id widget.ListItemID) {
		sb.selected = sb.items[id].section
		if !sb.quiet {
			onSelect(sb.selected)
		}
	}
	logo := canvas.NewImageFromResource(fyne.NewStaticResource("icon.svg", assets.IconSVG))
	logo.FillMode = canvas.ImageFillContain
	logo.SetMinSize(fyne.NewSize(28, 28))
	name := widget.NewLabelWithStyle("Stillpoint", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameSubHeadingText
	brand := container.NewPadded(container.NewHBox(logo, name))
	body := container.NewBorder(brand, nil, nil, nil, sb.list)
	sb.obj = container.NewStack(fixedWidth(190), body)
	return sb
}

// setSelected highlights a section without calling back.
func (sb *sidebar) setSelected(section string) {
	for i, it := range sb.items {
		if it.section == section && sb.selected != section {
			sb.quiet = true
			sb.list.Select(i)
			sb.quiet = false
		}
	}
}

// fixedWidth is an invisible spacer that gives its stack a minimum width.
func fixedWidth(w float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent) // not nil: the software painter cannot draw nil
	r.SetMinSize(fyne.NewSize(w, 0))
	return r
}
