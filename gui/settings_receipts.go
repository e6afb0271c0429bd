package gui

import (
	"context"
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// receiptSettingsForm is the Receipts tab of Settings: the receipt
// number's prefix, the usual payment method (what one-click checkout
// records), whether receipts show the client's date of birth, how amounts
// are written, and the US superbill fields (NPI, TIN/EIN, place of service,
// a CPT code per service).
type receiptSettingsForm struct {
	*form
	prefix, npi, taxID, pos *entry
	method                  *widget.Select
	birth                   *widget.Check
	locale                  *widget.Select // the locale's name (data.LocaleName)
	preview                 *widget.Label
	codes                   map[int64][2]*entry // per service: CPT code, units
	services                []data.Service
	saved                   *widget.Label
	obj                     fyne.CanvasObject
}

func newReceiptSettings(sh *shell) *receiptSettingsForm {
	r := &receiptSettingsForm{codes: map[int64][2]*entry{}}
	r.form = newForm(sh, "the receipt settings", nil)
	r.saveFn = r.save
	r.onChange = func() { r.saved.Hide(); r.showPreview() }
	r.saved = widget.NewLabel("Saved.")
	r.saved.Importance = widget.SuccessImportance
	r.saved.Hide()
	r.prefix = newEntry("e.g. R-", 12)
	r.method = widget.NewSelect(methodLabels(false), func(string) { r.changed() })
	r.birth = widget.NewCheck("Print the client's date of birth on receipts", func(bool) { r.changed() })
	var names []string
	for _, l := range data.Locales {
		names = append(names, data.LocaleName(l))
	}
	r.locale = widget.NewSelect(names, func(string) { r.changed() })
	r.locale.PlaceHolder = "Choose from the list"
	r.preview = widget.NewLabel("")
	r.preview.Importance = widget.LowImportance
	r.npi, r.taxID, r.pos = newEntry("10 digits", 10), newEntry("e.g. 12-3456789", 20), newEntry("e.g. 11", 2)
	r.watch(r.prefix, r.npi, r.taxID, r.pos)

	codes := container.NewVBox()
	if svcs, err := sh.store.Services(context.Background(), true); err == nil {
		r.services = svcs
		for _, v := range svcs {
			code, units := newEntry("e.g. 97124", 5), newEntry("1", 2)
			r.watch(code, units)
			r.codes[v.ID] = [2]*entry{code, units}
			name := widget.NewLabel(v.Name)
			name.Truncation = fyne.TextTruncateEllipsis
			codes.Add(container.NewGridWithColumns(3, name, code, units))
		}
	}
	r.obj = container.NewVBox(
		r.row(newField("InvoicePrefix", "Receipt number prefix", r.prefix, "R- gives R-000042. Numbers are never reused."),
			newField("DefaultMethod", "Usual payment", r.method, "What Check out records in one click.")),
		r.row(newField("Locale", "Amounts written as", r.locale, ""), newField("PrintBirthDate", "Date of birth", r.birth, "Some insurers ask for it.")),
		r.preview,
		section("US superbill (leave empty outside the US)",
			r.row(newField("NPI", "NPI", r.npi, ""), newField("TaxID", "TIN / EIN", r.taxID, ""),
				newField("PlaceOfService", "Place of service", r.pos, "11 is an office.")),
			r.add(newField("CPTCode", "CPT code and units per service", codes, "e.g. 97124 (massage), 97140 (manual therapy).")),
		),
		r.summary,
		container.NewHBox(layout.NewSpacer(), r.saved, r.saveBtn),
	)
	r.revert()
	return r
}

// showPreview writes a sample amount the way receipts will.
func (r *receiptSettingsForm) showPreview() {
	cur := "CAD"
	if p, err := r.sh.store.Practice(context.Background()); err == nil {
		cur = p.Currency
	}
	if r.locale.Selected == "" {
		r.preview.SetText("")
		return
	}
	r.preview.SetText("For example: " + data.FormatMoney(123450, cur, r.localeTag()))
}

// localeTag is the chosen locale's tag ("fr-CA"); "" when none is chosen.
func (r *receiptSettingsForm) localeTag() string {
	for _, l := range data.Locales {
		if data.LocaleName(l) == r.locale.Selected {
			return l
		}
	}
	return ""
}

// revert shows the stored settings again.
func (r *receiptSettingsForm) revert() {
	ctx := context.Background()
	set, err := r.sh.store.ReceiptSettings(ctx)
	if err != nil {
		showError(r.sh.win, err)
		return
	}
	codes, err := r.sh.store.BillingCodes(ctx)
	if err != nil {
		showError(r.sh.win, err)
		return
	}
	r.load(func() {
		r.prefix.SetText(set.InvoicePrefix)
		r.method.SetSelected(set.DefaultMethod.Label())
		r.birth.SetChecked(set.PrintBirthDate)
		if data.LocaleName(set.Locale) != set.Locale {
			r.locale.SetSelected(data.LocaleName(set.Locale))
		} else {
			r.locale.ClearSelected() // not one offered: the therapist chooses again
		}
		r.npi.SetText(set.NPI)
		r.taxID.SetText(set.TaxID)
		r.pos.SetText(set.PlaceOfService)
		for id, e := range r.codes {
			e[0].SetText(codes[id].CPTCode)
			units := codes[id].CPTUnits
			e[1].SetText(strconv.Itoa(max(units, 1)))
		}
	})
	r.showPreview()
	r.report(nil, nil)
}

// save stores the settings and the services' CPT codes.
func (r *receiptSettingsForm) save() {
	r.validate = func() bool {
		var probs []data.FieldProblem
		for _, v := range r.services {
			if n, err := strconv.Atoi(r.codes[v.ID][1].Text); err != nil || n < 1 || n > 99 {
				probs = append(probs, data.FieldProblem{Field: "CPTCode", Message: fmt.Sprintf("%s: units are a number from 1 to 99.", v.Name)})
			}
		}
		return r.report(probs, nil)
	}
	if !r.ready() {
		return
	}
	set := data.ReceiptSettings{InvoicePrefix: r.prefix.Text, DefaultMethod: methodOf(r.method.Selected),
		PrintBirthDate: r.birth.Checked, Locale: r.localeTag(), NPI: r.npi.Text, TaxID: r.taxID.Text, PlaceOfService: r.pos.Text}
	var codes []data.BillingCode
	for _, v := range r.services {
		units, _ := strconv.Atoi(r.codes[v.ID][1].Text)
		codes = append(codes, data.BillingCode{ServiceID: v.ID, CPTCode: r.codes[v.ID][0].Text, CPTUnits: units})
	}
	r.submit(func(ctx context.Context, st *data.Store) error {
		if err := st.SaveReceiptSettings(ctx, &set); err != nil {
			return err
		}
		for _, b := range codes {
			if err := st.SaveBillingCode(ctx, b); err != nil {
				return err
			}
		}
		return nil
	}, func() { r.saved.Show(); r.sh.receiptsChanged() })
}
