package pdf

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/stillpoint/stillpoint/assets"
	"github.com/stillpoint/stillpoint/data"
)

// NoteInput is everything a signed treatment note prints. The caller reads
// it from the Store; the renderer knows nothing of where it came from.
type NoteInput struct {
	Practice   data.Practice
	Client     data.Client
	Note       data.Note // must be signed
	Amendments []data.Amendment
	// Visit is the appointment's start, zero when the note has none.
	Visit time.Time
	// Loc is the practice's time zone: times print in it.
	Loc *time.Location
	// Created is the file's creation date (see Options.Created).
	Created time.Time
	// CheckIn is the visit's check-in in one line (data.CheckIn.Summary):
	// "pain 4, stress 6, sleep 7; Reversing the car 5"; "" for none.
	CheckIn string
}

// ErrDraft is returned for a note that is not signed: only a signed note,
// which can no longer change, is printed for records and referrals.
var ErrDraft = errors.New("only a signed note can be printed; sign it first")

// NoteTitle is the document's title for n: "Treatment note" or
// "Discharge note".
func NoteTitle(n data.Note) string {
	if n.Kind == data.NoteDischarge {
		return "Discharge note"
	}
	return "Treatment note"
}

// WriteNote renders a signed treatment note — letterhead, client and visit,
// the SOAP sections, pain, the body chart's marks, the signature and every
// amendment — and writes it to w.
func WriteNote(w io.Writer, in NoteInput) error {
	n := in.Note
	if !n.Signed() {
		return ErrDraft
	}
	loc := in.Loc
	if loc == nil {
		loc = time.UTC
	}
	name := in.Client.FormalName()
	if name == "" {
		name = n.ClientName
	}
	title := NoteTitle(n)
	d, err := New(Options{Practice: in.Practice, Title: title + " · " + name, Created: in.Created})
	if err != nil {
		return err
	}
	d.Title(title)
	d.Subtitle(name + " · " + visitWhen(n, in.Visit, loc))

	d.Fields(
		Field{Label: "Client", Value: name},
		Field{Label: "Date of birth", Value: in.Client.BirthDate.Format()},
		Field{Label: "Visit", Value: visitWhen(n, in.Visit, loc)},
		Field{Label: "Service", Value: n.ServiceName},
		Field{Label: "Length", Value: minutes(n.Minutes)},
		Field{Label: "Pain (0–10)", Value: pain(n.Pain)},
	)
	if in.CheckIn != "" {
		d.Fields(Field{Label: "Check-in (0–10)", Value: keepDoses(in.CheckIn), Wide: true})
	}
	section(d, "Subjective",
		Field{Label: "What the client reports", Value: n.Complaint},
		Field{Label: "Changes since the last visit", Value: n.Changes},
		Field{Label: "Goals", Value: n.Goals})
	section(d, "Objective",
		Field{Label: "Posture", Value: n.Posture},
		Field{Label: "Palpation", Value: n.Palpation},
		Field{Label: "Range of motion", Value: n.RangeOfMotion},
		Field{Label: "Tests", Value: n.Tests})
	section(d, "Treatment",
		Field{Label: "Techniques", Value: strings.Join(n.Techniques, ", ")},
		Field{Label: "Areas", Value: strings.Join(n.Areas, ", ")},
		Field{Label: "Pressure", Value: n.Pressure})
	section(d, "Assessment",
		Field{Label: "Response to treatment", Value: n.Response},
		Field{Label: "Progress", Value: n.Progress})
	section(d, "Plan",
		Field{Label: "Next visit's focus", Value: n.NextFocus},
		Field{Label: "Frequency", Value: n.Frequency},
		Field{Label: "Home care", Value: n.HomeCare, Wide: true},
		Field{Label: "Referrals", Value: n.Referrals})
	if len(n.Marks) > 0 {
		d.Heading("Body chart")
		d.bodyChart(n.Marks)
	}
	d.Heading("Signature")
	d.Small("Signed electronically in Stillpoint. A signed note never changes; corrections are added below as dated amendments.")
	d.SignatureLine(Signature{
		Name: n.SignedBy,
		Role: "Signed " + when(n.SignedAt, loc),
		Date: n.SignedAt.In(loc).Format("2 Jan 2006"),
	})
	for i, a := range in.Amendments {
		if i == 0 {
			d.Heading("Amendments")
		}
		d.Subheading(fmt.Sprintf("Amendment %d · %s · %s", i+1, when(a.CreatedAt, loc), a.CreatedBy))
		d.Fields(Field{Label: "Why", Value: a.Reason, Wide: true}, Field{Label: "Correction", Value: a.Text, Wide: true})
	}
	return d.Write(w)
}

// section prints a heading and its non-empty fields; a section
// with nothing written is left out.
func section(d *Doc, heading string, fields ...Field) {
	var keep []Field
	for _, f := range fields {
		if strings.TrimSpace(f.Value) != "" {
			// Short values sit two to a row; long ones (and those asked
			// to) take the width. Doses never wrap inside: "3×30 s".
			f.Wide = f.Wide || len([]rune(f.Value)) > 70 || strings.Contains(f.Value, "\n")
			f.Value = keepDoses(f.Value)
			keep = append(keep, f)
		}
	}
	if len(keep) == 0 {
		return
	}
	d.Heading(heading)
	d.Fields(keep...)
}

