package gui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/stillpoint/stillpoint/data"
)

// receiptsPractice stores n paid receipts (and one owing) for the visit of
// completedVisit's client.
func receiptsPractice(t *testing.T, sh *shell, n int) data.Appointment {
	t.Helper()
	a := completedVisit(t, sh)
	ctx := context.Background()
	var ims []data.InvoiceImport
	today, _ := sh.store.Today(ctx)
	for i := 0; i < n; i++ {
		ims = append(ims, data.InvoiceImport{IssuedOn: today, Invoice: data.Invoice{ClientID: a.ClientID,
			Lines: []data.InvoiceLine{{Kind: data.LineService, Description: fmt.Sprintf("Visit %d", i), Unit: 11000, Taxable: true}}},
			Payments: []data.Payment{{Method: data.PayCredit, Amount: 12430}}})
	}
	ims = append(ims, data.InvoiceImport{IssuedOn: today, Invoice: data.Invoice{ClientID: a.ClientID,
		Lines: []data.InvoiceLine{{Description: "Owing", Unit: 5000}}}})
	if err := sh.store.ImportInvoices(ctx, ims); err != nil {
		t.Fatal(err)
	}
	return a
}

// The Receipts screen fits 1024×600 in both themes, on each tab, and its
// list reads a page at a time.
func TestRenderReceiptsAtLaptopSize(t *testing.T) {
	size := fyne.NewSize(1024, 600)
	for _, th := range []struct {
		name  string
		theme fyne.Theme
	}{{"light", lightTheme{}}, {"dark", darkTheme{}}} {
		t.Run(th.name, func(t *testing.T) {
			sh := newTestShell(t, true)
			receiptsPractice(t, sh, receiptPage+5)
			c := &data.GiftCertificate{Amount: 5000, Buyer: "A very long buyer name that goes on and on", Recipient: "Someone"}
			if _, err := sh.store.SellCertificate(context.Background(), c, data.Sale{ClientID: 1, Method: data.PayCash}); err != nil {
				t.Fatal(err)
			}
			sh.app.Settings().SetTheme(th.theme)
			sh.showMain(sectionReceipts)
			sh.win.Resize(size)
			s := sh.receipts
			check := func(name string) {
				t.Helper()
				sh.win.Resize(size.SubtractWidthHeight(1, 1))
				sh.win.Resize(size)
				sh.win.Canvas().Capture()
				if got := sh.win.Canvas().Size(); got != size {
					t.Errorf("%s: the window grew to %v", name, got)
				}
				for _, o := range settledOutside(sh.win, size) {
					t.Errorf("%s: %s", name, o)
				}
			}
			check("receipts")
			if len(s.rows) != receiptPage || !s.more.Visible() || s.count.Text != fmt.Sprintf("Showing %d of %d receipts", receiptPage, receiptPage+7) {
				t.Errorf("first page: %d rows, %q", len(s.rows), s.count.Text)
			}
			pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.more)
			if pos.Y+s.more.Size().Height > size.Height {
				t.Errorf("Show more is below the window at %v", pos)
			}
			s.loadMore()
			if len(s.rows) != receiptPage+7 || s.more.Visible() {
				t.Errorf("after Show more: %d rows", len(s.rows))
			}
			s.state.SetSelected(data.StateUnpaid.Label())
			if len(s.rows) != 1 || s.rows[0].State != data.StateUnpaid {
				t.Errorf("unpaid filter: %+v", s.rows)
			}
			s.state.SetSelectedIndex(0)
			s.search.SetText("R-000003")
			if len(s.rows) != 1 || s.rows[0].Number != "R-000003" {
				t.Errorf("search by number: %d rows", len(s.rows))
			}
			s.tabs.SelectIndex(1)
			check("balances")
			if got := allText(s.balances); !containsAll(got, "Zoë Nguyễn", "$50.00", "0-30 days") {
				t.Errorf("balances show %s", got)
			}
			s.tabs.SelectIndex(2)
			check("certificates")
			sh.show(sectionSettings)
			sh.settings.tabs.SelectIndex(len(sh.settings.tabs.Items) - 1)
			check("settings-receipts")
		})
	}
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
