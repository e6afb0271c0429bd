package gui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// invoiceDialog shows one receipt: its lines, totals, payments and what is
// still owed, with the actions that fit its state (Record payment, Void…,
// Issue a replacement).
type invoiceDialog struct {
	sh      *shell
	inv     data.Invoice
	locale  string
	dlg     *dialog.CustomDialog
	content fyne.CanvasObject // what the dialog shows
	changed func()            // told after a payment, a void or a re-issue

	payBtn, voidBtn, reissueBtn *widget.Button
	pdf                         *pdfActions // "Save as PDF…" and "Print receipt…"; nil for a draft

	voidReason *entry                // the reason typed in the Void question
	voidForm   *form                 // reports the reason's problems
	voidDlg    *dialog.ConfirmDialog // the Void question, while shown
	payment    *paymentDialog        // the payment dialog, while shown
	replace    *replaceDialog        // the replacement draft, while shown
	replacedBy data.Invoice          // the receipt that replaces a void one (ID 0: none)
}

// showInvoice opens receipt id; changed (may be nil) is told of any change.
func (sh *shell) showInvoice(id int64, changed func()) *invoiceDialog {
	ctx := context.Background()
	inv, err := sh.store.Invoice(ctx, id)
	if err != nil {
		showError(sh.win, err)
		return nil
	}
	set, err := sh.store.ReceiptSettings(ctx)
	if err != nil {
		showError(sh.win, err)
		return nil
	}
	d := &invoiceDialog{sh: sh, inv: inv, locale: set.Locale, changed: changed}
	if d.changed == nil {
		d.changed = func() {}
	}
	if inv.Status == data.InvoiceVoid {
		by, err := sh.store.ReplacedBy(ctx, inv.ID)
		if err != nil && !errors.Is(err, data.ErrNotFound) {
			showError(sh.win, err)
			return nil
		}
		d.replacedBy = by
	}
	closeBtn := widget.NewButton("Close", func() { d.dlg.Hide() })
	closeBtn.Importance = widget.HighImportance
	d.payBtn = widget.NewButtonWithIcon("Record payment", theme.ContentAddIcon(), d.recordPayment)
	d.voidBtn = widget.NewButton("Void…", d.void)
	d.voidBtn.Importance = widget.DangerImportance
	d.reissueBtn = widget.NewButton("Issue a replacement", d.reissue)
	if inv.Balance() == 0 {
		d.payBtn.Hide()
	}
	if inv.Status != data.InvoiceIssued {
		d.voidBtn.Hide()
	}
	if inv.Status != data.InvoiceVoid || d.replacedBy.ID != 0 || soldSomething(inv) {
		d.reissueBtn.Hide()
	}
	buttons := container.NewHBox(d.payBtn, d.voidBtn, d.reissueBtn, layoutSpacer())
	if inv.Status != data.InvoiceDraft {
		d.pdf = newPDFActions(sh, receiptDocument(inv))
		d.pdf.printBtn.SetText("Print receipt…")
		d.pdf.printBtn.SetIcon(theme.DocumentPrintIcon())
		buttons.Add(d.pdf.saveBtn)
		buttons.Add(d.pdf.printBtn)
	}
	buttons.Add(closeBtn)
	body := container.NewVScroll(container.NewPadded(d.body()))
	title := "Receipt " + inv.Number
	if inv.Status == data.InvoiceDraft {
		title = "Draft receipt"
	}
	d.content = container.NewBorder(nil, buttons, nil, nil, body)
	d.dlg = dialog.NewCustomWithoutButtons(title, d.content, sh.win)
	d.dlg.Resize(bookingDialogSize(sh.win))
	d.dlg.Show()
	d.escapeCloses()
	sh.receipt = d
	return d
}

// escapeCloses makes Escape close the receipt while it is the dialog on
// top (a payment, a void question or an error over it takes its own keys).
func (d *invoiceDialog) escapeCloses() {
	c := d.sh.win.Canvas()
	top := c.Overlays().Top()
	prev := c.OnTypedKey()
	d.dlg.SetOnClosed(func() { c.SetOnTypedKey(prev) })
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape && c.Overlays().Top() == top {
			d.dlg.Hide()
			return
		}
		if prev != nil {
			prev(ev)
		}
	})
}

// soldSomething reports whether the receipt sold a gift certificate or a
// package (voiding it cancelled them: it is not replaced).
func soldSomething(inv data.Invoice) bool {
	for _, l := range inv.Lines {
		if l.CertificateID != 0 || l.PackageID != 0 || l.Kind == data.LineCertificate || l.Kind == data.LinePackage {
			return true
		}
	}
	return false
}

func (d *invoiceDialog) money(cents int64) string {
	return data.FormatMoney(cents, d.inv.Currency, d.locale)
}

