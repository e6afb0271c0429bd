package gui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// loadBalances lists who owes, most first, with the age of each debt.
func (s *receiptsScreen) loadBalances(ctx context.Context) {
	bs, err := s.sh.store.Balances(ctx)
	if err != nil {
		showError(s.sh.win, err)
		return
	}
	p, err := s.sh.store.Practice(ctx)
	if err != nil {
		showError(s.sh.win, err)
		return
	}
	s.balances.Objects = nil
	if len(bs) == 0 {
		none := widget.NewLabel("Nobody owes anything. Every issued receipt is paid.")
		none.Importance = widget.LowImportance
		s.balances.Add(none)
		s.balances.Refresh()
		return
	}
	head := []string{"Client", "Owed"}
	head = append(head, data.AgeBuckets...)
	s.balances.Add(balanceRow(head, true))
	for _, b := range bs {
		cells := []string{b.ClientName, s.money(b.Owed, p.Currency)}
		for _, v := range b.ByAge {
			text := ""
			if v > 0 {
				text = s.money(v, p.Currency)
			}
			cells = append(cells, text)
		}
		name := b.ClientName
		row := balanceRow(cells, false)
		open := widget.NewButton("Receipts", func() {
			s.search.SetText(name)
			s.state.SetSelectedIndex(0)
			s.tabs.SelectIndex(0)
		})
		open.Importance = widget.LowImportance
		s.balances.Add(container.NewBorder(nil, nil, nil, open, row))
	}
	s.balances.Refresh()
}

func balanceRow(cells []string, bold bool) fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, len(cells))
	for i, t := range cells {
		l := widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: bold})
		l.Truncation = fyne.TextTruncateEllipsis
		objs[i] = l
	}
	return container.NewGridWithColumns(len(cells), objs...)
}

// loadPrepaid lists certificates and packages with what remains.
func (s *receiptsScreen) loadPrepaid(ctx context.Context) {
	st := s.sh.store
	cs, err := st.GiftCertificates(ctx, false)
	if err != nil {
		showError(s.sh.win, err)
		return
	}
	ks, err := st.Packages(ctx, 0, false)
	if err != nil {
		showError(s.sh.win, err)
		return
	}
	p, err := st.Practice(ctx)
	if err != nil {
		showError(s.sh.win, err)
		return
	}
	today, err := st.Today(ctx)
	if err != nil {
		showError(s.sh.win, err)
		return
	}
	certs := container.NewVBox()
	if len(cs) == 0 {
		certs.Add(lowLabel("No gift certificates sold yet."))
	}
	for _, c := range cs {
		left := fmt.Sprintf("%s left of %s", s.money(c.Remaining, p.Currency), s.money(c.Amount, p.Currency))
		if c.Cancelled {
			left = fmt.Sprintf("Cancelled (its sale was voided) · was %s", s.money(c.Amount, p.Currency))
		} else if c.Expired(today) {
			left += " · expired " + c.ExpiresOn.Format()
		} else if !c.ExpiresOn.IsZero() {
			left += " · until " + c.ExpiresOn.Format()
		}
		who := joinNonEmpty(" › ", c.Buyer, c.Recipient)
		certs.Add(balanceRow([]string{c.Code, who, left}, false))
	}
	pkgs := container.NewVBox()
	if len(ks) == 0 {
		pkgs.Add(lowLabel("No packages sold yet."))
	}
	for _, k := range ks {
		left := fmt.Sprintf("%d of %d sessions left", k.SessionsLeft(), k.SessionsTotal)
		if k.Cancelled {
			left = "Cancelled (its sale was voided)"
		} else if k.Expired(today) {
			left += " · expired " + k.ExpiresOn.Format()
		}
		pkgs.Add(balanceRow([]string{k.ClientName, k.Name, left}, false))
	}
	s.prepaid.Objects = []fyne.CanvasObject{section("Gift certificates", certs), section("Packages", pkgs)}
	s.prepaid.Refresh()
}

// lowLabel is a quiet line of text.
func lowLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Importance = widget.LowImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}
