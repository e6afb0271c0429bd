package gui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// clientConsents is the client page's consent section: each consent the
// client signed (kind, text version, date, sensitive areas), withdrawn ones
// marked and kept, a notice when there is no current consent to treatment,
// and the buttons to record a consent or withdraw one.
type clientConsents struct {
	sh        *shell
	clientID  int64
	rows      *fyne.Container
	recordBtn *widget.Button
	withdraws []*widget.Button // one per current consent, in list order
	dialog    *consentDialog   // the open Record consent dialog, if any
	obj       fyne.CanvasObject
}

// newClientConsents builds the section for the client and fills it.
func newClientConsents(sh *shell, clientID int64) *clientConsents {
	c := &clientConsents{sh: sh, clientID: clientID, rows: container.NewVBox()}
	c.recordBtn = widget.NewButtonWithIcon("Record consent", theme.DocumentCreateIcon(), c.openRecord)
	c.obj = section("Consent", c.rows, container.NewHBox(c.recordBtn))
	c.reload()
	return c
}

// openRecord opens the Record consent dialog.
func (c *clientConsents) openRecord() {
	c.dialog = newConsentDialog(c.sh, c.clientID, func() {
		c.dialog = nil
		c.reload()
		c.sh.clientRecordChanged(c.clientID) // the history of changes too
	})
}

// reload reads the client's consents again and shows them.
func (c *clientConsents) reload() {
	ctx := context.Background()
	list, err := c.sh.store.ClientConsents(ctx, c.clientID)
	if err != nil {
		showError(c.sh.win, err)
		return
	}
	loc, err := c.sh.store.Location(ctx)
	if err != nil {
		loc = time.UTC
	}
	versions := map[int64]int{}
	for _, k := range data.ConsentKinds() {
		all, err := c.sh.store.ConsentTextVersions(ctx, k)
		if err != nil {
			showError(c.sh.win, err)
			return
		}
		for _, t := range all {
			versions[t.ID] = t.Version
		}
	}
	c.rows.Objects, c.withdraws = nil, nil
	cl, err := c.sh.store.Client(ctx, c.clientID)
	if err != nil {
		showError(c.sh.win, err)
		return
	}
	if n := consentNotice(list, cl.ConsentDate); n != nil {
		c.rows.Add(n)
	}
	for _, k := range list {
		c.rows.Add(c.row(k, versions[k.TextVersionID], loc))
	}
	c.rows.Refresh()
}

// consentNotice warns, in red, when the client withdrew consent to
// treatment and has not consented again, and in amber when none was ever
// recorded (saying so when the record has the date of a consent signed on
// paper); nil when a consent to treatment holds.
func consentNotice(list []data.Consent, paper data.Date) fyne.CanvasObject {
	var withdrawn *data.Consent
	for i, k := range list { // newest first
		if k.Kind != data.ConsentGeneral {
			continue
		}
		if k.Current() {
			return nil
		}
		if withdrawn == nil {
			withdrawn = &list[i]
		}
	}
	l := widget.NewLabel("No consent to treatment on file. Record the client's signed consent before the first treatment.")
	l.Importance = widget.WarningImportance
	if !paper.IsZero() {
		l.SetText("Consent on paper signed " + paper.Format() + " — record it here to keep the signed text and signature.")
	}
	if withdrawn != nil {
		l.SetText(fmt.Sprintf("The client withdrew consent to treatment on %s. Do not treat until they consent again.",
			withdrawn.WithdrawnOn.Format()))
		l.Importance = widget.DangerImportance
	}
	l.Wrapping = fyne.TextWrapWord
	l.TextStyle.Bold = true
	return l
}

