package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// Settings › Receipts saves the prefix, usual method, locale and superbill
// fields, shows the data layer's objections under their fields, and its
// fields cover every name the data layer reports.
func TestReceiptSettingsForm(t *testing.T) {
	sh := newTestShell(t, true)
	sh.show(sectionSettings)
	r := sh.settings.receipts
	for _, n := range data.ReceiptSettingsFieldNames() {
		if r.fields[n] == nil {
			t.Errorf("no field for %s", n)
		}
	}
	typeInto(r.prefix, "INV-")
	r.method.SetSelected(data.PayCash.Label())
	r.locale.SetSelected(data.LocaleName("fr-CA"))
	if !strings.Contains(r.preview.Text, "1\u00a0234,50\u00a0$") {
		t.Errorf("preview %q", r.preview.Text)
	}
	typeInto(r.npi, "12")
	test.Tap(r.saveBtn)
	if msg := r.fields["NPI"].err.Text; !strings.Contains(msg, "10 digits") {
		t.Errorf("NPI message %q", msg)
	}
	typeInto(r.npi, "1234567893")
	typeInto(r.codes[2][0], "97124")
	typeInto(r.codes[2][1], "4")
	test.Tap(r.saveBtn)
	ctx := context.Background()
	set, _ := sh.store.ReceiptSettings(ctx)
	if set.InvoicePrefix != "INV-" || set.DefaultMethod != data.PayCash || set.Locale != "fr-CA" || set.NPI != "1234567893" {
		t.Errorf("saved %+v", set)
	}
	codes, _ := sh.store.BillingCodes(ctx)
	if codes[2].CPTCode != "97124" || codes[2].CPTUnits != 4 {
		t.Errorf("CPT codes %+v", codes)
	}
	if r.dirty || !r.saved.Visible() {
		t.Error("the form is not shown saved")
	}
}
