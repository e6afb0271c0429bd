package gui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// timelineShown is how many notes the client page lists before "Show all".
const timelineShown = 6

// firstWordsCount is how many words of a note a timeline line shows.
const firstWordsCount = 8

// clientTimeline is the client page's treatment notes, newest visit first,
// each a line that opens the note. (The pain reported over the visits is
// charted once, in the page's Progress section.)
type clientTimeline struct {
	sh       *shell
	clientID int64
	all      bool
	gen      int

	notes   []data.Note
	lines   []*tapLine
	box     *fyne.Container
	showAll *widget.Button
	obj     fyne.CanvasObject
}

func newClientTimeline(sh *shell, clientID int64) *clientTimeline {
	t := &clientTimeline{sh: sh, clientID: clientID, box: container.NewVBox()}
	t.showAll = widget.NewButton("Show all", func() { t.all = true; t.render() })
	t.showAll.Importance = widget.LowImportance
	t.obj = section("Treatment notes", t.box)
	t.reload()
	return t
}

// reload reads the client's notes off the UI goroutine.
func (t *clientTimeline) reload() {
	t.gen++
	gen, st, id := t.gen, t.sh.store, t.clientID
	t.sh.background(func(ctx context.Context) func() {
		notes, err := st.ClientNotes(ctx, id)
		return func() {
			if gen != t.gen || t.sh.store != st {
				return
			}
			if err != nil {
				t.box.Objects = []fyne.CanvasObject{widget.NewLabel("The notes could not be shown: " + data.UserMessage(err))}
				t.box.Refresh()
				return
			}
			t.notes = notes
			t.render()
		}
	})
}

// render shows the lines for the notes read.
func (t *clientTimeline) render() {
	t.lines = nil
	var objs []fyne.CanvasObject
	if len(t.notes) == 0 {
		none := widget.NewLabel("No treatment notes yet.")
		none.Importance = widget.LowImportance
		t.box.Objects = []fyne.CanvasObject{none}
		t.box.Refresh()
		return
	}
	for i, n := range t.notes {
		if i == timelineShown && !t.all {
			t.showAll.SetText(fmt.Sprintf("Show all %d notes", len(t.notes)))
			objs = append(objs, t.showAll)
			break
		}
		id := n.ID
		l := newTapLine(timelineText(n), func() { t.sh.openNote(id) })
		t.lines = append(t.lines, l)
		objs = append(objs, l)
	}
	t.box.Objects = objs
	t.box.Refresh()
}

// timelineText is one note's line: date · service · status (with
// "amended" when it has amendments) · first words.
func timelineText(n data.Note) string {
	status := noteStatusWord(n.Status)
	if n.Amendments > 0 {
		status = joinNonEmpty(", ", status, "amended")
	}
	return joinNonEmpty(" · ", n.VisitDate.Format(), n.ServiceName, status, firstWords(noteLead(n), firstWordsCount))
}

// noteLead is the note's first written text, the complaint when there is one.
func noteLead(n data.Note) string {
	for _, s := range []string{n.Complaint, n.Changes, n.Goals, n.Posture, n.Palpation, n.Response, n.Progress, n.NextFocus} {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// firstWords is the first n words of s on one line, with "…" when cut.
func firstWords(s string, n int) string {
	words := strings.Fields(s)
	if len(words) <= n {
		return strings.Join(words, " ")
	}
	return strings.Join(words[:n], " ") + "…"
}

// tapLine is a one-line label that does something when tapped; long text
// ends with "…" instead of widening the page.
type tapLine struct {
	widget.Label
	onTap func()
}

var _ fyne.Tappable = (*tapLine)(nil)

func newTapLine(text string, onTap func()) *tapLine {
	l := &tapLine{onTap: onTap}
	l.Text = text
	l.Truncation = fyne.TextTruncateEllipsis
	l.ExtendBaseWidget(l)
	return l
}

// Tapped runs the line's action.
func (l *tapLine) Tapped(*fyne.PointEvent) {
	if l.onTap != nil {
		l.onTap()
	}
}
