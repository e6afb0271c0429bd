package pdf

import (
	"fmt"
	"strings"

	"github.com/stillpoint/stillpoint/data"
)

const (
	logoMaxW            = 34.0
	logoMaxH            = 20.0
	contactWidth        = 62.0
	runningHeaderHeight = 9.0
	footerRuleGap       = 9.0 // from the page's bottom edge up to the footer rule
)

// practiceName is the name the practice prints under: its business name,
// or the therapist's when it has none.
func practiceName(p data.Practice) string {
	if n := oneLine(p.BusinessName); n != "" {
		return n
	}
	return oneLine(p.TherapistName)
}

// therapistLine is "Name, Credentials".
func therapistLine(p data.Practice) string {
	name, cred := oneLine(p.TherapistName), oneLine(p.Credentials)
	switch {
	case name == "":
		return cred
	case cred == "":
		return name
	}
	return name + ", " + cred
}

// contactLines are the practice's address lines, phone, e-mail and website.
func contactLines(p data.Practice) []string {
	var out []string
	for _, l := range strings.Split(clean(p.Address), "\n") {
		if l = oneLine(l); l != "" {
			out = append(out, l)
		}
	}
	for _, l := range []string{p.Phone, p.Email, p.Website} {
		if l = oneLine(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// letterhead draws the first page's head: logo, practice and therapist,
// registration number, contact on the right, then the accent rule.
func (d *Doc) letterhead() {
	p := d.opts.Practice
	x := marginSide
	bottom := d.y
	if len(p.Logo) > 0 {
		// A logo that cannot be read is left out rather than stopping
		// every document the practice prints.
		if img, err := d.register(p.Logo); err == nil {
			w, h := fit(img.w, img.h, logoMaxW, logoMaxH)
			d.pdf.ImageOptions(img.name, x, d.y, w, h, false, img.opts, 0, "")
			x += w + 5
			bottom = max(bottom, d.y+h)
		}
	}
	right := d.pageW - marginSide
	leftW := right - contactWidth - 6 - x
	y := d.y
	// Each item keeps to two lines, so a letterhead never outgrows its page.
	draw := func(s string, st textStyle, w float64, al Align, xx float64) {
		for _, line := range clip(d.wrap(oneLine(s), st, w), 2) {
			d.drawLine(xx, y, w, line, st, al)
			y += st.lineHeight()
		}
	}
	if n := practiceName(p); n != "" {
		draw(n, textStyle{14, true, colAccent}, leftW, AlignLeft, x)
	}
	if t := therapistLine(p); t != "" && oneLine(p.BusinessName) != "" {
		draw(t, styleBody, leftW, AlignLeft, x)
	} else if cred := oneLine(p.Credentials); cred != "" && oneLine(p.BusinessName) == "" {
		draw(cred, styleBody, leftW, AlignLeft, x)
	}
	if r := oneLine(p.RegistrationNumber); r != "" {
		draw("Registration no. "+r, styleSmall, leftW, AlignLeft, x)
	}
	bottom = max(bottom, y)
	y = d.y
	contact := contactLines(p)
	if len(contact) > 8 {
		contact = contact[:8]
	}
	for _, l := range contact {
		draw(l, styleSmall, contactWidth, AlignRight, right-contactWidth)
	}
	bottom = max(bottom, y)
	d.y = bottom + 3
	d.rule(d.y, 0.5, colAccent)
	d.y += 6
}

// runningHeader is the quiet line at the top of pages after the first: the
// document title and the practice.
func (d *Doc) runningHeader() {
	w := d.width()
	half := w/2 - 3
	if d.heads.title == "" && d.heads.name == "" {
		d.heads.title = ellipsis(d.wrap(oneLine(d.opts.Title), styleSmall, half))
		d.heads.name = ellipsis(d.wrap(practiceName(d.opts.Practice), styleSmall, half))
	}
	d.drawLine(marginSide, marginTop, half, d.heads.title, styleSmall, AlignLeft)
	d.drawLine(marginSide+w/2+3, marginTop, half, d.heads.name, styleSmall, AlignRight)
	d.rule(marginTop+styleSmall.lineHeight()+1.5, 0.2, colRule)
	d.y = marginTop + runningHeaderHeight
}

// clip keeps the first n lines, marking the last one when more were cut.
func clip(lines []string, n int) []string {
	if len(lines) <= n {
		return lines
	}
	out := append([]string(nil), lines[:n]...)
	out[n-1] = ellipsis(lines[n-1:])
	return out
}

// ellipsis keeps the first line, marking that more was cut.
func ellipsis(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	if len(lines) > 1 {
		return strings.TrimRight(lines[0], " ") + "…"
	}
	return lines[0]
}

// footer draws a page's foot: a thin rule, the practice on the left and
// "Page X of Y" on the right.
func (d *Doc) footer(page, total int) {
	// Force fpdf to state the font again in this page's own stream: it
	// may be a page finished long ago, with another font last.
	d.pdf.SetFontSize(1)
	y := d.pageH - footerRuleGap - 4
	d.rule(y, 0.2, colRule)
	st := textStyle{footerSize, false, colMuted}
	w := d.width()
	num := fmt.Sprintf("Page %d of %d", page, total)
	numW := d.measure(num, st) + 2
	if page == 1 {
		left := practiceName(d.opts.Practice)
		if t := oneLine(d.opts.Title); t != "" {
			if left != "" {
				left += " · "
			}
			left += t
		}
		// Room for "Page 9999 of 9999" whatever this page's number.
		d.heads.foot = ellipsis(d.wrap(left, st, w-d.measure("Page 9999 of 9999", st)-6))
	}
	d.drawLine(marginSide, y+1.2, w-numW-4, d.heads.foot, st, AlignLeft)
	d.drawLine(marginSide, y+1.2, w, num, st, AlignRight)
}

// duplicateMark prints a large pale "DUPLICATE" across the page, under the
// content (it is drawn first).
func (d *Doc) duplicateMark() {
	st := textStyle{64, true, colMark}
	w := d.measure("DUPLICATE", st)
	cx, cy := d.pageW/2, d.pageH/2
	d.pdf.TransformBegin()
	d.pdf.TransformRotate(35, cx, cy)
	d.drawLine(cx-w/2, cy-st.lineHeight()/2, w, "DUPLICATE", st, AlignLeft)
	d.pdf.TransformEnd()
	// And a plain mark at the top right, for a reader that skims.
	s := textStyle{smallSize, true, colAccent}
	d.drawLine(marginSide, marginTop-7, d.width(), "DUPLICATE", s, AlignRight)
}
