package pdf

// Column describes one table column.
type Column struct {
	Title string
	// Width is relative: columns share the text width in proportion to
	// it. Zero counts as 1.
	Width float64
	// Align is how the column's cells sit: AlignRight for money and counts.
	Align Align
}

// Table is a grid of text with a header row.
type Table struct {
	Columns []Column
	// Rows hold one string per column; missing cells print empty, extra
	// ones are ignored. Cells wrap onto as many lines as they need.
	Rows [][]string
	// Totals are rows printed in bold under a rule (a receipt's total).
	Totals [][]string
	// Zebra shades every other row; without it rows are divided by rules.
	Zebra bool
}

const (
	cellPadX = 1.8
	cellPadY = 1.3
)

// Table prints t. The header repeats at the top of every page the table
// reaches; a row moves whole to the next page when it does not fit, and a
// row taller than a page is split between lines, never through one.
func (d *Doc) Table(t Table) {
	if !d.ok() || len(t.Columns) == 0 {
		return
	}
	widths := d.columnWidths(t.Columns)
	head := textStyle{smallSize, true, colInk}
	headerRow := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		headerRow[i] = c.Title
	}
	headLines, _ := d.cellLines(headerRow, widths, head)
	for i := range headLines {
		headLines[i] = clip(headLines[i], 3) // a header keeps to three lines
	}
	headH := float64(maxLines(headLines))*head.lineHeight() + 2*cellPadY
	drawHeader := func() {
		d.pdf.SetFillColor(colHead.r, colHead.g, colHead.b)
		d.pdf.Rect(marginSide, d.y, d.width(), headH, "F")
		d.drawCells(headLines, widths, t.Columns, head, 0, maxLines(headLines))
		d.y += headH
	}
	// The header and the first row stay together.
	first := 0.0
	if len(t.Rows) > 0 {
		_, first = d.cellLines(t.Rows[0], widths, styleBody)
	}
	// A first row short enough to move whole (see tableRow) comes whole;
	// a taller one brings its first three lines.
	if first > d.bottom()-d.top()-20 {
		first = 3*styleBody.lineHeight() + 2*cellPadY
	}
	d.KeepTogether(headH + first)
	drawHeader()
	d.onNewPage = drawHeader
	defer func() { d.onNewPage = nil }()

	for i, row := range t.Rows {
		shade := t.Zebra && i%2 == 1
		d.tableRow(row, widths, t.Columns, styleBody, shade, !t.Zebra)
	}
	if len(t.Totals) > 0 {
		d.rule(d.y, 0.35, colAccent)
		for _, row := range t.Totals {
			d.tableRow(row, widths, t.Columns, styleStrong, false, false)
		}
	} else if t.Zebra {
		d.rule(d.y, 0.2, colRule)
	}
	d.y += gapBlock
}

// columnWidths shares the text width in proportion to the columns' Width.
func (d *Doc) columnWidths(cols []Column) []float64 {
	sum := 0.0
	for _, c := range cols {
		sum += weight(c)
	}
	out := make([]float64, len(cols))
	for i, c := range cols {
		out[i] = d.width() * weight(c) / sum
	}
	return out
}

func weight(c Column) float64 {
	if c.Width > 0 && c.Width < 1e6 {
		return c.Width
	}
	return 1
}

// cellLines wraps each cell of row; h is the row's height.
func (d *Doc) cellLines(row []string, widths []float64, st textStyle) (lines [][]string, h float64) {
	lines = make([][]string, len(widths))
	for i := range widths {
		s := ""
		if i < len(row) {
			s = clean(row[i])
		}
		lines[i] = d.wrap(s, st, max(widths[i]-2*cellPadX, 1))
	}
	return lines, float64(maxLines(lines))*st.lineHeight() + 2*cellPadY
}

func maxLines(cells [][]string) int {
	n := 0
	for _, c := range cells {
		n = max(n, len(c))
	}
	return n
}

// drawCells draws lines [from, to) of every cell at the current y.
func (d *Doc) drawCells(cells [][]string, widths []float64, cols []Column, st textStyle, from, to int) {
	x := marginSide
	for i, c := range cells {
		y := d.y + cellPadY
		for j := from; j < to && j < len(c); j++ {
			if c[j] != "" {
				d.drawLine(x+cellPadX, y, widths[i]-2*cellPadX, c[j], st, cols[i].Align)
			}
			y += st.lineHeight()
		}
		x += widths[i]
	}
}

// tableRow draws one row, moving it to the next page when it does not fit.
func (d *Doc) tableRow(row []string, widths []float64, cols []Column, st textStyle, shade, ruled bool) {
	cells, h := d.cellLines(row, widths, st)
	lh := st.lineHeight()
	n := maxLines(cells)
	if !d.room(h) && h <= d.bottom()-d.top()-20 {
		d.newPage()
	}
	broke := false
	for from := 0; from < n; {
		// How many lines fit here; at least one after a page break, so
		// the table always moves on.
		fit := int((d.bottom() - d.y - 2*cellPadY) / lh)
		if fit < 1 && !broke {
			d.newPage()
			broke = true
			continue
		}
		fit = max(fit, 1)
		broke = false
		to := min(n, from+fit)
		rowH := float64(to-from)*lh + 2*cellPadY
		if shade {
			d.pdf.SetFillColor(colZebra.r, colZebra.g, colZebra.b)
			d.pdf.Rect(marginSide, d.y, d.width(), rowH, "F")
		}
		d.drawCells(cells, widths, cols, st, from, to)
		d.y += rowH
		if ruled {
			d.rule(d.y, 0.15, colRule)
		}
		from = to
		if from < n {
			d.newPage()
			broke = true
		}
	}
}
