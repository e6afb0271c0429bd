package pdf

import (
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/stillpoint/stillpoint/data"
)

// HandoutInput is everything a handout prints: the handout itself (a
// built-in with its line drawing, or the therapist's own with its picture),
// and, when it is printed from a care plan, the client it is for and the
// plan's own dose and instructions.
type HandoutInput struct {
	Practice data.Practice
	Handout  data.Handout
	// For is the client's name ("For Zoë Müller"); empty prints no name.
	For string
	// Plan holds the plan's sets, reps, hold, frequency and instructions
	// for this client; zero or empty values keep the handout's defaults.
	Plan data.HomeCareItem
	// Created is the file's creation date (see Options.Created).
	Created time.Time
}

// HandoutTitle is the document's title: the handout's title, or "Handout".
func HandoutTitle(h data.Handout) string {
	if t := oneLine(h.Title); t != "" {
		return t
	}
	return "Handout"
}

// HandoutDose says how much and how often, in words: "2 sets of 10, hold 5
// seconds, twice a day". The plan's values (plan) win over the handout's
// defaults; advice handouts print only their frequency. "" when nothing is
// given.
func HandoutDose(h data.Handout, plan data.HomeCareItem) string {
	sets, reps, hold, freq := h.Sets, h.Reps, h.Hold, h.Frequency
	if plan.Sets > 0 {
		sets = plan.Sets
	}
	if plan.Reps > 0 {
		reps = plan.Reps
	}
	if s := strings.TrimSpace(plan.Hold); s != "" {
		hold = s
	}
	if s := strings.TrimSpace(plan.Frequency); s != "" {
		freq = s
	}
	var parts []string
	if h.Kind != data.HandoutAdvice || plan.Sets > 0 || plan.Reps > 0 {
		switch {
		case sets > 0 && reps > 0:
			parts = append(parts, plural(sets, "set", "sets")+" of "+strconv.Itoa(reps))
		case sets > 0:
			parts = append(parts, plural(sets, "set", "sets"))
		case reps > 0:
			parts = append(parts, plural(reps, "repetition", "repetitions"))
		}
	}
	if hold = oneLine(hold); hold != "" {
		parts = append(parts, "hold "+lowerFirst(hold))
	}
	if freq = oneLine(freq); freq != "" {
		parts = append(parts, lowerFirst(freq))
	}
	return upperFirst(strings.Join(parts, ", "))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// lowerFirst lower-cases the first letter unless the word looks like an
// abbreviation ("AM", "PT").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsUpper(r) {
		return s
	}
	if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// WriteHandout renders one handout on its own page (a long text of the
// therapist's own flows onto more): letterhead, title, who it is for, the
// drawing or picture large, the dose, the plan's instructions and the body
// with its subheadings, bullets and numbered steps.
func WriteHandout(w io.Writer, in HandoutInput) error {
	title := HandoutTitle(in.Handout)
	docTitle := title
	if who := oneLine(in.For); who != "" {
		docTitle += " · " + who
	}
	d, err := New(Options{Practice: in.Practice, Title: docTitle, Created: in.Created})
	if err != nil {
		return err
	}
	d.handout(in, title)
	return d.Write(w)
}

// handout prints a handout from the current position (a new page when it
// follows a care plan): the title and who it is for, then the drawing at
// the right with the dose, the plan's instructions and the body flowing
// beside it, then on at full width below it.
func (d *Doc) handout(in HandoutInput, title string) {
	h := in.Handout
	d.gaps = handoutSpacing
	defer func() { d.gaps = normalSpacing }()
	d.Title(title)
	var sub []string
	if a := oneLine(h.Area); a != "" {
		sub = append(sub, a)
	}
	sub = append(sub, h.Kind.Label())
	if who := oneLine(in.For); who != "" {
		sub = append(sub, "For "+who)
	}
	d.Subtitle(strings.Join(sub, " · "))
	blocks := data.HandoutBlocks(h.Body)
	intro := 0
	for intro < len(blocks) && blocks[intro].Kind == data.BlockParagraph {
		intro++
	}
	d.handoutTop(h, in.Plan, blocks[:intro])
	d.handoutBlocks(blocks[intro:])
	d.belowAside()
}

