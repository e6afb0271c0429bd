package gui

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// consentDialog records one signed consent, on the form type: which form
// (treatment or sensitive areas), the current wording the client reads, the
// areas ticked for a sensitive consent, the date and the client's signature
// drawn on the pad. Problems show under their fields by the data layer's
// names (data.ConsentFieldNames).
type consentDialog struct {
	*form
	clientID int64
	texts    map[data.ConsentKind]data.ConsentText
	loc      *time.Location // the practice's zone, for dates
	kind     *widget.RadioGroup
	text     *widget.Label
	version  *widget.Label
	areas    *widget.CheckGroup
	areasObj fyne.CanvasObject
	date     *entry
	pad      *signaturePad
	cancel   *widget.Button
	dlg      *dialog.CustomDialog
}

// newConsentDialog opens the dialog for the client; saved runs after the
// consent is recorded.
func newConsentDialog(sh *shell, clientID int64, saved func()) *consentDialog {
	d := &consentDialog{clientID: clientID, texts: map[data.ConsentKind]data.ConsentText{}}
	d.form = newForm(sh, "this consent", nil)
	d.saveFn = func() { d.save(saved) }
	d.saveBtn.SetText("Record consent")
	d.validate = d.check
	ctx := context.Background()
	d.loc = time.UTC
	if loc, err := sh.store.Location(ctx); err == nil {
		d.loc = loc
	}
	texts, err := sh.store.ConsentTexts(ctx)
	if err != nil {
		showError(sh.win, err)
	}
	for _, t := range texts {
		d.texts[t.Kind] = t
	}
	var kinds []string
	for _, k := range data.ConsentKinds() {
		kinds = append(kinds, k.Label())
	}
	d.kind = widget.NewRadioGroup(kinds, func(string) { d.showKind(); d.changed() })
	d.kind.Horizontal = true
	d.kind.Required = true
	d.text = widget.NewLabel("")
	d.text.Wrapping = fyne.TextWrapWord
	d.version = widget.NewLabel("")
	d.version.Importance = widget.LowImportance
	textScroll := container.NewVScroll(d.text)
	textScroll.SetMinSize(fyne.NewSize(0, 120))
	var areaLabels []string
	for _, a := range data.SensitiveAreas() {
		areaLabels = append(areaLabels, data.AreaLabel(a))
	}
	d.areas = widget.NewCheckGroup(areaLabels, func([]string) { d.changed() })
	d.areas.Horizontal = true
	d.date = newEntry("YYYY-MM-DD", 30)
	d.watch(d.date)
	d.pad = newSignaturePad()
	d.pad.OnChanged = d.changed

	d.areasObj = d.add(newField("Areas", "Areas the client consents to *", d.areas, ""))
	body := container.NewVBox(
		d.add(newField("Kind", "Consent form *", d.kind, "")),
		d.add(newField("TextVersionID", "What the client reads and agrees to", container.NewVBox(textScroll, d.version), "")),
		d.areasObj,
		d.add(newField("SignedOn", "Date signed *", d.date, "")),
		d.add(newField("SignaturePNG", "Client's signature *", d.pad, "The client signs in the box with the mouse, trackpad or a finger.")),
	)
	d.form.load(func() {
		d.kind.SetSelected(data.ConsentGeneral.Label())
		if today, err := sh.store.Today(ctx); err == nil {
			d.date.SetText(today.String())
		}
	})
	d.showKind()
	d.cancel = widget.NewButton("Cancel", func() { d.guard(d.close) })
	buttons := container.NewHBox(layout.NewSpacer(), d.cancel, d.saveBtn)
	content := container.NewBorder(nil, buttons, nil, nil, d.frame(container.NewVBox(), body))
	d.dlg = dialog.NewCustomWithoutButtons("Record consent", content, sh.win)
	d.dlg.Resize(bookingDialogSize(sh.win))
	d.dlg.SetOnClosed(d.escapeCancels(func() { d.guard(d.close) }))
	d.dlg.Show()
	return d
}

// close hides the dialog (which gives the window its keys back).
func (d *consentDialog) close() { d.dlg.Hide() }

// chosenKind is the kind picked with the radio buttons ("" when none).
func (d *consentDialog) chosenKind() data.ConsentKind {
	for _, k := range data.ConsentKinds() {
		if d.kind.Selected == k.Label() {
			return k
		}
	}
	return ""
}

// showKind shows the chosen form's current wording, and the areas only for
// the sensitive-areas consent.
func (d *consentDialog) showKind() {
	k := d.chosenKind()
	t, ok := d.texts[k]
	switch {
	case ok:
		d.text.SetText(t.Body)
		d.version.SetText(fmt.Sprintf("Text version %d, saved %s. Change the wording under Settings › Clinical.",
			t.Version, t.CreatedAt.In(d.loc).Format("2 Jan 2006")))
	default:
		d.text.SetText("")
		d.version.SetText("")
	}
	if k == data.ConsentSensitive {
		d.areasObj.Show()
	} else {
		d.areasObj.Hide()
	}
}

// read builds the consent from what is entered.
func (d *consentDialog) read() (data.Consent, []data.FieldProblem) {
	k := d.chosenKind()
	c := data.Consent{ClientID: d.clientID, Kind: k, TextVersionID: d.texts[k].ID}
	if k == data.ConsentSensitive {
		for _, a := range data.SensitiveAreas() {
			for _, sel := range d.areas.Selected {
				if sel == data.AreaLabel(a) {
					c.Areas = append(c.Areas, a)
				}
			}
		}
	}
	var probs []data.FieldProblem
	day, err := data.ParseDate(d.date.Text)
	if err != nil {
		probs = append(probs, data.FieldProblem{Field: "SignedOn", Message: err.Error()})
	}
	c.SignedOn = day
	if !d.pad.Empty() {
		png, err := d.pad.PNG()
		if err != nil {
			probs = append(probs, data.FieldProblem{Field: "SignaturePNG", Message: err.Error()})
		}
		c.SignaturePNG = png
	}
	return c, probs
}

// check validates the consent against today's date in the practice's zone.
func (d *consentDialog) check() bool {
	c, probs := d.read()
	today, err := d.sh.store.Today(context.Background())
	if err != nil {
		showError(d.sh.win, err)
		return false
	}
	c.Normalize()
	return d.report(probs, c.Validate(today))
}

// save records the consent off the UI goroutine, then closes the dialog.
func (d *consentDialog) save(saved func()) {
	if !d.ready() {
		return
	}
	c, _ := d.read()
	d.submit(func(ctx context.Context, st *data.Store) error {
		return st.RecordConsent(ctx, &c)
	}, func() {
		d.close()
		saved()
	})
}
