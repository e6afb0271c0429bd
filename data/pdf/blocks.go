package pdf

import (
	"strconv"
	"strings"
)

// Title prints the document's title in large type (usually once, right
// under the letterhead).
func (d *Doc) Title(text string) {
	if !d.ok() {
		return
	}
	d.KeepTogether(styleTitle.lineHeight() + 4*styleBody.lineHeight())
	d.textBlock(marginSide, d.width(), oneLine(text), styleTitle, AlignLeft)
	d.y += 2
}

// Subtitle prints a grey line under the title (who and when, say).
func (d *Doc) Subtitle(text string) {
	if !d.ok() {
		return
	}
	d.belowAside()
	st := textStyle{subheadingSize, false, colMuted}
	d.textBlock(marginSide, d.width(), text, st, AlignLeft)
	d.y += gapBlock
}

// Heading starts a section. It is kept with the next: it goes on the page
// where the block after it starts, with at least that block's first lines
// (a table's header and first row, a picture whole) — never alone at the
// foot of a page.
func (d *Doc) Heading(text string) {
	d.heading(text, styleHeading, true)
}

// Subheading starts a part of a section, kept with the next like Heading.
func (d *Doc) Subheading(text string) {
	d.heading(text, styleSubhead, false)
}

// heading holds a heading until the next block places it (keep.go).
func (d *Doc) heading(text string, st textStyle, ruled bool) {
	if !d.ok() {
		return
	}
	text = oneLine(text)
	d.held = append(d.held, heldHeading{text: text, lines: len(d.wrap(text, st, d.width())), st: st, ruled: ruled})
}

// Paragraph prints text that wraps and flows across pages. A blank line
// starts a new paragraph; a single line break is kept.
func (d *Doc) Paragraph(text string) {
	d.paragraph(text, styleBody)
}

// Small prints grey secondary text (a remark, a disclaimer) that wraps like
// a paragraph.
func (d *Doc) Small(text string) {
	d.paragraph(text, styleSmall)
}

func (d *Doc) paragraph(text string, st textStyle) {
	if !d.ok() {
		return
	}
	for _, p := range paragraphs(text) {
		d.textBlock(marginSide, d.lineWidth(), p, st, AlignLeft)
		d.y += d.gaps.paragraph
	}
}

// paragraphs splits cleaned text at blank lines, dropping empty ones.
func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(clean(text), "\n\n") {
		if p = strings.Trim(p, "\n "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Bullets prints a bulleted list; each item wraps under its own text.
func (d *Doc) Bullets(items ...string) {
	d.list(items, func(int) string { return "•" })
}

// Steps prints a numbered list: 1., 2., 3. …
func (d *Doc) Steps(items ...string) {
	d.list(items, func(i int) string { return strconv.Itoa(i+1) + "." })
}

func (d *Doc) list(items []string, marker func(int) string) {
	if !d.ok() {
		return
	}
	indent := 6.0
	if len(items) >= 10 {
		indent = 8
	}
	st := styleBody
	lh := st.lineHeight()
	for i, it := range items {
		w := d.lineWidth() // narrower beside a picture (aside.go)
		lines := d.wrap(clean(it), st, w-indent)
		d.placeHeld(firstLines(len(lines), st))
		for j, l := range lines {
			if !d.room(lh) {
				d.newPage()
			}
			if j == 0 {
				mc := st
				mc.color = colAccent
				d.drawLine(marginSide, d.y, indent-1.5, marker(i), mc, AlignRight)
			}
			if l != "" {
				d.drawLine(marginSide+indent+0.5, d.y, w-indent, l, st, AlignLeft)
			}
			d.y += lh
		}
		d.y += d.gaps.item
	}
	d.y += d.gaps.paragraph - d.gaps.item
}

// Field is one label and its value in a Fields grid.
type Field struct {
	Label string
	Value string
	// Wide takes the whole width (an address, a long reason).
	Wide bool
}

// Fields prints labels and values in a two-column grid: a small grey label
// above each value. An empty value prints as "—".
func (d *Doc) Fields(fields ...Field) {
	if !d.ok() {
		return
	}
	gap := 6.0
	colW := (d.width() - gap) / 2
	for i := 0; i < len(fields); {
		row := []Field{fields[i]}
		i++
		if !row[0].Wide && i < len(fields) && !fields[i].Wide {
			row = append(row, fields[i])
			i++
		}
		w := colW
		if len(row) == 1 && row[0].Wide {
			w = d.width()
		}
		// Measure the row, keep it on one page, then draw it.
		var blocks [][]string
		h := 0.0
		for _, f := range row {
			v := clean(f.Value)
			if strings.TrimSpace(v) == "" {
				v = "—"
			}
			lines := d.wrap(v, styleBody, w)
			blocks = append(blocks, lines)
			h = max(h, styleLabel.lineHeight()+float64(len(lines))*styleBody.lineHeight())
		}
		if h > d.bottom()-d.top() {
			// Taller than a page: print it as a label and a paragraph.
			for _, f := range row {
				d.KeepTogether(styleLabel.lineHeight() + styleBody.lineHeight())
				d.textBlock(marginSide, d.width(), oneLine(f.Label), styleLabel, AlignLeft)
				d.textBlock(marginSide, d.width(), f.Value, styleBody, AlignLeft)
			}
			d.y += 2.5
			continue
		}
		d.KeepTogether(h)
		for c, f := range row {
			x := marginSide + float64(c)*(colW+gap)
			y := d.y
			d.drawLine(x, y, w, ellipsis(d.wrap(oneLine(f.Label), styleLabel, w)), styleLabel, AlignLeft)
			y += styleLabel.lineHeight()
			for _, l := range blocks[c] {
				d.drawLine(x, y, w, l, styleBody, AlignLeft)
				y += styleBody.lineHeight()
			}
		}
		d.y += h + 2.5
	}
	d.y += gapBlock - 2.5
}
