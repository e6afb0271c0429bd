package gui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data/backup"
)

// passphraseWarning is said wherever a passphrase is set or changed.
const passphraseWarning = "Keep this passphrase somewhere safe, away from this computer. " +
	"A lost passphrase cannot be recovered: without it, nobody (not even Stillpoint) can open the backups it protects."

// onSetPassphrase asks for a new passphrase twice, with the warning, and
// stores it for the next backups.
func (d *dataSection) onSetPassphrase() {
	pass, again := widget.NewPasswordEntry(), widget.NewPasswordEntry()
	pass.Validator = func(s string) error {
		if len([]rune(s)) < backup.MinPassphrase {
			return errors.New(backup.UserMessage(backup.ErrShortPassphrase))
		}
		return nil
	}
	again.Validator = func(s string) error {
		if s != pass.Text {
			return errors.New("The two passphrases are not the same.")
		}
		return nil
	}
	items := []*widget.FormItem{
		widget.NewFormItem("", wrapped(passphraseWarning)),
		widget.NewFormItem("Passphrase", pass),
		widget.NewFormItem("Type it again", again),
	}
	dlg := dialog.NewForm("Protect backups with a passphrase", "Use this passphrase", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		d.savePassphrase(pass.Text)
	}, d.sh.win)
	dlg.Resize(dlg.MinSize().AddWidthHeight(120, 0))
	d.passDialog = dlg
	dlg.Show()
}

// savePassphrase stores p ("" removes it) and shows the new state.
func (d *dataSection) savePassphrase(p string) {
	if err := backup.SetPassphrase(context.Background(), d.sh.store, p); err != nil {
		dialog.ShowError(errors.New(backup.UserMessage(err)), d.sh.win)
		return
	}
	d.refresh()
}

// onRemovePassphrase asks, then makes later backups plain.
func (d *dataSection) onRemovePassphrase() {
	keep := choice{"Keep the passphrase", widget.HighImportance, nil}
	ask(d.sh.win, "Remove the passphrase?", "Backups made from now on will not be protected: anyone holding "+
		"a copy could read your clients' records. Backups already made keep their passphrase.", keep, keep,
		choice{"Remove it", widget.DangerImportance, func() { d.savePassphrase("") }})
}
