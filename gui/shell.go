package gui

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// Section names, in sidebar order.
const (
	sectionToday    = "Today"
	sectionCalendar = "Calendar"
	sectionClients  = "Clients"
	sectionHandouts = "Handouts"
	sectionReceipts = "Receipts"
	sectionReports  = "Reports"
	sectionSettings = "Settings"
)

// shell is the main window's frame: the sidebar, an optional demo banner and
// the screen of the chosen section. It owns the open store; switching to or
// from the demo practice rebuilds the screens on the other store.
type shell struct {
	app      fyne.App
	win      fyne.Window
	store    *data.Store
	opts     Options
	realPath string // the therapist's own database; the demo lives beside it
	demo     bool   // the open store holds the sample practice
	async    func(func())
	// after starts a timer that calls f on the UI goroutine (time.AfterFunc
	// + fyne.Do); test shells hold timers so nothing fires mid-test.
	after func(d time.Duration, f func()) stopper
	work  sync.WaitGroup // background goroutines under way (background)
	// life ends as the window closes: long work (exports, statements, the
	// sample practice) stops at its next step.
	life    context.Context
	endLife context.CancelFunc
	// closed is set as the window closes: results of background work
	// that arrive later are dropped.
	closed atomic.Bool

	nav      *sidebar
	outcomes *outcomesScreen
	banner   *fyne.Container
	body     *fyne.Container
	screens  map[string]fyne.CanvasObject
	current  string
	clients  *clientsScreen
	today    *todayScreen
	settings *settingsScreen
	receipts *receiptsScreen
	receipt  *invoiceDialog // the receipt shown last, if any
	welcome  *welcome       // shown on an empty practice
	sched    scheduling
	noteEd   *noteEditor     // the open treatment note, if any
	planEd   *carePlanEditor // the open care plan, if any
	handouts *handoutsScreen // the handout library
	auto     *autoBackups    // daily and on-quit backups (backup_auto.go); nil in tests
}

// NewMainWindow builds Stillpoint's main window on an open store. It shows
// the welcome screen when the store holds no records yet. The window opens
// at a size that fits the screen (window_size.go).
func NewMainWindow(a fyne.App, st *data.Store, opts Options) fyne.Window {
	w := a.NewWindow("Stillpoint")
	sh := newShell(a, w, st, opts)
	sh.start()
	sh.startAutoBackups()
	w.Resize(firstWindowSize(screenSize(a, w)))
	return w
}

func newShell(a fyne.App, w fyne.Window, st *data.Store, opts Options) *shell {
	sh := &shell{app: a, win: w, store: st, opts: opts, realPath: st.Path(),
		async: func(f func()) { go f() }, after: uiAfter}
	sh.life, sh.endLife = context.WithCancel(context.Background())
	sh.banner = container.NewStack()
	sh.body = container.NewStack()
	w.SetMainMenu(sh.mainMenu())
	sh.installShortcuts()
	w.SetCloseIntercept(sh.confirmClose)
	w.SetOnClosed(func() {
		// However the window goes, a note being written is saved and its
		// autosave timer stopped before the practice file closes.
		sh.flushNote()
		sh.stopAutoBackups()
		sh.closed.Store(true)
		sh.endLife()
		sh.waitBackground()
		sh.backupOnQuit()
		if err := sh.store.Close(); err != nil {
			fyne.LogError("close the practice file", err)
		}
	})
	return sh
}

// start shows the welcome screen on an empty practice, the main screens
// otherwise.
func (sh *shell) start() {
	ctx := context.Background()
	demo, err := sh.store.IsDemo(ctx)
	if err != nil {
		showError(sh.win, err)
	}
	sh.demo = demo
	empty, err := sh.store.IsEmpty(ctx)
	if err != nil {
		showError(sh.win, err)
	}
	sh.updateTitle() // the practice just opened, not the one before
	if empty && !demo {
		sh.screens, sh.clients, sh.today, sh.settings, sh.receipts = nil, nil, nil, nil, nil
		sh.welcome = newWelcome(sh)
		sh.win.SetContent(container.NewVScroll(sh.welcome.obj))
		return
	}
	sh.welcome = nil
	first := sectionClients
	if has, err := sh.store.HasAppointments(ctx); err == nil && has {
		first = sectionToday // a working practice opens on the day's agenda
	}
	sh.showMain(first)
}

