package gui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// form is what every editing form shares (the client form, Settings, and
// later appointments and notes). It owns:
//   - the fields, by the data layer's field name, in the order shown;
//   - the dirty flag, and guard, which asks before unsaved changes are left;
//   - the problems summary at the top, field messages and highlights, and on
//     a failed save the scroll to (and focus of) the first field with a
//     problem;
//   - the Save button and the write itself, run off the UI goroutine with a
//     busy state ("Saving…", inputs off) so the window never freezes while
//     the database is busy.
//
// A screen embeds *form, builds its widgets with add/watch, sets validate
// (read what is typed, then report) and calls ready then submit from its
// save handler.
type form struct {
	sh       *shell
	what     string            // what is edited, for questions: "the client you are editing"
	fields   map[string]*field // by data field name
	order    []*field          // as laid out, top to bottom
	dirty    bool
	busy     bool        // a save is under way
	loading  bool        // values are being put in by code: not an edit
	validate func() bool // reads what is typed, reports problems; true when all is well
	onChange func()      // optional: told of every edit
	saveFn   func()      // the screen's save handler (Save, Ctrl+S, quit's Save)
	doing    string      // what the summary's problems must be fixed before; "saving" when empty
	after    []func()    // run once after the next successful save (quit's Save)
	disabled []fyne.Disableable

	summary   *widget.Label
	saveBtn   *widget.Button
	saveLabel string // the Save button's own text, while it says "Saving…"
	scroll    *container.Scroll
}

// newForm makes the shared part of a form; save is the screen's handler.
func newForm(sh *shell, what string, save func()) *form {
	f := &form{sh: sh, what: what, fields: map[string]*field{}, saveFn: save}
	f.summary = newSummary()
	f.saveBtn = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), func() { f.saveFn() })
	f.saveBtn.Importance = widget.HighImportance
	return f
}

// add registers a field and returns its layout.
func (f *form) add(fd *field) fyne.CanvasObject {
	f.fields[fd.name] = fd
	f.order = append(f.order, fd)
	for _, w := range inputsIn[focusWatcher](fd.input) { // entries, tick boxes, lists
		w.watchFocus(func() { f.keepInView(fd) })
	}
	return fd.obj
}

// keepInView scrolls the form just enough that fd is wholly on screen: Tab
// to a field below the fold brings it up, as in any desktop form.
func (f *form) keepInView(fd *field) { f.keepObjInView(fd.obj) }

// keepObjInView is keepInView for any part of the form.
func (f *form) keepObjInView(obj fyne.CanvasObject) {
	if f.scroll != nil {
		scrollIntoView(f.scroll, obj)
	}
}

// scrollIntoView scrolls sc the least that shows obj (a part of its
// content) whole, or its top when it is taller than the view.
func scrollIntoView(sc *container.Scroll, obj fyne.CanvasObject) {
	pos, ok := offsetIn(sc.Content, obj)
	if !ok {
		return
	}
	pad := theme.Padding()
	top, view := sc.Offset.Y, sc.Size().Height
	h := obj.Size().Height
	y := top
	switch {
	case pos.Y < top:
		y = pos.Y - pad
	case pos.Y+h > top+view:
		y = min(pos.Y+h-view+pad, pos.Y-pad) // taller than the view: show its top
	}
	if y == top {
		return
	}
	sc.ScrollToOffset(fyne.NewPos(sc.Offset.X, max(y, 0)))
	sc.Refresh()
}

// row lays fields out side by side, in equal columns, wrapping onto more
// rows when the window is too narrow for them all.
func (f *form) row(fds ...*field) fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, len(fds))
	for i, fd := range fds {
		objs[i] = f.add(fd)
	}
	return container.New(newColumnsLayout(len(fds)), objs...)
}

// watch marks the form changed on every edit of the entries, and keeps
// each within its length cap.
func (f *form) watch(entries ...*entry) {
	for _, e := range entries {
		e := e
		e.OnChanged = func(string) {
			capText(&e.Entry, e.max)
			f.changed()
		}
	}
}

// watchSelect is watch for a select entry, capped at max characters.
func (f *form) watchSelect(max int, entries ...*widget.SelectEntry) {
	for _, e := range entries {
		e := e
		e.OnChanged = func(string) {
			capText(&e.Entry, max)
			f.changed()
		}
	}
}

// load runs put, which sets the widgets from stored values, without
// counting it as an edit; the form is clean afterwards.
func (f *form) load(put func()) {
	f.loading = true
	defer func() { f.loading = false }()
	put()
	f.dirty = false
}

// changed marks the form dirty and, after a failed save, re-checks it so
// messages go away as soon as the problem is fixed.
func (f *form) changed() {
	if f.loading {
		return
	}
	f.dirty = true
	if f.onChange != nil {
		f.onChange()
	}
	if f.summary.Visible() && f.validate != nil {
		f.validate()
	}
}

