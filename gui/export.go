package gui

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/export"
)

// exportFunc runs one export into dir and returns what it made (a folder
// or a .zip file).
type exportFunc func(ctx context.Context, st *data.Store, dir string, opt export.Options) (string, error)

// exportJob is one export on its way: a dialog with a progress bar and
// Cancel, then the outcome with Show in folder. Both "Export everything…"
// (Settings › Your data) and "Export this client's record…" (the client
// page) go through it.
type exportJob struct {
	sh      *shell
	what    string // "everything", "Zoë Müller's record"
	run     exportFunc
	bar     *widget.ProgressBar
	step    *widget.Label
	cancel  *widget.Button
	dlg     *dialog.CustomDialog
	stop    context.CancelFunc
	result  *dialog.CustomDialog // the outcome, once shown
	outcome *widget.Label
	showBtn *widget.Button // Show in folder, once the export succeeded
	made    string         // the export's path, when it succeeded
	openURL func(*url.URL) error
}

// chooseExportFolder asks for a folder, then starts the export into it.
// Escape closes the folder picker as Cancel does.
func chooseExportFolder(sh *shell, what string, run exportFunc) {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			showError(sh.win, err)
			return
		}
		if dir != nil {
			startExport(sh, what, run, dir.Path())
		}
	}, sh.win)
	d.Show()
	d.SetOnClosed(escapeDismisses(sh.win, d.Dismiss))
}

// escapeDismisses makes Escape on the window's canvas (nothing focused)
// call dismiss; the returned restore puts the canvas's key handler back.
func escapeDismisses(win fyne.Window, dismiss func()) (restore func()) {
	c := win.Canvas()
	prev := c.OnTypedKey()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			dismiss()
			return
		}
		if prev != nil {
			prev(ev)
		}
	})
	return func() { c.SetOnTypedKey(prev) }
}

// startExport shows the progress dialog and runs the export off the UI
// goroutine; Cancel stops it, and the export removes what it wrote.
func startExport(sh *shell, what string, run exportFunc, dir string) *exportJob {
	ctx, stop := context.WithCancel(sh.life)
	j := &exportJob{sh: sh, what: what, run: run, stop: stop, openURL: sh.app.OpenURL,
		bar: widget.NewProgressBar(), step: widget.NewLabel("Getting ready…")}
	j.step.Truncation = fyne.TextTruncateEllipsis
	j.cancel = widget.NewButton("Cancel", j.onCancel)
	body := container.NewVBox(wrapped("Exporting "+what+" into "+dir+"."), j.bar, j.step)
	j.dlg = dialog.NewCustomWithoutButtons("Exporting", body, sh.win)
	j.dlg.SetButtons([]fyne.CanvasObject{j.cancel})
	j.dlg.Resize(fyne.NewSize(480, 0))
	j.dlg.Show()
	st := sh.store
	sh.background(func(context.Context) func() {
		made, err := run(ctx, st, dir, export.Options{Progress: func(p export.Progress) {
			fyne.Do(func() {
				j.bar.SetValue(float64(p.Done) / float64(max(1, p.Total)))
				j.step.SetText(fmt.Sprintf("%d of %d files", p.Done, p.Total))
			})
		}})
		return func() { stop(); j.finish(made, dir, err) }
	})
	return j
}

// onCancel stops the export; the outcome follows when it has cleaned up.
func (j *exportJob) onCancel() {
	j.cancel.Disable()
	j.step.SetText("Stopping…")
	j.stop()
}

// finish replaces the progress dialog with the outcome.
func (j *exportJob) finish(made, dir string, err error) {
	j.dlg.Hide()
	var text string
	buttons := []fyne.CanvasObject{}
	switch {
	case errors.Is(err, context.Canceled):
		text = "The export was stopped. Nothing was kept in " + dir + "."
	case err != nil:
		fyne.LogError("stillpoint export", err)
		text = "The export could not be finished, and nothing was kept. " + data.UserMessage(err)
	default:
		j.made = made
		text = "Exported " + j.what + " to " + made + "."
		j.showBtn = widget.NewButton("Show in folder", func() { j.showFolder(made) })
		j.showBtn.Importance = widget.HighImportance
		buttons = append(buttons, j.showBtn)
	}
	j.outcome = wrapped(text)
	j.result = dialog.NewCustomWithoutButtons("Export", j.outcome, j.sh.win)
	buttons = append(buttons, widget.NewButton("Close", j.result.Hide))
	j.result.SetButtons(buttons)
	j.result.Resize(fyne.NewSize(480, 0))
	j.result.Show()
}

// showFolder opens the export (a folder) or the folder holding it (a zip
// file) in the system's file manager.
func (j *exportJob) showFolder(made string) {
	dir := made
	if filepath.Ext(made) == ".zip" {
		dir = filepath.Dir(made)
	}
	u, err := url.Parse(storage.NewFileURI(dir).String())
	if err == nil {
		err = j.openURL(u)
	}
	if err != nil {
		showErrorText(j.sh.win, "The folder could not be opened. It is "+dir+".")
	}
}

// exportEverything is "Export everything…": every record as CSV, every
// signed note as a PDF, and a README, in a new folder.
func exportEverything(sh *shell) { chooseExportFolder(sh, "everything", export.All) }

// exportClient is "Export this client's record…": one client's complete
// record as a .zip file, for their request to see or take it.
func exportClient(sh *shell, c data.Client) {
	chooseExportFolder(sh, c.FormalName()+"'s record", clientExport(c.ID))
}

// clientExport runs export.Client for one client.
func clientExport(id int64) exportFunc {
	return func(ctx context.Context, st *data.Store, dir string, opt export.Options) (string, error) {
		return export.Client(ctx, st, id, dir, opt)
	}
}
