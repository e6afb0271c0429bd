package gui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// shortcutSearchAll opens the search of clients and notes (Ctrl+Shift+F).
var shortcutSearchAll = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}

// How many clients and notes the search shows.
const (
	searchClientsShown = 5
	searchNotesShown   = 25
)

// searchAllMenuItem is the File menu's entry for the search of everything.
func (sh *shell) searchAllMenuItem() *fyne.MenuItem {
	it := fyne.NewMenuItem("Search Clients and Notes…", func() { sh.searchAll() })
	it.Shortcut = shortcutSearchAll
	return it
}

// globalSearch is the dialog that searches clients by name, phone or
// e-mail and the text of every note: clients first, then notes by
// relevance with the matched words in bold. Up/Down choose, Enter opens.
type globalSearch struct {
	sh      *shell
	gen     int
	entry   *keyEntry
	box     *fyne.Container
	status  *widget.Label
	rows    []*searchRow
	chosen  int
	dlg     *dialog.CustomDialog
	content fyne.CanvasObject
}

// searchAll opens the search dialog (Ctrl+Shift+F), from any screen.
func (sh *shell) searchAll() *globalSearch {
	if sh.screens == nil {
		return nil // the welcome screen: nothing to search yet
	}
	g := &globalSearch{sh: sh, box: container.NewVBox(), chosen: -1}
	g.entry = newKeyEntry(g.key)
	g.entry.SetPlaceHolder("Client name, phone, e-mail, or words from a note")
	g.entry.OnChanged = func(string) { g.search() }
	g.status = widget.NewLabel("Type to search every client and note.")
	g.status.Importance = widget.LowImportance
	g.status.Wrapping = fyne.TextWrapWord
	closeBtn := widget.NewButton("Close", nil)
	g.content = container.NewBorder(container.NewVBox(g.entry, g.status), container.NewHBox(closeBtn), nil, nil,
		container.NewVScroll(g.box))
	g.dlg = dialog.NewCustomWithoutButtons("Search clients and notes", g.content, sh.win)
	closeBtn.OnTapped = g.dlg.Hide
	g.dlg.Resize(dialogSize(sh.win.Canvas().Size()))
	g.dlg.Show()
	sh.win.Canvas().Focus(g.entry)
	return g
}

// search runs the query off the UI goroutine; an older answer is dropped.
func (g *globalSearch) search() {
	g.gen++
	gen, st, text := g.gen, g.sh.store, g.entry.Text
	g.sh.background(func(ctx context.Context) func() {
		var clients []data.ClientSummary
		var notes []data.NoteHit
		var err error
		if text != "" {
			clients, err = st.SearchClients(ctx, data.ClientQuery{Text: text, IncludeArchived: true, Limit: searchClientsShown})
			if err == nil {
				notes, err = st.SearchNotes(ctx, text, searchNotesShown)
			}
		}
		return func() {
			if gen != g.gen {
				return
			}
			if err != nil {
				g.status.SetText("The search did not work: " + data.UserMessage(err))
				return
			}
			g.show(text, clients, notes)
		}
	})
}

// show lists what was found: clients, then notes.
func (g *globalSearch) show(text string, clients []data.ClientSummary, notes []data.NoteHit) {
	g.rows = nil
	g.box.Objects = nil
	switch {
	case text == "":
		g.status.SetText("Type to search every client and note.")
	case len(clients)+len(notes) == 0:
		g.status.SetText(fmt.Sprintf("Nothing found for “%s”.", text))
	default:
		g.status.SetText(plural(len(clients), "client", "clients") + " and " + plural(len(notes), "note", "notes") + " found. Up and Down choose, Enter opens.")
	}
	for _, c := range clients {
		id := c.ID
		segs := []widget.RichTextSegment{boldSeg(clientDisplay(c))}
		if c.MatchedField != "" {
			segs = append(segs, plainSeg(" · "+c.MatchedField+" "+c.MatchedValue))
		}
		if c.Archived {
			segs = append(segs, plainSeg(" · archived"))
		}
		g.add(segs, func() { g.open(func() { g.sh.openClientPage(id) }) })
	}
	for _, n := range notes {
		id := n.NoteID
		segs := []widget.RichTextSegment{
			plainSeg(joinNonEmpty(" · ", n.ClientName, n.VisitDate.Format(), noteStatusWord(n.Status)) + "\n"),
		}
		for _, p := range data.SnippetParts(n.Snippet) {
			if p.Match {
				segs = append(segs, boldSeg(p.Text))
			} else {
				segs = append(segs, plainSeg(p.Text))
			}
		}
		g.add(segs, func() { g.open(func() { g.sh.openNote(id) }) })
	}
	g.chosen = -1
	if len(g.rows) > 0 {
		g.choose(0)
	}
	g.box.Refresh()
}

