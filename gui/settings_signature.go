package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// signatureSetting is the therapist's signature in the practice settings:
// a preview, "Sign…" (the signature pad, as for consent forms) and
// "Remove". Receipts and statements print it above the signature line.
type signatureSetting struct {
	png     []byte
	preview *fyne.Container
	sign    *widget.Button
	remove  *widget.Button
	obj     fyne.CanvasObject
	// pad is the signature pad while the Sign dialog shows (tests draw on it).
	pad *signaturePad
	dlg *dialog.ConfirmDialog
}

// newSignatureSetting makes the setting; changed is told when the
// signature is drawn or removed.
func newSignatureSetting(win fyne.Window, changed func()) *signatureSetting {
	s := &signatureSetting{preview: container.NewStack()}
	s.sign = widget.NewButtonWithIcon("Sign…", theme.DocumentCreateIcon(), func() { s.ask(win, changed) })
	s.remove = widget.NewButton("Remove signature", func() { s.set(nil); changed() })
	s.obj = container.NewVBox(s.preview, container.NewHBox(s.sign, s.remove))
	s.set(nil)
	return s
}

// ask shows the signature pad; Keep stores what was drawn.
func (s *signatureSetting) ask(win fyne.Window, changed func()) {
	s.pad = newSignaturePad()
	note := widget.NewLabel("Sign in the box with the mouse, trackpad or a finger. It is printed on receipts and statements.")
	note.Wrapping = fyne.TextWrapWord
	s.dlg = dialog.NewCustomConfirm("Your signature", "Keep this signature", "Cancel", container.NewBorder(note, nil, nil, nil, s.pad),
		func(ok bool) {
			if !ok {
				return
			}
			b, err := s.pad.PNG()
			if err != nil {
				showError(win, err)
				return
			}
			s.set(b)
			changed()
		}, win)
	s.dlg.Resize(fyne.NewSize(min(560, win.Canvas().Size().Width-40), 320))
	s.dlg.Show()
}

// set shows b (PNG or JPEG; nil for none).
func (s *signatureSetting) set(b []byte) {
	s.png = b
	if len(b) > 0 {
		img := canvas.NewImageFromResource(fyne.NewStaticResource("signature.png", b))
		img.FillMode = canvas.ImageFillContain
		img.SetMinSize(fyne.NewSize(180, 60))
		s.preview.Objects = []fyne.CanvasObject{img}
		s.remove.Show()
	} else {
		none := widget.NewLabel("No signature: receipts leave the line to sign by hand.")
		none.Importance = widget.LowImportance
		none.Wrapping = fyne.TextWrapWord
		s.preview.Objects = []fyne.CanvasObject{none}
		s.remove.Hide()
	}
	s.preview.Refresh()
}
