package gui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/pdf"
	"github.com/stillpoint/stillpoint/data/pdf/load"
)

// pdfDocument is a document the app can save as a PDF or print: what the
// audit log calls it, a suggested file name, and how to render it from the
// Store. Each printed document (note, care plan, receipt…) makes one.
type pdfDocument struct {
	fileName string // suggested: "Treatment note - Zoë Müller - 2026-03-04.pdf"
	entity   data.AuditEntity
	id       int64
	// prepare reads what the document needs and returns its renderer.
	prepare func(ctx context.Context, st *data.Store) (func(io.Writer) error, error)
	// record, when set, writes the audit line instead of entity and id
	// (a care plan's goes on its client's history; nil record and empty
	// entity: a document that is no one's record, such as a handout).
	record func(ctx context.Context, st *data.Store, action data.AuditAction) error
}

// recordOutput writes the audit line of an export or a print of d.
func (d pdfDocument) recordOutput(ctx context.Context, st *data.Store, action data.AuditAction) error {
	switch {
	case d.record != nil:
		return d.record(ctx, st, action)
	case d.entity == "":
		return nil
	case action == data.AuditPrint:
		return st.RecordPrint(ctx, d.entity, d.id)
	}
	return st.RecordExport(ctx, d.entity, d.id)
}

// noteDocument is the signed treatment note n as a document.
func noteDocument(n data.Note) pdfDocument {
	return pdfDocument{
		fileName: pdf.FileName(pdf.NoteTitle(n), n.ClientName, n.VisitDate),
		entity:   data.AuditNote,
		id:       n.ID,
		prepare: func(ctx context.Context, st *data.Store) (func(io.Writer) error, error) {
			in, err := load.Note(ctx, st, n.ID)
			if err != nil {
				return nil, err
			}
			return func(w io.Writer) error { return pdf.WriteNote(w, in) }, nil
		},
	}
}

// pdfActions are the "Save as PDF…" and "Print…" buttons for one document.
// Rendering runs off the UI goroutine; the buttons are off meanwhile.
type pdfActions struct {
	sh       *shell
	doc      pdfDocument
	saveBtn  *widget.Button
	printBtn *widget.Button

	// Seams, replaced in tests.
	chooseFile func(suggested string, done func(path string)) // path "" when cancelled
	openURL    func(*url.URL) error
	printDir   func() (string, error)
}

// newPDFActions makes the two buttons for doc.
func newPDFActions(sh *shell, doc pdfDocument) *pdfActions {
	a := &pdfActions{sh: sh, doc: doc, openURL: sh.app.OpenURL, printDir: printFolder}
	a.chooseFile = a.saveDialog
	a.saveBtn = widget.NewButton("Save as PDF…", a.onSave)
	a.printBtn = widget.NewButton("Print…", a.onPrint)
	return a
}

// busy turns both buttons off while a document is being made.
func (a *pdfActions) busy(on bool) {
	for _, b := range []*widget.Button{a.saveBtn, a.printBtn} {
		if on {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

// render makes the PDF in memory, so nothing on disk is touched until the
// whole document exists.
func (a *pdfActions) render(ctx context.Context) ([]byte, error) {
	write, err := a.doc.prepare(ctx, a.sh.store)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return nil, fmt.Errorf("make the PDF: %w", err)
	}
	return b.Bytes(), nil
}

// onSave renders the document, asks where to save it, then writes it
// beside the chosen file, records the export and renames it into place.
func (a *pdfActions) onSave() {
	a.busy(true)
	a.sh.background(func(ctx context.Context) func() {
		b, err := a.render(ctx)
		return func() {
			if err != nil {
				a.busy(false)
				showError(a.sh.win, err)
				return
			}
			a.chooseFile(a.doc.fileName, func(path string) {
				if path == "" {
					a.busy(false)
					return
				}
				a.sh.background(func(ctx context.Context) func() {
					err := saveLogged(path, b, func() error { return a.doc.recordOutput(ctx, a.sh.store, data.AuditExport) })
					return func() {
						a.busy(false)
						if err != nil {
							showError(a.sh.win, err)
							return
						}
						showInfo("Saved", "Saved as "+filepath.Base(path)+".", a.sh.win)
					}
				})
			})
		}
	})
}

// onPrint renders the document into the app's print folder, records the
// print and opens the file in the system's PDF viewer, to print from there.
func (a *pdfActions) onPrint() {
	a.busy(true)
	a.sh.background(func(ctx context.Context) func() {
		path, err := a.printFile(ctx)
		return func() {
			a.busy(false)
			if err != nil {
				showError(a.sh.win, err)
				return
			}
			u, err := url.Parse(storage.NewFileURI(path).String())
			if err == nil {
				err = a.openURL(u)
			}
			if err != nil {
				showInfo("Print", "The PDF is ready but no PDF viewer opened. Open this file to print it:\n"+path, a.sh.win)
			}
		}
	})
}

// printFile writes the document into the print folder and records it.
func (a *pdfActions) printFile(ctx context.Context) (string, error) {
	b, err := a.render(ctx)
	if err != nil {
		return "", err
	}
	dir, err := a.printDir()
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, a.doc.fileName)
	if err := saveLogged(path, b, func() error { return a.doc.recordOutput(ctx, a.sh.store, data.AuditPrint) }); err != nil {
		return "", err
	}
	return path, nil
}

// saveDialog asks where to save, suggesting name, with only PDF files shown.
func (a *pdfActions) saveDialog(name string, done func(string)) {
	chooseSaveFile(a.sh.win, name, ".pdf", done)
}

// saveLogged writes b to path with pdf.WriteFile: the file is complete or
// absent, never half written, and it exists only once the audit log has it.
func saveLogged(path string, b []byte, record func() error) error {
	err := pdf.WriteFile(path, func(w io.Writer) error { _, err := w.Write(b); return err }, record)
	var nl *pdf.NotLoggedError
	if errors.As(err, &nl) {
		return fmt.Errorf("save %s: %w", path, nl.Err)
	}
	if err != nil {
		return fmt.Errorf("save %s: %w", path, errors.Unwrap(err))
	}
	return nil
}

// printAge is how long a printed copy stays in the print folder: long
// enough to print it, short enough not to keep clinical files about.
const printAge = 24 * time.Hour

// printFolder is the private folder printed copies go to, in the user's
// cache folder; copies older than printAge are removed first.
func printFolder() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	dir := filepath.Join(base, "stillpoint", "print")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("make the print folder: %w", err)
	}
	sweepPrints(dir, time.Now().Add(-printAge))
	return dir, nil
}

// sweepPrints removes the files in dir last changed before cutoff.
func sweepPrints(dir string, cutoff time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if info, err := e.Info(); err == nil && info.Mode().IsRegular() && info.ModTime().Before(cutoff) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
