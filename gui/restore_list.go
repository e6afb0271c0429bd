package gui

import (
	"context"
	"errors"
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

// restoreChooser is the first step of a restore: the backups of the backup
// folder, newest first, with date, size and protection; the one selected
// is read to show its record counts. "Choose another file…" is the way to
// a backup kept anywhere else.
type restoreChooser struct {
	r        *restorer
	folder   string
	loc      *time.Location
	pass     string // the practice's own passphrase, to read protected backups' counts
	entries  []backup.Entry
	list     *widget.List
	where    *widget.Label
	detail   *widget.Label
	reading  *widget.ProgressBarInfinite // moves while the selected backup is read
	restore  *widget.Button
	other    *widget.Button
	selected int // index in entries, -1 when none
	gen      int // drops the counts of a backup no longer selected
	dlg      dialog.Dialog
}

// choose shows the backups to restore from and returns the chooser (tests
// drive it).
func (r *restorer) choose() *restoreChooser {
	ctx := context.Background()
	c := &restoreChooser{r: r, selected: -1, loc: time.Local}
	if st := r.store(); st != nil {
		if loc, err := st.Location(ctx); err == nil && loc != nil {
			c.loc = loc
		}
		s, err := backup.Load(ctx, st)
		if err != nil {
			showError(r.window(), err)
			return nil
		}
		c.folder, c.pass = s.Folder, s.Passphrase()
	} else {
		c.folder = backup.DefaultFolder(r.closed.path) // its settings are in the file that cannot be opened
	}
	var err error
	c.entries, err = backup.List(c.folder, r.practicePath(), c.loc)
	c.where = wrapped("")
	switch {
	case err != nil:
		c.where.SetText(backup.UserMessage(err))
	case len(c.entries) == 0:
		c.where.SetText("There are no backups of this practice in " + c.folder + ". " +
			"Choose the backup file, for example on a USB stick, with “Choose another file…”.")
	default:
		c.where.SetText("Backups in " + c.folder + ", newest first:")
	}
	c.list = widget.NewList(func() int { return len(c.entries) },
		func() fyne.CanvasObject { return widget.NewLabel("Mon 30 Nov 2026 at 09:42 · 12.5 MB · protected") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(c.rowText(c.entries[i])) })
	c.list.OnSelected = c.onSelected
	c.detail = wrapped("Choose a backup to see what it holds.")
	c.reading = widget.NewProgressBarInfinite()
	c.reading.Stop()
	c.reading.Hide()
	c.restore = widget.NewButton("Restore this backup…", c.onRestore)
	c.restore.Importance = widget.HighImportance
	c.restore.Disable()
	c.other = widget.NewButton("Choose another file…", c.onOther)
	show := widget.NewButton("Show in folder", c.onShowFolder)
	cancel := widget.NewButton("Cancel", func() { c.dlg.Hide() })
	if len(c.entries) == 0 {
		c.other.Importance = widget.HighImportance
	}
	body := container.NewBorder(container.NewVBox(c.where), container.NewVBox(c.detail, c.reading,
		container.NewHBox(show, c.other, layoutSpacer(), cancel, c.restore)), nil, nil, c.list)
	c.dlg = dialog.NewCustomWithoutButtons("Restore from a backup", body, r.window())
	c.dlg.Resize(fyne.NewSize(620, 440))
	c.dlg.Show()
	return c
}

// rowText describes a backup in the list.
func (c *restoreChooser) rowText(e backup.Entry) string {
	text := fmt.Sprintf("%s · %s · ", e.Time.Format("Mon 2 Jan 2006 at 15:04"), sizeWords(e.Size))
	if e.Encrypted {
		text += "protected with a passphrase"
	} else {
		text += "not protected"
	}
	if e.BeforeRestore {
		text += " · made just before a restore"
	} else if e.Manual {
		text += " · made on purpose"
	}
	return text
}

// onSelected reads the selected backup off the UI goroutine and shows its
// record counts.
func (c *restoreChooser) onSelected(i widget.ListItemID) {
	c.selected = i
	c.gen++
	gen, e := c.gen, c.entries[i]
	c.restore.Disable() // until the backup is read
	if e.Encrypted {
		c.detail.SetText("Reading the backup… A backup protected with a passphrase takes a few seconds to unlock.")
	} else {
		c.detail.SetText("Reading the backup…")
	}
	c.reading.Show()
	c.reading.Start()
	c.r.background(func(ctx context.Context) func() {
		p, err := backup.Inspect(ctx, e.Path, c.pass, c.loc)
		return func() {
			if gen != c.gen {
				return
			}
			c.reading.Stop()
			c.reading.Hide()
			c.restore.Enable()
			k := p.Report.Counts
			switch {
			case errors.Is(err, backup.ErrWrongPassphrase) || errors.Is(err, backup.ErrNeedPassphrase):
				c.detail.SetText("This backup is protected with another passphrase: you will be asked for it.")
			case err != nil:
				c.detail.SetText(backup.UserMessage(err))
				c.restore.Disable()
			default:
				c.detail.SetText(fmt.Sprintf("It holds %d clients, %d appointments and %d treatment notes.",
					k["clients"], k["appointments"], k["notes"]))
			}
		}
	})
}

// onRestore goes on with the selected backup: passphrase when needed, then
// the confirmation.
func (c *restoreChooser) onRestore() {
	if c.selected < 0 {
		return
	}
	c.dlg.Hide()
	c.r.preview(c.entries[c.selected].Path, "")
}

// onOther chooses a backup file anywhere.
func (c *restoreChooser) onOther() {
	c.dlg.Hide()
	c.r.pickFile(c.folder)
}

// onShowFolder opens the backup folder in the system's file manager.
func (c *restoreChooser) onShowFolder() {
	u, err := url.Parse(storage.NewFileURI(c.folder).String())
	if err == nil {
		err = c.r.app().OpenURL(u)
	}
	if err != nil {
		showErrorText(c.r.window(), "The backup folder could not be opened. It is "+c.folder+".")
	}
}

// sizeWords is a file size in plain units.
func sizeWords(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
