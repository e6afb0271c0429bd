package pdf

// Signature is a signature block: a line to sign on (or the signature
// picture above it), the signer's name and role under it, and the date.
type Signature struct {
	Name string // printed under the line, in bold
	Role string // grey, after the name: "Massage therapist", "Client"
	Date string // printed above the date line; empty leaves it to fill in
	// Image is an optional PNG or JPEG of the signature, printed above the
	// line. A picture that cannot be read makes Write fail (ErrImage).
	Image []byte
}

const (
	sigLineW  = 82.0
	sigDateW  = 48.0
	sigImageH = 16.0
)

// signatureHeight is the height a signature block keeps together,
// with the space above it.
var signatureHeight = 6 + sigImageH + 2 + styleStrong.lineHeight() + styleSmall.lineHeight() + 2

// SignatureLine prints a signature block, kept whole on one page.
func (d *Doc) SignatureLine(s Signature) {
	if !d.ok() {
		return
	}
	before := d.pdf.PageNo()
	d.KeepTogether(signatureHeight)
	d.sig = signaturePlace{keep: len(d.keeps) - 1, moved: d.pdf.PageNo() > before, page: before}
	if !d.fresh() {
		d.y += 6
	}
	lineY := d.y + sigImageH
	if len(s.Image) > 0 {
		r, err := d.register(s.Image)
		if err != nil {
			d.fail(err)
			return
		}
		w, ih := fit(r.w, r.h, sigLineW-4, sigImageH-1)
		d.pdf.ImageOptions(r.name, marginSide+2, lineY-ih-0.5, w, ih, false, r.opts, 0, "")
	}
	dateX := marginSide + d.width() - sigDateW
	d.pdf.SetDrawColor(colInk.r, colInk.g, colInk.b)
	d.pdf.SetLineWidth(0.25)
	d.pdf.Line(marginSide, lineY, marginSide+sigLineW, lineY)
	d.pdf.Line(dateX, lineY, dateX+sigDateW, lineY)
	if date := oneLine(s.Date); date != "" {
		d.drawLine(dateX+1, lineY-styleBody.lineHeight()-0.5, sigDateW-2, ellipsis(d.wrap(date, styleBody, sigDateW-2)), styleBody, AlignLeft)
	}
	y := lineY + 1.2
	name := oneLine(s.Name)
	if name == "" {
		name = "Signature"
	}
	d.drawLine(marginSide, y, sigLineW, ellipsis(d.wrap(name, styleStrong, sigLineW)), styleStrong, AlignLeft)
	d.drawLine(dateX, y, sigDateW, "Date", styleSmall, AlignLeft)
	y += styleStrong.lineHeight()
	if role := oneLine(s.Role); role != "" {
		d.drawLine(marginSide, y, sigLineW, ellipsis(d.wrap(role, styleSmall, sigLineW)), styleSmall, AlignLeft)
	}
	d.y = y + styleSmall.lineHeight() + gapBlock
}