// handoutTop prints the drawing (or picture) at the right of the column
// and, beside it, the dose, the plan's instructions and the intro
// paragraphs; the text after them goes on beside the picture while it is
// above its bottom (an aside), then takes the full width.
func (d *Doc) handoutTop(h data.Handout, plan data.HomeCareItem, intro []data.Block) {
	if !d.ok() {
		return
	}
	if len(h.Picture) > 0 || len(h.Illustration) > 0 {
		// An exercise is shown by its drawing; advice is read, and its
		// drawing only marks the topic, so it takes less room.
		w, ht := handoutArtW, handoutArtH
		if h.Kind == data.HandoutAdvice {
			w, ht = adviceArtW, adviceArtH
		}
		d.KeepTogether(ht)
		y0 := d.y
		artH := d.handoutArt(h, marginSide+d.width()-w, y0, w, ht)
		d.setAside(w+handoutGap, y0+artH+d.gaps.paragraph)
	}
	labelled := func(label, text string, st textStyle) {
		d.textBlock(marginSide, d.lineWidth(), label, styleLabel, AlignLeft)
		for _, p := range paragraphs(text) {
			d.textBlock(marginSide, d.lineWidth(), p, st, AlignLeft)
			d.y += d.gaps.paragraph
		}
		d.y += gapBlock - d.gaps.paragraph
	}
	if dose := HandoutDose(h, plan); dose != "" {
		labelled("How much and how often", dose, textStyle{subheadingSize, true, colAccent})
	}
	if s := strings.TrimSpace(plan.Instructions); s != "" {
		labelled("Your therapist's instructions", s, styleBody)
	}
	for _, b := range intro {
		d.Paragraph(b.Text)
	}
}

// Handout layout: the picture's box at the right of the top block, with
// the text beside it. Sizes are chosen so every built-in handout fits one
// page on A4 and on US Letter (TestEveryBuiltinHandoutFitsOnePage).
const (
	handoutArtW = 78.0
	handoutArtH = 58.5
	adviceArtW  = 56.0
	adviceArtH  = 42.0
	handoutGap  = 8.0
)

// handoutArt draws the handout's picture in a maxW×maxH box with its top
// left at (x, y), centred in the box: the therapist's own picture when
// there is one, else the built-in drawing. It returns the height used.
func (d *Doc) handoutArt(h data.Handout, x, y, maxW, maxH float64) float64 {
	switch {
	case len(h.Picture) > 0:
		r, err := d.register(h.Picture)
		if err != nil {
			d.fail(err)
			return 0
		}
		w, ht := fit(r.w, r.h, maxW, maxH)
		d.pdf.ImageOptions(r.name, x+(maxW-w)/2, y, w, ht, false, r.opts, 0, "")
		return ht
	case len(h.Illustration) > 0:
		dr, err := parseSVG(h.Illustration)
		if err != nil {
			d.fail(err)
			return 0
		}
		w, ht := fit(dr.vw, dr.vh, maxW, maxH)
		d.drawSVG(dr, x+(maxW-w)/2, y, w/dr.vw)
		return ht
	}
	return 0
}

// handoutBlocks prints blocks of the handout markup, runs of bullets or
// steps as one list.
func (d *Doc) handoutBlocks(blocks []data.Block) {
	for i := 0; i < len(blocks); {
		b := blocks[i]
		switch b.Kind {
		case data.BlockHeading:
			d.Subheading(b.Text)
			i++
		case data.BlockBullet, data.BlockStep:
			var items []string
			j := i
			for ; j < len(blocks) && blocks[j].Kind == b.Kind; j++ {
				items = append(items, blocks[j].Text)
			}
			if b.Kind == data.BlockBullet {
				d.Bullets(items...)
			} else {
				d.Steps(items...)
			}
			i = j
		default:
			d.Paragraph(b.Text)
			i++
		}
	}
}

// HandoutFileName is the suggested file name: "Chin tucks - Zoë Müller.pdf".
func HandoutFileName(in HandoutInput) string {
	return FileName(HandoutTitle(in.Handout), in.For, data.Date{})
}
