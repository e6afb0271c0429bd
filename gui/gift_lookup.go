package gui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// certificateLookup is what a typed gift certificate code found.
type certificateLookup struct {
	cert   data.GiftCertificate
	found  bool
	usable bool   // found, not cancelled, not expired, value left
	text   string // in plain words: "$50.00 left of $100.00 · until 1 Mar 2027"
}

// lookUpCertificate reads the certificate with a typed code (any case,
// spaces ignored) and says what is left on it. An empty code finds nothing
// and says nothing; a code that is not there says so.
func (sh *shell) lookUpCertificate(ctx context.Context, code, locale string) (certificateLookup, error) {
	code = strings.TrimSpace(code)
	if code == "" {
		return certificateLookup{}, nil
	}
	st := sh.store
	c, err := st.GiftCertificateByCode(ctx, code)
	if errors.Is(err, data.ErrNotFound) {
		return certificateLookup{text: "No gift certificate has the code " + strings.ToUpper(code) + "."}, nil
	}
	if err != nil {
		return certificateLookup{}, err
	}
	p, err := st.Practice(ctx)
	if err != nil {
		return certificateLookup{}, err
	}
	today, err := st.Today(ctx)
	if err != nil {
		return certificateLookup{}, err
	}
	money := func(v int64) string { return data.FormatMoney(v, p.Currency, locale) }
	r := certificateLookup{cert: c, found: true}
	switch {
	case c.Cancelled:
		r.text = fmt.Sprintf("%s was cancelled: the receipt that sold it was voided.", c.Code)
	case c.Expired(today):
		r.text = fmt.Sprintf("%s expired on %s (%s was left).", c.Code, c.ExpiresOn.Format(), money(c.Remaining))
	case c.Remaining <= 0:
		r.text = fmt.Sprintf("%s is used up (it was worth %s).", c.Code, money(c.Amount))
	default:
		r.usable = true
		r.text = fmt.Sprintf("%s: %s left of %s", c.Code, money(c.Remaining), money(c.Amount))
		if !c.ExpiresOn.IsZero() {
			r.text += " · until " + c.ExpiresOn.Format()
		}
		r.text += "."
	}
	var who []string
	if c.Buyer != "" {
		who = append(who, "bought by "+c.Buyer)
	}
	if c.Recipient != "" {
		who = append(who, "for "+c.Recipient)
	}
	if len(who) > 0 {
		r.text += " " + capitalize(strings.Join(who, ", ")) + "."
	}
	return r, nil
}

// certificateBalanceDialog looks up a gift certificate by the code on it
// and shows what is left, as the code is typed.
type certificateBalanceDialog struct {
	code   *entry
	result *widget.Label
	dlg    dialog.Dialog
}

// showCertificateBalance opens the "Gift certificate balance" dialog.
func (sh *shell) showCertificateBalance(locale string) *certificateBalanceDialog {
	d := &certificateBalanceDialog{code: newEntry("the code on the certificate, e.g. GC-7KQ4-M2XP", 40), result: widget.NewLabel("")}
	d.result.Wrapping = fyne.TextWrapWord
	d.code.OnChanged = func(s string) {
		capText(&d.code.Entry, d.code.max)
		r, err := sh.lookUpCertificate(context.Background(), s, locale)
		if err != nil {
			d.result.SetText(data.UserMessage(err))
			return
		}
		d.result.SetText(r.text)
	}
	body := container.NewVBox(widget.NewLabel("Type the code printed on the certificate:"), d.code, d.result)
	d.dlg = dialog.NewCustom("Gift certificate balance", "Close", body, sh.win)
	d.dlg.Resize(fyne.NewSize(min(480, sh.win.Canvas().Size().Width-40), 0))
	// Enter and Escape close it, in the code field or anywhere else.
	d.code.setOnEscape(d.dlg.Hide)
	d.code.OnSubmitted = func(string) { d.dlg.Hide() }
	closeOnKeys(sh.win, d.dlg)
	sh.win.Canvas().Focus(d.code)
	return d
}
