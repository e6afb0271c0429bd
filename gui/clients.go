package gui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// clientsScreen is the Clients section: a searchable list on the left and,
// on the right, the chosen client's page or the form editing one.
type clientsScreen struct {
	sh       *shell
	search   *searchEntry
	archived *widget.Check
	list     *widget.List
	count    *widget.Label
	newBtn   *widget.Button
	detail   *fyne.Container
	split    *container.Split
	obj      fyne.CanvasObject

	rows     []data.ClientSummary
	gen      int   // search generation: only the newest result is shown
	selected int64 // client on the right, 0 for none
	quiet    bool  // the selection is being set from code: don't open anything
	page     *clientPage
	form     *clientForm
}

func newClientsScreen(sh *shell) *clientsScreen {
	s := &clientsScreen{sh: sh}
	s.search = newSearchEntry()
	s.search.onDown = s.focusResults
	s.search.SetPlaceHolder("Search name, phone, e-mail")
	s.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.search.OnChanged = func(string) { s.refresh() }
	s.search.OnSubmitted = func(string) { s.openFirst() }
	s.archived = widget.NewCheck("Include archived clients", func(bool) { s.refresh() })
	s.newBtn = widget.NewButtonWithIcon("New client", theme.ContentAddIcon(), s.newClient)
	s.newBtn.Importance = widget.HighImportance
	s.count = widget.NewLabel("")
	s.count.Importance = widget.LowImportance
	s.count.Wrapping = fyne.TextWrapWord
	s.list = widget.NewList(func() int { return len(s.rows) }, newClientRow, s.updateRow)
	s.list.OnSelected = s.onSelected
	s.list.HideSeparators = true

	top := container.NewVBox(s.newBtn, s.search, s.archived)
	left := container.NewBorder(container.NewPadded(top), container.NewPadded(s.count), nil, nil, s.list)
	s.detail = container.NewStack()
	s.showEmpty()
	// The page and the form wrap their text and scroll down; should one
	// still need more width than the window has, it scrolls sideways rather
	// than widen the window or push the divider.
	s.split = container.NewHSplit(left, container.NewHScroll(s.detail))
	s.split.Offset = listShare
	s.obj = s.split
	s.refresh()
	return s
}

// listShare is the part of the Clients screen's width the list takes. Both
// sides keep a small minimum width, so the divider stays where it is
// whatever the page on the right shows.
const listShare = 0.3

// refresh runs the search in the background; a newer keystroke wins.
func (s *clientsScreen) refresh() {
	s.gen++
	gen := s.gen
	q := data.ClientQuery{Text: s.search.Text, IncludeArchived: s.archived.Checked}
	if data.Fold(q.Text) != "" {
		q.Limit = data.SearchLimit
	}
	st := s.sh.store
	s.sh.background(func(ctx context.Context) func() {
		rows, err := st.SearchClients(ctx, q)
		hidden := 0
		if err == nil && len(rows) == 0 && !q.IncludeArchived {
			// Say so when only archived clients match (just archived one, say).
			var arch []data.ClientSummary
			arch, err = st.SearchClients(ctx, data.ClientQuery{Text: q.Text, Archived: true, Limit: q.Limit})
			hidden = len(arch)
		}
		return func() {
			if gen != s.gen || s.sh.store != st {
				return // a newer search is on its way, or another practice is open
			}
			if err != nil {
				showError(s.sh.win, err)
				return
			}
			s.setRows(rows, hidden)
		}
	})
}

// setRows shows a search result and keeps the selected client highlighted;
// hidden is how many archived clients match but are not listed.
func (s *clientsScreen) setRows(rows []data.ClientSummary, hidden int) {
	s.rows = rows
	s.quiet = true
	defer func() { s.quiet = false }()
	s.list.UnselectAll()
	s.list.Refresh()
	archived := 0
	for i, r := range rows {
		if r.Archived {
			archived++
		}
		if r.ID == s.selected {
			s.list.Select(i)
			s.list.ScrollTo(i)
		}
	}
	s.count.SetText(countText(listCount{n: len(rows), archived: archived, hidden: hidden,
		searching: data.Fold(s.search.Text) != "", include: s.archived.Checked}))
}

// listCount is what the line under the client list sums up.
type listCount struct {
	n         int  // clients listed
	archived  int  // of which archived
	hidden    int  // archived clients that match but are not listed
	searching bool // search text was typed
	include   bool // "Include archived clients" is ticked
}

func countText(c listCount) string {
	plural := func(n int, one, many string) string {
		if n == 1 {
			return fmt.Sprintf("%d %s", n, one)
		}
		return fmt.Sprintf("%d %s", n, many)
	}
	switch {
	case c.n == 0 && c.hidden > 0 && c.searching:
		return "No active client matches this search; " + plural(c.hidden, "archived client does", "archived clients do") +
			". Tick Include archived clients to see them."
	case c.n == 0 && c.hidden > 0:
		return "No active clients; " + plural(c.hidden, "archived client", "archived clients") +
			". Tick Include archived clients to see them."
	case c.n == 0 && c.searching:
		return "No client matches this search."
	case c.n == 0:
		return "No clients yet. Add your first with New client."
	}
	text := plural(c.n, "client", "clients")
	switch {
	case c.searching && c.n >= data.SearchLimit:
		text = fmt.Sprintf("%d+ clients found — keep typing to narrow the search", c.n)
	case c.searching:
		text += " found"
	}
	if c.archived > 0 {
		text += fmt.Sprintf(" (%d archived)", c.archived)
	}
	return text
}

