// Package pdf builds Stillpoint's printed documents — treatment notes, care
// plans, handouts, receipts, statements — as PDF files.
//
// A document is made with New, filled top to bottom with building blocks
// (Title, Heading, Paragraph, Bullets, Fields, Table, Image, SVG,
// SignatureLine …) and written once with Write. The Doc lays out pages
// itself: text wraps and flows onto new pages, tables repeat their header,
// and every page gets the practice's footer and "Page X of Y".
//
// Any script prints: text is split into runs by which embedded font has each
// character (DejaVu Sans for Latin, Greek, Cyrillic and Vietnamese; Droid
// Sans Fallback for Chinese and Japanese; NanumSquare for Korean). A character no font has
// (an emoji, a control character) prints as "�", never as an empty box.
// Right-to-left and Indic scripts print unshaped, in stored order.
//
// The same input with the same Options.Created gives byte-identical output.
// The package knows nothing of the Store or Fyne: renderers take plain
// values and an io.Writer. Errors are collected: building blocks never fail
// on their own, and Write returns the first problem.
package pdf

import (
	"errors"
	"fmt"
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/stillpoint/stillpoint/data"
)

// Options describe a document as a whole.
type Options struct {
	// Practice gives the letterhead (logo, names, credentials, registration
	// number, contact), the footer and the paper size (A4 or US Letter).
	Practice data.Practice
	// Title is the document's name: PDF metadata and the running header on
	// pages after the first. Print it on the page with Doc.Title.
	Title string
	// Created is the document's creation date, written into the file. It is
	// required: a fixed value makes the output byte-for-byte repeatable.
	Created time.Time
	// Duplicate marks every page "DUPLICATE" (a receipt issued again).
	Duplicate bool
}

// Doc is a document being built. It is not safe for concurrent use; build
// each document on one goroutine (different Docs may be built in parallel).
type Doc struct {
	pdf     *fpdf.Fpdf
	opts    Options
	m       *metrics
	err     error
	written bool
	added   [fontCount]bool // the fallback faces (CJK, Korean) added to fpdf so far
	images  map[string]registered
	heads   struct{ title, name, foot string } // running header and footer texts, made once

	pageW, pageH float64
	y            float64
	pageStart    float64 // where this page's content starts (under the letterhead or header)

	// held are headings waiting to go down with the start of the next
	// block (keep with next, see keep.go).
	held []heldHeading
	// side is a picture at the right of the column that text flows beside
	// (aside.go).
	side aside
	// gaps is the spacing between blocks (a handout's is closer).
	gaps spacing

	// placed, when set (by tests), is told of every line of text and every
	// picture or drawing as it is put on a page: a seam to check layout
	// without reading the PDF back.
	placed func(page int, y float64, what string)

	// onNewPage, when set, runs after a page break (a table repeats its
	// header with it).
	onNewPage func()

	// keeps is where each block started, breakAt the block (from 1) to
	// start a new page before, and sig where the signature went: keep with
	// previous, see keepprev.go.
	keeps   []keepPoint
	breakAt int
	sig     signaturePlace
}

// ErrNoCreated is returned by New when Options.Created is zero.
var ErrNoCreated = errors.New("pdf: the document needs a creation date (Options.Created)")

// New starts a document: the first page with the practice's letterhead.
func New(opts Options) (*Doc, error) {
	if opts.Created.IsZero() {
		return nil, ErrNoCreated
	}
	f, err := faces()
	if err != nil {
		return nil, err
	}
	size := "Letter"
	if opts.Practice.PaperSize == data.PaperA4 {
		size = "A4"
	}
	p := fpdf.New("P", "mm", size, "")
	p.SetCatalogSort(true)
	p.SetCreationDate(opts.Created.UTC())
	p.SetModificationDate(opts.Created.UTC())
	p.SetCompression(true)
	p.SetTitle(oneLine(opts.Title), true)
	p.SetAuthor(oneLine(practiceName(opts.Practice)), true)
	p.SetCreator("Stillpoint", false)
	p.SetProducer("Stillpoint", false)
	p.SetMargins(marginSide, marginTop, marginSide)
	p.SetAutoPageBreak(false, marginBottom)
	p.SetCellMargin(0)
	for _, id := range []fontID{fontRegular, fontBold} {
		p.AddUTF8FontFromBytes(f[id].family, f[id].style, f[id].data)
	}
	if err := p.Error(); err != nil {
		return nil, fmt.Errorf("pdf: set up the document: %w", err)
	}
	d := &Doc{pdf: p, opts: opts, m: newMetrics(f), images: map[string]registered{}, gaps: normalSpacing}
	d.pageW, d.pageH = p.GetPageSize()
	d.addPage()
	d.letterhead()
	d.pageStart = d.y
	return d, nil
}

