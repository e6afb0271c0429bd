package gui

import (
	"context"

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

// Run opens the main window on the practice database and blocks until the
// app quits. The practice is opened with its lock (data.WithLock), held
// while the window shows it. A database that cannot be opened is explained
// in a window of its own, which also offers to open another practice file;
// nothing is changed. Run returns the opening error when the therapist
// quits from that window without opening another file.
func Run(opts Options) error {
	a := app.NewWithID(data.AppID)
	setUp(a)
	st, err := data.Open(context.Background(), opts.DBPath, data.WithLock())
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

// setUp gives the app its icon and theme.
func setUp(a fyne.App) {
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.IconPNG))
	a.Settings().SetTheme(calmTheme{})
}

// openFailure is the window shown when the practice file cannot be opened:
// what is wrong in plain words, the file, "Open another practice file…" and
// Quit.
type openFailure struct {
	app    fyne.App
	opts   Options
	win    fyne.Window
	msg    *widget.Label
	file   *widget.Label
	other  *widget.Button
	quit   *widget.Button
	opened bool // another practice file was opened from here
}

// showOpenFailure shows the cannot-open window for opts.DBPath.
func showOpenFailure(a fyne.App, opts Options, err error) *openFailure {
	f := &openFailure{app: a, opts: opts, win: a.NewWindow("Stillpoint")}
	f.msg = widget.NewLabel(data.UserMessage(err))
	f.msg.Wrapping = fyne.TextWrapWord
	f.file = widget.NewLabel("File: " + opts.DBPath)
	f.file.Importance = widget.LowImportance
	f.file.Wrapping = fyne.TextWrapBreak
	f.other = widget.NewButton("Open another practice file…", f.onOther)
	f.quit = widget.NewButton("Quit", a.Quit)
	f.quit.Importance = widget.HighImportance
	f.win.SetContent(container.NewBorder(nil, container.NewCenter(container.NewHBox(f.other, f.quit)), nil, nil,
		container.NewPadded(container.NewVBox(heading("Stillpoint cannot open your practice file"), f.msg, f.file))))
	f.win.Resize(fyne.NewSize(560, 300))
	f.win.CenterOnScreen()
	f.win.SetMaster()
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
	d.Show()
	d.Resize(fyne.NewSize(700, 480))
}

// open tries the practice file at path with its lock; on success the main
// window replaces this one, otherwise this window says why.
func (f *openFailure) open(path string) {
	st, err := data.Open(context.Background(), path, data.WithLock())
	if err != nil {
		f.msg.SetText(data.UserMessage(err))
		f.file.SetText("File: " + path)
		return
	}
	opts := f.opts
	opts.DBPath = path
	w := NewMainWindow(f.app, st, opts)
	w.SetMaster()
	w.Show()
	f.opened = true
	f.win.Close()
}
