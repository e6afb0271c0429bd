package gui

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// replaceDialog is the replacement of a void receipt, as an editable
// draft: the void receipt's lines (description, quantity, price, discount;
// lines can be removed or added) and how it was paid (method, amount,
// date), to correct before "Issue replacement". Nothing is stored until
// then; the new receipt gets the next number and says which one it
// replaces.
type replaceDialog struct {
	*form
	void     data.Invoice
	draft    data.Replacement
	locale   string
	rateBP   int
	lines    []*replaceLine
	linesBox *fyne.Container
	total    *widget.Label
	pays     []*replacePay
	paysBox  *fyne.Container
	over     *widget.Label // what was paid over the new total, and what becomes of it
	dlg      *dialog.CustomDialog
	done     func(data.Invoice)
}

// replaceLine is one editable line of the draft.
type replaceLine struct {
	line                  data.InvoiceLine
	desc, qty, unit, disc *entry
	obj                   fyne.CanvasObject
}

// replacePay is one editable payment of the draft.
type replacePay struct {
	pay          data.Payment
	method       *widget.Select
	amount, date *entry
	obj          fyne.CanvasObject
	removed      bool
}

// showReplacement opens the replacement draft of the void receipt void;
// done is told of the receipt issued.
func (sh *shell) showReplacement(void data.Invoice, locale string, done func(data.Invoice)) *replaceDialog {
	ctx := context.Background()
	draft, err := sh.store.DraftReplacement(ctx, void.ID)
	if err != nil {
		showProblems(sh.win, err)
		return nil
	}
	p, err := sh.store.Practice(ctx)
	if err != nil {
		showError(sh.win, err)
		return nil
	}
	today, err := sh.store.Today(ctx)
	if err != nil {
		showError(sh.win, err)
		return nil
	}
	d := &replaceDialog{void: void, draft: draft, locale: locale, rateBP: p.TaxRateBP, done: done}
	d.form = newForm(sh, "this replacement", d.save)
	d.doing = "issuing"
	d.saveBtn.SetText("Issue replacement")
	d.linesBox = container.NewVBox()
	for _, l := range draft.Lines {
		d.addLine(l)
	}
	addBtn := widget.NewButtonWithIcon("Add a line", theme.ContentAddIcon(), func() {
		d.addLine(data.InvoiceLine{Kind: data.LineOther, Quantity: 1, ServiceDate: today})
		d.changed()
		d.recompute()
	})
	d.total = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	d.paysBox = container.NewVBox()
	for _, pay := range draft.Payments {
		d.paysBox.Add(d.addPay(pay))
	}
	if len(d.pays) == 0 {
		set, _ := sh.store.ReceiptSettings(ctx)
		d.paysBox.Add(d.addPay(data.Payment{Method: set.DefaultMethod, PaidOn: today}))
	}
	d.over = widget.NewLabel("")
	d.over.Wrapping = fyne.TextWrapWord
	d.over.Importance = widget.WarningImportance
	d.over.Hide()
	intro := widget.NewLabel(fmt.Sprintf("Correct what was wrong on receipt %s, then issue the replacement. "+
		"It gets the next number and says it replaces %s.", void.Number, void.Number))
	intro.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(
		section("Charges", d.linesBox, container.NewHBox(addBtn), d.total),
		section("Payment", d.paysBox, d.over),
	)
	d.recompute()
	d.trackChanges()
	cancel := widget.NewButton("Cancel", d.cancel)
	buttons := container.NewHBox(layoutSpacer(), cancel, d.saveBtn)
	d.dlg = dialog.NewCustomWithoutButtons("Replace receipt "+void.Number, container.NewBorder(nil, buttons, nil, nil,
		d.frame(intro, body)), sh.win)
	d.dlg.SetOnClosed(d.escapeCancels(d.cancel))
	d.dlg.Resize(bookingDialogSize(sh.win))
	d.dlg.Show()
	return d
}

// cancel closes the draft, asking first when something was changed.
func (d *replaceDialog) cancel() { d.guard(d.dlg.Hide) }

func (d *replaceDialog) money(cents int64) string {
	return data.FormatMoney(cents, d.void.Currency, d.locale)
}

