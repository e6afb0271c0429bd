package gui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data/backup"
)

// passphraseWarning is said wherever a passphrase is set or changed.
const passphraseWarning = "Keep this passphrase somewhere safe, away from this computer. " +
	"A lost passphrase cannot be recovered: without it, nobody (not even Stillpoint) can open the backups it protects."

// passphraseWhere says plainly where the passphrase is kept and what it
// protects: it is stored as it is in the practice file so automatic
// backups need no one to type it.
const passphraseWhere = "Stillpoint keeps this passphrase in your practice file on this computer, as you type it, " +
	"so that automatic backups can be made without asking you. It protects the backup copies that leave this " +
	"computer (a USB stick, a cloud folder), not this computer: anyone who can open your records here can also read the passphrase."

// onSetPassphrase asks for a new passphrase twice, with the warning, and
// stores it for the next backups. The explanation spans the dialog (not
// the form's field column); an empty field shows no mark until something
// is typed; "Use this passphrase" is on only when both match and are long
// enough, and Enter in either field uses it then.
func (d *dataSection) onSetPassphrase() {
	pass, again := widget.NewPasswordEntry(), widget.NewPasswordEntry()
	short := func(s string) error {
		if s != "" && len([]rune(s)) < backup.MinPassphrase {
			return errors.New(backup.UserMessage(backup.ErrShortPassphrase))
		}
		return nil
	}
	pass.Validator = short
	again.Validator = func(s string) error {
		if s == "" {
			return nil
		}
		if s != pass.Text {
			return errors.New("The two passphrases are not the same.")
		}
		return short(s)
	}
	// Fyne keeps the last good state (a check mark) while an entry has the
	// cursor unless told to always take the newest result: a check mark
	// must mean both match and are long enough, now.
	pass.AlwaysShowValidationError, again.AlwaysShowValidationError = true, true
	use := widget.NewButton("Use this passphrase", nil)
	use.Importance = widget.HighImportance
	ready := func() bool {
		return pass.Text != "" && again.Text == pass.Text && short(pass.Text) == nil
	}
	update := func() {
		if ready() {
			use.Enable()
		} else {
			use.Disable()
		}
	}
	update()
	pass.OnChanged = func(string) {
		if again.Text != "" {
			again.Validate()
		}
		update()
	}
	again.OnChanged = func(string) { update() }
	d.passEntry, d.passAgain = pass, again
	form := widget.NewForm(widget.NewFormItem("Passphrase", pass), widget.NewFormItem("Type it again", again))
	body := container.NewVBox(wrapped(passphraseWarning), wrapped(passphraseWhere), form)
	dlg := dialog.NewCustomWithoutButtons("Protect backups with a passphrase", body, d.sh.win)
	submit := func() {
		if !ready() {
			return
		}
		dlg.Hide()
		d.savePassphrase(pass.Text)
	}
	use.OnTapped = submit
	pass.OnSubmitted = func(string) {
		if ready() {
			submit()
			return
		}
		d.sh.win.Canvas().Focus(again)
	}
	again.OnSubmitted = func(string) { submit() }
	dlg.SetButtons([]fyne.CanvasObject{widget.NewButton("Cancel", dlg.Hide), use})
	dlg.Resize(fyne.NewSize(560, 0))
	d.passDialog = dlg
	dlg.Show()
	d.sh.win.Canvas().Focus(pass)
}

// savePassphrase stores p ("" removes it) and shows the new state.
func (d *dataSection) savePassphrase(p string) {
	if err := backup.SetPassphrase(context.Background(), d.sh.store, p); err != nil {
		showErrorText(d.sh.win, backup.UserMessage(err))
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
