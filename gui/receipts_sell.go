package gui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// clientChoice is a select of every active client, by name; typing
// narrows the list to the names that contain what is typed (accents and
// case ignored).
type clientChoice struct {
	sel      *pickEntry
	ids      map[string]int64
	names    []string
	shown    []string     // the names offered now
	onChange func()       // told of every change (the form re-checks the choice)
	onHint   func(string) // told what the typing matches, for the line under the field
}

// pickEntry is a select entry whose Down key opens its list (narrowed to
// what is typed), as a combo box does.
type pickEntry struct {
	widget.SelectEntry
}

func newPickEntry(options []string) *pickEntry {
	e := &pickEntry{}
	e.ExtendBaseWidget(e)
	e.SetOptions(options)
	return e
}

// TypedKey opens the list on Down; other keys type as usual.
func (e *pickEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyDown {
		if b, ok := e.ActionItem.(*widget.Button); ok && b.OnTapped != nil {
			b.OnTapped()
			return
		}
	}
	e.SelectEntry.TypedKey(k)
}

func newClientChoice(st *data.Store, clientID int64) (*clientChoice, error) {
	rows, err := st.SearchClients(context.Background(), data.ClientQuery{})
	if err != nil {
		return nil, err
	}
	c := &clientChoice{ids: map[string]int64{}}
	var names []string
	for _, r := range rows {
		name := r.DisplayName()
		if _, taken := c.ids[name]; taken {
			name += " (" + strconv.FormatInt(r.ID, 10) + ")"
		}
		c.ids[name] = r.ID
		names = append(names, name)
		if r.ID == clientID {
			defer func(n string) { c.sel.SetText(n) }(name)
		}
	}
	c.names = names
	c.sel = newPickEntry(names)
	c.sel.SetPlaceHolder("Type or pick the client")
	c.sel.OnChanged = func(string) {
		c.narrow()
		if c.onChange != nil {
			c.onChange()
		}
	}
	return c, nil
}

// narrow offers only the names that contain what is typed; all of them
// once a name is chosen or nothing is typed.
func (c *clientChoice) narrow() {
	typed := data.Fold(strings.TrimSpace(c.sel.Text))
	if _, chosen := c.ids[c.sel.Text]; chosen || typed == "" {
		c.shown = c.names
		c.sel.SetOptions(c.names)
		if c.onHint != nil {
			c.onHint("")
		}
		return
	}
	var match []string
	for _, n := range c.names {
		if strings.Contains(data.Fold(n), typed) {
			match = append(match, n)
		}
	}
	c.shown = match
	c.sel.SetOptions(match)
	if c.onHint != nil {
		c.onHint(matchHint(match, strings.TrimSpace(c.sel.Text)))
	}
}

// matchHint says which clients what is typed matches, and how to pick one.
func matchHint(match []string, typed string) string {
	switch {
	case len(match) == 0:
		return "No client's name contains \u201c" + typed + "\u201d."
	case len(match) <= 3:
		return strings.Join(match, ", ") + ": press Down to choose."
	default:
		return strings.Join(match[:3], ", ") + fmt.Sprintf(" and %d more: press Down to choose.", len(match)-3)
	}
}

func (c *clientChoice) id() int64 { return c.ids[c.sel.Text] }

// sellDialog is the shared frame of the certificate and package sales.
func (sh *shell) sellDialog(title string, f *form, body fyne.CanvasObject, sell func(ctx context.Context, st *data.Store) (data.Invoice, error), done func()) {
	var dlg *dialog.CustomDialog
	var sold data.Invoice
	f.saveFn = func() {
		if !f.ready() {
			return
		}
		f.submit(func(ctx context.Context, st *data.Store) error {
			var err error
			sold, err = sell(ctx, st)
			return err
		}, func() {
			dlg.Hide()
			if done != nil {
				done()
			}
			sh.showInvoice(sold.ID, done)
		})
	}
	f.saveBtn.SetText("Sell")
	cancel := widget.NewButton("Cancel", func() { f.guard(dlg.Hide) })
	dlg = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, container.NewHBox(layoutSpacer(), cancel, f.saveBtn), nil, nil,
		f.frame(container.NewVBox(), body)), sh.win)
	dlg.Resize(fyne.NewSize(min(560, sh.win.Canvas().Size().Width-40), min(560, sh.win.Canvas().Size().Height-40)))
	dlg.Show()
}

