package pdf

// An aside is a picture set at the right of the text column (a handout's
// drawing): text blocks that start beside it wrap in the narrower column
// left of it, so the space beside a picture is used instead of left empty.
// Blocks that need the whole width (tables, fields, pictures, signatures)
// start below it.

// aside is the box at the right of the column on one page.
type aside struct {
	page   int     // the page it is on (0: none)
	bottom float64 // where text may take the whole width again
	w      float64 // its width with the gap before it
}

// setAside reserves w millimetres at the right of the column down to bottom
// on the current page.
func (d *Doc) setAside(w, bottom float64) {
	d.side = aside{page: d.pdf.PageNo(), bottom: bottom, w: w}
}

// beside reports whether a block starting now sits beside the aside.
func (d *Doc) beside() bool {
	return d.side.page != 0 && d.side.page == d.pdf.PageNo() && d.y < d.side.bottom
}

// lineWidth is the width a text block starting now may take.
func (d *Doc) lineWidth() float64 {
	if d.beside() {
		return d.width() - d.side.w
	}
	return d.width()
}

// belowAside moves below the aside, when there is one here, and forgets it.
func (d *Doc) belowAside() {
	if d.beside() {
		d.y = d.side.bottom
	}
	d.side = aside{}
}

// spacing is the vertical rhythm between blocks, in millimetres.
type spacing struct {
	headingBefore float64 // above a heading
	paragraph     float64 // after a paragraph
	item          float64 // between list items
}

var (
	// normalSpacing is every document's rhythm.
	normalSpacing = spacing{headingBefore: gapHeadingBefore, paragraph: gapParagraph, item: 1}
	// handoutSpacing is a little closer: a handout is one page the client
	// keeps on the fridge, and must fit it on A4 and US Letter alike.
	handoutSpacing = spacing{headingBefore: 3.0, paragraph: 1.6, item: 0.3}
)
