package gui

import (
	"context"
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data/backup"
)

// quitBackupTimeout is the longest closing the window waits for the
// backup made on quit; a slower one is cancelled (and says so next time).
const quitBackupTimeout = 20 * time.Second

// autoCheckEvery is how often the open app looks whether a daily backup
// is due.
const autoCheckEvery = time.Hour

// autoBackups runs the automatic backups of the open practice: at most
// daily while the app is open, and on quit. Only one runs at a time.
type autoBackups struct {
	running bool // a backup is under way (UI goroutine only)
	stop    chan struct{}
	stopped bool // stop is closed (UI goroutine only)
}

// startAutoBackups checks now and every autoCheckEvery whether a backup is
// due, until the window closes.
func (sh *shell) startAutoBackups() {
	a := &autoBackups{stop: make(chan struct{})}
	sh.auto = a
	sh.autoBackupIfDue()
	go func() {
		tick := time.NewTicker(autoCheckEvery)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				fyne.Do(sh.autoBackupIfDue)
			case <-a.stop:
				return
			}
		}
	}()
}

// stopAutoBackups ends the hourly check (the backup on quit still runs).
func (sh *shell) stopAutoBackups() {
	if sh.auto != nil && !sh.auto.stopped {
		sh.auto.stopped = true
		close(sh.auto.stop)
	}
}

// autoBackupIfDue starts a backup off the UI goroutine when one is due.
func (sh *shell) autoBackupIfDue() {
	if sh.auto == nil || sh.auto.running || sh.auto.stopped || sh.closed.Load() {
		return
	}
	st := sh.store
	s, err := backup.Load(context.Background(), st)
	if err != nil || !s.Due(st.Now()) {
		return
	}
	if empty, err := st.IsEmpty(context.Background()); err != nil || empty {
		return // nothing to keep yet (a new practice on the welcome screen)
	}
	sh.auto.running = true
	sh.background(func(ctx context.Context) func() {
		_, _, err := backup.Auto(ctx, st, backup.RunOptions{})
		if err != nil && !errors.Is(err, backup.ErrDemo) {
			fyne.LogError("automatic backup", err) // recorded: Settings › Your data and the banner show it
		}
		return func() {
			sh.auto.running = false
			if sh.store == st {
				sh.updateBanner()
			}
		}
	})
}

// backupOnQuit backs the practice up as the window closes, waiting at most
// quitBackupTimeout. The outcome is recorded in the practice and shown the
// next time it opens.
func (sh *shell) backupOnQuit() {
	if sh.auto == nil {
		return
	}
	sh.stopAutoBackups()
	ctx, cancel := context.WithTimeout(context.Background(), quitBackupTimeout)
	defer cancel()
	done := make(chan error, 1)
	st := sh.store
	go func() {
		_, _, err := backup.Auto(ctx, st, backup.RunOptions{})
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil && !errors.Is(err, backup.ErrDemo) {
			fyne.LogError("backup on quit", err)
		}
	case <-ctx.Done():
		fyne.LogError("backup on quit", errors.New("took too long and was stopped"))
		<-done // the copy stops between steps; the store closes after it
	}
}

// backupBanner is the warning shown on the main screen when the last good
// backup is older than a week, with a Back up now button; nil otherwise
// (and always for the sample practice, and when automatic backups are off,
// as in most tests).
func (sh *shell) backupBanner() fyne.CanvasObject {
	if sh.demo || sh.auto == nil {
		return nil
	}
	ctx := context.Background()
	s, err := backup.Load(ctx, sh.store)
	if err != nil || !s.Stale(sh.store.Now()) {
		return nil
	}
	if empty, err := sh.store.IsEmpty(ctx); err != nil || empty {
		return nil
	}
	msg := "Your records have not been backed up for more than a week."
	if s.LastOK.IsZero() {
		msg = "Your records have never been backed up."
	}
	if s.LastError != "" {
		msg += " The last try failed: " + s.LastError
	}
	text := widget.NewLabel(msg)
	text.Wrapping = fyne.TextWrapWord
	text.Importance = widget.WarningImportance
	now := widget.NewButton("Back up now", nil)
	now.Importance = widget.HighImportance
	now.OnTapped = func() {
		now.Disable()
		now.SetText("Backing up…")
		st := sh.store
		sh.background(func(ctx context.Context) func() {
			_, err := backup.Run(ctx, st, backup.RunOptions{Manual: true})
			return func() {
				if err != nil {
					showBackupError(sh.win, err)
				}
				sh.updateBanner()
			}
		})
	}
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameWarning))
	bg.FillColor = withAlpha(bg.FillColor, 0x40)
	return container.NewStack(bg, container.NewBorder(nil, nil, nil, container.NewPadded(now), text))
}

// showBackupError tells, in plain words, why a backup or restore failed.
func showBackupError(win fyne.Window, err error) {
	fyne.LogError("backup", err)
	showErrorText(win, backup.UserMessage(err))
}
