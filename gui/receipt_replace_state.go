package gui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/stillpoint/stillpoint/data"
)

// state is what the replacement draft says, read the way it would be
// stored: trimmed texts and parsed amounts, quantities and dates, so that
// retyping "110.00" as "110" or adding a trailing space is no change. A
// text that does not parse counts as itself.
func (d *replaceDialog) state() string {
	var b strings.Builder
	amount := func(s string) string {
		s = strings.TrimSpace(s)
		if s == "" {
			return "0"
		}
		if c, err := data.ParseMoney(s, d.void.Currency); err == nil {
			return strconv.FormatInt(c, 10)
		}
		return "?" + s
	}
	for _, rl := range d.lines {
		qty := strings.TrimSpace(rl.qty.Text)
		if n, err := strconv.Atoi(qty); err == nil {
			qty = strconv.Itoa(n)
		}
		fmt.Fprintf(&b, "line %d|%q|%s|%s|%s\n", rl.line.ID, strings.TrimSpace(rl.desc.Text), qty, amount(rl.unit.Text), amount(rl.disc.Text))
	}
	for _, rp := range d.pays {
		if rp.removed {
			continue
		}
		on := strings.TrimSpace(rp.date.Text)
		if day, err := data.ParseDate(on); err == nil {
			on = day.String()
		}
		fmt.Fprintf(&b, "pay|%s|%s|%s\n", rp.method.Selected, amount(rp.amount.Text), on)
	}
	return b.String()
}

// trackChanges makes the draft count as changed only while what it says
// differs from what it was opened with.
func (d *replaceDialog) trackChanges() {
	opened := d.state()
	d.dirty = false
	d.onChange = func() { d.dirty = d.state() != opened }
}
