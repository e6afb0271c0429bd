package gui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// checkOut is the one click at the end of a visit: it makes the visit's
// receipt, paid in full with the practice's usual method, and shows it. A
// visit already checked out shows its receipt; nothing is billed twice.
func (sh *shell) checkOut(appointmentID int64, done func()) {
	inv, err := sh.store.CheckOut(context.Background(), appointmentID)
	if err != nil {
		showError(sh.win, err)
		return
	}
	if done != nil {
		done()
	}
	sh.showInvoice(inv.ID, sh.receiptsChanged)
}

// receiptsChanged refreshes the Receipts screen after a change elsewhere.
func (sh *shell) receiptsChanged() {
	if sh.receipts != nil {
		sh.receipts.reload()
	}
}

// checkOutButton is the "Check out" action of a completed visit (or
// "Receipt" once it has one); other visits get none.
func (sh *shell) checkOutButton(a data.Appointment, done func()) *focusButton {
	label := "Check out"
	if _, err := sh.store.VisitInvoice(context.Background(), a.ID); err == nil {
		label = "Receipt"
	}
	b := newFocusButton(label, theme.DocumentIcon(), func() { sh.checkOut(a.ID, done) })
	if a.Status != data.StatusCompleted {
		b.Hide()
	}
	return b
}

// checkOutWith asks how a visit is paid when it is not the usual way:
// another method, a gift certificate (by its code) or a session of the
// client's package.
func (sh *shell) checkOutWith(a data.Appointment, done func()) {
	ctx := context.Background()
	pkgs, err := sh.store.Packages(ctx, a.ClientID, true)
	if err != nil {
		showError(sh.win, err)
		return
	}
	f := newForm(sh, "this checkout", func() {})
	code := newEntry("GC-XXXX-XXXX", 40)
	usual, locale := "Usual payment", "en-CA"
	if set, err := sh.store.ReceiptSettings(ctx); err == nil {
		usual += " (" + set.DefaultMethod.Label() + ")"
		locale = set.Locale
	}
	opts := append([]string{usual}, methodLabels(false)...)
	opts = append(opts, data.PayCertificate.Label())
	var pkgNames []string
	for _, k := range pkgs {
		pkgNames = append(pkgNames, fmt.Sprintf("%s (%d left)", k.Name, k.SessionsLeft()))
	}
	if len(pkgs) > 0 {
		opts = append(opts, data.PayPackage.Label())
	}
	pkg := widget.NewSelect(pkgNames, nil)
	if len(pkgNames) > 0 {
		pkg.SetSelectedIndex(0)
	}
	due, currency, err := sh.visitDue(ctx, a)
	if err != nil {
		showError(sh.win, err)
		return
	}
	money := func(v int64) string { return data.FormatMoney(v, currency, locale) }
	dueLbl := widget.NewLabelWithStyle("Amount due: "+money(due)+" ("+a.ServiceName+", tax included)", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	codeF := newField("Reference", "Gift certificate code", code, "")
	code.OnChanged = func(typed string) {
		// What is left on the certificate and what it pays, as its code is typed.
		capText(&code.Entry, code.max)
		if r, err := sh.lookUpCertificate(ctx, typed, locale); err == nil {
			codeF.setHint(r.text + certificateApplies(r, due, money))
		}
	}
	pkgF := newField("Package", "Package", pkg, "")
	pkgHint := func() {
		if i := pkg.SelectedIndex(); i >= 0 && i < len(pkgs) {
			k := pkgs[i]
			value, _ := k.SessionShare(k.SessionsUsed + 1)
			pkgF.setHint(fmt.Sprintf("Session %d of %d, prepaid on receipt %s (%s with tax): nothing to pay today.",
				k.SessionsUsed+1, k.SessionsTotal, k.SaleNumber, money(value)))
		}
	}
	pkg.OnChanged = func(string) { pkgHint() }
	pkgHint()
	how := widget.NewRadioGroup(opts, func(v string) {
		codeF.obj.Hide()
		pkgF.obj.Hide()
		switch v {
		case data.PayCertificate.Label():
			codeF.obj.Show()
		case data.PayPackage.Label():
			pkgF.obj.Show()
		}
	})
	how.SetSelected(opts[0])
	body := container.NewVBox(f.summary, dueLbl, f.add(newField("Method", "How is the visit paid?", how, "")), f.add(codeF), f.add(pkgF))
	var dlg *dialog.ConfirmDialog
	dlg = dialog.NewCustomConfirm("Check out "+a.ClientName, "Check out", "Cancel", body, func(ok bool) {
		if !ok {
			return
		}
		settle := data.Settle{}
		switch how.Selected {
		case data.PayCertificate.Label():
			c, err := sh.store.GiftCertificateByCode(ctx, code.Text)
			if err != nil {
				f.report([]data.FieldProblem{{Field: "Reference", Message: "No gift certificate has that code; check it on the certificate."}}, nil)
				dlg.Show()
				return
			}
			settle = data.Settle{Method: data.PayCertificate, CertificateID: c.ID}
		case data.PayPackage.Label():
			settle = data.Settle{Method: data.PayPackage, PackageID: pkgs[max(0, pkg.SelectedIndex())].ID}
		case usual:
		default:
			settle = data.Settle{Method: methodOf(how.Selected)}
		}
		inv, err := sh.store.CheckOutWith(ctx, a.ID, settle)
		if err != nil {
			if !f.report(nil, err) {
				dlg.Show()
				return
			}
			showError(sh.win, err)
			return
		}
		if done != nil {
			done()
		}
		sh.showInvoice(inv.ID, sh.receiptsChanged)
	}, sh.win)
	dlg.Resize(fyne.NewSize(min(480, sh.win.Canvas().Size().Width-40), 0))
	dlg.Show()
}

// visitDue is what a visit's receipt will come to when it is paid the
// usual way: its booked price, taxed as its service is.
func (sh *shell) visitDue(ctx context.Context, a data.Appointment) (int64, string, error) {
	p, err := sh.store.Practice(ctx)
	if err != nil {
		return 0, "", err
	}
	svc, err := sh.store.Service(ctx, a.ServiceID)
	if err != nil {
		return 0, "", err
	}
	inv := data.Invoice{Lines: []data.InvoiceLine{{Kind: data.LineService, Quantity: 1, Unit: a.PriceCents, Taxable: svc.Taxable}}}
	inv.Compute(p.TaxRateBP)
	return inv.Total, p.Currency, nil
}

// certificateApplies says how much of due a usable certificate pays and
// what is left, on the certificate or to pay another way.
func certificateApplies(r certificateLookup, due int64, money func(int64) string) string {
	if !r.usable {
		return ""
	}
	pays := min(due, r.cert.Remaining)
	if pays == due {
		return fmt.Sprintf(" It pays the %s due; %s stays on it.", money(due), money(r.cert.Remaining-due))
	}
	return fmt.Sprintf(" It pays %s; %s is still to pay another way.", money(pays), money(due-pays))
}

// checkOutOtherButton checks a completed visit out another way than the
// usual method ("Check out…": another method, a gift certificate or a
// package session); hidden once the visit has a receipt.
func (sh *shell) checkOutOtherButton(a data.Appointment, done func()) *widget.Button {
	b := widget.NewButton("Check out…", func() { sh.checkOutWith(a, done) })
	b.Importance = widget.LowImportance
	if _, err := sh.store.VisitInvoice(context.Background(), a.ID); err == nil || a.Status != data.StatusCompleted {
		b.Hide()
	}
	return b
}
