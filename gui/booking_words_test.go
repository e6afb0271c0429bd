package gui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/stillpoint/stillpoint/data"
)

// A huge price is called too large, not "not a price"; up to 100000 is
// fine.
func TestServicePriceTooLargeSaysSo(t *testing.T) {
	for in, want := range map[string]string{"99999999999": "too large", "100001": "too large", "1,000,000.50": "too large"} {
		if _, err := readPrice(in); err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "not a price") {
			t.Errorf("%q: %v", in, err)
		}
	}
	if c, err := readPrice("100000"); err != nil || c != 100000_00 {
		t.Errorf("100000: %d %v", c, err)
	}
	sh := newTestShell(t, true)
	d := newServiceDialog(sh, data.Service{}, func() {})
	typeInto(d.name, "Hot stones")
	typeInto(d.minutes, "60")
	typeInto(d.price, "99999999999")
	if d.check() || !strings.Contains(d.fields["Price"].err.Text, "too large") {
		t.Errorf("the price field says %q", d.fields["Price"].err.Text)
	}
}

// Booking shows prices as Settings does; a bad date's example is a visit
// date (today), not a birthdate; "2:30" shows it was read as 14:30.
func TestBookingWordsPriceDateAndTimeReading(t *testing.T) {
	w := newSchedWorld(t)
	sh := w.sh
	svc := firstService(t, sh)
	b := w.slotAt(t, w.tuesday, 9, 0)
	if want := formatMoney(svc.PriceCents, "CAD"); !strings.Contains(b.service.Options[0], want) || !strings.HasPrefix(want, "$") {
		t.Errorf("booking offers %q, Settings shows %q", b.service.Options[0], want)
	}
	typeInto(b.clock.input, "2:30")
	if !strings.Contains(b.end.Text, "Starts 14:30") {
		t.Errorf("the reading of 2:30 is not shown: %q", b.end.Text)
	}
	typeInto(b.date, "soon")
	test.Tap(b.saveBtn)
	today, _ := sh.store.Today(context.Background())
	got := b.fields["Date"].err.Text
	if !strings.Contains(got, "e.g. "+today.String()) || strings.Contains(got, "1984") {
		t.Errorf("the date's example: %q", got)
	}
}
