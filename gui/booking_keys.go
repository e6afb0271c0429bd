package gui

// submitOnEnter makes Enter in each one-line field book, as in any
// desktop dialog; Enter in the notes starts a new line and Enter in the
// client search picks the first client found.
func (b *bookingDialog) submitOnEnter() {
	for _, e := range []*entry{b.date, b.minutes, b.every, b.count, b.until} {
		e.OnSubmitted = func(string) { b.save() }
	}
	b.clock.input.OnSubmitted = func(string) { b.clock.commit(); b.save() }
}

// backToTime puts the cursor in the time after the clash question is
// answered "Change time", so typing, Enter and Escape work at once.
func (b *bookingDialog) backToTime() {
	b.sh.win.Canvas().Focus(b.clock.input)
}
