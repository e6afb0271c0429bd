package gui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// healthReviewLine is the client page's line on when the health history
// was last gone through with the client, and, once the practice's review
// interval has passed, an amber prompt with Mark reviewed.
type healthReviewLine struct {
	sh       *shell
	clientID int64
	last     *widget.Label
	due      *widget.Label
	markBtn  *widget.Button
	prompt   *fyne.Container
	obj      fyne.CanvasObject
}

// newHealthReviewLine builds the line for the client and fills it.
func newHealthReviewLine(sh *shell, clientID int64) *healthReviewLine {
	h := &healthReviewLine{sh: sh, clientID: clientID}
	h.last = widget.NewLabel("")
	h.last.Importance = widget.LowImportance
	h.last.Wrapping = fyne.TextWrapWord
	h.due = widget.NewLabel("")
	h.due.Importance = widget.WarningImportance
	h.due.TextStyle.Bold = true
	h.due.Wrapping = fyne.TextWrapWord
	h.markBtn = widget.NewButtonWithIcon("Mark reviewed", theme.ConfirmIcon(), h.askMark)
	h.prompt = container.NewBorder(nil, nil, nil, container.NewCenter(h.markBtn), h.due)
	h.obj = container.NewVBox(h.last, h.prompt)
	h.reload()
	return h
}

// reload reads the last review and whether one is due.
func (h *healthReviewLine) reload() {
	ctx := context.Background()
	last, ok, err := h.sh.store.LastHealthReview(ctx, h.clientID)
	if err != nil {
		showError(h.sh.win, err)
		return
	}
	due, since, err := h.sh.store.ReviewDue(ctx, h.clientID)
	if err != nil {
		showError(h.sh.win, err)
		return
	}
	today, err := h.sh.store.Today(ctx)
	if err != nil {
		showError(h.sh.win, err)
		return
	}
	if ok {
		text := "Health history last reviewed " + last.ReviewedOn.Format()
		if last.Note != "" {
			text += ": " + last.Note
		}
		h.last.SetText(text)
	} else {
		h.last.SetText("Health history not reviewed with the client yet.")
	}
	if !due {
		h.prompt.Hide()
		return
	}
	ago := monthsAgo(since, today)
	if ok {
		h.due.SetText("Review due — last reviewed " + ago + ".")
	} else {
		h.due.SetText("Review due — health history recorded " + ago + ".")
	}
	h.prompt.Show()
}

// monthsAgo says how long ago since was, in whole months: "14 months ago".
func monthsAgo(since, today data.Date) string {
	n := (today.Year-since.Year)*12 + int(today.Month-since.Month)
	if today.Day < since.Day {
		n--
	}
	switch {
	case n < 1:
		return "less than a month ago"
	case n == 1:
		return "1 month ago"
	}
	return fmt.Sprintf("%d months ago", n)
}

// askMark asks for an optional note, then records the review.
func (h *healthReviewLine) askMark() {
	note := newTextArea("Optional: what changed, e.g. new medication", 3, 2000)
	msg := widget.NewLabel("You went through the health history with the client today and it is up to date.")
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	mark := widget.NewButton("Mark reviewed", func() {
		d.Hide()
		h.mark(note.Text)
	})
	mark.Importance = widget.HighImportance
	note.setOnEscape(func() { d.Hide() })
	body := container.NewBorder(msg, container.NewHBox(layout.NewSpacer(), cancel, mark), nil, nil, note)
	d = dialog.NewCustomWithoutButtons("Mark health history reviewed", body, h.sh.win)
	d.Resize(fyne.NewSize(min(480, h.sh.win.Canvas().Size().Width-40), 0))
	d.Show()
	h.sh.win.Canvas().Focus(note)
}

// mark records the review off the UI goroutine, then shows the line again.
func (h *healthReviewLine) mark(note string) {
	st := h.sh.store
	h.sh.background(func(ctx context.Context) func() {
		_, err := st.ReviewHealthHistory(ctx, h.clientID, note)
		return func() {
			if err != nil {
				showError(h.sh.win, err)
			}
			if h.sh.store == st {
				h.reload()
				h.sh.clientRecordChanged(h.clientID)
			}
		}
	})
}
