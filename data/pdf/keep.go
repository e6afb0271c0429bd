package pdf

// Keep with next: a heading is never the last thing on a page.
//
// Heading and Subheading do not draw at once: they are held until the next
// block starts. That block says how much of itself must follow the heading
// (its first lines, a table's header and first row, a whole picture, a
// Fields row) by calling KeepTogether, or placeHeld directly; the held
// headings and that much of the block then go on the same page — a new one
// when they do not fit here. Every building block does this before it
// draws, so the rule holds in every document without the renderers doing
// anything, and Write places a heading left at the very end.

// heldHeading is a heading waiting for the block after it.
type heldHeading struct {
	text  string
	lines int // lines at the whole width (beside a picture it may take more)
	st    textStyle
	ruled bool
}

// height is the heading's own height, without the gap above it.
func (h heldHeading) height() float64 {
	return float64(h.lines)*h.st.lineHeight() + gapHeadingAfter
}

// firstLines is how much of a text block must follow a heading: its first
// two lines (one when it has only one).
func firstLines(n int, st textStyle) float64 {
	return float64(min(max(n, 1), 2)) * st.lineHeight()
}

// placeHeld draws the held headings, on a new page unless they and next
// millimetres of the block that follows them fit on this one. With nothing
// held it does nothing.
func (d *Doc) placeHeld(next float64) {
	if len(d.held) == 0 || !d.ok() {
		return
	}
	held := d.held
	d.held = nil
	need := next
	for i, h := range held {
		need += h.height()
		if i > 0 {
			need += d.gaps.headingBefore
		}
	}
	if !d.fresh() {
		d.y += d.gaps.headingBefore
		if !d.room(need) && need <= d.bottom()-d.top() {
			d.newPage()
		}
	}
	for i, h := range held {
		if i > 0 {
			d.y += d.gaps.headingBefore
		}
		w := d.lineWidth()
		for _, l := range d.wrap(h.text, h.st, w) {
			if !d.room(h.st.lineHeight()) {
				d.newPage()
			}
			d.drawLine(marginSide, d.y, w, l, h.st, AlignLeft)
			d.y += h.st.lineHeight()
		}
		if h.ruled {
			d.pdf.SetDrawColor(colRule.r, colRule.g, colRule.b)
			d.pdf.SetLineWidth(0.2)
			d.pdf.Line(marginSide, d.y+0.3, marginSide+w, d.y+0.3)
		}
		d.y += gapHeadingAfter
	}
}

// mark tells the placed hook, when there is one, what went where.
func (d *Doc) mark(y float64, what string) {
	if d.placed != nil {
		d.placed(d.pdf.PageNo(), y, what)
	}
}
