package gui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// paymentDialog records a payment against a receipt: part of the balance
// or all of it (a split payment is two of these), in any method, with a
// gift certificate by its code.
type paymentDialog struct {
	*form
	inv       data.Invoice
	amount    *entry
	date      *entry // the day it was paid: today unless changed
	method    *widget.Select
	reference *entry
	refField  *field
	locale    string
	cert      certificateLookup // what the code typed found, for a gift-certificate payment
	dlg       *dialog.CustomDialog
	done      func()
}

// recordPayment opens the payment dialog for inv; done runs once it is stored.
func (sh *shell) recordPayment(inv data.Invoice, locale string, done func()) *paymentDialog {
	d := &paymentDialog{inv: inv, done: done, locale: locale}
	d.form = newForm(sh, "this payment", d.save)
	d.saveBtn.SetText("Record payment")
	d.amount = newEntry("", 20)
	d.amount.SetText(data.AmountText(inv.Balance(), inv.Currency))
	d.method = widget.NewSelect(methodLabels(false), func(string) { d.methodChanged() })
	d.method.Options = append(d.method.Options, data.PayCertificate.Label())
	if set, err := sh.store.ReceiptSettings(context.Background()); err == nil {
		d.method.SetSelected(set.DefaultMethod.Label())
	}
	d.reference = newEntry("", capShort)
	d.date = newEntry("e.g. 21 Mar 2026", 40)
	if today, err := sh.store.Today(context.Background()); err == nil {
		d.date.SetText(today.Format())
	}
	d.watch(d.amount, d.date, d.reference)
	typed := d.reference.OnChanged
	d.reference.OnChanged = func(s string) {
		typed(s)
		d.codeChanged()
	}
	owed := "Still owed: " + data.FormatMoney(inv.Balance(), inv.Currency, locale)
	d.refField = newField("Reference", "Reference", d.reference, "")
	body := container.NewVBox(
		d.add(newField("Amount", "Amount paid", d.amount, owed)),
		d.add(newField("Method", "How was it paid?", d.method, "")),
		d.add(newField("PaidOn", "Paid on", d.date, "Today, unless it was paid earlier.")),
		d.add(d.refField),
	)
	d.methodChanged()
	cancel := widget.NewButton("Cancel", func() { d.guard(d.dlg.Hide) })
	buttons := container.NewHBox(layoutSpacer(), cancel, d.saveBtn)
	d.dlg = dialog.NewCustomWithoutButtons("Record a payment on "+inv.Number, container.NewBorder(nil, buttons, nil, nil,
		d.frame(container.NewVBox(), body)), sh.win)
	d.dlg.Resize(fyne.NewSize(min(520, sh.win.Canvas().Size().Width-40), min(460, sh.win.Canvas().Size().Height-40)))
	d.dlg.Show()
	sh.win.Canvas().Focus(d.amount)
	return d
}

// methodChanged asks for the certificate's code as the reference of a
// gift-certificate payment.
func (d *paymentDialog) methodChanged() {
	if d.refField == nil {
		return
	}
	if methodOf(d.method.Selected) == data.PayCertificate {
		d.reference.SetPlaceHolder("the code on the certificate, e.g. GC-7KQ4-M2XP")
		d.codeChanged()
	} else {
		d.reference.SetPlaceHolder("cheque number, card slip… (optional)")
		d.refField.setHint("")
	}
}

// codeChanged looks up the gift certificate code as it is typed: it says
// what is left on the certificate and applies it, up to what is owed.
func (d *paymentDialog) codeChanged() {
	if d.refField == nil || methodOf(d.method.Selected) != data.PayCertificate {
		return
	}
	r, err := d.sh.lookUpCertificate(context.Background(), d.reference.Text, d.locale)
	if err != nil {
		d.refField.setHint(data.UserMessage(err))
		return
	}
	d.cert = r
	if r.text == "" {
		d.refField.setHint("Type the gift certificate's code: what is left on it is applied.")
		return
	}
	hint := r.text
	if r.usable {
		apply := min(r.cert.Remaining, d.inv.Balance())
		d.amount.SetText(data.AmountText(apply, d.inv.Currency))
		hint += " " + data.FormatMoney(apply, d.inv.Currency, d.locale) + " applied"
		if rest := d.inv.Balance() - apply; rest > 0 {
			hint += "; " + data.FormatMoney(rest, d.inv.Currency, d.locale) + " is still owed: record it as another payment"
		}
		hint += "."
	}
	d.refField.setHint(hint)
}

// save reads what was typed and records the payment.
func (d *paymentDialog) save() {
	d.validate = func() bool {
		var probs []data.FieldProblem
		if _, err := data.ParseMoney(d.amount.Text, d.inv.Currency); err != nil {
			probs = append(probs, data.FieldProblem{Field: "Amount", Message: capitalize(err.Error()) + "."})
		}
		if day, err := data.ParseDate(d.date.Text); err != nil {
			probs = append(probs, data.FieldProblem{Field: "PaidOn", Message: capitalize(err.Error()) + "."})
		} else if day.IsZero() {
			probs = append(probs, data.FieldProblem{Field: "PaidOn", Message: "Type the day it was paid."})
		}
		return d.report(probs, nil)
	}
	if !d.ready() {
		return
	}
	amount, _ := data.ParseMoney(d.amount.Text, d.inv.Currency)
	paidOn, _ := data.ParseDate(d.date.Text)
	p := data.Payment{InvoiceID: d.inv.ID, Method: methodOf(d.method.Selected), Amount: amount, Reference: d.reference.Text,
		PaidOn: paidOn}
	code := d.reference.Text
	d.submit(func(ctx context.Context, st *data.Store) error {
		if p.Method == data.PayCertificate {
			c, err := st.GiftCertificateByCode(ctx, code)
			if err != nil {
				return &data.ValidationError{Problems: []data.FieldProblem{{Field: "Reference",
					Message: "No gift certificate has that code; check it on the certificate."}}}
			}
			p.CertificateID = c.ID
		}
		return st.RecordPayment(ctx, &p)
	}, func() {
		d.dlg.Hide()
		d.done()
	})
}

// capitalize upper-cases the first letter of a message.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if r[0] >= 'a' && r[0] <= 'z' {
		r[0] -= 'a' - 'A'
	}
	return string(r)
}
