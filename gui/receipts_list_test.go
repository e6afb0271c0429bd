package gui

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data/statements"
)

// A void receipt reads "Void" where its payment was, greyed, its total
// struck out; the list's totals leave it out.
func TestVoidReceiptRowReadsVoid(t *testing.T) {
	sh := newTestShell(t, true)
	void := voidedCheckout(t, sh) // $124.30 paid by debit, then voided
	sh.showMain(sectionReceipts)
	sh.win.Resize(fyne.NewSize(1024, 600))
	s := sh.receipts
	s.reload()
	if len(s.rows) != 1 || s.rows[0].ID != void.ID {
		t.Fatalf("rows %+v", s.rows)
	}
	row := newReceiptRow()
	s.updateRow(0, row)
	objs := row.(*fyne.Container).Objects
	paid := objs[colPaid].(*widget.Label)
	if paid.Text != "Void" || paid.Importance != widget.LowImportance {
		t.Errorf("the void receipt's payment reads %q (importance %v)", paid.Text, paid.Importance)
	}
	if total := objs[colTotal].(*widget.Label); total.Importance != widget.LowImportance || !objs[receiptColumns].Visible() {
		t.Errorf("the void receipt's total is not greyed and struck out")
	}
	if strings.Contains(s.sums.Text, "124.30") {
		t.Errorf("the totals count the void receipt: %q", s.sums.Text)
	}
	// A paid receipt shows its payment, unstruck, and is counted.
	if _, err := sh.store.CheckOut(context.Background(), completedVisit(t, sh).ID); err != nil {
		t.Fatal(err)
	}
	s.reload()
	row = newReceiptRow()
	s.updateRow(0, row)
	objs = row.(*fyne.Container).Objects
	if got := objs[colPaid].(*widget.Label).Text; got != "$124.30" || objs[receiptColumns].Visible() {
		t.Errorf("a paid receipt's payment reads %q", got)
	}
	if !strings.Contains(s.sums.Text, "Billed $124.30 · paid $124.30") {
		t.Errorf("totals %q", s.sums.Text)
	}
}

// At 1024×600 the client's name gets the room the fixed columns leave: a
// long name is shown whole, not cut to "Thomas MacD…".
func TestReceiptRowGivesTheNameRoom(t *testing.T) {
	sh := newTestShell(t, true)
	a := completedVisit(t, sh)
	ctx := context.Background()
	c, err := sh.store.Client(ctx, a.ClientID)
	if err != nil {
		t.Fatal(err)
	}
	c.FirstName, c.PreferredName, c.LastName = "Anastasia", "", "Featherstonehaugh"
	if err := sh.store.UpdateClient(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if _, err := sh.store.CheckOut(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	sh.showMain(sectionReceipts)
	sh.win.Resize(fyne.NewSize(1024, 600))
	sh.win.Canvas().Capture()
	s := sh.receipts
	rows := renderedRows(s.list)
	if len(rows) == 0 {
		t.Fatal("no row rendered")
	}
	got := strings.Join(renderedText(rows[0]), "|")
	if !strings.Contains(got, "Anastasia Featherstonehaugh") || strings.Contains(got, "…") {
		t.Errorf("the name is cut short at 1024×600: %s", got)
	}
	for _, want := range []string{"R-000001", "$124.30", "Paid"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q is cut short at 1024×600: %s", want, got)
		}
	}
}

// A year without paid visits offers no Write statements and says so
// plainly; a year with them says how many clients get one.
func TestYearEndStatementsEmptyYear(t *testing.T) {
	sh := newTestShell(t, true)
	a := completedVisit(t, sh)
	if _, err := sh.store.CheckOut(context.Background(), a.ID); err != nil {
		t.Fatal(err)
	}
	r := sh.showStatements()
	dir := t.TempDir()
	r.chooseFolder = func(done func(string)) { done(dir) }
	test.Tap(r.choose)
	empty := strconv.Itoa(a.Start.Year() - 3)
	r.year.SetSelected(empty)
	if got := r.status.Text; got != "No paid visits in "+empty+": there are no statements to write." || !r.start.Disabled() {
		t.Errorf("an empty year: %q, Write statements on: %v", got, !r.start.Disabled())
	}
	r.year.SetSelected(strconv.Itoa(a.Start.Year()))
	if got := r.status.Text; !strings.HasPrefix(got, "1 client with paid visits in") || r.start.Disabled() {
		t.Errorf("a year with a paid visit: %q, Write statements off: %v", got, r.start.Disabled())
	}
	r.finish(statements.Result{Year: 1999, Dir: dir}, nil)
	if got := r.status.Text; got != "No paid visits in 1999: no statements written." {
		t.Errorf("a run that found nothing: %q", got)
	}
}
