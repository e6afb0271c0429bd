package gui

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/backup"
)

// onRestore lets the therapist choose a backup file, starting in the
// backup folder.
func (d *dataSection) onRestore() {
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(d.sh.win, err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		d.previewRestore(path, "")
	}, d.sh.win)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".db", ".age"}))
	if s, err := backup.Load(context.Background(), d.sh.store); err == nil {
		if l, err := storage.ListerForURI(storage.NewFileURI(s.Folder)); err == nil {
			fd.SetLocation(l)
		}
	}
	fd.Show()
}

// previewRestore reads the chosen backup off the UI goroutine (with the
// practice's own passphrase first, or pass), then shows its date and record
// counts and asks to confirm.
func (d *dataSection) previewRestore(path, pass string) {
	st := d.sh.store
	d.busy(true)
	d.sh.background(func(ctx context.Context) func() {
		if pass == "" {
			if s, err := backup.Load(ctx, st); err == nil {
				pass = s.Passphrase()
			}
		}
		loc, _ := st.Location(ctx)
		p, err := backup.Inspect(ctx, path, pass, loc)
		return func() {
			d.busy(false)
			switch {
			case errors.Is(err, backup.ErrWrongPassphrase) || errors.Is(err, backup.ErrNeedPassphrase):
				d.askRestorePassphrase(path, err)
			case err != nil:
				showBackupError(d.sh.win, err)
			default:
				d.confirmRestore(path, pass, p)
			}
		}
	})
}

// askRestorePassphrase asks for the passphrase of an encrypted backup.
func (d *dataSection) askRestorePassphrase(path string, why error) {
	pass := widget.NewPasswordEntry()
	msg := "This backup is protected with a passphrase."
	if errors.Is(why, backup.ErrWrongPassphrase) && why != nil {
		msg = backup.UserMessage(why)
	}
	items := []*widget.FormItem{widget.NewFormItem("", wrapped(msg)), widget.NewFormItem("Passphrase", pass)}
	dlg := dialog.NewForm("Open the backup", "Open", "Cancel", items, func(ok bool) {
		if ok {
			d.previewRestore(path, pass.Text)
		}
	}, d.sh.win)
	dlg.Resize(dlg.MinSize().AddWidthHeight(160, 0))
	dlg.Show()
}

// restoreQuestion is what the confirmation says about a backup.
func restoreQuestion(p backup.Preview) string {
	c := p.Report.Counts
	return fmt.Sprintf("The backup of %s holds %d clients, %d appointments and %d treatment notes.\n\n"+
		"Your records as they are now will be backed up first, then replaced by this backup.",
		p.Time.Format("Mon 2 Jan 2006 at 15:04"), c["clients"], c["appointments"], c["notes"])
}

// confirmRestore shows what the backup holds and restores it when asked.
func (d *dataSection) confirmRestore(path, pass string, p backup.Preview) {
	cancel := choice{"Cancel", widget.MediumImportance, nil}
	ask(d.sh.win, "Restore this backup?", restoreQuestion(p), cancel, cancel,
		choice{"Restore", widget.DangerImportance, func() { d.runRestore(path, pass) }})
}

// runRestore restores off the UI goroutine, then shows every screen again
// on the reopened practice.
func (d *dataSection) runRestore(path, pass string) {
	sh := d.sh
	st := sh.store
	sh.flushNote()
	d.busy(true)
	d.status.SetText("Restoring…")
	sh.background(func(ctx context.Context) func() {
		out, err := backup.Restore(ctx, st, path, pass, backup.RunOptions{})
		ns := out.Store
		if err != nil && out.Closed { // the file was swapped or half-way: open what is there
			var oerr error
			if ns, oerr = data.Open(ctx, st.Path(), data.WithLock()); oerr != nil {
				err = errors.Join(err, oerr)
			}
		}
		return func() {
			if ns != nil {
				sh.store = ns
				sh.start()
			} else {
				d.busy(false)
			}
			if err != nil {
				showBackupError(sh.win, err)
				return
			}
			dialog.ShowInformation("Backup restored", "Your records are back as they were in the backup. "+
				"The records as they were just before are kept in "+out.Before.Path+".", sh.win)
		}
	})
}