// report shows the problems found while reading the form (probs) and those
// of its validation (err, a *data.ValidationError or nil) under their
// fields, highlights those fields and sums them up. It reports whether all
// is well.
func (f *form) report(probs []data.FieldProblem, err error) bool {
	var more *data.ValidationError
	if errors.As(err, &more) {
		probs = append(probs, more.Problems...)
	}
	for _, fd := range f.order {
		fd.setError("")
	}
	var rest []data.FieldProblem
	n := 0
	for _, p := range probs {
		fd, ok := f.fields[p.Field]
		switch {
		case !ok:
			rest = append(rest, p)
		case fd.err.Text == "":
			fd.setError(p.Message)
			n++
		}
	}
	if n == 0 && len(rest) == 0 {
		f.summary.Hide()
		return true
	}
	doing := f.doing
	if doing == "" {
		doing = "saving"
	}
	msg := "Please check the highlighted fields before " + doing + "."
	if n == 1 {
		msg = "Please check the highlighted field before " + doing + "."
	}
	if n == 0 {
		msg = "This could not be saved."
	}
	for _, p := range rest {
		msg += " " + p.Message
	}
	f.summary.SetText(msg)
	f.summary.Show()
	return false
}

// ready is the start of every save: false while a save is under way, or
// when what is typed has a problem (then shown, scrolled to and focused).
func (f *form) ready() bool {
	if f.busy {
		return false
	}
	if f.validate != nil && !f.validate() {
		f.after = nil
		f.revealFirst()
		return false
	}
	return true
}

// submit runs write on a goroutine with the form busy, then, on the UI
// goroutine, shows the data layer's objections or any error, or marks the
// form saved and calls done. A form whose practice was closed meanwhile is
// left alone.
func (f *form) submit(write func(ctx context.Context, st *data.Store) error, done func()) {
	if f.busy {
		return
	}
	f.setBusy(true)
	st := f.sh.store
	f.sh.background(func(ctx context.Context) func() {
		err := write(ctx, st)
		return func() {
			f.setBusy(false)
			if f.sh.store != st {
				return
			}
			var ve *data.ValidationError
			switch {
			case errors.As(err, &ve):
				f.after = nil
				f.report(nil, err)
				f.revealFirst()
			case err != nil:
				f.after = nil
				showError(f.sh.win, err)
			default:
				f.dirty = false
				done()
				after := f.after
				f.after = nil
				for _, fn := range after {
					fn()
				}
			}
		}
	})
}

// setBusy shows a save under way: the Save button says so and nothing can
// be edited or saved a second time until it is done.
func (f *form) setBusy(on bool) {
	f.busy = on
	if on {
		f.saveLabel = f.saveBtn.Text // "Save", "Book", …
		f.saveBtn.SetText("Saving…")
		f.saveBtn.Disable()
		f.disabled = nil
		for _, fd := range f.order {
			f.disableAll(fd.input)
		}
		return
	}
	if f.saveLabel != "" {
		f.saveBtn.SetText(f.saveLabel)
	}
	f.saveBtn.Enable()
	for _, d := range f.disabled {
		d.Enable()
	}
	f.disabled = nil
}

// disableAll switches off o and the inputs inside it that are on, and
// remembers them so setBusy(false) switches on exactly those.
func (f *form) disableAll(o fyne.CanvasObject) {
	if d, ok := o.(fyne.Disableable); ok {
		if !d.Disabled() {
			d.Disable()
			f.disabled = append(f.disabled, d)
		}
		return
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, child := range c.Objects {
			f.disableAll(child)
		}
	}
}

// revealFirst scrolls to the first field showing a problem and puts the
// cursor in it.
func (f *form) revealFirst() {
	for _, fd := range f.order {
		if fd.highlighted() {
			f.reveal(fd)
			return
		}
	}
}

// reveal scrolls the form so fd is in view, near the top, and focuses its
// input when it takes the cursor.
func (f *form) reveal(fd *field) {
	if f.scroll != nil {
		content := f.scroll.Content
		content.Refresh() // lay out the messages just shown before measuring
		if pos, ok := offsetIn(content, fd.obj); ok {
			height := max(content.Size().Height, content.MinSize().Height)
			limit := max(height-f.scroll.Size().Height, 0)
			y := min(max(pos.Y-theme.Padding(), 0), limit)
			f.scroll.ScrollToOffset(fyne.NewPos(f.scroll.Offset.X, y))
			f.scroll.Refresh()
		}
	}
	if fo := fd.focusable(); fo != nil {
		if d, ok := fo.(fyne.Disableable); !ok || !d.Disabled() {
			f.sh.win.Canvas().Focus(fo)
		}
	}
}

// offsetIn is target's position inside root, found through containers.
func offsetIn(root, target fyne.CanvasObject) (fyne.Position, bool) {
	if root == target {
		return fyne.Position{}, true
	}
	c, ok := root.(*fyne.Container)
	if !ok {
		return fyne.Position{}, false
	}
	for _, o := range c.Objects {
		if p, ok := offsetIn(o, target); ok {
			return o.Position().Add(p), true
		}
	}
	return fyne.Position{}, false
}

// guard runs leave at once when nothing is unsaved, and otherwise only
// after the therapist chooses to discard the changes.
func (f *form) guard(leave func()) {
	if !f.dirty {
		leave()
		return
	}
	confirmDiscard(f.sh.win, "You have unsaved changes to "+f.what+".", leave)
}

// saveThen saves the form and runs then once the save succeeded (used by
// quitting with unsaved changes).
func (f *form) saveThen(then func()) {
	f.after = append(f.after, then)
	f.saveFn()
}

// frame lays a form out: header and summary stay at the top, body scrolls.
func (f *form) frame(top fyne.CanvasObject, body fyne.CanvasObject) fyne.CanvasObject {
	f.scroll = container.NewVScroll(container.NewPadded(body))
	return container.NewBorder(container.NewPadded(container.NewVBox(top, f.summary)), nil, nil, nil, f.scroll)
}
