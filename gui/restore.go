package gui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/backup"
)

// restorer puts back a backup for the screen that asked: Settings › Your
// data, the welcome screen of a new computer's empty practice, or the
// cannot-open window of a damaged or refused practice file (restorer.closed).
type restorer struct {
	sh     *shell           // nil in the cannot-open window: no practice is open
	closed *unopened        // the practice that cannot be opened; nil when sh is set
	busy   func(on bool)    // the screen's buttons off while work runs
	status func(msg string) // the screen's progress line
}

// restorer is Settings › Your data's restore.
func (d *dataSection) restorer() *restorer {
	return &restorer{sh: d.sh, busy: d.busy, status: d.status.SetText}
}

// onRestore shows the backups of the backup folder to choose from.
func (d *dataSection) onRestore() { d.restorer().choose() }

// runRestore restores the backup at path (see restorer.run).
func (d *dataSection) runRestore(path, pass string) { d.restorer().run(path, pass) }

// pickFile lets the therapist choose a backup file anywhere, starting in
// the backup folder when it is there, else in Documents or the home folder.
func (r *restorer) pickFile(folder string) {
	fd := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			showError(r.window(), err)
			return
		}
		if rc == nil {
			return
		}
		path := rc.URI().Path()
		rc.Close()
		r.preview(path, "")
	}, r.window())
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".db", ".age"}))
	if l := startFolder(folder); l != nil {
		fd.SetLocation(l)
	}
	fd.Show()
}

// startFolder is where a file dialog starts: the first of dirs that is a
// folder, then Documents, Downloads and the home folder; nil when none is.
func startFolder(dirs ...string) fyne.ListableURI {
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, "Documents"), filepath.Join(home, "Downloads"), home)
	}
	for _, d := range dirs {
		if fi, err := os.Stat(d); d == "" || err != nil || !fi.IsDir() {
			continue
		}
		if l, err := storage.ListerForURI(storage.NewFileURI(d)); err == nil {
			return l
		}
	}
	return nil
}

// preview reads the chosen backup off the UI goroutine (with the
// practice's own passphrase first, or pass), then shows its date and record
// counts and asks to confirm.
func (r *restorer) preview(path, pass string) {
	st := r.store()
	r.busy(true)
	done := showWorking(r.window(), "Opening the backup",
		"Reading the backup to see what it holds. A backup protected with a passphrase takes a few seconds to unlock.")
	r.background(func(ctx context.Context) func() {
		loc := time.Local
		if st != nil {
			if s, err := backup.Load(ctx, st); err == nil && pass == "" {
				pass = s.Passphrase()
			}
			if l, err := st.Location(ctx); err == nil && l != nil {
				loc = l
			}
		}
		p, err := backup.Inspect(ctx, path, pass, loc)
		return func() {
			done()
			r.busy(false)
			switch {
			case errors.Is(err, backup.ErrWrongPassphrase) || errors.Is(err, backup.ErrNeedPassphrase):
				r.askPassphrase(path, err)
			case err != nil:
				showBackupError(r.window(), err)
			default:
				r.confirm(path, pass, p)
			}
		}
	})
}

// askPassphrase asks for the passphrase of an encrypted backup.
func (r *restorer) askPassphrase(path string, why error) {
	pass := widget.NewPasswordEntry()
	msg := "This backup is protected with a passphrase."
	if errors.Is(why, backup.ErrWrongPassphrase) && why != nil {
		msg = backup.UserMessage(why)
	}
	items := []*widget.FormItem{widget.NewFormItem("", wrapped(msg)), widget.NewFormItem("Passphrase", pass)}
	dlg := dialog.NewForm("Open the backup", "Open", "Cancel", items, func(ok bool) {
		if ok {
			r.preview(path, pass.Text)
		}
	}, r.window())
	dlg.Resize(dlg.MinSize().AddWidthHeight(160, 0))
	dlg.Show()
}

// restoringLine says what a restore is doing while it runs.
const restoringLine = "Your records as they are now are backed up first, then the backup is put in their place. " +
	"This takes a few seconds; a protected backup a little longer."

// showWorking shows, in win, a dialog without buttons saying what is
// happening (title, line) with a moving progress bar; call the returned
// func to close it when the work is done.
func showWorking(win fyne.Window, title, line string) (done func()) {
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(wrapped(line), bar), win)
	d.Resize(fyne.NewSize(440, 0))
	d.Show()
	return func() {
		bar.Stop()
		d.Hide()
	}
}

// restoreQuestion is what the confirmation says about a backup; empty is
// true when the practice holds nothing yet (a new computer).
func restoreQuestion(p backup.Preview, empty bool) string {
	c := p.Report.Counts
	q := fmt.Sprintf("The backup of %s holds %d clients, %d appointments and %d treatment notes.\n\n",
		p.Time.Format("Mon 2 Jan 2006 at 15:04"), c["clients"], c["appointments"], c["notes"])
	if empty {
		return q + "Your practice is empty: it will be made from this backup."
	}
	return q + "Your records as they are now will be backed up first (a copy that is never removed " +
		"automatically), then replaced by this backup."
}

// confirm shows what the backup holds and restores it when asked.
func (r *restorer) confirm(path, pass string, p backup.Preview) {
	cancel := choice{"Cancel", widget.MediumImportance, nil}
	q := ""
	if r.closed != nil {
		q = unopenedQuestion(p)
	} else {
		empty, _ := r.sh.store.IsEmpty(context.Background())
		q = restoreQuestion(p, empty)
	}
	ask(r.window(), "Restore this backup?", q, cancel, cancel,
		choice{"Restore", widget.DangerImportance, func() { r.run(path, pass) }})
}

// run restores off the UI goroutine, then shows every screen again on the
// reopened practice.
func (r *restorer) run(path, pass string) {
	if r.closed != nil {
		r.closed.restore(r, path, pass)
		return
	}
	sh := r.sh
	st := sh.store
	sh.flushNote()
	r.busy(true)
	r.status("Restoring…")
	done := showWorking(sh.win, "Restoring", restoringLine)
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
			done()
			if ns != nil {
				sh.store = ns
				sh.start()
			} else {
				r.busy(false)
			}
			if err != nil {
				showBackupError(sh.win, err)
				return
			}
			msg := "Your records are back as they were in the backup."
			if out.Before.Path != "" {
				msg += " The records as they were just before are kept in " + out.Before.Path +
					" (automatic clean-up never removes it)."
			}
			showInfo("Backup restored", msg, sh.win)
		}
	})
}