// showMain builds the sidebar and screens on the open store and shows one.
func (sh *shell) showMain(section string) {
	sh.screens = map[string]fyne.CanvasObject{}
	sh.clients = newClientsScreen(sh)
	sh.today = newTodayScreen(sh)
	sh.settings = newSettingsScreen(sh)
	sh.screens[sectionClients] = sh.clients.obj
	sh.screens[sectionToday] = sh.today.obj
	sh.screens[sectionSettings] = sh.settings.obj
	sh.handouts = newHandoutsScreen(sh)
	sh.screens[sectionHandouts] = sh.handouts.obj
	sh.sched = scheduling{calendar: newAppointmentCalendar(sh)}
	sh.screens[sectionCalendar] = sh.sched.calendar.obj
	sh.receipts = newReceiptsScreen(sh)
	sh.screens[sectionReceipts] = sh.receipts.obj
	sh.outcomes = newOutcomesScreen(sh) // Reports: the practice's outcomes for now
	sh.screens[sectionReports] = sh.outcomes.obj
	sh.nav = newSidebar(sh.show)
	sh.updateBanner()
	sh.updateTitle()
	left := container.NewBorder(nil, nil, nil, widget.NewSeparator(), sh.nav.obj)
	// Each screen scrolls or wraps its own content; should one still need
	// more room than a small laptop has, it scrolls rather than grow the
	// window past the screen.
	sh.win.SetContent(container.NewBorder(sh.banner, nil, left, nil, container.NewScroll(sh.body)))
	sh.show(section)
}

// show shows a section's screen.
func (sh *shell) show(section string) {
	obj, ok := sh.screens[section]
	if !ok {
		return
	}
	if sh.current == sectionSettings && section != sectionSettings && sh.settings != nil {
		if forms := sh.settings.unsavedForms(); len(forms) > 0 {
			sh.nav.setSelected(sectionSettings)
			confirmDiscard(sh.win, "You have unsaved changes to "+formNames(forms)+".",
				func() { sh.settings.revertAll(); sh.show(section) })
			return
		}
	}
	sh.current = section
	sh.nav.setSelected(section)
	sh.body.Objects = []fyne.CanvasObject{obj}
	sh.body.Refresh()
	if section == sectionClients {
		sh.clients.focusSearch()
	}
	if section == sectionToday {
		sh.today.reload()
	}
	if section == sectionReceipts {
		sh.receipts.reload()
	}
	if section == sectionReports && sh.outcomes != nil {
		sh.outcomes.reload()
	}
	if section == sectionCalendar && sh.sched.calendar != nil {
		sh.sched.calendar.focusView()
	}
}

// updateBanner shows the demo banner while the sample practice is open.
func (sh *shell) updateBanner() {
	sh.banner.Objects = nil
	if sh.demo {
		sh.banner.Objects = []fyne.CanvasObject{newDemoBanner(sh)}
	}
	if b := sh.backupBanner(); b != nil {
		sh.banner.Objects = append(sh.banner.Objects, b)
	}
	sh.banner.Refresh()
}

// updateTitle names the practice in the window title.
func (sh *shell) updateTitle() {
	title := "Stillpoint"
	if p, err := sh.store.Practice(context.Background()); err == nil {
		if name := p.BusinessName; name != "" {
			title += " — " + name
		} else if p.TherapistName != "" {
			title += " — " + p.TherapistName
		}
	}
	if sh.demo {
		title += " (demo)"
	}
	sh.win.SetTitle(title)
}

// mainMenu gives every window-wide action a menu entry and shortcut; menu
// shortcuts work even while a text field has the focus.
func (sh *shell) mainMenu() *fyne.MainMenu {
	newClient := fyne.NewMenuItem("New Client", sh.newClient)
	newClient.Shortcut = shortcutNewClient
	find := fyne.NewMenuItem("Find Client", sh.findClient)
	find.Shortcut = shortcutFind
	save := fyne.NewMenuItem("Save", sh.save)
	save.Shortcut = shortcutSave
	book := fyne.NewMenuItem("Book appointment", sh.bookAppointment)
	book.Shortcut = shortcutBook
	settings := fyne.NewMenuItem("Practice Settings", func() { sh.goTo(sectionSettings) })
	importItem := fyne.NewMenuItem("Import Clients…", sh.importClients)
	quit := fyne.NewMenuItem("Quit", sh.confirmClose)
	quit.IsQuit = true
	quit.Shortcut = shortcutQuit
	return fyne.NewMainMenu(fyne.NewMenu("File", newClient, find, sh.searchAllMenuItem(), book, save, fyne.NewMenuItemSeparator(), importItem, settings,
		fyne.NewMenuItemSeparator(), quit), sh.goMenu(), fyne.NewMenu("Help", fyne.NewMenuItem(aboutTitle, sh.showAbout)))
}

// goTo shows a section when the main screens are up.
func (sh *shell) goTo(section string) {
	if sh.screens != nil {
		sh.show(section)
	}
}