// sellCertificate asks for a gift certificate's value, buyer (a client, or
// a new buyer by name), recipient and expiry, and issues its sale receipt
// (a code is made for it). It returns the buyer choice (nil when the
// dialog could not open).
func (sh *shell) sellCertificate(done func()) *buyerChoice {
	p, err := sh.store.Practice(context.Background())
	if err != nil {
		showError(sh.win, err)
		return nil
	}
	clients, err := newClientChoice(sh.store, 0)
	if err != nil {
		showError(sh.win, err)
		return nil
	}
	f := newForm(sh, "this gift certificate", nil)
	amount, buyer, recipient, expires := newEntry("e.g. 100", 20), newEntry("", capName), newEntry("", capName), newEntry("YYYY-MM-DD (optional)", 20)
	method := widget.NewSelect(methodLabels(false), nil)
	method.SetSelected(data.PayDebit.Label())
	f.watch(amount, buyer, recipient, expires)
	clients.onChange = f.changed
	who := newBuyerChoice(f, clients)
	body := container.NewVBox(
		f.add(newField("Amount", "Value", amount, "")),
		who.obj(),
		f.row(newField("Buyer", "From", buyer, ""), newField("Recipient", "For", recipient, "")),
		f.add(newField("ExpiresOn", "Expires", expires, "Leave empty where the law forbids an expiry date.")),
		f.add(newField("Method", "Paid by", method, "")),
	)
	var cents int64
	var exp data.Date
	f.validate = func() bool {
		var probs []data.FieldProblem
		var err error
		if cents, err = data.ParseMoney(amount.Text, p.Currency); err != nil {
			probs = append(probs, data.FieldProblem{Field: "Amount", Message: capitalize(err.Error()) + "."})
		}
		if exp, err = data.ParseDate(expires.Text); expires.Text != "" && err != nil {
			probs = append(probs, data.FieldProblem{Field: "ExpiresOn", Message: capitalize(err.Error()) + "."})
		}
		probs = append(probs, who.problems()...)
		return f.report(probs, nil)
	}
	sh.sellDialog("Sell a gift certificate", f, body, func(ctx context.Context, st *data.Store) (data.Invoice, error) {
		c := data.GiftCertificate{Amount: cents, Buyer: buyer.Text, Recipient: recipient.Text, ExpiresOn: exp}
		return st.SellCertificate(ctx, &c, who.sale(methodOf(method.Selected)))
	}, done)
	return who
}

// sellPackage asks for a package's client, service, sessions and price and
// issues its sale receipt.
// sellPackage asks for a package's client, service, sessions and price,
// and issues its sale receipt. It returns the client choice (nil when the
// dialog could not open).
func (sh *shell) sellPackage(clientID int64, done func()) *clientChoice {
	ctx := context.Background()
	p, err := sh.store.Practice(ctx)
	if err != nil {
		showError(sh.win, err)
		return nil
	}
	services, err := sh.store.Services(ctx, false)
	if err != nil {
		showError(sh.win, err)
		return nil
	}
	clients, err := newClientChoice(sh.store, clientID)
	if err != nil {
		showError(sh.win, err)
		return nil
	}
	f := newForm(sh, "this package", nil)
	var names []string
	for _, v := range services {
		names = append(names, v.Name)
	}
	service := widget.NewSelect(names, nil)
	sessions, price := newEntry("5", 3), newEntry("", 20)
	sessions.SetText("5")
	method := widget.NewSelect(methodLabels(false), nil)
	method.SetSelected(data.PayDebit.Label())
	service.OnChanged = func(string) {
		if i := service.SelectedIndex(); i >= 0 {
			n, _ := strconv.Atoi(sessions.Text)
			price.SetText(data.AmountText(int64(max(n, 1))*services[i].PriceCents, p.Currency))
		}
	}
	if len(names) > 0 {
		service.SetSelectedIndex(0)
	}
	f.watch(sessions, price)
	clients.onChange = f.changed
	clientF := newField("ClientID", "Client", clients.sel, "")
	clients.onHint = clientF.setHint
	body := container.NewVBox(
		f.add(clientF),
		f.add(newField("ServiceID", "Service", service, "")),
		f.row(newField("SessionsTotal", "Sessions", sessions, ""), newField("Price", "Price for all sessions", price, "")),
		f.add(newField("Method", "Paid by", method, "")),
	)
	var cents int64
	var n int
	f.validate = func() bool {
		var probs []data.FieldProblem
		var err error
		if cents, err = data.ParseMoney(price.Text, p.Currency); err != nil {
			probs = append(probs, data.FieldProblem{Field: "Price", Message: capitalize(err.Error()) + "."})
		}
		if n, err = strconv.Atoi(sessions.Text); err != nil {
			probs = append(probs, data.FieldProblem{Field: "SessionsTotal", Message: "Write the number of sessions, e.g. 5."})
		}
		if clients.id() == 0 {
			probs = append(probs, data.FieldProblem{Field: "ClientID", Message: "Choose the client the package is for."})
		}
		return f.report(probs, nil)
	}
	sh.sellDialog("Sell a package", f, body, func(ctx context.Context, st *data.Store) (data.Invoice, error) {
		var svc int64
		if i := service.SelectedIndex(); i >= 0 {
			svc = services[i].ID
		}
		k := data.Package{ClientID: clients.id(), ServiceID: svc, SessionsTotal: n, Price: cents}
		return st.SellPackage(ctx, &k, data.Sale{Method: methodOf(method.Selected)})
	}, done)
	return clients
}
