package gui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
)

// edited is told of every edit: it restarts the autosave's debounce.
func (e *noteEditor) edited() {
	if e.closed || e.note.Signed() {
		return
	}
	e.rev++
	e.setSaveState("Saving…", widget.LowImportance)
	e.stopTimer()
	e.timer = e.sh.after(e.delay, e.autosave)
}

// stopTimer cancels a pending autosave.
func (e *noteEditor) stopTimer() {
	if e.timer != nil {
		e.timer.Stop()
		e.timer = nil
	}
}

// setSaveState shows the quiet save indicator.
func (e *noteEditor) setSaveState(text string, imp widget.Importance) {
	e.saveState.Importance = imp
	e.saveState.SetText(text)
}

// autosave saves the draft off the UI goroutine when it has unsaved edits
// (the debounce fired). A save under way is followed by another when more
// was typed meanwhile.
func (e *noteEditor) autosave() {
	if e.closed || e.note.Signed() || e.rev == e.savedRev {
		return
	}
	if e.saving {
		e.again = true
		return
	}
	e.timer = nil
	n, probs := e.read()
	ci := e.pendingCheckIn()
	rev := e.rev
	e.saving = true
	e.sh.background(func(ctx context.Context) func() {
		e.writeCheckIn(ctx, &ci)
		more, err := e.write(ctx, &n, probs)
		return func() {
			e.saving = false
			e.saved(n, rev, append(probs, more...), err, ci)
			if e.again {
				e.again = false
				e.autosave()
			}
		}
	})
}

// flushNow saves pending edits at once, on the calling goroutine: closing
// the editor, switching practice, quitting, signing.
func (e *noteEditor) flushNow() {
	e.stopTimer()
	if e.note.Signed() || e.rev == e.savedRev {
		return
	}
	n, probs := e.read()
	ci := e.pendingCheckIn()
	rev := e.rev
	e.writeCheckIn(context.Background(), &ci)
	more, err := e.write(context.Background(), &n, probs)
	e.saved(n, rev, append(probs, more...), err, ci)
}

// write stores n as the draft; writes take turns, so the first save of a
// new note inserts it once and later ones overwrite it. Fields that could
// not be read (probs) or that the store refuses keep their last stored
// value, so everything valid is saved; the refused fields' problems are
// returned.
func (e *noteEditor) write(ctx context.Context, n *data.Note, probs []data.FieldProblem) ([]data.FieldProblem, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	n.ID = e.id
	for _, p := range probs {
		keepStored(n, e.stored, p.Field)
	}
	err := e.st.SaveDraft(ctx, n)
	var ve *data.ValidationError
	var more []data.FieldProblem
	if errors.As(err, &ve) {
		more = ve.Problems
		for _, p := range more {
			keepStored(n, e.stored, p.Field)
		}
		n.ID = e.id
		err = e.st.SaveDraft(ctx, n)
		if err != nil {
			return nil, ve
		}
	}
	if err != nil {
		return nil, err
	}
	e.id = n.ID
	e.stored = *n
	return more, nil
}

// storedID is the stored note's ID, 0 before the first save.
func (e *noteEditor) storedID() int64 {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.id
}

// saved shows the outcome of a draft save of edit rev, with the visit's
// check-in (ci): problems mark their fields (no dialog while typing),
// anything else is a quiet line. A check-in not saved keeps the edit
// unsaved, so closing still asks.
func (e *noteEditor) saved(n data.Note, rev int, probs []data.FieldProblem, err error, ci checkInSave) {
	var ve *data.ValidationError
	ciOK, ciMsg := e.checkInSaved(ci)
	switch {
	case err == nil && ciMsg != "":
		e.note.ID, e.note.CreatedAt, e.note.UpdatedAt = n.ID, n.CreatedAt, n.UpdatedAt
		e.report(probs, nil)
		e.setSaveState("Not saved: "+ciMsg, widget.DangerImportance)
	case err == nil && (len(probs) > 0 || !ciOK):
		// Saved all but the highlighted fields: the edit stays unsaved,
		// so closing still warns.
		e.note.ID, e.note.CreatedAt, e.note.UpdatedAt = n.ID, n.CreatedAt, n.UpdatedAt
		e.report(probs, nil)
		e.setSaveState("Saved, except the highlighted field", widget.DangerImportance)
	case err == nil:
		if rev > e.savedRev {
			e.savedRev = rev
		}
		e.note.ID, e.note.CreatedAt, e.note.UpdatedAt = n.ID, n.CreatedAt, n.UpdatedAt
		e.report(probs, nil)
		if e.savedRev == e.rev {
			e.dirty = false
			e.setSaveState("Saved", widget.LowImportance)
		}
	case errors.As(err, &ve):
		e.report(probs, err)
		e.setSaveState("Not saved: see the highlighted field", widget.DangerImportance)
	default:
		e.setSaveState("Not saved: "+data.UserMessage(err), widget.DangerImportance)
	}
	if e.onSaved != nil {
		e.onSaved()
	}
}
