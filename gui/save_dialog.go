package gui

import (
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
				showError(win, err)
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
