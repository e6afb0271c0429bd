package gui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// choice is one answer to a question: a button, how it looks, and what it
// does (nil: just close the question).
type choice struct {
	label      string
	importance widget.Importance
	action     func()
}

// confirmDiscard asks whether to throw away unsaved changes; discard runs
// only when the therapist says so. "Keep editing" is the highlighted
// default: Enter and Escape keep editing, and Discard is shown as a
// warning, never as the default.
func confirmDiscard(win fyne.Window, what string, discard func()) {
	keep := choice{"Keep editing", widget.HighImportance, nil}
	ask(win, "Discard changes?", what+"\nDiscard them?", keep, keep,
		choice{"Discard changes", widget.DangerImportance, discard})
}

// askSaveBeforeQuit asks what to do with unsaved changes when the window
// is closed: Save (the highlighted default, taken by Enter), Discard or
// Keep editing (taken by Escape).
func askSaveBeforeQuit(win fyne.Window, what string, save, discard func()) {
	keep := choice{"Keep editing", widget.MediumImportance, nil}
	ask(win, "Save before closing?", what+"\nSave them before Stillpoint closes?", keep,
		choice{"Save", widget.HighImportance, save},
		choice{"Discard changes", widget.DangerImportance, discard}, keep)
}

// ask shows a question with its answers as buttons (the default last, on
// the right). Escape takes cancel and Enter takes def, whatever has the
// focus behind the dialog. A long message (a series' clashes) scrolls in a
// box no taller than the window leaves room for, so the buttons always show.
func ask(win fyne.Window, title, message string, cancel, def choice, others ...choice) *dialog.CustomDialog {
	c := win.Canvas()
	prev := c.OnTypedKey()
	var d *dialog.CustomDialog
	pick := func(ch choice) {
		d.Hide()
		if ch.action != nil {
			ch.action()
		}
	}
	buttons := container.NewHBox(layout.NewSpacer())
	for _, ch := range append(others, def) {
		ch := ch
		b := widget.NewButton(ch.label, func() { pick(ch) })
		b.Importance = ch.importance
		buttons.Add(b)
	}
	text := widget.NewLabel(message)
	text.Wrapping = fyne.TextWrapWord
	var body fyne.CanvasObject = text
	width := float32(440)
	if n := strings.Count(message, "\n"); n > 4 {
		scroll := container.NewVScroll(text)
		scroll.SetMinSize(fyne.NewSize(0, min(float32(n+1)*2*textLine(), max(c.Size().Height-220, 120))))
		body = scroll
		width = min(560, c.Size().Width-40)
	}
	d = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, buttons, nil, nil, body), win)
	d.SetOnClosed(func() { c.SetOnTypedKey(prev) })
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyEscape:
			pick(cancel)
		case fyne.KeyReturn, fyne.KeyEnter:
			pick(def)
		default:
			if prev != nil {
				prev(ev)
			}
		}
	})
	d.Resize(fyne.NewSize(width, 0))
	d.Show()
	return d
}