// amountText is an amount as typed back into an entry: "124.30".
func (d *replaceDialog) amountText(cents int64) string {
	return data.AmountText(cents, d.void.Currency)
}

// addLine adds an editable line.
func (d *replaceDialog) addLine(l data.InvoiceLine) {
	rl := &replaceLine{line: l}
	rl.desc = newEntry("e.g. Massage therapy treatment", capShort)
	rl.desc.SetText(l.Description)
	rl.qty = newEntry("1", 5)
	rl.qty.SetText(strconv.Itoa(max(l.Quantity, 1)))
	rl.unit = newEntry("0.00", 20)
	rl.unit.SetText(d.amountText(l.Unit))
	rl.disc = newEntry("0.00", 20)
	if l.Discount > 0 {
		rl.disc.SetText(d.amountText(l.Discount))
	}
	for _, e := range []*entry{rl.desc, rl.qty, rl.unit, rl.disc} {
		e.OnChanged = func(string) {
			capText(&e.Entry, e.max)
			d.changed()
			d.recompute()
		}
		e.setOnEscape(d.cancel)
	}
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	remove.Importance = widget.LowImportance
	small := func(label string, e *entry) fyne.CanvasObject {
		return container.NewBorder(nil, nil, widget.NewLabel(label), nil, e)
	}
	grid := container.NewGridWithColumns(3, small("Quantity", rl.qty), small("Price", rl.unit), small("Discount", rl.disc))
	rl.obj = container.NewVBox(container.NewBorder(nil, nil, nil, remove, rl.desc), grid, widget.NewSeparator())
	remove.OnTapped = func() {
		for i, x := range d.lines {
			if x == rl {
				d.lines = append(d.lines[:i], d.lines[i+1:]...)
				break
			}
		}
		d.linesBox.Remove(rl.obj)
		d.changed()
		d.recompute()
	}
	d.lines = append(d.lines, rl)
	d.linesBox.Add(rl.obj)
}

// addPay adds an editable payment; the first one's fields carry the
// names the data layer reports problems under.
func (d *replaceDialog) addPay(p data.Payment) fyne.CanvasObject {
	rp := &replacePay{pay: p}
	methods := methodLabels(false)
	if p.Method.Redeems() {
		methods = append([]string{p.Method.Label()}, methods...)
	}
	rp.method = widget.NewSelect(methods, func(string) {
		d.changed()
		d.recompute()
	})
	rp.method.SetSelected(p.Method.Label())
	rp.amount = newEntry("nothing paid", 20)
	if p.Amount > 0 {
		rp.amount.SetText(d.amountText(p.Amount))
	}
	rp.date = newEntry("e.g. "+p.PaidOn.Format(), 40)
	rp.date.SetText(p.PaidOn.Format())
	d.watch(rp.amount, rp.date)
	rp.amount.OnChanged = chain(rp.amount.OnChanged, func(string) { d.recompute() })
	d.pays = append(d.pays, rp)
	hint := ""
	if p.MovedFromID != 0 {
		hint = "As paid on the void receipt: change the method or amount if it was wrong, or remove it."
		if p.Method.Redeems() && p.Reference != "" {
			hint = p.Method.Label() + " " + p.Reference + ", as on the void receipt: change the method or amount, or remove it " +
				"(what it no longer pays goes back on it)."
		}
	}
	remove := widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), func() {
		rp.removed = true
		rp.obj.Hide()
		d.paysBox.Refresh()
		d.changed()
		d.recompute()
	})
	remove.Importance = widget.LowImportance
	if len(d.pays) > 1 {
		rp.obj = container.NewBorder(nil, nil, nil, remove, container.NewGridWithColumns(3, rp.method, rp.amount, rp.date))
		if hint != "" {
			rp.obj = container.NewVBox(rp.obj, widget.NewLabel(hint))
		}
		return rp.obj
	}
	rp.obj = container.NewVBox(
		container.NewBorder(nil, nil, nil, remove, d.add(newField("Method", "How was it paid?", rp.method, hint))),
		d.form.row(newField("Amount", "Amount paid", rp.amount, "Leave it empty if nothing was paid."),
			newField("PaidOn", "Paid on", rp.date, "")),
	)
	return rp.obj
}

