package gui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// The cells of a receipt row, in order.
const (
	colNumber = iota
	colDate
	colClient
	colTotal
	colPaid
	colStatus
	receiptColumns
)

// receiptColumnSamples is the widest text each fixed column usually
// holds: the column is that wide and no wider, and the client's name
// takes the rest of the row.
var receiptColumnSamples = [receiptColumns]string{
	colNumber: "R-0000000",
	colDate:   "30 Sep 2026",
	colTotal:  "$10,000.00",
	colPaid:   "$10,000.00",
	colStatus: "Partly paid",
}

// receiptRowLayout lays out a receipt row: number, date, amounts and
// status in narrow fixed columns, the client's name in all the room left.
// A last object, the strike line, is drawn across a void receipt's total.
type receiptRowLayout struct{}

// fixedWidth is the width of a fixed column.
func (receiptRowLayout) fixedWidth(col int) float32 {
	w := fyne.MeasureText(receiptColumnSamples[col], theme.TextSize(), fyne.TextStyle{Bold: true}).Width
	return w + 2*theme.InnerPadding() + theme.Padding()
}

// clientMin is the least room a client's name gets.
func (receiptRowLayout) clientMin() float32 {
	return fyne.MeasureText("Bea Okafor", theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()
}

func (l receiptRowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w := l.clientMin() + float32(receiptColumns-1)*theme.Padding()
	var h float32
	for i := 0; i < receiptColumns && i < len(objs); i++ {
		if i != colClient {
			w += l.fixedWidth(i)
		}
		h = max(h, objs[i].MinSize().Height)
	}
	return fyne.NewSize(w, h)
}

func (l receiptRowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	gap := theme.Padding()
	fixed := float32(0)
	for i := 0; i < receiptColumns; i++ {
		if i != colClient {
			fixed += l.fixedWidth(i)
		}
	}
	client := max(size.Width-fixed-float32(receiptColumns-1)*gap, l.clientMin())
	x := float32(0)
	for i := 0; i < receiptColumns && i < len(objs); i++ {
		w := client
		if i != colClient {
			w = l.fixedWidth(i)
		}
		objs[i].Move(fyne.NewPos(x, 0))
		objs[i].Resize(fyne.NewSize(w, size.Height))
		x += w + gap
	}
	if len(objs) <= receiptColumns {
		return
	}
	// The strike line runs across the total's text, which is right-aligned.
	total := objs[colTotal].(*widget.Label)
	tw := fyne.MeasureText(total.Text, theme.TextSize(), total.TextStyle).Width
	right := total.Position().X + total.Size().Width - theme.InnerPadding()
	line := objs[receiptColumns]
	line.Move(fyne.NewPos(right-tw, size.Height/2))
	line.Resize(fyne.NewSize(tw, 0))
}

func newReceiptRow() fyne.CanvasObject {
	cells := make([]fyne.CanvasObject, receiptColumns, receiptColumns+1)
	for i := range cells {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		if i == colTotal || i == colPaid {
			l.Alignment = fyne.TextAlignTrailing
		}
		cells[i] = l
	}
	strike := canvas.NewLine(theme.Color(theme.ColorNameDisabled))
	strike.StrokeWidth = 1
	strike.Hide()
	return container.New(receiptRowLayout{}, append(cells, strike)...)
}

func receiptRowHeader() fyne.CanvasObject {
	row := newReceiptRow().(*fyne.Container)
	for i, t := range []string{"Number", "Date", "Client", "Total", "Paid", "Status"} {
		l := row.Objects[i].(*widget.Label)
		l.SetText(t)
		l.TextStyle = fyne.TextStyle{Bold: true}
	}
	return row
}

// receiptRowTexts is what a receipt's row shows, cell by cell. A void
// receipt reads "Void" where the payment would be: its payments no longer
// count.
func (s *receiptsScreen) receiptRowTexts(r data.InvoiceSummary) [receiptColumns]string {
	number, on := r.Number, r.IssuedOn.Format()
	if r.Status == data.InvoiceDraft {
		number, on = "(draft)", ""
	}
	paid := s.money(r.Paid, r.Currency)
	if r.State == data.StateVoid {
		paid = data.StateVoid.Label()
	}
	return [receiptColumns]string{number, on, r.ClientName, s.money(r.Total, r.Currency), paid, r.State.Label()}
}

func (s *receiptsScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.rows) {
		return
	}
	r := s.rows[id]
	objs := o.(*fyne.Container).Objects
	void := r.State == data.StateVoid
	for i, t := range s.receiptRowTexts(r) {
		l := objs[i].(*widget.Label)
		l.Text = t
		l.Importance = widget.MediumImportance
		l.TextStyle = fyne.TextStyle{}
		if void {
			// A void receipt is greyed and slanted, its total struck out.
			l.Importance = widget.LowImportance
			l.TextStyle = fyne.TextStyle{Italic: true}
		}
	}
	st := objs[colStatus].(*widget.Label)
	switch r.State {
	case data.StatePaid:
		st.Importance = widget.SuccessImportance
	case data.StateUnpaid, data.StatePartly:
		st.Importance = widget.WarningImportance
	}
	for i := 0; i < receiptColumns; i++ {
		objs[i].Refresh()
	}
	strike := objs[receiptColumns]
	strike.(*canvas.Line).StrokeColor = theme.Color(theme.ColorNameDisabled)
	if void {
		strike.Show()
	} else {
		strike.Hide()
	}
	o.(*fyne.Container).Refresh()
}

// totalsText sums up the receipts a filter shows, void ones and drafts
// left out: "Billed $1,240.00 · paid $1,100.00".
func (s *receiptsScreen) totalsText(ts []data.InvoiceTotal) string {
	var parts []string
	for _, t := range ts {
		if t.Count == 0 {
			continue
		}
		parts = append(parts, fmt.Sprintf("billed %s · paid %s", s.money(t.Total, t.Currency), s.money(t.Paid, t.Currency)))
	}
	if len(parts) == 0 {
		return ""
	}
	text := strings.Join(parts, "; ")
	return strings.ToUpper(text[:1]) + text[1:] + " (void receipts not counted)"
}
