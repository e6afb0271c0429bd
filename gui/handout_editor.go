package gui

import (
	"context"
	"errors"
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// handoutEditor creates or edits one of the therapist's own handouts in a
// dialog: title, area, kind, the dose a plan starts from, the text in the
// handout markup, and a picture (PNG or JPEG, at most 2 MB).
type handoutEditor struct {
	*form
	h       data.Handout // as loaded (ID 0: new)
	onSaved func(data.Handout)

	title, area, sets, reps, hold, often, body *entry
	kind                                       *widget.Select
	picture                                    []byte // the chosen picture (nil: none)
	pictureName                                *widget.Label
	pictureBox                                 *fyne.Container
	pictureField                               *field
	chooseBtn, removeBtn, closeBtn             *widget.Button
	dlg                                        *dialog.CustomDialog

	// choosePicture asks for a picture file: its name and bytes, or an
	// error; name "" when cancelled. Replaced in tests.
	choosePicture func(done func(name string, b []byte, err error))
}

var handoutKindLabels = []string{"Exercise", "Advice"}

// openHandoutEditor opens h (ID 0: a new handout) in the editor.
func (sh *shell) openHandoutEditor(h data.Handout, onSaved func(data.Handout)) *handoutEditor {
	e := &handoutEditor{h: h, onSaved: onSaved}
	e.form = newForm(sh, "this handout", e.save)
	e.validate = e.check
	e.choosePicture = e.pictureDialog
	e.closeBtn = widget.NewButton("Close", e.close)
	title := "Edit handout"
	if h.ID == 0 {
		title = "New handout"
	}
	buttons := container.NewHBox(layoutSpacer(), e.closeBtn, e.saveBtn)
	// The dialog's own title names it: no second heading, so the whole
	// editor fits a 1024×600 window.
	content := container.NewBorder(nil, buttons, nil, nil, e.frame(container.NewVBox(), e.build()))
	e.dlg = dialog.NewCustomWithoutButtons(title, content, sh.win)
	restore := e.escapeCancels(e.close)
	e.dlg.SetOnClosed(restore)
	size := sh.win.Canvas().Size()
	e.dlg.Resize(fyne.NewSize(min(760, size.Width-40), size.Height-40))
	e.dlg.Show()
	sh.win.Canvas().Focus(e.title)
	return e
}

// build lays out the fields and puts the handout in them.
func (e *handoutEditor) build() fyne.CanvasObject {
	e.title = newEntry("e.g. Foam roller for the upper back", capShort)
	e.area = newEntry("e.g. Upper back", capShort)
	e.kind = widget.NewSelect(handoutKindLabels, func(string) { e.changed() })
	e.sets, e.reps = newEntry("e.g. 2", 3), newEntry("e.g. 10", 4)
	e.hold, e.often = newEntry("e.g. 5 seconds", capShort), newEntry("e.g. Twice a day", capShort)
	// The text box grows with the dialog; three rows at the least, so the
	// picture below it stays in view in a 1024×600 window.
	e.body = newTextArea("Why it helps, then:\n## How to do it\n1. A step\n## Tips\n- A tip", 3, capLong)
	e.watch(e.title, e.area, e.sets, e.reps, e.hold, e.often, e.body)
	e.pictureName = widget.NewLabel("")
	e.pictureName.Wrapping = fyne.TextWrapWord
	e.pictureBox = container.NewStack()
	e.chooseBtn = widget.NewButtonWithIcon("Choose a picture…", theme.FileImageIcon(), e.onChoose)
	e.removeBtn = widget.NewButton("Remove the picture", func() { e.setPicture(nil, ""); e.changed() })
	// The picture's buttons, its name and a small preview in one row:
	// short enough that the whole editor shows at 1024×600 without scrolling.
	e.pictureField = newField("Picture", "Picture (PNG or JPEG, at most 2 MB)",
		container.NewBorder(nil, nil, container.NewHBox(e.chooseBtn, e.removeBtn), e.pictureBox, e.pictureName), "")
	markup := widget.NewLabel("Blank line: new paragraph · ## a subheading · - a bullet · 1. a numbered step")
	markup.Importance = widget.LowImportance
	markup.Wrapping = fyne.TextWrapWord
	// The fields and the picture come first and keep their height; the text
	// takes the height the dialog has left. So the picture's buttons are in
	// view whatever the window's size (under a ten-row text box they were
	// cut off at the bottom of a 1024×600 window).
	top := container.NewVBox(
		e.row(newField("Title", "Title", e.title, ""), newField("Area", "Body area or topic", e.area, ""),
			newField("Kind", "Kind", e.kind, "")),
		e.row(newField("Sets", "Sets", e.sets, ""), newField("Reps", "Repetitions", e.reps, ""),
			newField("Hold", "Hold", e.hold, ""), newField("Frequency", "How often", e.often, "")),
		e.add(e.pictureField))
	obj := container.NewBorder(top, nil, nil, nil, stretchInput(e.add(newField("Body", "Text", e.body, "")), markup))
	e.load(func() {
		h := e.h
		e.title.SetText(h.Title)
		e.area.SetText(h.Area)
		e.kind.SetSelectedIndex(0)
		if h.Kind == data.HandoutAdvice {
			e.kind.SetSelectedIndex(1)
		}
		e.sets.SetText(optInt(h.Sets))
		e.reps.SetText(optInt(h.Reps))
		e.hold.SetText(h.Hold)
		e.often.SetText(h.Frequency)
		e.body.SetText(h.Body)
		e.setPicture(h.Picture, "")
	})
	return obj
}

// stretchInput lets a field's input take the height its field is given
// (newField stacks label, input, hint and error at their least heights):
// the label, with beside at its right, stays on top, the hint and error at
// the bottom.
func stretchInput(obj fyne.CanvasObject, beside fyne.CanvasObject) fyne.CanvasObject {
	c, ok := obj.(*fyne.Container)
	if !ok || len(c.Objects) != 2 {
		return obj
	}
	box, ok := c.Objects[1].(*fyne.Container)
	if !ok || len(box.Objects) != 4 {
		return obj
	}
	label, input, hint, msg := box.Objects[0], box.Objects[1], box.Objects[2], box.Objects[3]
	c.Objects[1] = container.NewBorder(container.NewBorder(nil, nil, label, nil, beside),
		container.NewVBox(hint, msg), nil, nil, input)
	return c
}

// setPicture shows b (nil: no picture) and keeps it for the save.
func (e *handoutEditor) setPicture(b []byte, name string) {
	e.picture = b
	e.pictureBox.Objects = nil
	switch {
	case len(b) == 0:
		e.pictureName.SetText("No picture: the handout prints its text only.")
		e.removeBtn.Disable()
	default:
		if name == "" {
			name = "The handout's picture"
		}
		e.pictureName.SetText(fmt.Sprintf("%s (%s)", name, sizeText(len(b))))
		img := canvas.NewImageFromResource(fyne.NewStaticResource("picture", b))
		img.FillMode = canvas.ImageFillContain
		img.SetMinSize(fyne.NewSize(80, 60))
		e.pictureBox.Objects = []fyne.CanvasObject{img}
		e.removeBtn.Enable()
	}
	e.pictureBox.Refresh()
}

// sizeText is a file size in plain words: "340 KB", "2.4 MB".
func sizeText(n int) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KB", (n+1023)/1024)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// onChoose asks for a picture and takes it when the data layer would: a
// file too large or not a PNG or JPEG is refused with the reason under the
// field, and the picture and everything typed stay as they were.
func (e *handoutEditor) onChoose() {
	e.choosePicture(func(name string, b []byte, err error) {
		if err != nil {
			e.pictureField.setError("The picture could not be read: " + data.UserMessage(err))
			return
		}
		if name == "" {
			return
		}
		probe := data.Handout{Title: "x", Kind: data.HandoutExercise, Picture: b}
		var ve *data.ValidationError
		if errors.As(probe.Validate(), &ve) {
			for _, p := range ve.Problems {
				if p.Field == "Picture" {
					e.pictureField.setError(p.Message)
					return
				}
			}
		}
		e.pictureField.setError("")
		e.setPicture(b, name)
		e.changed()
	})
}

// maxPictureRead caps what is read of a chosen file: enough to know it is
// too large without reading a whole video into memory.
const maxPictureRead = data.MaxHandoutPicture + 1

// pictureDialog is the file dialog for a picture, showing PNG and JPEG files.
func (e *handoutEditor) pictureDialog(done func(string, []byte, error)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			done("", nil, err)
			return
		}
		defer r.Close()
		b, err := io.ReadAll(io.LimitReader(r, maxPictureRead))
		done(r.URI().Name(), b, err)
	}, e.sh.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg"}))
	d.Show() // before Resize: see pdfActions.saveDialog
	d.Resize(dialogSize(e.sh.win.Canvas().Size()))
}