// doseGap is a space inside a dose or a measure: "3 × 30", "30 s", "2 min".
var doseGap = regexp.MustCompile(`(\d) (×|x|s\b|sec|min|reps?\b|times\b|°)|(×|x) (\d)`)

// keepDoses puts no-break spaces inside doses and measures, so a line never
// wraps between a number and its unit ("3×30" on one line, "s." on the next).
func keepDoses(s string) string {
	return doseGap.ReplaceAllStringFunc(s, func(m string) string { return strings.Replace(m, " ", "\u00a0", 1) })
}

func visitWhen(n data.Note, visit time.Time, loc *time.Location) string {
	if !visit.IsZero() {
		return when(visit, loc)
	}
	return n.VisitDate.Format()
}

// when is "4 Mar 2026, 15:30" in loc.
func when(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format("2 Jan 2006, 15:04")
}

func minutes(m int) string {
	if m <= 0 {
		return ""
	}
	return strconv.Itoa(m) + " min"
}

func pain(p int) string {
	if p < 0 || p > 10 {
		return "Not recorded"
	}
	return strconv.Itoa(p) + " / 10"
}

// markColours are the body chart's colours, as on screen.
var markColours = map[data.MarkKind]rgb{
	data.MarkPain:         {0xc6, 0x3a, 0x32},
	data.MarkTension:      {0x2a, 0x62, 0xc4},
	data.MarkTriggerPoint: {0x86, 0x32, 0xae},
	data.MarkNumbness:     {0x0b, 0x7f, 0x86},
	data.MarkInflammation: {0xc8, 0x64, 0x05},
	data.MarkTreated:      {0x2b, 0x80, 0x4e},
}

// bodyChart draws the front and back outlines with numbered marks, and
// lists the marks in a table under them.
func (d *Doc) bodyChart(marks []data.Mark) {
	front, err1 := parseSVG(assets.BodyFrontSVG)
	back, err2 := parseSVG(assets.BodyBackSVG)
	if err := errors.Join(err1, err2); err != nil {
		d.fail(err)
		return
	}
	const h = 78.0
	s := h / front.vh
	w := front.vw * s
	// The figures stay with the table's header and first row under them.
	headRow := textStyle{smallSize, true, colInk}.lineHeight() + styleBody.lineHeight() + 4*cellPadY
	d.KeepTogether(h + 1 + styleSmall.lineHeight() + gapBlock + headRow)
	xs := map[data.BodyView]float64{data.ViewFront: marginSide + 12, data.ViewBack: marginSide + 12 + w + 20}
	y := d.y
	d.drawSVG(front, xs[data.ViewFront], y, s)
	d.drawSVG(back, xs[data.ViewBack], y, s)
	caption := textStyle{smallSize, false, colMuted}
	d.drawLine(xs[data.ViewFront], y+h+1, w, "Front", caption, AlignCenter)
	d.drawLine(xs[data.ViewBack], y+h+1, w, "Back", caption, AlignCenter)
	// The client's sides, as on screen: facing us, their right is on our left.
	// (A slice, not a map: drawing order must not vary, or the bytes would.)
	for _, v := range []struct {
		view        data.BodyView
		left, right string
	}{{data.ViewFront, "R", "L"}, {data.ViewBack, "L", "R"}} {
		d.drawLine(xs[v.view]+0.18*w-5, y+2, 5, v.left, caption, AlignRight)
		d.drawLine(xs[v.view]+0.82*w, y+2, 5, v.right, caption, AlignLeft)
	}
	num := textStyle{6.5, true, rgb{255, 255, 255}}
	for i, m := range marks {
		x, ok := xs[m.View]
		if !ok || !(m.X >= 0 && m.X <= 1 && m.Y >= 0 && m.Y <= 1) {
			continue
		}
		c, ok := markColours[m.Kind]
		if !ok {
			c = markColours[data.MarkPain]
		}
		cx, cy := x+m.X*w, y+m.Y*h
		d.pdf.SetFillColor(c.r, c.g, c.b)
		d.pdf.SetDrawColor(255, 255, 255)
		d.pdf.SetLineWidth(0.3)
		d.pdf.Circle(cx, cy, 2.1, "FD")
		d.drawLine(cx-2.1, cy-num.lineHeight()/2, 4.2, strconv.Itoa(i+1), num, AlignCenter)
	}
	d.y = y + h + 1 + styleSmall.lineHeight() + gapBlock
	t := Table{Columns: []Column{{Title: "#", Width: 0.35, Align: AlignRight}, {Title: "Mark", Width: 1.6},
		{Title: "Side", Width: 0.8}, {Title: "Note", Width: 3}}}
	for i, m := range marks {
		side := "Front"
		if m.View == data.ViewBack {
			side = "Back"
		}
		t.Rows = append(t.Rows, []string{strconv.Itoa(i + 1), m.Kind.Label(), side, m.Label})
	}
	d.Table(t)
}
