package gui

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/statements"
)

// statementsRun is "Year-end statements…" on the Receipts screen: pick a
// year and a folder, then every client's statement is written there off
// the UI goroutine, on all cores, with a progress bar and Cancel; the
// result says how many were written, with "Show in folder".
type statementsRun struct {
	sh      *shell
	dlg     *dialog.CustomDialog
	year    *widget.Select
	folder  string
	where   *widget.Label
	choose  *widget.Button
	start   *widget.Button
	cancel  *widget.Button
	close   *widget.Button
	show    *widget.Button
	bar     *widget.ProgressBar
	status  *widget.Label
	stopRun context.CancelFunc // cancels the run in progress (nil when none)
	clients int                // the clients with paid visits in the year chosen

	// Seams, replaced in tests.
	chooseFolder func(done func(path string)) // path "" when cancelled
	openURL      func(*url.URL) error
	write        func(ctx context.Context, st *data.Store, year int, dir string, o statements.Options) (statements.Result, error)
}

// showStatements opens the Year-end statements dialog, the year preset
// to last year (what January's claims need).
func (sh *shell) showStatements() *statementsRun {
	r := &statementsRun{sh: sh, openURL: sh.app.OpenURL, write: statements.Write}
	r.chooseFolder = r.folderDialog
	today, err := sh.store.Today(context.Background())
	if err != nil {
		showError(sh.win, err)
		return nil
	}
	var years []string
	for y := today.Year; y > today.Year-10; y-- {
		years = append(years, strconv.Itoa(y))
	}
	r.year = widget.NewSelect(years, nil)
	r.year.SetSelectedIndex(1)
	r.where = widget.NewLabel("No folder chosen yet.")
	r.where.Wrapping = fyne.TextWrapBreak
	r.choose = widget.NewButtonWithIcon("Choose folder…", theme.FolderOpenIcon(), func() {
		r.chooseFolder(func(path string) {
			if path != "" {
				r.folder = path
				r.where.SetText(path)
				r.preview()
			}
		})
	})
	r.bar = widget.NewProgressBar()
	r.bar.Hide()
	r.status = widget.NewLabel("One PDF per client with paid visits in that year, for their insurance and tax claims.")
	r.status.Wrapping = fyne.TextWrapWord
	r.start = widget.NewButtonWithIcon("Write statements", theme.DocumentSaveIcon(), r.run)
	r.start.Importance = widget.HighImportance
	r.start.Disable()
	r.year.OnChanged = func(string) { r.preview() }
	r.cancel = widget.NewButton("Cancel", func() {
		if r.stopRun != nil {
			r.stopRun()
			r.cancel.Disable()
			r.status.SetText("Stopping after the statement being written…")
		}
	})
	r.cancel.Hide()
	r.show = widget.NewButtonWithIcon("Show in folder", theme.FolderOpenIcon(), r.showFolder)
	r.show.Hide()
	r.close = widget.NewButton("Close", func() { r.dlg.Hide() })
	form := widget.NewForm(widget.NewFormItem("Year", r.year), widget.NewFormItem("Folder", container.NewVBox(r.where, r.choose)))
	buttons := container.NewHBox(layoutSpacer(), r.show, r.cancel, r.close, r.start)
	body := container.NewBorder(nil, buttons, nil, nil, container.NewVBox(form, r.bar, r.status))
	r.preview()
	r.dlg = dialog.NewCustomWithoutButtons("Year-end statements", body, sh.win)
	r.dlg.Resize(fyne.NewSize(min(560, sh.win.Canvas().Size().Width-40), 0))
	escapeCloses(sh.win, r.dlg, func() bool { return r.stopRun == nil })
	return r
}

// preview says how many statements the year chosen makes, and offers
// Write statements only when there is at least one and a folder is chosen:
// a year without paid visits writes nothing.
func (r *statementsRun) preview() {
	if r.start == nil || r.stopRun != nil {
		return
	}
	year, _ := strconv.Atoi(r.year.Selected)
	ids, err := r.sh.store.StatementClients(context.Background(), year)
	if err != nil {
		r.status.SetText(data.UserMessage(err))
		r.start.Disable()
		return
	}
	r.clients = len(ids)
	if r.clients == 0 {
		r.status.SetText(fmt.Sprintf("No paid visits in %d: there are no statements to write.", year))
		r.start.Disable()
		return
	}
	r.status.SetText(fmt.Sprintf("%s with paid visits in %d: one PDF each, for their insurance and tax claims.",
		plural(r.clients, "client", "clients"), year))
	if r.folder != "" {
		r.start.Enable()
	} else {
		r.start.Disable()
	}
}

// run writes the statements off the UI goroutine.
func (r *statementsRun) run() {
	year, _ := strconv.Atoi(r.year.Selected)
	dir := r.folder
	ctx, stop := context.WithCancel(r.sh.life)
	r.stopRun = stop
	for _, o := range []fyne.Disableable{r.year, r.choose, r.start, r.close} {
		o.Disable()
	}
	r.show.Hide()
	r.cancel.Enable()
	r.cancel.Show()
	r.bar.SetValue(0)
	r.bar.Show()
	r.status.SetText("Finding the clients with paid visits in " + r.year.Selected + "…")
	progress := func(done, total int) {
		fyne.Do(func() {
			r.bar.SetValue(float64(done) / float64(total))
			r.status.SetText(fmt.Sprintf("Writing statements: %d of %d", done, total))
		})
	}
	r.sh.background(func(context.Context) func() {
		res, err := r.write(ctx, r.sh.store, year, dir, statements.Options{Progress: progress})
		stop()
		return func() { r.finish(res, err) }
	})
}

// finish shows how the run ended and makes the dialog usable again.
func (r *statementsRun) finish(res statements.Result, err error) {
	r.stopRun = nil
	for _, o := range []fyne.Disableable{r.year, r.choose, r.close} {
		o.Enable()
	}
	if r.clients > 0 && r.folder != "" {
		r.start.Enable()
	}
	r.cancel.Hide()
	if res.Total > 0 {
		r.bar.SetValue(float64(len(res.Files)) / float64(res.Total))
	}
	switch {
	case errors.Is(err, context.Canceled):
		r.status.SetText(fmt.Sprintf("Stopped. %d of %d statements were written to %s; nothing half-written was left.",
			len(res.Files), res.Total, res.Dir))
	case err != nil:
		r.status.SetText(fmt.Sprintf("%d of %d statements were written, then a problem stopped the rest.", len(res.Files), res.Total))
		showError(r.sh.win, err)
	case res.Total == 0:
		r.status.SetText(fmt.Sprintf("No paid visits in %d: no statements written.", res.Year))
	default:
		r.status.SetText(fmt.Sprintf("%s written to %s.", plural(len(res.Files), "statement", "statements"), res.Dir))
	}
	if len(res.Files) > 0 {
		r.show.Show()
	}
}

// showFolder opens the folder in the system's file manager.
func (r *statementsRun) showFolder() {
	u, err := url.Parse(storage.NewFileURI(r.folder).String())
	if err == nil {
		err = r.openURL(u)
	}
	if err != nil {
		showInfo("Show in folder", "The statements are in "+r.folder, r.sh.win)
	}
}

// folderDialog asks for the folder to write into.
func (r *statementsRun) folderDialog(done func(string)) {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			showError(r.sh.win, err)
		}
		if err != nil || u == nil {
			done("")
			return
		}
		done(u.Path())
	}, r.sh.win)
	d.Show() // before Resize: see pdfActions.saveDialog
	d.Resize(dialogSize(r.sh.win.Canvas().Size()))
}