// fail keeps the first error; later building blocks then do nothing.
func (d *Doc) fail(err error) {
	if d.err == nil && err != nil {
		d.err = err
	}
}

// ok reports whether building may go on.
func (d *Doc) ok() bool {
	if d.err == nil && d.written {
		d.err = errors.New("pdf: the document was already written")
	}
	if d.err == nil && d.pdf.Err() {
		d.err = fmt.Errorf("pdf: %w", d.pdf.Error())
	}
	return d.err == nil
}

// Err returns the first problem met so far (Write returns it too).
func (d *Doc) Err() error {
	d.ok()
	return d.err
}

// Pages is the number of pages so far.
func (d *Doc) Pages() int { return d.pdf.PageCount() }

// Write finishes the document — footers with "Page X of Y" on every page —
// and writes it to w. A Doc can be written once.
func (d *Doc) Write(w io.Writer) (err error) {
	// fpdf reports some faults by panicking (it indexed past a 16-bit table
	// for an emoji): whatever slips past the layer's own guards becomes an
	// error here, so a document can never take the app down with it.
	defer func() {
		if p := recover(); p != nil {
			d.err = fmt.Errorf("pdf: the PDF library failed on this document: %v", p)
			err = d.err
		}
	}()
	d.placeHeld(0)
	if !d.ok() {
		return d.err
	}
	total := d.pdf.PageCount()
	for n := 1; n <= total; n++ {
		d.pdf.SetPage(n)
		d.footer(n, total)
	}
	if !d.ok() {
		return d.err
	}
	d.written = true
	if err := d.pdf.Output(w); err != nil {
		d.err = fmt.Errorf("pdf: write the document: %w", err)
		return d.err
	}
	return nil
}

// addPage starts a new page; pages after the first get the running header.
func (d *Doc) addPage() {
	d.pdf.AddPage()
	d.y = marginTop
	if d.opts.Duplicate {
		d.duplicateMark()
	}
	if d.pdf.PageNo() > 1 {
		d.runningHeader()
	}
	d.pageStart = d.y
}

// bottom is the lowest y content may reach.
func (d *Doc) bottom() float64 { return d.pageH - marginBottom }

// width is the width of the text column.
func (d *Doc) width() float64 { return d.pageW - 2*marginSide }

// newPage breaks the page and lets a table repeat its header.
func (d *Doc) newPage() {
	d.addPage()
	if d.onNewPage != nil {
		d.onNewPage()
	}
}

// room reports whether h millimetres fit below the current position.
func (d *Doc) room(h float64) bool { return d.y+h <= d.bottom()+0.01 }

// fresh reports whether nothing has been placed on this page yet.
func (d *Doc) fresh() bool { return d.y <= d.pageStart+0.01 }

// top is where content starts on the current page.
func (d *Doc) top() float64 {
	if d.pdf.PageNo() > 1 {
		return marginTop + runningHeaderHeight
	}
	return marginTop
}

// KeepTogether starts a new page unless h millimetres still fit on this
// one: call it before a block that must not be split (a signature block, a
// picture, the first lines of a block). A heading waiting for the block
// (see Heading) goes down with it: both fit here, or both start the next
// page.
func (d *Doc) KeepTogether(h float64) {
	if !d.ok() {
		return
	}
	d.belowAside()
	d.notePoint()
	if len(d.held) > 0 {
		d.placeHeld(h)
		return
	}
	if !d.room(h) && !d.fresh() {
		d.newPage()
	}
}

// PageBreak starts a new page (unless the current one is still empty).
func (d *Doc) PageBreak() {
	d.placeHeld(0)
	if !d.ok() || d.fresh() {
		return
	}
	d.newPage()
}

// Space adds h millimetres of vertical space (none at the top of a page).
func (d *Doc) Space(h float64) {
	d.placeHeld(h)
	if !d.ok() || d.fresh() {
		return
	}
	if !d.room(h) {
		d.newPage()
		return
	}
	d.y += h
}

// Remaining is the height left on the current page, in millimetres.
func (d *Doc) Remaining() float64 { return d.bottom() - d.y }

// ContentWidth is the width of the text column, in millimetres.
func (d *Doc) ContentWidth() float64 { return d.width() }
