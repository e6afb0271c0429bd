package gui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/backup"
)

// unopened is a practice file that cannot be opened (damaged, or refused),
// as the cannot-open window restores over it: the backup is put in its
// place and the file itself kept aside (backup.RestoreUnopenable).
type unopened struct {
	win        fyne.Window
	app        fyne.App
	path       string
	background func(work func(ctx context.Context) func())
	// done opens the restored practice and tells what happened (aside:
	// where the file that could not be opened was kept, "" when none).
	done func(aside string, rep data.CheckReport)
}

// window is the window the restore's dialogs show in.
func (r *restorer) window() fyne.Window {
	if r.closed != nil {
		return r.closed.win
	}
	return r.sh.win
}

// app is the running app (to open the backup folder).
func (r *restorer) app() fyne.App {
	if r.closed != nil {
		return r.closed.app
	}
	return r.sh.app
}

// store is the open practice, nil in the cannot-open window.
func (r *restorer) store() *data.Store {
	if r.closed != nil {
		return nil
	}
	return r.sh.store
}

// practicePath is the practice file the backups belong to.
func (r *restorer) practicePath() string {
	if r.closed != nil {
		return r.closed.path
	}
	return r.sh.store.Path()
}

// background runs the widget-free part of the work off the UI goroutine.
func (r *restorer) background(work func(ctx context.Context) func()) {
	if r.closed != nil {
		r.closed.background(work)
		return
	}
	r.sh.background(work)
}

// unopenedQuestion is the confirmation of a restore over a practice file
// that cannot be opened.
func unopenedQuestion(p backup.Preview) string {
	c := p.Report.Counts
	return fmt.Sprintf("The backup of %s holds %d clients, %d appointments and %d treatment notes.\n\n"+
		"The practice file that cannot be opened is not deleted: it is kept aside, renamed, "+
		"and this backup is put in its place.", p.Time.Format("Mon 2 Jan 2006 at 15:04"),
		c["clients"], c["appointments"], c["notes"])
}

// restore puts the backup at path in place of the practice file that
// cannot be opened, off the UI goroutine, then opens it.
func (u *unopened) restore(r *restorer, path, pass string) {
	r.busy(true)
	r.status("Restoring…")
	done := showWorking(u.win, "Restoring", "The backup is put in place of the file that cannot be opened, "+
		"which is kept aside. This takes a few seconds; a protected backup a little longer.")
	u.background(func(ctx context.Context) func() {
		aside, rep, err := backup.RestoreUnopenable(ctx, u.path, path, pass)
		return func() {
			done()
			r.busy(false)
			if err != nil {
				r.status("")
				showBackupError(u.win, err)
				return
			}
			u.done(aside, rep)
		}
	})
}

// restoredMessage says what a restore over an unopenable file did.
func restoredMessage(aside string) string {
	msg := "Your records are back as they were in the backup."
	if aside != "" {
		msg += " The file that could not be opened is kept as " + aside + "."
	}
	return msg
}

// showRestored tells, in the window of the restored practice, that the
// restore is done.
func showRestored(win fyne.Window, aside string) {
	showInfo("Backup restored", restoredMessage(aside), win)
}