// openFirst opens the first client found (Enter in the search box).
func (s *clientsScreen) openFirst() {
	if len(s.rows) > 0 {
		s.list.Select(0)
	}
}

// onSelected opens the chosen client, asking first if a form has changes.
func (s *clientsScreen) onSelected(id widget.ListItemID) {
	if s.quiet || id < 0 || id >= len(s.rows) {
		return
	}
	target := s.rows[id].ID
	if target == s.selected && s.form == nil {
		return
	}
	if s.dirty() {
		confirmDiscard(s.sh.win, "You have unsaved changes to the client you are editing.", func() {
			s.form = nil
			s.openClient(target)
		})
		return
	}
	s.openClient(target)
}

// openClient shows a client's page.
func (s *clientsScreen) openClient(id int64) {
	c, err := s.sh.store.Client(context.Background(), id)
	if err != nil {
		showError(s.sh.win, err)
		return
	}
	s.selected = id
	s.form = nil
	s.page = newClientPage(s, c)
	s.setDetail(s.page.obj)
}

// clientRecordChanged shows the client's page again when it is on screen
// (not while a form is open), after a note, amendment, consent or review
// changed what its timeline, consent section and history show, scrolled
// where it was.
func (sh *shell) clientRecordChanged(clientID int64) {
	s := sh.clients
	if s == nil || s.form != nil || s.page == nil || s.page.client.ID != clientID {
		return
	}
	y := s.page.scrollOffset()
	s.openClient(clientID)
	s.page.keepScroll(y)
}

// openClientPage shows a client's page in the Clients section, asking
// first when a client form there has unsaved changes.
func (sh *shell) openClientPage(id int64) {
	sh.show(sectionClients)
	if sh.current != sectionClients || sh.clients == nil {
		return // Settings is asking about its unsaved changes first
	}
	open := func() { sh.clients.form = nil; sh.clients.openClient(id) }
	if sh.clients.dirty() {
		confirmDiscard(sh.win, "You have unsaved changes to the client you are editing.", open)
		return
	}
	open()
}

// newClient opens an empty client form (New client, Ctrl+N).
func (s *clientsScreen) newClient() {
	if s.form != nil && s.form.client.ID == 0 {
		s.form.focus()
		return
	}
	open := func() {
		s.form = newClientForm(s, data.Client{})
		s.list.UnselectAll()
		s.selected = 0
		s.setDetail(s.form.obj)
		s.form.focus()
	}
	if s.form != nil {
		s.form.guard(open)
		return
	}
	open()
}

// edit opens the form on the client shown.
func (s *clientsScreen) edit(c data.Client) {
	s.form = newClientForm(s, c)
	s.setDetail(s.form.obj)
	s.form.focus()
}

// saved is called by the form after a successful save. A form closed
// while it was saving only refreshes the list.
func (s *clientsScreen) saved(f *clientForm, c data.Client) {
	if s.form != f {
		s.refresh()
		return
	}
	s.form = nil
	s.selected = c.ID
	s.page = newClientPage(s, c)
	s.setDetail(s.page.obj)
	s.refresh()
}

// cancelled closes the form without saving.
func (s *clientsScreen) cancelled() {
	s.form = nil
	if s.selected != 0 {
		s.openClient(s.selected)
		return
	}
	s.showEmpty()
}

// setArchived archives or brings back the client on the page. The write
// runs off the UI goroutine; the menu item is off until it is done.
func (s *clientsScreen) setArchived(c data.Client, archived bool) {
	item := s.page.archive
	item.Disabled = true
	st := s.sh.store
	s.sh.background(func(ctx context.Context) func() {
		err := st.SetClientArchived(ctx, c.ID, archived)
		return func() {
			item.Disabled = false
			if s.sh.store != st {
				return
			}
			if err != nil {
				showError(s.sh.win, err)
				return
			}
			if s.selected == c.ID && s.form == nil {
				s.openClient(c.ID)
			}
			s.refresh()
		}
	})
}

func (s *clientsScreen) showEmpty() {
	s.page = nil
	s.selected = 0
	s.list.UnselectAll()
	msg := widget.NewLabelWithStyle("Choose a client on the left, or add a new one with New client (Ctrl+N).",
		fyne.TextAlignCenter, fyne.TextStyle{})
	msg.Importance = widget.LowImportance
	msg.Wrapping = fyne.TextWrapWord
	s.setDetail(container.NewCenter(container.NewStack(fixedWidth(360), msg)))
}

func (s *clientsScreen) setDetail(o fyne.CanvasObject) {
	s.detail.Objects = []fyne.CanvasObject{o}
	s.detail.Refresh()
}

// focusResults moves the keyboard from the search box into the list (Down):
// the arrows then move through the clients found and Space opens one.
func (s *clientsScreen) focusResults() {
	if len(s.rows) > 0 {
		s.sh.win.Canvas().Focus(s.list)
	}
}

// focusSearch puts the cursor in the search box.
func (s *clientsScreen) focusSearch() {
	if s.form != nil {
		return // don't steal the focus from a form being filled in
	}
	s.sh.win.Canvas().Focus(s.search)
}

// save saves the open form (Ctrl+S).
func (s *clientsScreen) save() {
	if s.form != nil {
		s.form.save()
	}
}

// dirty reports unsaved changes in the open form.
func (s *clientsScreen) dirty() bool {
	return s.form != nil && s.form.dirty
}
