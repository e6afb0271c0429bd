package gui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/stillpoint/stillpoint/data"
)

// scheduleTab shows Settings on its Schedule tab.
func scheduleTab(t *testing.T) (*shell, *scheduleSettings) {
	t.Helper()
	sh := newTestShell(t, true)
	sh.show(sectionSettings)
	sh.settings.tabs.SelectIndex(1)
	return sh, sh.settings.schedule
}

func TestParsePriceToCents(t *testing.T) {
	for in, want := range map[string]int64{"85": 8500, "85.50": 8550, "85.5": 8550, "$1,200": 120000, "0": 0, " 12.05 ": 1205, ".75": 75} {
		if got, err := parsePrice(in); err != nil || got != want {
			t.Errorf("parsePrice(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for in, says := range map[string]string{"": "Give the price", "85.555": "not a price", "eighty": "not a price",
		"-5": "negative", "85.": "not a price", "1.2.3": "not a price"} {
		if _, err := parsePrice(in); err == nil || !strings.Contains(err.Error(), says) {
			t.Errorf("parsePrice(%q): %v, want %q", in, err, says)
		}
	}
	if got := formatMoney(8550, "CAD"); got != "$85.50" {
		t.Errorf("formatMoney: %q", got)
	}
	if got := formatMoney(6000, "CHF"); got != "60.00 CHF" {
		t.Errorf("formatMoney: %q", got)
	}
}

// Every palette colour, tinted as the calendar draws a block, keeps the
// theme's text readable (WCAG AA, 4.5:1) in both variants.
func TestServicePaletteIsReadable(t *testing.T) {
	for _, v := range []struct {
		variant string
		tint    float64
		th      calmTheme
		dark    bool
	}{{"light", 0.32, calmTheme{}, false}, {"dark", 0.55, calmTheme{}, true}} {
		variant := theme.VariantLight
		if v.dark {
			variant = theme.VariantDark
		}
		bg := v.th.Color(theme.ColorNameBackground, variant)
		fg := v.th.Color(theme.ColorNameForeground, variant)
		for _, hex := range servicePalette {
			c, ok := hexToColor(hex)
			if !ok {
				t.Fatalf("%s is not a colour", hex)
			}
			if r := contrastRatio(fg, blend(c, bg, v.tint)); r < 4.5 {
				t.Errorf("%s in the %s theme: text contrast %.2f", hex, v.variant, r)
			}
		}
	}
}

func TestServicesListAddEditAndDeactivate(t *testing.T) {
	sh, s := scheduleTab(t)
	p := s.services
	if len(p.list) != 4 || !strings.Contains(allText(p.obj), "$110.00") || !strings.Contains(allText(p.obj), "60 min") {
		t.Fatalf("default services:\n%s", allText(p.obj))
	}
	test.Tap(p.addBtn)
	d := p.dialog
	if d == nil || !hasDialog(sh) {
		t.Fatal("no dialog for a new service")
	}
	for _, n := range data.ServiceFieldNames() {
		fd, ok := d.fields[n]
		if !ok || !slices.Contains(d.order, fd) {
			t.Errorf("the service form has no widget for %s", n)
		}
	}
	// Bad input: each message under its field, nothing saved.
	test.Type(d.minutes, "sixty")
	test.Type(d.price, "85.555")
	test.Tap(d.saveBtn)
	for field, says := range map[string]string{"Name": "needs a name", "Minutes": "not a number", "Price": "85 or 85.50"} {
		if msg := d.fields[field].err.Text; !strings.Contains(msg, says) {
			t.Errorf("%s says %q, want %q", field, msg, says)
		}
	}
	typeInto(d.minutes, "0")
	test.Tap(d.saveBtn)
	if msg := d.fields["Minutes"].err.Text; !strings.Contains(msg, "must last some time") {
		t.Errorf("zero minutes: %q", msg)
	}
	typeInto(d.name, "Hot stone massage")
	typeInto(d.minutes, "75")
	typeInto(d.price, "85.50")
	test.Tap(d.taxable)
	test.Tap(d.color.swatches[5])
	test.Tap(d.saveBtn)
	if hasDialog(sh) || p.dialog != nil {
		t.Fatal("dialog still open after saving")
	}
	all, _ := sh.store.Services(context.Background(), true)
	var hot data.Service
	for _, v := range all {
		if v.Name == "Hot stone massage" {
			hot = v
		}
	}
	if hot.Minutes != 75 || hot.PriceCents != 8550 || !hot.Taxable || hot.Color != servicePalette[5] || !hot.Active {
		t.Fatalf("saved %+v", hot)
	}
	if !strings.Contains(allText(p.obj), "$85.50") {
		t.Errorf("list not refreshed:\n%s", allText(p.obj))
	}

	// Deactivate it: kept, shown as inactive, not offered.
	i := slices.IndexFunc(p.list, func(v data.Service) bool { return v.ID == hot.ID })
	test.Tap(p.edits[i])
	d = p.dialog
	if d.price.Text != "85.50" || d.color.Selected() != servicePalette[5] || !d.active.Checked {
		t.Errorf("edit shows %q %q %v", d.price.Text, d.color.Selected(), d.active.Checked)
	}
	test.Tap(d.active)
	test.Tap(d.saveBtn)
	if active, _ := sh.store.Services(context.Background(), false); slices.ContainsFunc(active, func(v data.Service) bool { return v.ID == hot.ID }) {
		t.Error("deactivated service still offered")
	}
	if !strings.Contains(allText(p.obj), "Inactive") {
		t.Error("no sign the service is inactive")
	}
}

func TestServiceDialogCancelAsksAboutChanges(t *testing.T) {
	sh, s := scheduleTab(t)
	test.Tap(s.services.addBtn)
	d := s.services.dialog
	test.Type(d.name, "Cupping")
	test.Tap(d.cancel)
	answer(t, sh, "Keep editing")
	if d.name.Text != "Cupping" {
		t.Error("draft lost")
	}
	test.Tap(d.cancel)
	answer(t, sh, "Discard changes")
	if hasDialog(sh) {
		t.Error("dialog still open")
	}
}

func TestWorkingHoursAndBufferSave(t *testing.T) {
	sh, s := scheduleTab(t)
	h := s.hours
	for _, wd := range weekOrder {
		for _, n := range data.WorkingDayFieldNames() {
			if _, ok := h.fields[dayField(wd, n)]; !ok {
				t.Errorf("no %s field for %s", n, wd)
			}
		}
	}
	for _, n := range data.ScheduleSettingsFieldNames() {
		if _, ok := h.fields[n]; !ok {
			t.Errorf("no widget for %s", n)
		}
	}
	tue := h.days[time.Tuesday]
	if !tue.open.Checked {
		test.Tap(tue.open)
	}
	typeInto(tue.start.input, "10")
	typeInto(tue.end.input, "9")
	typeInto(h.buffer, "ten")
	test.Tap(h.saveBtn)
	if msg := h.fields["Tuesday.End"].err.Text; !strings.Contains(msg, "must come after opening") {
		t.Errorf("end before start: %q", msg)
	}
	if msg := h.fields["BufferMinutes"].err.Text; !strings.Contains(msg, "not a number") {
		t.Errorf("buffer: %q", msg)
	}
	typeInto(h.buffer, "200")
	test.Tap(h.saveBtn)
	if msg := h.fields["BufferMinutes"].err.Text; !strings.Contains(msg, "0 to 120") {
		t.Errorf("buffer: %q", msg)
	}
	if days, _ := sh.store.WorkingHours(context.Background()); days[time.Tuesday].Start.Hour == 10 {
		t.Fatal("bad hours saved")
	}

	typeInto(tue.end.input, "6pm")
	typeInto(h.buffer, "10")
	sat := h.days[time.Saturday]
	test.Tap(sat.open) // toggles Saturday
	wantSat := sat.open.Checked
	test.Tap(h.initials)
	test.Tap(h.saveBtn)
	days, err := sh.store.WorkingHours(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if d := days[time.Tuesday]; !d.Open || d.Start != (data.Clock{Hour: 10}) || d.End != (data.Clock{Hour: 18}) {
		t.Errorf("Tuesday saved as %+v", d)
	}
	if days[time.Saturday].Open != wantSat {
		t.Errorf("Saturday open %v, want %v", days[time.Saturday].Open, wantSat)
	}
	set, _ := sh.store.ScheduleSettings(context.Background())
	if set.BufferMinutes != 10 || !set.ExportInitials {
		t.Errorf("settings saved as %+v", set)
	}
	if !h.saved.Visible() || h.dirty {
		t.Error("no sign of the save")
	}
}