// read turns what is typed into a handout.
func (e *handoutEditor) read() (data.Handout, []data.FieldProblem) {
	var rd planReader
	h := e.h
	h.Title, h.Area, h.Hold, h.Frequency, h.Body = e.title.Text, e.area.Text, e.hold.Text, e.often.Text, e.body.Text
	h.Kind = data.HandoutExercise
	if e.kind.SelectedIndex() == 1 {
		h.Kind = data.HandoutAdvice
	}
	h.Sets = rd.integer("Sets", "Sets", e.sets.Text)
	h.Reps = rd.integer("Reps", "Repetitions", e.reps.Text)
	h.Picture = e.picture
	return h, rd.probs
}

// check reads and validates what is typed; true when all is well.
func (e *handoutEditor) check() bool {
	h, probs := e.read()
	return e.report(probs, h.Validate())
}

// save stores the handout off the UI goroutine, then closes the dialog.
func (e *handoutEditor) save() {
	if !e.ready() {
		return
	}
	h, _ := e.read()
	e.submit(func(ctx context.Context, st *data.Store) error {
		if h.ID == 0 {
			return st.CreateHandout(ctx, &h)
		}
		return st.UpdateHandout(ctx, &h)
	}, func() {
		e.h = h
		e.dlg.Hide()
		if e.onSaved != nil {
			e.onSaved(h)
		}
	})
}

// close leaves the editor, asking first when something is unsaved.
func (e *handoutEditor) close() {
	e.guard(func() {
		e.dirty = false
		e.dlg.Hide()
	})
}
