package pdf

import (
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// ErrSVG is wrapped by every error about a drawing outside the supported
// subset: an <svg> with a viewBox (or width and height) holding <path>
// elements whose d uses only M m L l H h V v C c Q q Z z, stroked.
var ErrSVG = errors.New("the drawing is not in the simple SVG form documents can print")

// maxSVGBytes caps a drawing's size.
const maxSVGBytes = 2 << 20

type svgDoc struct {
	ViewBox string    `xml:"viewBox,attr"`
	Width   string    `xml:"width,attr"`
	Height  string    `xml:"height,attr"`
	Paths   []svgPath `xml:"path"`
	Groups  []svgDoc  `xml:"g"`
}

type svgPath struct {
	D           string `xml:"d,attr"`
	Stroke      string `xml:"stroke,attr"`
	StrokeWidth string `xml:"stroke-width,attr"`
}

// allPaths lists the paths of the drawing and of its groups, in order.
func (s svgDoc) allPaths() []svgPath {
	out := append([]svgPath(nil), s.Paths...)
	for _, g := range s.Groups {
		out = append(out, g.allPaths()...)
	}
	return out
}

// viewBox is the drawing's coordinate box.
func (s svgDoc) viewBox() (x, y, w, h float64, err error) {
	f := strings.FieldsFunc(s.ViewBox, func(r rune) bool { return r == ' ' || r == ',' })
	if len(f) == 4 {
		var v [4]float64
		for i := range f {
			if v[i], err = strconv.ParseFloat(f[i], 64); err != nil {
				return 0, 0, 0, 0, err
			}
		}
		x, y, w, h = v[0], v[1], v[2], v[3]
	} else {
		w, _ = strconv.ParseFloat(strings.TrimSuffix(s.Width, "px"), 64)
		h, _ = strconv.ParseFloat(strings.TrimSuffix(s.Height, "px"), 64)
	}
	if !(w > 0 && h > 0 && w < 1e6 && h < 1e6) {
		return 0, 0, 0, 0, errors.New("no usable viewBox or width and height")
	}
	return x, y, w, h, nil
}

// svgSegments parses one path's d with fpdf's SVGBasicParse (which makes
// every command absolute).
func svgSegments(d string) ([]fpdf.SVGBasicSegmentType, error) {
	doc := `<svg width="1pt" height="1pt"><path d="` + html.EscapeString(d) + `"/></svg>`
	sig, err := fpdf.SVGBasicParse([]byte(doc))
	if err != nil {
		return nil, err
	}
	if len(sig.Paths) != 1 {
		return nil, fmt.Errorf("path %q uses a command outside M L H V C Q Z", shorten(d))
	}
	return sig.Paths[0].Segments, nil
}

func shorten(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// hexColour reads "#rgb" or "#rrggbb"; anything else is the accent colour.
func hexColour(s string) rgb {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) == 3 {
		s = string([]byte{s[0], s[0], s[1], s[1], s[2], s[2]})
	}
	if v, err := strconv.ParseUint(s, 16, 32); err == nil && len(s) == 6 {
		return rgb{int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)}
	}
	return colAccent
}

// SVG prints a line drawing at the left, scaled to fit a maxW×maxH
// millimetre box with its shape kept. It reads the simple subset the
// handouts use (see ErrSVG): each path is stroked with its own colour and
// width, with round caps and joins, as vector lines (sharp at any zoom).
// A drawing outside the subset makes Write fail with an error wrapping
// ErrSVG.
func (d *Doc) SVG(svg []byte, maxW, maxH float64) {
	if !d.ok() {
		return
	}
	dr, err := parseSVG(svg)
	if err != nil {
		d.fail(err)
		return
	}
	maxW = clampBox(maxW, d.width())
	maxH = clampBox(maxH, d.bottom()-d.top())
	w, h := fit(dr.vw, dr.vh, maxW, maxH)
	d.KeepTogether(h)
	d.drawSVG(dr, marginSide, d.y, w/dr.vw)
	d.y += h + gapBlock
}

// drawing is a parsed SVG: its view box and its paths' segments.
type drawing struct {
	vx, vy, vw, vh float64
	paths          []svgPath
	segs           [][]fpdf.SVGBasicSegmentType
}

// parseSVG reads a drawing in the supported subset.
func parseSVG(svg []byte) (drawing, error) {
	var dr drawing
	if len(svg) > maxSVGBytes {
		return dr, fmt.Errorf("pdf: %w: it is larger than 2 MB", ErrSVG)
	}
	var doc svgDoc
	if err := xml.Unmarshal(svg, &doc); err != nil {
		return dr, fmt.Errorf("pdf: %w: %w", ErrSVG, err)
	}
	var err error
	if dr.vx, dr.vy, dr.vw, dr.vh, err = doc.viewBox(); err != nil {
		return dr, fmt.Errorf("pdf: %w: %w", ErrSVG, err)
	}
	dr.paths = doc.allPaths()
	dr.segs = make([][]fpdf.SVGBasicSegmentType, len(dr.paths))
	for i, p := range dr.paths {
		if dr.segs[i], err = svgSegments(p.D); err != nil {
			return dr, fmt.Errorf("pdf: %w: %w", ErrSVG, err)
		}
	}
	return dr, nil
}

// drawSVG strokes dr with its view box's top-left at (x, y), s millimetres
// per drawing unit.
func (d *Doc) drawSVG(dr drawing, x, y, s float64) {
	d.mark(y, "[drawing]")
	ox, oy := x-dr.vx*s, y-dr.vy*s
	d.pdf.SetLineCapStyle("round")
	d.pdf.SetLineJoinStyle("round")
	for i, p := range dr.paths {
		c := hexColour(p.Stroke)
		sw, err := strconv.ParseFloat(p.StrokeWidth, 64)
		if err != nil || !(sw > 0) || sw > dr.vw {
			sw = 1
		}
		d.pdf.SetDrawColor(c.r, c.g, c.b)
		d.pdf.SetLineWidth(sw * s)
		d.strokePath(dr.segs[i], ox, oy, s)
	}
	d.pdf.SetLineCapStyle("butt")
	d.pdf.SetLineJoinStyle("miter")
}

// strokePath draws absolute segments as one stroked path.
func (d *Doc) strokePath(segs []fpdf.SVGBasicSegmentType, ox, oy, s float64) {
	X := func(v float64) float64 { return ox + v*s }
	Y := func(v float64) float64 { return oy + v*s }
	var x, y, sx, sy float64
	open := false
	for _, g := range segs {
		a := g.Arg
		switch g.Cmd {
		case 'M':
			x, y, sx, sy = a[0], a[1], a[0], a[1]
			d.pdf.MoveTo(X(x), Y(y))
			open = true
			continue
		}
		if !open {
			d.pdf.MoveTo(X(x), Y(y))
			open = true
		}
		switch g.Cmd {
		case 'L':
			x, y = a[0], a[1]
			d.pdf.LineTo(X(x), Y(y))
		case 'H':
			x = a[0]
			d.pdf.LineTo(X(x), Y(y))
		case 'V':
			y = a[0]
			d.pdf.LineTo(X(x), Y(y))
		case 'C':
			x, y = a[4], a[5]
			d.pdf.CurveBezierCubicTo(X(a[0]), Y(a[1]), X(a[2]), Y(a[3]), X(x), Y(y))
		case 'Q':
			x, y = a[2], a[3]
			d.pdf.CurveTo(X(a[0]), Y(a[1]), X(x), Y(y))
		case 'Z':
			d.pdf.ClosePath()
			x, y = sx, sy
		}
	}
	if open {
		d.pdf.DrawPath("D")
	}
}
