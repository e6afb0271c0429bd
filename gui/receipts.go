package gui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// receiptPage is how many receipts the list reads at a time: enough to
// fill a tall window several times, few enough to read in a millisecond
// on a practice of ten years or more.
const receiptPage = 200

// Periods the receipt list can be narrowed to.
const (
	periodAll       = "Any time"
	periodMonth     = "This month"
	periodLastMonth = "Last month"
	periodYear      = "This year"
	periodLastYear  = "Last year"
)

// receiptsScreen is the Receipts section: the receipts (search, state and
// period, read a page at a time), who owes what and for how long, and the
// gift certificates and packages with what remains on them.
type receiptsScreen struct {
	sh     *shell
	obj    fyne.CanvasObject
	tabs   *container.AppTabs
	search *searchEntry
	state  *widget.Select
	period *widget.Select
	list   *widget.List
	count  *widget.Label
	sums   *widget.Label // what the listed receipts add up to, void ones left out
	cert   *widget.Label // what is left on the gift certificate whose code is searched
	more   *widget.Button

	rows   []data.InvoiceSummary
	total  int
	filter data.InvoiceFilter
	locale string

	balances *fyne.Container
	prepaid  *fyne.Container

	statements *statementsRun // the Year-end statements dialog, once opened
}

func newReceiptsScreen(sh *shell) *receiptsScreen {
	s := &receiptsScreen{sh: sh, locale: "en-CA"}
	s.search = newSearchEntry()
	s.search.SetPlaceHolder("Search receipt number, client or gift certificate code")
	s.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.search.OnChanged = func(string) { s.reload() }
	states := []string{"All receipts"}
	for _, p := range data.PayStates {
		states = append(states, p.Label())
	}
	s.state = widget.NewSelect(states, nil)
	s.state.SetSelectedIndex(0)
	s.period = widget.NewSelect([]string{periodAll, periodMonth, periodLastMonth, periodYear, periodLastYear}, nil)
	s.period.SetSelectedIndex(0)
	s.state.OnChanged = func(string) { s.reload() }
	s.period.OnChanged = func(string) { s.reload() }
	s.count = widget.NewLabel("")
	s.count.Importance = widget.LowImportance
	s.cert = widget.NewLabel("")
	s.cert.Importance = widget.HighImportance
	s.cert.Wrapping = fyne.TextWrapWord
	s.cert.Hide()
	s.sums = widget.NewLabel("")
	s.sums.Importance = widget.LowImportance
	s.sums.Truncation = fyne.TextTruncateEllipsis
	s.more = widget.NewButton("Show more", s.loadMore)
	s.more.Hide()
	s.list = widget.NewList(func() int { return len(s.rows) }, newReceiptRow, s.updateRow)
	s.list.OnSelected = func(id widget.ListItemID) {
		s.list.UnselectAll()
		if id < len(s.rows) {
			sh.showInvoice(s.rows[id].ID, s.reload)
		}
	}
	filters := container.NewBorder(nil, nil, nil, container.NewHBox(s.state, s.period), s.search)
	head := receiptRowHeader()
	listPane := container.NewBorder(container.NewVBox(filters, s.cert, head), container.NewBorder(nil, nil, s.count, s.more, s.sums), nil, nil, s.list)

	s.balances = container.NewVBox()
	s.prepaid = container.NewVBox()
	sellCert := widget.NewButtonWithIcon("Sell gift certificate…", theme.ContentAddIcon(), func() { sh.sellCertificate(s.reload) })
	sellPkg := widget.NewButtonWithIcon("Sell package…", theme.ContentAddIcon(), func() { sh.sellPackage(0, s.reload) })
	balance := widget.NewButtonWithIcon("Gift certificate balance…", theme.SearchIcon(), func() { sh.showCertificateBalance(s.locale) })
	prepaidPane := container.NewBorder(container.NewHBox(sellCert, sellPkg, balance), nil, nil, nil, container.NewVScroll(s.prepaid))

	s.tabs = container.NewAppTabs(
		container.NewTabItem("Receipts", listPane),
		container.NewTabItem("Balances owed", container.NewVScroll(s.balances)),
		container.NewTabItem("Certificates & packages", prepaidPane),
	)
	yearEnd := widget.NewButtonWithIcon("Year-end statements…", theme.DocumentSaveIcon(), func() { s.statements = sh.showStatements() })
	s.obj = container.NewBorder(container.NewPadded(container.NewBorder(nil, nil, nil, yearEnd, heading("Receipts"))), nil, nil, nil, container.NewPadded(s.tabs))
	return s
}

