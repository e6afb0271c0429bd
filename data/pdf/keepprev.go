package pdf

import "io"

// Keep with previous: a signature block is never alone on a page.
//
// A signature signs what is above it. When the block does not fit under the
// last lines and moves to a page of its own, the document is laid out a
// second time with a page break before the last block(s) of the page above,
// chosen so that they and the signature fit together on the new page.
// Blocks are counted at KeepTogether, which every building block calls
// before it draws, so a break there never splits a block.

// keepPoint is where a block started: the page and the height on it before
// the block decided whether it fits.
type keepPoint struct {
	page int
	y    float64
}

// signaturePlace says where the signature block went in a layout.
type signaturePlace struct {
	keep  int // index in keeps of the signature's own block
	moved bool
	page  int // the page it would have gone on before it moved
}

// notePoint records the start of a block and, when this is the block the
// layout must break before (breakAt, counted from 1), starts a new page.
func (d *Doc) notePoint() {
	d.keeps = append(d.keeps, keepPoint{page: d.pdf.PageNo(), y: d.y})
	if len(d.keeps) == d.breakAt && !d.fresh() {
		d.newPage()
	}
}

// signatureBreak is the block (counted from 1) to break the page before so
// the signature does not stand alone; 0 when the signature is fine where it
// is or nothing would help.
func (d *Doc) signatureBreak() int {
	s := d.sig
	if !s.moved || s.keep <= 0 {
		return 0
	}
	top := marginTop + runningHeaderHeight // the new page is never the first
	for k := s.keep - 1; k >= 0; k-- {
		p := d.keeps[k]
		if p.page != s.page {
			break
		}
		// What follows this point filled the page below it; on the new page
		// it takes no more, and the signature must still fit under it.
		if p.y >= top+signatureHeight {
			return k + 1
		}
	}
	return 0
}

// writeKeepingSignature lays a document out with build and writes it; when
// its signature ended up alone on a page, it lays it out again with a break
// before the blocks that must go along (see signatureBreak).
func writeKeepingSignature(w io.Writer, build func(breakAt int) (*Doc, error)) error {
	d, err := build(0)
	if err != nil {
		return err
	}
	if k := d.signatureBreak(); k > 0 && d.ok() {
		again, err := build(k)
		if err != nil {
			return err
		}
		if !again.sig.moved {
			d = again
		}
	}
	return d.Write(w)
}
