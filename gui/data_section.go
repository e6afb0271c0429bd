package gui

import (
	"context"
	"fmt"
	"net/url"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data/backup"
)

// dataSection is Settings › Your data: where the records live, the last
// backup and where it went, and the backup actions (back up now, show the
// folder, choose the folder, the passphrase, restore).
type dataSection struct {
	sh *shell

	status     *widget.Label // the last backup, or what went wrong
	folder     *widget.Label
	encryption *widget.Label
	progress   *widget.ProgressBarInfinite
	backupNow  *widget.Button
	showFolder *widget.Button
	choose     *widget.Button
	passphrase *widget.Button
	removePass *widget.Button
	restore    *widget.Button
	passDialog *dialog.CustomDialog // the open passphrase dialog (tests drive it)
	passEntry  *widget.Entry        // its two entries
	passAgain  *widget.Entry
	obj        fyne.CanvasObject
}

// newDataSection builds Settings › Your data on the shell's open store.
func newDataSection(sh *shell) fyne.CanvasObject {
	return newDataSectionScreen(sh).obj
}

func newDataSectionScreen(sh *shell) *dataSection {
	d := &dataSection{sh: sh}
	path := widget.NewLabel(sh.store.Path())
	path.Selectable = true
	path.Wrapping = fyne.TextWrapBreak
	d.status, d.folder, d.encryption = widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel("")
	for _, l := range []*widget.Label{d.status, d.folder, d.encryption} {
		l.Wrapping = fyne.TextWrapWord
	}
	d.progress = widget.NewProgressBarInfinite()
	d.progress.Stop()
	d.progress.Hide()
	d.backupNow = widget.NewButton("Back up now", d.onBackupNow)
	d.backupNow.Importance = widget.HighImportance
	d.showFolder = widget.NewButton("Show in folder", d.onShowFolder)
	d.choose = widget.NewButton("Choose folder…", d.onChooseFolder)
	d.passphrase = widget.NewButton("Set passphrase…", d.onSetPassphrase)
	d.removePass = widget.NewButton("Remove passphrase", d.onRemovePassphrase)
	d.restore = widget.NewButton("Restore from a backup…", d.onRestore)
	version := widget.NewLabel("Stillpoint " + sh.opts.Version)
	version.Importance = widget.LowImportance
	d.obj = container.NewVBox(
		section("Your data", widget.NewLabel("Your records are kept on this computer, in:"), path),
		section("Backups", d.status, d.progress,
			container.NewHBox(d.backupNow, d.showFolder), d.folder, container.NewHBox(d.choose),
			d.encryption, container.NewHBox(d.passphrase, d.removePass)),
		section("Export", wrapped("Every record as spreadsheet files and every signed note as a PDF, "+
			"to read anywhere or move to another program."), container.NewHBox(widget.NewButton("Export everything…", func() { exportEverything(sh) }))),
		section("Restore", wrapped("Put back the records as they were in a backup. Your records as they are "+
			"now are backed up first, so nothing is lost."), container.NewHBox(d.restore)),
		version)
	d.refresh()
	return d
}

// wrapped is a label that wraps its words.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// refresh shows the stored settings and the last backup.
func (d *dataSection) refresh() {
	ctx := context.Background()
	s, err := backup.Load(ctx, d.sh.store)
	if err != nil {
		d.status.SetText(backup.UserMessage(err))
		return
	}
	loc, _ := d.sh.store.Location(ctx)
	d.status.SetText(lastBackupText(s, loc))
	if d.sh.demo { // its backups would mix with the real practice's, in the same folder
		d.status.SetText(backup.UserMessage(backup.ErrDemo))
		for _, b := range []*widget.Button{d.backupNow, d.choose, d.passphrase, d.restore} {
			b.Disable()
		}
	}
	where := "Backups go to: " + s.Folder
	if s.DefaultFolder {
		where += " (beside your records; choose a USB stick or a synced folder to keep a copy off this computer)"
	}
	d.folder.SetText(where)
	if s.Encrypted() {
		d.encryption.SetText("Backups are protected with a passphrase.")
		d.passphrase.SetText("Change passphrase…")
		d.removePass.Show()
	} else {
		d.encryption.SetText("Backups are not protected with a passphrase: anyone holding a copy can read it.")
		d.passphrase.SetText("Set passphrase…")
		d.removePass.Hide()
	}
}

// lastBackupText says when the last backup was made and where, and what
// went wrong with the last attempt when it failed.
func lastBackupText(s backup.Settings, loc *time.Location) string {
	if loc == nil {
		loc = time.Local
	}
	text := "No backup has been made yet."
	if !s.LastOK.IsZero() {
		text = fmt.Sprintf("Last backup: %s, in %s", s.LastOK.In(loc).Format("Mon 2 Jan 2006 at 15:04"), s.LastOKPath)
	}
	if s.LastError != "" {
		text += "\nThe last try, " + s.LastTime.In(loc).Format("Mon 2 Jan 2006 at 15:04") + ", failed: " + s.LastError
	}
	return text
}

// busy turns the buttons off and shows the progress bar while work runs.
func (d *dataSection) busy(on bool) {
	for _, b := range []*widget.Button{d.backupNow, d.choose, d.passphrase, d.removePass, d.restore} {
		if on || d.sh.demo {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	if on {
		d.progress.Show()
		d.progress.Start()
	} else {
		d.progress.Stop()
		d.progress.Hide()
	}
}

// onBackupNow backs up off the UI goroutine and shows the outcome.
func (d *dataSection) onBackupNow() {
	d.busy(true)
	d.status.SetText("Backing up…")
	st := d.sh.store
	d.sh.background(func(ctx context.Context) func() {
		_, err := backup.Run(ctx, st, backup.RunOptions{Manual: true})
		return func() {
			d.busy(false)
			d.refresh()
			d.sh.updateBanner()
			if err != nil {
				showBackupError(d.sh.win, err)
			}
		}
	})
}

// onShowFolder opens the backup folder in the system's file manager.
func (d *dataSection) onShowFolder() {
	s, err := backup.Load(context.Background(), d.sh.store)
	if err != nil {
		showError(d.sh.win, err)
		return
	}
	u, err := url.Parse(storage.NewFileURI(s.Folder).String())
	if err == nil {
		err = d.sh.app.OpenURL(u)
	}
	if err != nil {
		showErrorText(d.sh.win, "The backup folder could not be opened. It is "+s.Folder+
			" (it is made with the first backup).")
	}
}

// onChooseFolder lets the therapist pick the backup folder.
func (d *dataSection) onChooseFolder() {
	dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			showError(d.sh.win, err)
			return
		}
		if dir == nil {
			return
		}
		if err := backup.SetFolder(context.Background(), d.sh.store, dir.Path()); err != nil {
			showError(d.sh.win, err)
			return
		}
		d.refresh()
	}, d.sh.win)
}