// reload reads the first page of receipts and the other tabs afresh.
func (s *receiptsScreen) reload() {
	ctx := context.Background()
	st := s.sh.store
	if set, err := st.ReceiptSettings(ctx); err == nil {
		s.locale = set.Locale
	}
	f, err := s.currentFilter(ctx)
	if err != nil {
		showError(s.sh.win, err)
		return
	}
	s.filter = f
	rows, err := st.Invoices(ctx, f)
	if err == nil {
		s.total, err = st.CountInvoices(ctx, f)
	}
	var sums []data.InvoiceTotal
	if err == nil {
		sums, err = st.InvoiceTotals(ctx, f)
	}
	if err != nil {
		showError(s.sh.win, err)
		return
	}
	s.rows = rows
	s.sums.SetText(s.totalsText(sums))
	s.showCertificate(ctx)
	s.showCount()
	s.list.Refresh()
	s.list.ScrollToTop()
	s.loadBalances(ctx)
	s.loadPrepaid(ctx)
}

// showCertificate says what is left on the gift certificate whose code is
// searched (the list then shows its sale and the receipts it paid).
func (s *receiptsScreen) showCertificate(ctx context.Context) {
	q := strings.TrimSpace(s.search.Text)
	if !strings.HasPrefix(strings.ToUpper(q), "GC") {
		s.cert.Hide()
		return
	}
	r, err := s.sh.lookUpCertificate(ctx, q, s.locale)
	if err != nil || !r.found {
		s.cert.Hide()
		return
	}
	s.cert.SetText("Gift certificate " + r.text)
	s.cert.Show()
}

// loadMore appends the next page of receipts.
func (s *receiptsScreen) loadMore() {
	f := s.filter
	f.Offset = len(s.rows)
	rows, err := s.sh.store.Invoices(context.Background(), f)
	if err != nil {
		showError(s.sh.win, err)
		return
	}
	s.rows = append(s.rows, rows...)
	s.showCount()
	s.list.Refresh()
}

func (s *receiptsScreen) showCount() {
	switch {
	case s.total == 0:
		s.count.SetText("No receipts match.")
	case len(s.rows) < s.total:
		s.count.SetText(fmt.Sprintf("Showing %d of %d receipts", len(s.rows), s.total))
	default:
		s.count.SetText(fmt.Sprintf("%d receipts", s.total))
	}
	if len(s.rows) < s.total {
		s.more.Show()
	} else {
		s.more.Hide()
	}
}

// currentFilter reads the search, state and period chosen.
func (s *receiptsScreen) currentFilter(ctx context.Context) (data.InvoiceFilter, error) {
	f := data.InvoiceFilter{Search: s.search.Text, Limit: receiptPage}
	if i := s.state.SelectedIndex(); i > 0 {
		f.State = data.PayStates[i-1]
	}
	if s.period.Selected == periodAll || s.period.Selected == "" {
		return f, nil
	}
	today, err := s.sh.store.Today(ctx)
	if err != nil {
		return f, err
	}
	first := data.Date{Year: today.Year, Month: today.Month, Day: 1}
	switch s.period.Selected {
	case periodMonth:
		f.From, f.To = first, today
	case periodLastMonth:
		prev := first.Time(time.UTC).AddDate(0, -1, 0)
		f.From, f.To = data.DateOf(prev), data.DateOf(first.Time(time.UTC).AddDate(0, 0, -1))
	case periodYear:
		f.From, f.To = data.Date{Year: today.Year, Month: 1, Day: 1}, today
	case periodLastYear:
		f.From, f.To = data.Date{Year: today.Year - 1, Month: 1, Day: 1}, data.Date{Year: today.Year - 1, Month: 12, Day: 31}
	}
	return f, nil
}

// money formats cents of currency in the practice's chosen format.
func (s *receiptsScreen) money(cents int64, currency string) string {
	return data.FormatMoney(cents, currency, s.locale)
}
