package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// On Today at 1024×600 the client's whole name shows beside the service:
// the actions have their own line (they once squeezed "Sofia Smith" to
// "Sofia …"). A name too long for the line gives way, not the service.
func TestTodayShowsWholeNamesOnASmallLaptop(t *testing.T) {
	f := newTodayFixture(t)
	f.sh.win.Resize(fyne.NewSize(992, 536))
	if len(f.sh.today.rows) == 0 {
		t.Fatal("no visits on Today")
	}
	for _, r := range f.sh.today.rows {
		whole := widget.NewLabelWithStyle(r.name.Text, fyne.TextAlignLeading, r.name.TextStyle)
		if r.name.Size().Width < whole.MinSize().Width {
			t.Errorf("%q has %.0f of the %.0f it needs", r.name.Text, r.name.Size().Width, whole.MinSize().Width)
		}
		if r.detail.Size().Width < r.detail.MinSize().Width {
			t.Errorf("%q: the service line is cut", r.name.Text)
		}
	}

	name := widget.NewLabelWithStyle(strings.Repeat("Featherstonehaugh ", 6), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("60-min massage · Booked")
	line := newNameLine(name, detail)
	line.Resize(fyne.NewSize(500, line.MinSize().Height))
	if name.Size().Width+detail.Size().Width > 500 || detail.Size().Width < detail.MinSize().Width {
		t.Errorf("long name %.0f + service %.0f in 500", name.Size().Width, detail.Size().Width)
	}
}
