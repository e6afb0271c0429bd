package gui

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/assets"
	"github.com/stillpoint/stillpoint/data"
)

// Options configure how the app starts.
type Options struct {
	DBPath    string // the practice database to open
	Version   string // shown in Settings › Your data and in About
	Commit    string // the commit built from, shown in About
	BuildDate string // that commit's date, shown in About
}

// DisplayError is returned by Run when no window can be opened (no
// display, or the graphics system failed). The practice file is left as it
// was (when the display is found unusable before opening it) or closed
// properly.
type DisplayError struct {
	Err error
}

// Error says in plain words that no window could be opened.
func (e *DisplayError) Error() string {
	return fmt.Sprintf("Stillpoint could not open a window: no display could be used (%v). "+
		"Start it from your desktop; the commands (stillpoint --help) work without one.", e.Err)
}

// Unwrap returns the cause.
func (e *DisplayError) Unwrap() error { return e.Err }

// Run opens the main window on the practice database and blocks until the
// app quits. The practice is opened with its lock (data.WithLock), held
// while the window shows it. A database that cannot be opened is explained
// in a window of its own, which also offers to open another practice file;
// nothing is changed. Run returns the opening error when the therapist
// quits from that window without opening another file.
//
// The display is checked before the practice file is touched: without one
// Run returns a *DisplayError and the file is untouched. A panic of the
// graphics system later on closes the practice (releasing its lock) and is
// returned as a *DisplayError too.
func Run(opts Options) error {
	return start(app.NewWithID(data.AppID), opts, displayReady)
}

// start is Run with the app and the display check passed in (tests).
func start(a fyne.App, opts Options, ready func(fyne.App) error) (err error) {
	if derr := ready(a); derr != nil {
		return &DisplayError{Err: derr}
	}
	setUp(a)
	var st *data.Store
	defer closeOnPanic(&st, &err)
	st, err = data.Open(context.Background(), opts.DBPath, data.WithLock())
	if err != nil {
		f := showOpenFailure(a, opts, err)
		a.Run()
		if f.opened {
			return nil
		}
		return err
	}
	w := NewMainWindow(a, st, opts)
	w.SetMaster()
	w.ShowAndRun()
	return nil
}

// closeOnPanic, deferred, turns a panic of the graphics system (GLFW
// reports its errors by panicking) into a *DisplayError in *err, after
// closing the practice in *st so its lock and working files go. A Go runtime
// error (a nil pointer, an index out of range) is a fault of Stillpoint, not
// of the display: it becomes a *FaultError carrying the stack, so the
// therapist is not sent looking for a display problem.
func closeOnPanic(st **data.Store, err *error) {
	p := recover()
	if p == nil {
		return
	}
	if *st != nil {
		(*st).Close() //nolint:errcheck // the panic is what the user must hear about
	}
	if re, ok := p.(runtime.Error); ok {
		*err = &FaultError{Err: re, Stack: debug.Stack()}
		return
	}
	*err = &DisplayError{Err: fmt.Errorf("%v", p)}
}

// FaultError is a fault in Stillpoint itself that stopped the app: what was
// saved is safe, and the stack helps whoever fixes it.
type FaultError struct {
	Err   error
	Stack []byte
}

// Error says what happened in plain words, then the technical details.
func (e *FaultError) Error() string {
	return fmt.Sprintf("Stillpoint stopped because of a fault in the program (%v). Everything saved before "+
		"it is safe; please report this message with the details below.\n\n%s", e.Err, e.Stack)
}

// Unwrap returns the cause.
func (e *FaultError) Unwrap() error { return e.Err }

// setUp gives the app its icon and theme.
func setUp(a fyne.App) {
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.IconPNG))
	a.Settings().SetTheme(calmTheme{})
}

// openFailure is the window shown when the practice file cannot be opened:
// what is wrong in plain words, the file, "Open another practice file…" and
// Quit.
type openFailure struct {
	app      fyne.App
	opts     Options
	win      fyne.Window
	msg      *widget.Label
	file     *widget.Label
	other    *widget.Button
	restore  *widget.Button // "Restore from a backup…": the backup in place of this file, kept aside
	quit     *widget.Button
	status   *widget.Label // the restore's progress
	opened   bool          // another practice file was opened from here
	tried    string        // the file last tried from here ("" for opts.DBPath)
	startDir string        // the folder the last file chooser started in
	// background runs a restore's file work off the UI goroutine (tests run it inline).
	background func(work func(ctx context.Context) func())
	// mainWindow opens the main window on a practice (NewMainWindow; tests
	// keep its work on their goroutine).
	mainWindow func(a fyne.App, st *data.Store, opts Options) fyne.Window
}

