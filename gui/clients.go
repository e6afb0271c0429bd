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
	search   *widget.Entry
	archived *widget.Check
	list     *widget.List
	count    *widget.Label
	newBtn   *widget.Button
	detail   *fyne.Container
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
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("Search name, phone, e-mail")
	s.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.search.OnChanged = func(string) { s.refresh() }
	s.search.OnSubmitted = func(string) { s.openFirst() }
	s.archived = widget.NewCheck("Show archived clients", func(bool) { s.refresh() })
	s.newBtn = widget.NewButtonWithIcon("New client", theme.ContentAddIcon(), s.newClient)
	s.newBtn.Importance = widget.HighImportance
	s.count = widget.NewLabel("")
	s.count.Importance = widget.LowImportance
	s.list = widget.NewList(func() int { return len(s.rows) }, newClientRow, s.updateRow)
	s.list.OnSelected = s.onSelected
	s.list.HideSeparators = true

	top := container.NewVBox(s.newBtn, s.search, s.archived)
	left := container.NewBorder(container.NewPadded(top), container.NewPadded(s.count), nil, nil, s.list)
	s.detail = container.NewStack()
	s.showEmpty()
	split := container.NewHSplit(left, s.detail)
	split.Offset = 0.3
	s.obj = split
	s.refresh()
	return s
}

// refresh runs the search in the background; a newer keystroke wins.
func (s *clientsScreen) refresh() {
	s.gen++
	gen := s.gen
	q := data.ClientQuery{Text: s.search.Text, Archived: s.archived.Checked}
	if data.Fold(q.Text) != "" {
		q.Limit = data.SearchLimit
	}
	st := s.sh.store
	s.sh.background(func(ctx context.Context) func() {
		rows, err := st.SearchClients(ctx, q)
		return func() {
			if gen != s.gen || s.sh.store != st {
				return // a newer search is on its way, or another practice is open
			}
			if err != nil {
				showError(s.sh.win, err)
				return
			}
			s.setRows(rows)
		}
	})
}

// setRows shows a search result and keeps the selected client highlighted.
func (s *clientsScreen) setRows(rows []data.ClientSummary) {
	s.rows = rows
	s.quiet = true
	defer func() { s.quiet = false }()
	s.list.UnselectAll()
	s.list.Refresh()
	for i, r := range rows {
		if r.ID == s.selected {
			s.list.Select(i)
			s.list.ScrollTo(i)
			break
		}
	}
	s.count.SetText(countText(len(rows), data.Fold(s.search.Text) != "", s.archived.Checked))
}

func countText(n int, searching, archived bool) string {
	kind := "client"
	if archived {
		kind = "archived client"
	}
	if n != 1 {
		kind += "s"
	}
	switch {
	case n == 0 && searching:
		return "No client matches this search."
	case n == 0 && archived:
		return "No archived clients."
	case n == 0:
		return "No clients yet. Add your first with New client."
	case searching && n >= data.SearchLimit:
		return fmt.Sprintf("%d+ %s found — keep typing to narrow the search", n, kind)
	case searching:
		return fmt.Sprintf("%d %s found", n, kind)
	}
	return fmt.Sprintf("%d %s", n, kind)
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
// runs off the UI goroutine; the button is off until it is done.
func (s *clientsScreen) setArchived(c data.Client, archived bool) {
	btn := s.page.archive
	btn.Disable()
	st := s.sh.store
	s.sh.background(func(ctx context.Context) func() {
		err := st.SetClientArchived(ctx, c.ID, archived)
		return func() {
			btn.Enable()
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
