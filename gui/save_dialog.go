package gui

import (
	"errors"
	"io/fs"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// chooseSaveFile asks where to save a file, suggesting name and showing
// only files ending in ext (".pdf", ".csv"); done gets the chosen path, or
// "" when the therapist cancelled. The dialog opens (creates) the file:
// the handle is closed unused, since documents are written beside it and
// renamed over it (pdf.WriteFile).
func chooseSaveFile(win fyne.Window, name, ext string, done func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			if err != nil {
				showErrorText(win, saveFileProblem(err))
			}
			done("")
			return
		}
		path := w.URI().Path()
		w.Close()
		done(path)
	}, win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	// Fyne's file dialog builds its content in Show: resizing it before
	// Show dereferences nil (it crashed the app).
	d.Show()
	d.Resize(dialogSize(win.Canvas().Size()))
}

// saveFileProblem says in plain words why the chosen file could not be
// made: typing a whole path into the name box asks for a folder inside
// the one shown, which does not exist.
func saveFileProblem(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "That folder does not exist. Choose the folder in the list, then type only the file's name."
	case errors.Is(err, fs.ErrPermission):
		return "Stillpoint may not write in that folder. Choose another one, such as Documents."
	}
	return "The file could not be made: " + err.Error()
}