// newClient opens an empty client form (Ctrl+N).
func (sh *shell) newClient() {
	if sh.clients == nil {
		return
	}
	sh.show(sectionClients)
	if sh.current != sectionClients {
		return // Settings is asking about its unsaved changes first
	}
	sh.clients.newClient()
}

// findClient puts the cursor in the client search (Ctrl+F). An open form
// stays open with its draft: what is typed next goes into the search, and
// choosing a client found asks before leaving the draft.
func (sh *shell) findClient() {
	if sh.clients == nil {
		return
	}
	sh.show(sectionClients)
	if sh.current == sectionClients {
		sh.win.Canvas().Focus(sh.clients.search)
	}
}

// save saves the form on screen, if any (Ctrl+S).
func (sh *shell) save() {
	switch {
	case sh.sched.booking != nil: // the booking dialog is in front of everything
		sh.sched.booking.save()
	case sh.current == sectionClients && sh.clients != nil:
		sh.clients.save()
	case sh.current == sectionSettings && sh.settings != nil:
		sh.settings.saveAll()
	}
}

// openForm is a form and the section that shows it.
type openForm struct {
	section string
	form    *form
}

// unsavedForms lists the forms with changes not yet saved, the one on
// screen first.
func (sh *shell) unsavedForms() []openForm {
	var out []openForm
	// A dialog's form first: it is in front of everything.
	if b := sh.sched.booking; b != nil && b.dirty {
		out = append(out, openForm{sh.current, b.form})
	}
	if e := sh.planEd; e != nil && e.dirty {
		out = append(out, openForm{sh.current, e.form})
	}
	if sh.clients != nil && sh.clients.form != nil && sh.clients.form.dirty {
		out = append(out, openForm{sectionClients, sh.clients.form.form})
	}
	if sh.settings != nil {
		var settings []openForm
		for _, f := range sh.settings.unsavedForms() {
			settings = append(settings, openForm{sectionSettings, f})
		}
		if sh.current == sectionSettings {
			out = append(settings, out...)
		} else {
			out = append(out, settings...)
		}
	}
	return out
}

// unsaved names every form with changes not yet saved ("the client you
// are editing and the practice settings"), or "".
func (sh *shell) unsaved() string {
	var forms []*form
	for _, f := range sh.unsavedForms() {
		forms = append(forms, f.form)
	}
	return formNames(forms)
}

// formNames names forms for a question: "the working hours and the
// practice settings".
func formNames(forms []*form) string {
	names := make([]string, len(forms))
	for i, f := range forms {
		names[i] = f.what
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// confirmClose asks before closing over unsaved changes: Save (then
// close), Discard (close) or Keep editing.
func (sh *shell) confirmClose() {
	sh.flushNote()
	what := sh.unsaved()
	if what == "" {
		sh.win.Close()
		return
	}
	askSaveBeforeQuit(sh.win, "You have unsaved changes to "+what+".", sh.saveAndClose, sh.win.Close)
}

// saveAndClose saves each form with unsaved changes in turn, showing it,
// and closes the window when all are saved. A save that fails leaves the
// window open on the form, with its problems shown.
func (sh *shell) saveAndClose() {
	forms := sh.unsavedForms()
	if len(forms) == 0 {
		sh.win.Close()
		return
	}
	sh.show(forms[0].section)
	forms[0].form.saveThen(sh.saveAndClose)
}

// switchStore closes the open store and shows the screens of another.
func (sh *shell) switchStore(st *data.Store) {
	sh.flushNote()
	if err := sh.store.Close(); err != nil {
		fyne.LogError("close store", err)
	}
	sh.store = st
	sh.start()
}

// background runs the widget-free part of a screen's work on a
// goroutine (sh.async); the func it returns updates widgets on the UI goroutine.
//
// Closing the window waits for work under way (waitBackground) before the
// practice file closes; what such work would show afterwards is dropped.
func (sh *shell) background(work func(ctx context.Context) func()) {
	ctx := sh.life
	sh.work.Add(1)
	sh.async(func() {
		defer sh.work.Done()
		apply := work(ctx)
		if apply != nil {
			fyne.Do(func() {
				if !sh.closed.Load() {
					apply()
				}
			})
		}
	})
}

// waitBackground waits for the background work under way, so none of it
// is left using the practice file as it closes.
func (sh *shell) waitBackground() {
	sh.work.Wait()
}

// heading is a screen title.
func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameHeadingText
	l.Wrapping = fyne.TextWrapWord // a long name must not widen the window
	return l
}

// oneLine makes a label a single line that ends with "…" when too long:
// for titles above a form, which must leave the form its room.
func oneLine(l *widget.Label) *widget.Label {
	l.Wrapping = fyne.TextWrapOff
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}