// path is the practice file this window is about.
func (f *openFailure) path() string {
	if f.tried != "" {
		return f.tried
	}
	return f.opts.DBPath
}

// absPath is path made absolute for showing (as given when that fails).
func absPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil && strings.TrimSpace(path) != "" {
		return abs
	}
	return path
}

// showOpenFailure shows the cannot-open window for opts.DBPath.
func showOpenFailure(a fyne.App, opts Options, err error) *openFailure {
	f := &openFailure{app: a, opts: opts, win: a.NewWindow("Stillpoint"), background: inBackground,
		mainWindow: NewMainWindow}
	f.msg = widget.NewLabel(data.UserMessage(err))
	f.msg.Wrapping = fyne.TextWrapWord
	f.file = widget.NewLabel("File: " + absPath(opts.DBPath))
	f.file.Importance = widget.LowImportance
	f.file.Wrapping = fyne.TextWrapBreak
	f.other = widget.NewButton("Open another practice file…", f.onOther)
	f.restore = widget.NewButton("Restore from a backup…", f.onRestore)
	f.quit = widget.NewButton("Quit", a.Quit)
	f.quit.Importance = widget.HighImportance
	f.status = widget.NewLabel("")
	f.win.SetContent(container.NewBorder(nil, container.NewCenter(container.NewHBox(f.restore, f.other, f.quit)), nil, nil,
		container.NewPadded(container.NewVBox(heading("Stillpoint cannot open your practice file"), f.msg, f.file, f.status))))
	f.win.Resize(fyne.NewSize(560, 300))
	f.win.CenterOnScreen()
	// Not the master window: on the desktop, closing the master quits the
	// app, and this window closes when the practice opens (after a restore
	// or "Open another practice file…"). Alone, closing it still quits.
	f.win.Show()
	return f
}

// onOther asks for another practice file and opens it.
func (f *openFailure) onOther() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			f.msg.SetText(data.UserMessage(err))
			return
		}
		if r == nil {
			return // cancelled
		}
		path := r.URI().Path()
		r.Close()
		f.open(path)
	}, f.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".db", ".sqlite", ".sqlite3"}))
	dir := filepath.Dir(absPath(f.path()))
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l) // start in the practice file's folder
		f.startDir = dir
	}
	d.Show()
	d.Resize(fyne.NewSize(700, 480))
}

// restorer is this window's restore: the backups beside the practice file
// (its own settings cannot be read), or a backup file anywhere; the file
// that cannot be opened is kept aside, then the restored practice opens.
func (f *openFailure) restorer() *restorer {
	u := &unopened{win: f.win, app: f.app, path: f.path(), background: f.background,
		done: func(aside string, _ data.CheckReport) {
			if w := f.open(f.path()); w != nil {
				showRestored(w, aside)
			}
		}}
	return &restorer{closed: u, status: f.status.SetText, busy: func(on bool) {
		for _, b := range []*widget.Button{f.restore, f.other, f.quit} {
			if on {
				b.Disable()
			} else {
				b.Enable()
			}
		}
	}}
}

// onRestore shows the backups to restore from.
func (f *openFailure) onRestore() { f.restorer().choose() }

// inBackground runs work on a goroutine and what it returns on the UI
// goroutine.
func inBackground(work func(ctx context.Context) func()) {
	go func() {
		if apply := work(context.Background()); apply != nil {
			fyne.Do(apply)
		}
	}()
}

// open tries the practice file at path with its lock; on success the main
// window replaces this one (and is returned), otherwise this window says
// why (and open returns nil).
func (f *openFailure) open(path string) fyne.Window {
	st, err := data.Open(context.Background(), path, data.WithLock())
	if err != nil {
		f.tried = path
		f.msg.SetText(data.UserMessage(err))
		f.file.SetText("File: " + absPath(path))
		return nil
	}
	opts := f.opts
	opts.DBPath = path
	w := f.mainWindow(f.app, st, opts)
	w.SetMaster()
	w.Show()
	f.opened = true
	f.win.Close()
	return w
}