// body lays out the receipt.
func (d *invoiceDialog) body() fyne.CanvasObject {
	inv := d.inv
	state := widget.NewLabelWithStyle(inv.State().Label(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	switch inv.State() {
	case data.StatePaid:
		state.Importance = widget.SuccessImportance
	case data.StateUnpaid, data.StatePartly:
		state.Importance = widget.WarningImportance
	}
	pairs := [][2]string{{"Client", inv.ClientName}, {"Number", inv.Number}, {"Date", inv.IssuedOn.Format()}}
	if inv.Status == data.InvoiceVoid {
		pairs = append(pairs, [2]string{"Voided because", inv.VoidReason})
		if d.replacedBy.ID != 0 {
			pairs = append(pairs, [2]string{"Replaced by", "receipt " + d.replacedBy.Number})
		} else if soldSomething(inv) {
			pairs = append(pairs, [2]string{"Cancelled", "what this receipt sold can no longer be used"})
		}
	}
	if inv.ReplacesID != 0 {
		if old, err := d.sh.store.Invoice(context.Background(), inv.ReplacesID); err == nil {
			pairs = append(pairs, [2]string{"Replaces", "receipt " + old.Number + " (void)"})
		}
	}
	lines := container.NewVBox()
	for _, l := range inv.Lines {
		what := l.Description
		if l.Minutes > 0 {
			what += fmt.Sprintf(" – %d minutes", l.Minutes)
		}
		if !l.ServiceDate.IsZero() {
			what = l.ServiceDate.Format() + " · " + what
		}
		if l.Quantity > 1 {
			what += fmt.Sprintf(" (%d × %s)", l.Quantity, d.money(l.Unit))
		}
		lines.Add(amountRow(what, d.money(l.Amount+l.Discount), false))
		if l.Discount > 0 {
			lines.Add(amountRow("    Discount", "-"+d.money(l.Discount), false))
		}
	}
	taxName := inv.TaxName
	if taxName == "" {
		taxName = "Tax"
	}
	totals := container.NewVBox(amountRow("Subtotal", d.money(inv.Subtotal-inv.Discount), false))
	if inv.Tax > 0 {
		totals.Add(amountRow(taxName, d.money(inv.Tax), false))
	}
	totals.Add(amountRow("Total", d.money(inv.Total), true))
	pays := container.NewVBox()
	for _, p := range inv.Payments {
		what := p.PaidOn.Format() + " · " + p.Method.Label()
		if p.Reference != "" {
			what += " · " + p.Reference
		}
		if p.MovedFromID != 0 {
			what += " (carried over)"
		}
		pays.Add(amountRow(what, d.money(p.Amount), false))
	}
	if len(inv.Payments) == 0 {
		pays.Add(lowLabel("No payment recorded yet."))
	}
	due := amountRow("Balance due", d.money(inv.Balance()), true)
	return container.NewVBox(state, infoSection("Receipt", pairs), section("Charges", lines, totals),
		section("Payments", pays, due))
}

// amountRow is a description with its amount on the right.
func amountRow(what, amount string, bold bool) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(what, fyne.TextAlignLeading, fyne.TextStyle{Bold: bold})
	l.Wrapping = fyne.TextWrapWord
	a := widget.NewLabelWithStyle(amount, fyne.TextAlignTrailing, fyne.TextStyle{Bold: bold})
	return container.NewBorder(nil, nil, nil, a, l)
}

// reopen shows the receipt again after a change and tells the screen.
func (d *invoiceDialog) reopen(id int64) {
	d.dlg.Hide()
	d.changed()
	d.sh.showInvoice(id, d.changed)
}

func (d *invoiceDialog) recordPayment() {
	d.payment = d.sh.recordPayment(d.inv, d.locale, func() { d.reopen(d.inv.ID) })
}

// void asks for the reason, then voids the receipt. Keep is the default.
func (d *invoiceDialog) void() {
	reason := newEntry("e.g. wrong client, entered twice", capShort)
	f := newForm(d.sh, "the reason", func() {})
	d.voidReason, d.voidForm = reason, f
	fd := newField("VoidReason", "Why is it voided?", reason, "The receipt keeps its number and shows as void.")
	var dlg *dialog.ConfirmDialog
	body := container.NewVBox(f.summary, f.add(fd))
	dlg = dialog.NewCustomConfirm("Void receipt "+d.inv.Number+"?", "Void receipt", "Keep it", body, func(ok bool) {
		if !ok {
			return
		}
		_, err := d.sh.store.VoidInvoice(context.Background(), d.inv.ID, reason.Text)
		if err != nil {
			if !f.report(nil, err) {
				dlg.Show()
				return
			}
			showProblems(d.sh.win, err)
			return
		}
		d.reopen(d.inv.ID)
	}, d.sh.win)
	d.voidDlg = dlg
	// Enter in the reason voids; once a reason is typed the "Say why"
	// message goes.
	reason.OnSubmitted = func(string) { dlg.Confirm() }
	f.watch(reason)
	f.validate = func() bool {
		if strings.TrimSpace(reason.Text) == "" {
			return false
		}
		return f.report(nil, nil)
	}
	dlg.SetConfirmImportance(widget.DangerImportance)
	dlg.Resize(fyne.NewSize(min(480, d.sh.win.Canvas().Size().Width-40), 0))
	dlg.Show()
	d.sh.win.Canvas().Focus(reason)
}

// reissue opens the replacement of a void receipt as an editable draft,
// prefilled from it; once issued, the new receipt is shown.
func (d *invoiceDialog) reissue() {
	d.replace = d.sh.showReplacement(d.inv, d.locale, func(inv data.Invoice) { d.reopen(inv.ID) })
}

// methodLabels are the payment methods a therapist picks from by hand.
func methodLabels(withRedeem bool) []string {
	var out []string
	for _, m := range data.PaymentMethods {
		if m.Redeems() && !withRedeem {
			continue
		}
		out = append(out, m.Label())
	}
	return out
}

// methodOf is the method with that label (debit when none matches).
func methodOf(label string) data.PaymentMethod {
	for _, m := range data.PaymentMethods {
		if strings.EqualFold(m.Label(), label) {
			return m
		}
	}
	return data.PayDebit
}