func (g *globalSearch) add(segs []widget.RichTextSegment, open func()) {
	r := newSearchRow(segs, open)
	g.rows = append(g.rows, r)
	g.box.Add(r)
}

// open closes the search and opens what was chosen.
func (g *globalSearch) open(what func()) {
	g.dlg.Hide()
	what()
}

// key handles the keys the search box passes on: Up/Down choose, Enter
// opens, Escape closes. It reports whether it used the key.
func (g *globalSearch) key(k fyne.KeyName) bool {
	switch k {
	case fyne.KeyDown:
		g.choose(min(g.chosen+1, len(g.rows)-1))
	case fyne.KeyUp:
		g.choose(max(g.chosen-1, 0))
	case fyne.KeyReturn, fyne.KeyEnter:
		if g.chosen >= 0 && g.chosen < len(g.rows) {
			g.rows[g.chosen].Tapped(nil)
		}
	case fyne.KeyEscape:
		g.dlg.Hide()
	default:
		return false
	}
	return true
}

// choose highlights row i.
func (g *globalSearch) choose(i int) {
	if i < 0 || i >= len(g.rows) {
		return
	}
	if g.chosen >= 0 && g.chosen < len(g.rows) {
		g.rows[g.chosen].setChosen(false)
	}
	g.chosen = i
	g.rows[i].setChosen(true)
}

func clientDisplay(c data.ClientSummary) string {
	d := data.Client{FirstName: c.FirstName, LastName: c.LastName, PreferredName: c.PreferredName}
	return d.DisplayName()
}

func boldSeg(s string) *widget.TextSegment {
	return &widget.TextSegment{Text: s, Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}}
}

func plainSeg(s string) *widget.TextSegment {
	return &widget.TextSegment{Text: s, Style: widget.RichTextStyleInline}
}

// searchRow is one result: its text on a background that shows when it
// is the chosen one. A tap opens it.
type searchRow struct {
	widget.BaseWidget
	bg   *canvas.Rectangle
	text *widget.RichText
	open func()
}

func newSearchRow(segs []widget.RichTextSegment, open func()) *searchRow {
	r := &searchRow{bg: canvas.NewRectangle(theme.Color(theme.ColorNameSelection)), open: open}
	r.bg.CornerRadius = theme.InputRadiusSize()
	r.bg.Hide()
	r.text = widget.NewRichText(segs...)
	r.text.Wrapping = fyne.TextWrapWord
	r.ExtendBaseWidget(r)
	return r
}

// Tapped opens the result.
func (r *searchRow) Tapped(*fyne.PointEvent) { r.open() }

func (r *searchRow) setChosen(on bool) {
	if on {
		r.bg.FillColor = theme.Color(theme.ColorNameSelection)
		r.bg.Show()
	} else {
		r.bg.Hide()
	}
	r.bg.Refresh()
}

// CreateRenderer stacks the text on its highlight.
func (r *searchRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(r.bg, r.text))
}

// keyEntry is a one-line entry that offers keys to onKey first (the
// search's Up, Down, Enter and Escape) and edits with the rest.
type keyEntry struct {
	widget.Entry
	onKey func(fyne.KeyName) bool
}

func newKeyEntry(onKey func(fyne.KeyName) bool) *keyEntry {
	e := &keyEntry{onKey: onKey}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey hands the key to onKey, or edits the text.
func (e *keyEntry) TypedKey(k *fyne.KeyEvent) {
	if e.onKey != nil && e.onKey(k.Name) {
		return
	}
	e.Entry.TypedKey(k)
}