// chain runs f, then g.
func chain(f, g func(string)) func(string) {
	return func(s string) {
		if f != nil {
			f(s)
		}
		g(s)
	}
}

// read turns what is typed into the replacement, with the problems found.
func (d *replaceDialog) read() (data.Replacement, []data.FieldProblem) {
	r := data.Replacement{ClientID: d.draft.ClientID}
	var probs []data.FieldProblem
	bad := func(field, format string, args ...any) {
		probs = append(probs, data.FieldProblem{Field: field, Message: fmt.Sprintf(format, args...)})
	}
	for i, rl := range d.lines {
		l := rl.line
		l.Description = rl.desc.Text
		n, err := strconv.Atoi(strings.TrimSpace(rl.qty.Text))
		if err != nil || n < 1 {
			bad("Lines.Quantity", "Line %d: type the quantity as a whole number, 1 or more.", i+1)
		}
		l.Quantity = n
		if l.Unit, err = data.ParseMoney(rl.unit.Text, d.void.Currency); err != nil {
			bad("Lines.Unit", "Line %d: the price is %s.", i+1, err)
		}
		if strings.TrimSpace(rl.disc.Text) == "" {
			l.Discount = 0
		} else if l.Discount, err = data.ParseMoney(rl.disc.Text, d.void.Currency); err != nil {
			bad("Lines.Discount", "Line %d: the discount is %s.", i+1, err)
		}
		r.Lines = append(r.Lines, l)
	}
	for _, rp := range d.pays {
		if rp.removed || strings.TrimSpace(rp.amount.Text) == "" {
			continue
		}
		p := rp.pay
		p.Method = methodOf(rp.method.Selected)
		var err error
		if p.Amount, err = data.ParseMoney(rp.amount.Text, d.void.Currency); err != nil {
			bad("Amount", "%s.", capitalize(err.Error()))
		}
		if p.PaidOn, err = data.ParseDate(rp.date.Text); err != nil {
			bad("PaidOn", "%s.", capitalize(err.Error()))
		}
		if p.Method != rp.pay.Method {
			p.Reference = "" // the old method's slip or cheque number no longer applies
		}
		r.Payments = append(r.Payments, p)
	}
	return r, probs
}

// recompute shows the new total as the lines are edited.
func (d *replaceDialog) recompute() {
	if d.total == nil || d.over == nil {
		return
	}
	r, probs := d.read()
	if len(probs) > 0 {
		d.total.SetText("New total: check the amounts")
		return
	}
	inv := data.Invoice{Lines: r.Lines}
	inv.Compute(d.rateBP)
	d.total.SetText("New total: " + d.money(inv.Total) + " (was " + d.money(d.void.Total) + ")")
	d.showOver(r.Payments, inv.Total)
}

// save issues the replacement.
func (d *replaceDialog) save() {
	var r data.Replacement
	d.validate = func() bool {
		var probs []data.FieldProblem
		r, probs = d.read()
		if len(probs) == 0 {
			inv := data.Invoice{Lines: r.Lines}
			inv.Compute(d.rateBP)
			r.Payments, _ = capPayments(r.Payments, inv.Total)
		}
		return d.report(probs, nil)
	}
	if !d.ready() {
		return
	}
	var issued data.Invoice
	d.submit(func(ctx context.Context, st *data.Store) error {
		var err error
		issued, err = st.IssueReplacement(ctx, d.void.ID, r)
		return err
	}, func() {
		d.dlg.Hide()
		d.done(issued)
	})
}

// showProblems tells the therapist why an action on a receipt cannot be
// done: a refusal's own words when it is one (there is no form to check),
// any other error as showError does.
func showProblems(win fyne.Window, err error) {
	var ve *data.ValidationError
	if !errors.As(err, &ve) {
		showError(win, err)
		return
	}
	msgs := make([]string, len(ve.Problems))
	for i, p := range ve.Problems {
		msgs[i] = p.Message
	}
	showErrorMessage(win, strings.Join(msgs, " "))
}
