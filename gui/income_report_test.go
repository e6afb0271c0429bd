package gui

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// Reports opens on the income summary: a visit checked out shows in its
// month and the total, and "Save as CSV…" writes the year for the
// accountant.
func TestReportsShowIncomeAndSaveCSV(t *testing.T) {
	sh := newTestShell(t, true)
	ctx := context.Background()
	_, visits := outcomeClient(t, sh, 2)
	a, err := sh.store.SetAppointmentStatus(ctx, visits[0].ID, data.StatusCompleted, "")
	if err != nil {
		t.Fatal(err)
	}
	inv, err := sh.store.CheckOut(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	m, _ := sh.store.Moment(ctx)
	when := a.Start.In(m.Loc)

	sh.show(sectionReports)
	r := sh.outcomes.income
	if sh.outcomes.tabs.SelectedIndex() != 0 {
		t.Error("Reports does not open on Income")
	}
	r.year.SetSelected(strconv.Itoa(when.Year()))
	money := data.FormatMoney(inv.Total, inv.Currency, r.locale)
	if !strings.Contains(r.summary.Text, "1 visit · "+money+" invoiced · "+money+" received") {
		t.Errorf("summary %q", r.summary.Text)
	}
	got := allText(r.obj)
	for _, want := range []string{when.Month().String(), "Total", "Prepaid used", money} {
		if !strings.Contains(got, want) {
			t.Errorf("the income tab lacks %q:\n%s", want, got)
		}
	}
	sh.win.Resize(fyne.NewSize(1024, 600))
	if bad := settledOutside(sh.win, sh.win.Canvas().Size()); len(bad) > 0 {
		t.Errorf("cut off at 1024x600:\n%s", strings.Join(bad, "\n"))
	}
	if need, have := r.table.MinSize().Width, r.table.Size().Width; need > have {
		t.Errorf("the table needs %.0f wide at 1024x600 and has %.0f (it scrolls sideways)", need, have)
	}

	path := filepath.Join(t.TempDir(), "income.csv")
	var suggested string
	r.chooseFile = func(name string, done func(string)) { suggested = name; done(path) }
	test.Tap(r.saveCSV)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if suggested != "Income "+strconv.Itoa(when.Year())+".csv" || !strings.Contains(string(b), when.Month().String()+",1,1,") {
		t.Errorf("suggested %q, saved:\n%s", suggested, b)
	}
}
