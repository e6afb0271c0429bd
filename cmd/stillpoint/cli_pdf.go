package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/pdf"
	"github.com/stillpoint/stillpoint/data/pdf/load"
)

// pdfDoc is one kind of document `pdf` can write: the audit log's name for
// its record, and how to read and render record id.
type pdfDoc struct {
	entity data.AuditEntity
	// prepare reads record id and returns the renderer, ready to write.
	prepare func(ctx context.Context, st *data.Store, id int64) (func(io.Writer) error, error)
	// words, for a document not named by one id, are the words naming it
	// ("NUMBER", "CLIENT-ID YEAR"), and named reads them and returns the
	// renderer and the audit line to record (see pdfNamed).
	words string
	named func(ctx context.Context, st *data.Store, args []string) (write func(io.Writer) error, record func() error, err error)
}

// pdfDocFor returns the document kind named on the command line. Each new
// document (careplan, handout, receipt, statement, progress) is one case.
func pdfDocFor(kind string) (pdfDoc, bool) {
	switch kind {
	case "note":
		return pdfDoc{entity: data.AuditNote, prepare: func(ctx context.Context, st *data.Store, id int64) (func(io.Writer) error, error) {
			in, err := load.Note(ctx, st, id)
			if err != nil {
				return nil, err
			}
			return func(w io.Writer) error { return pdf.WriteNote(w, in) }, nil
		}}, true
	case "receipt":
		return pdfDoc{entity: data.AuditInvoice, words: "NUMBER", named: receiptDoc}, true
	case "statement":
		return pdfDoc{entity: data.AuditClient, words: "CLIENT-ID YEAR", named: statementDoc}, true
	}
	return pdfDoc{}, false
}

// pdfCommand writes one document as a PDF: `pdf KIND ID -o FILE`.
//
// Exporting a clinical document is written to the audit log, which is a
// write: the practice file is opened as a writer, with the lock, exactly
// like the app (so it waits for no one and fails plainly when the app has
// the file open). The PDF is written beside FILE, the export is recorded,
// and only then is it renamed into place: a file that reaches the disk has
// always been logged, and a failure never leaves half a file.
func (e *env) pdfCommand(args []string) int {
	fset := e.flags("pdf")
	out := fset.String("o", "", "")
	if code, ok := e.parse(fset, args, "pdf"); !ok {
		return code
	}
	if fset.NArg() == 0 {
		return e.usageError("pdf", "which document? (try: pdf note ID -o FILE)")
	}
	kind := fset.Arg(0)
	doc, ok := pdfDocFor(kind)
	if !ok {
		return e.usageError("pdf", fmt.Sprintf("unknown document %q (try: pdf note ID -o FILE)", kind))
	}
	command := "pdf " + kind
	if doc.named != nil {
		return e.pdfNamed(fset, out, command, doc)
	}
	if fset.NArg() < 2 {
		return e.usageError(command, fmt.Sprintf("which one? give its id, as `list` prints it (pdf %s ID -o FILE)", kind))
	}
	id, err := strconv.ParseInt(fset.Arg(1), 10, 64)
	if err != nil || id <= 0 {
		return e.usageError(command, fmt.Sprintf("%q is not an id; ids are whole numbers, as `list` prints them", fset.Arg(1)))
	}
	if code, ok := e.parse(fset, fset.Args()[2:], command); !ok {
		return code
	}
	if code, ok := e.noArgs(fset, command); !ok {
		return code
	}
	if *out == "" {
		return e.usageError(command, "name the PDF file to write with -o FILE")
	}
	path, code, ok := e.practice("pdf", true)
	if !ok {
		return code
	}
	ctx := context.Background()
	st, err := data.Open(ctx, path, data.WithLock())
	if err != nil {
		return e.fail("pdf", "%s", openMessage(path, err))
	}
	defer st.Close()
	write, err := doc.prepare(ctx, st, id)
	switch {
	case errors.Is(err, data.ErrNotFound):
		return e.fail(command, "there is no %s with id %d (see `list`)", kind, id)
	case errors.Is(err, pdf.ErrDraft):
		return e.fail(command, "%s %d is a draft; %s", kind, id, pdf.ErrDraft)
	case err != nil:
		return e.fail(command, "%s", data.UserMessage(err))
	}
	if err := writeLogged(*out, write, func() error { return st.RecordExport(ctx, doc.entity, id) }); err != nil {
		return e.fail(command, "%v", err)
	}
	fmt.Fprintf(e.stdout, "Wrote %s.\n", *out)
	return exitOK
}

// writeLogged writes a document to a temporary file beside out, runs
// record (the audit line) and renames the file into place.
func writeLogged(out string, write func(io.Writer) error, record func() error) error {
	f, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*.partial")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", out, err)
	}
	err = write(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("cannot write %s: %w", out, err)
	}
	if err := record(); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("the export could not be written to the audit log, so no file was made: %s", data.UserMessage(err))
	}
	if err := os.Rename(f.Name(), out); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("cannot write %s: %w", out, err)
	}
	return nil
}
