package gui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/assets"
	"github.com/stillpoint/stillpoint/data"
)

// Options configure how the app starts.
type Options struct {
	DBPath  string // the practice database to open
	Version string // shown in Settings › Your data
}

// Run opens the main window on the practice database and blocks until the
// app quits. A database that cannot be opened is explained in a window of
// its own; nothing is changed.
func Run(opts Options) error {
	a := app.NewWithID(data.AppID)
	setUp(a)
	unlock, err := data.LockPractice(opts.DBPath)
	if err != nil {
		showOpenFailure(a, opts.DBPath, err)
		a.Run()
		return err
	}
	defer unlock() //nolint:errcheck // the lock goes with the process anyway
	st, err := data.Open(context.Background(), opts.DBPath)
	if err != nil {
		showOpenFailure(a, opts.DBPath, err)
		a.Run()
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

// showOpenFailure is the window shown when the practice file cannot be opened.
func showOpenFailure(a fyne.App, path string, err error) {
	w := a.NewWindow("Stillpoint")
	msg := widget.NewLabel(data.UserMessage(err))
	msg.Wrapping = fyne.TextWrapWord
	file := widget.NewLabel("File: " + path)
	file.Importance = widget.LowImportance
	file.Wrapping = fyne.TextWrapBreak
	quit := widget.NewButton("Quit", a.Quit)
	quit.Importance = widget.HighImportance
	w.SetContent(container.NewBorder(nil, container.NewCenter(quit), nil, nil,
		container.NewPadded(container.NewVBox(heading("Stillpoint cannot open your practice file"), msg, file))))
	w.Resize(fyne.NewSize(560, 280))
	w.CenterOnScreen()
	w.Show()
}