// consentWhat describes one consent: kind, text version and date signed,
// then the areas of a sensitive consent.
func consentWhat(k data.Consent, version int, loc *time.Location) (string, string) {
	head := fmt.Sprintf("%s — text version %d, signed %s", k.Kind.Label(), version, k.SignedOn.Format())
	var more []string
	if len(k.Areas) > 0 {
		labels := make([]string, len(k.Areas))
		for i, a := range k.Areas {
			labels[i] = data.AreaLabel(a)
		}
		more = append(more, "Areas: "+strings.Join(labels, ", "))
	}
	if !k.Current() {
		w := "Withdrawn " + k.WithdrawnOn.Format()
		if k.WithdrawReason != "" {
			w += ": " + k.WithdrawReason
		}
		more = append(more, w)
	} else if !k.RecordedAt.IsZero() {
		more = append(more, "Recorded "+k.RecordedAt.In(loc).Format("2 Jan 2006 15:04"))
	}
	return head, strings.Join(more, " · ")
}

func (c *clientConsents) row(k data.Consent, version int, loc *time.Location) fyne.CanvasObject {
	head, more := consentWhat(k, version, loc)
	title := widget.NewLabelWithStyle(head, fyne.TextAlignLeading, fyne.TextStyle{Bold: k.Current()})
	title.Wrapping = fyne.TextWrapWord
	detail := widget.NewLabel(more)
	detail.Wrapping = fyne.TextWrapWord
	detail.Importance = widget.LowImportance
	var right fyne.CanvasObject = layout.NewSpacer()
	if k.Current() {
		k2 := k
		btn := widget.NewButton("Withdraw", func() { c.askWithdraw(k2) })
		c.withdraws = append(c.withdraws, btn)
		right = btn
	} else {
		title.Importance = widget.LowImportance
		detail.Importance = widget.DangerImportance
	}
	var sig fyne.CanvasObject = layout.NewSpacer()
	if len(k.SignaturePNG) > 0 {
		img := canvas.NewImageFromResource(fyne.NewStaticResource(fmt.Sprintf("signature-%d.png", k.ID), k.SignaturePNG))
		img.FillMode = canvas.ImageFillContain
		img.SetMinSize(fyne.NewSize(96, 32))
		sig = img
	}
	return container.NewBorder(nil, nil, nil, container.NewHBox(sig, container.NewCenter(right)),
		container.NewVBox(title, detail))
}

// askWithdraw asks for an optional reason, then withdraws the consent; the
// consent stays on record, marked withdrawn.
func (c *clientConsents) askWithdraw(k data.Consent) {
	reason := newTextArea("Optional: why, in the client's words", 3, 2000)
	msg := widget.NewLabel(fmt.Sprintf("%s signed %s will be marked withdrawn today. It stays on record.",
		k.Kind.Label(), k.SignedOn.Format()))
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	keep := widget.NewButton("Keep consent", func() { d.Hide() })
	keep.Importance = widget.HighImportance
	withdraw := widget.NewButton("Withdraw consent", func() {
		d.Hide()
		c.withdraw(k.ID, reason.Text)
	})
	withdraw.Importance = widget.DangerImportance
	reason.setOnEscape(func() { d.Hide() })
	body := container.NewBorder(msg, container.NewHBox(layout.NewSpacer(), withdraw, keep), nil, nil, reason)
	d = dialog.NewCustomWithoutButtons("Withdraw consent?", body, c.sh.win)
	d.Resize(fyne.NewSize(min(480, c.sh.win.Canvas().Size().Width-40), 0))
	d.Show()
	c.sh.win.Canvas().Focus(reason)
}

// withdraw records the withdrawal off the UI goroutine, then shows the list again.
func (c *clientConsents) withdraw(id int64, reason string) {
	st := c.sh.store
	c.sh.background(func(ctx context.Context) func() {
		err := st.WithdrawConsent(ctx, id, reason)
		return func() {
			if err != nil {
				showError(c.sh.win, err)
			}
			if c.sh.store == st {
				c.reload()
				c.sh.clientRecordChanged(c.clientID)
			}
		}
	})
}
