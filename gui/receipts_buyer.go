package gui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// buyerChoice is who a gift certificate's receipt is made out to: a client
// picked from the list, or, after "New buyer…", someone who is not yet a
// client, by first and last name only (their client record is made in the
// same transaction as the sale).
type buyerChoice struct {
	clients     *clientChoice
	first, last *entry
	isNew       bool
	newBtn      *widget.Button // "New buyer…"
	pickBtn     *widget.Button // back to the list of clients
	pick, fresh fyne.CanvasObject
}

func newBuyerChoice(f *form, clients *clientChoice) *buyerChoice {
	b := &buyerChoice{clients: clients, first: newEntry("First name", capName), last: newEntry("Last name", capName)}
	f.watch(b.first, b.last)
	b.newBtn = widget.NewButtonWithIcon("New buyer…", theme.ContentAddIcon(), func() { b.setNew(true, f) })
	b.pickBtn = widget.NewButton("Choose an existing client instead", func() { b.setNew(false, f) })
	b.pickBtn.Importance = widget.LowImportance
	const hint = "The client who buys it. Not a client yet? New buyer…"
	pickF := newField("ClientID", "Receipt made out to", container.NewBorder(nil, nil, nil, b.newBtn, clients.sel), hint)
	clients.onHint = func(h string) {
		if h == "" {
			h = hint
		}
		pickF.setHint(h)
	}
	b.pick = f.add(pickF)
	names := f.row(newField("FirstName", "Buyer's first name", b.first, ""), newField("LastName", "Buyer's last name", b.last, ""))
	note := lowLabel("A client record is made for the buyer with the sale.")
	b.fresh = container.NewVBox(names, container.NewBorder(nil, nil, nil, b.pickBtn, note))
	b.fresh.Hide()
	return b
}

// obj is the choice as laid out in the dialog.
func (b *buyerChoice) obj() fyne.CanvasObject { return container.NewVBox(b.pick, b.fresh) }

// setNew switches between picking a client and naming a new buyer.
func (b *buyerChoice) setNew(isNew bool, f *form) {
	b.isNew = isNew
	if isNew {
		b.pick.Hide()
		b.fresh.Show()
		f.sh.win.Canvas().Focus(b.first)
	} else {
		b.fresh.Hide()
		b.pick.Show()
	}
	f.changed()
	if isNew {
		// Nothing is typed yet: the names are not wrong before they are asked.
		clearErrors(f, "FirstName", "LastName")
	}
}

// clearErrors takes the messages off the named fields, and the summary
// too when no field has one left.
func clearErrors(f *form, names ...string) {
	for _, n := range names {
		if fd, ok := f.fields[n]; ok {
			fd.setError("")
		}
	}
	for _, fd := range f.order {
		if fd.err.Text != "" {
			return
		}
	}
	f.summary.Hide()
}

// problems are what keeps the choice from being used.
func (b *buyerChoice) problems() []data.FieldProblem {
	var probs []data.FieldProblem
	switch {
	case !b.isNew && b.clients.id() == 0:
		probs = append(probs, data.FieldProblem{Field: "ClientID", Message: "Choose the client the receipt is made out to, or a new buyer (New buyer…)."})
	case b.isNew:
		if strings.TrimSpace(b.first.Text) == "" {
			probs = append(probs, data.FieldProblem{Field: "FirstName", Message: "Type the buyer's first name."})
		}
		if strings.TrimSpace(b.last.Text) == "" {
			probs = append(probs, data.FieldProblem{Field: "LastName", Message: "Type the buyer's last name."})
		}
	}
	return probs
}

// sale is whom the sale's receipt is made out to.
func (b *buyerChoice) sale(method data.PaymentMethod) data.Sale {
	if b.isNew {
		return data.Sale{NewClient: &data.Client{FirstName: b.first.Text, LastName: b.last.Text}, Method: method}
	}
	return data.Sale{ClientID: b.clients.id(), Method: method}
}
