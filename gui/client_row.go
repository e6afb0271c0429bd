package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// newClientRow is the template of a client list row: an alert mark, the
// name, and the phone and e-mail in quiet type. All rows have one height,
// so the list stays smooth with tens of thousands of clients.
func newClientRow() fyne.CanvasObject {
	alert := widget.NewIcon(theme.NewErrorThemedResource(theme.WarningIcon()))
	name := widget.NewLabelWithStyle("Lastname, Firstname", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("416-555-0134 · name@example.com")
	detail.SizeName = theme.SizeNameCaptionText
	detail.Truncation = fyne.TextTruncateEllipsis
	text := container.New(&tightVBox{}, name, detail)
	return container.NewBorder(nil, nil, nil, alert, text)
}

// updateRow fills a row template with one client.
func (s *clientsScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.rows) {
		return
	}
	c := s.rows[id]
	row := o.(*fyne.Container)
	text := row.Objects[0].(*fyne.Container)
	alert := row.Objects[1].(*widget.Icon)
	name := text.Objects[0].(*widget.Label)
	name.SetText(c.ListName())
	text.Objects[1].(*widget.Label).SetText(rowDetail(c))
	if c.Alerts != "" {
		alert.Show()
	} else {
		alert.Hide()
	}
}

// rowDetail is the quiet line under a client's name: "Archived" first when
// the client is, then the field a search found (the work phone, the
// e-mail) or else the first phone and the e-mail.
func rowDetail(c data.ClientSummary) string {
	var parts []string
	if c.Archived {
		parts = append(parts, "Archived")
	}
	if m := c.Matched(); m != "" {
		parts = append(parts, m)
	} else {
		parts = append(parts, c.Phone, c.Email)
	}
	return joinNonEmpty(" · ", parts...)
}

// tightVBox stacks objects vertically with no gap, for two-line rows.
type tightVBox struct{}

// MinSize is the sum of the heights, less the padding between rows.
func (tightVBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
	}
	s.Height -= 2 * theme.Padding() * float32(len(objs)-1)
	return s
}

// Layout stacks the objects, each at its minimum height.
func (tightVBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h - 2*theme.Padding()
	}
}
