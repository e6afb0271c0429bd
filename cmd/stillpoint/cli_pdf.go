package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/pdf"
	"github.com/stillpoint/stillpoint/data/pdf/load"
)

// pdfDoc is one kind of document `pdf` can write: how to read and render
// record id, and how to write its export to the audit log.
type pdfDoc struct {
	// prepare reads record id and returns the renderer, ready to write.
	prepare func(ctx context.Context, st *data.Store, id int64) (func(io.Writer) error, error)
	// record writes the export's audit line; nil for a document that is
	// not part of a client's record (a handout printed on its own).
	record func(ctx context.Context, st *data.Store, id int64) error
	// flags, when set, adds the document's own options (read by prepare).
	flags func(fs *flag.FlagSet)
	// words, for a document not named by one id, are the words naming it
	// ("NUMBER", "CLIENT-ID YEAR"), and named reads them and returns the
	// renderer and the audit line to record (see pdfNamed).
	words string
	named func(ctx context.Context, st *data.Store, args []string) (write func(io.Writer) error, record func() error, err error)
}

// pdfOptions are the `pdf` flags a document may use; documents read them
// when they prepare, after the command line is parsed.
type pdfOptions struct {
	withHandouts bool // careplan: attach the home-care handouts
}

// pdfDocFor returns the document kind named on the command line. Each new
// document (careplan, handout, receipt, statement, progress) is one case.
func pdfDocFor(kind string, o *pdfOptions) (pdfDoc, bool) {
	switch kind {
	case "note":
		return pdfDoc{prepare: func(ctx context.Context, st *data.Store, id int64) (func(io.Writer) error, error) {
			in, err := load.Note(ctx, st, id)
			if err != nil {
				return nil, err
			}
			return func(w io.Writer) error { return pdf.WriteNote(w, in) }, nil
		}, record: func(ctx context.Context, st *data.Store, id int64) error {
			return st.RecordExport(ctx, data.AuditNote, id)
		}}, true
	case "careplan":
		return pdfDoc{prepare: func(ctx context.Context, st *data.Store, id int64) (func(io.Writer) error, error) {
			in, err := load.CarePlan(ctx, st, id, o.withHandouts)
			if err != nil {
				return nil, err
			}
			return func(w io.Writer) error { return pdf.WriteCarePlan(w, in) }, nil
		}, record: func(ctx context.Context, st *data.Store, id int64) error {
			return st.RecordCarePlanOutput(ctx, data.AuditExport, id, o.withHandouts)
		}}, true
	case "handout":
		return pdfDoc{prepare: func(ctx context.Context, st *data.Store, id int64) (func(io.Writer) error, error) {
			in, err := load.Handout(ctx, st, id)
			if err != nil {
				return nil, err
			}
			return func(w io.Writer) error { return pdf.WriteHandout(w, in) }, nil
		}}, true
	case "progress":
		return progressDoc(), true
	case "receipt":
		return pdfDoc{words: "NUMBER", named: receiptDoc}, true
	case "statement":
		return pdfDoc{words: "CLIENT-ID YEAR", named: statementDoc}, true
	}
	return pdfDoc{}, false
}

// pdfNoun is how a message names a kind of document: "care plan".
func pdfNoun(kind string) string {
	if kind == "careplan" {
		return "care plan"
	}
	return kind
}

// pdfList is the command that lists the ids a kind of document takes.
func pdfList(kind string) string {
	switch kind {
	case "note":
		return "list notes"
	case "careplan":
		return "list plans"
	case "handout":
		return "list handouts"
	case "progress":
		return "list clients"
	}
	return "list"
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
	var opts pdfOptions
	fset.BoolVar(&opts.withHandouts, "with-handouts", false, "")
	if code, ok := e.parse(fset, args, "pdf"); !ok {
		return code
	}
	if fset.NArg() == 0 {
		return e.usageError("pdf", "which document? (try: pdf note ID -o FILE, pdf careplan ID -o FILE, pdf handout ID -o FILE, pdf progress CLIENT-ID -o FILE, pdf receipt NUMBER -o FILE, pdf statement CLIENT-ID YEAR -o FILE)")
	}
	kind := fset.Arg(0)
	doc, ok := pdfDocFor(kind, &opts)
	if !ok {
		return e.usageError("pdf", fmt.Sprintf("unknown document %q (try: pdf note, careplan, handout, progress, receipt or statement)", kind))
	}
	if doc.flags != nil {
		doc.flags(fset)
	}
	command := "pdf " + kind
	if doc.named != nil {
		return e.pdfNamed(fset, out, command, doc)
	}
	if fset.NArg() < 2 {
		return e.usageError(command, fmt.Sprintf("which one? give its id, as `%s` prints it (pdf %s ID -o FILE)", pdfList(kind), kind))
	}
	id, err := strconv.ParseInt(fset.Arg(1), 10, 64)
	switch {
	case err != nil:
		return e.usageError(command, fmt.Sprintf("%q is not an id; ids are whole numbers from 1, as `%s` prints them", fset.Arg(1), pdfList(kind)))
	case id <= 0:
		return e.usageError(command, fmt.Sprintf("there is no %s %d; ids start at 1 (see `%s`)", pdfNoun(kind), id, pdfList(kind)))
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
	if fi, err := os.Stat(*out); err == nil && fi.IsDir() {
		return e.usageError(command, fmt.Sprintf("%s is a folder; give a file name (-o %s)", *out,
			filepath.Join(*out, kind+"-"+strconv.FormatInt(id, 10)+".pdf")))
	}
	if opts.withHandouts && kind != "careplan" {
		return e.usageError(command, "--with-handouts goes with a care plan only (pdf careplan ID -o FILE --with-handouts)")
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
		return e.fail(command, "there is no %s with id %d (see `%s`)", pdfNoun(kind), id, pdfList(kind))
	case errors.Is(err, pdf.ErrDraft):
		return e.fail(command, "%s %d is a draft; %s", kind, id, pdf.ErrDraft)
	case err != nil:
		return e.fail(command, "%s", data.UserMessage(err))
	}
	record := func() error { return nil }
	if doc.record != nil {
		record = func() error { return doc.record(ctx, st, id) }
	}
	if err := writeLogged(*out, write, record); err != nil {
		return e.fail(command, "%v", err)
	}
	fmt.Fprintf(e.stdout, "Wrote %s.\n", *out)
	return exitOK
}

// writeLogged writes a document with pdf.WriteFile (complete or absent,
// and only once its audit line is written), in the command line's words.
func writeLogged(out string, write func(io.Writer) error, record func() error) error {
	err := pdf.WriteFile(out, write, record)
	var nl *pdf.NotLoggedError
	var fe *pdf.FolderError
	switch {
	case errors.As(err, &fe):
		return fmt.Errorf("cannot write %s: %s", out, folderProblem(fe))
	case errors.As(err, &nl):
		return fmt.Errorf("the export could not be written to the audit log, so no file was made: %s", data.UserMessage(nl.Err))
	case err != nil:
		return fmt.Errorf("cannot write %s: %w", out, errors.Unwrap(err))
	}
	return nil
}

// folderProblem says why nothing can be written in a folder, naming the
// folder rather than the hidden file the write starts with.
func folderProblem(fe *pdf.FolderError) string {
	dir := fe.Dir
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	why := fe.Err
	var pe *fs.PathError
	if errors.As(why, &pe) {
		why = pe.Err
	}
	switch {
	case errors.Is(why, fs.ErrNotExist):
		return fmt.Sprintf("the folder %s does not exist", dir)
	case errors.Is(why, fs.ErrPermission):
		return fmt.Sprintf("you may not create files in the folder %s", dir)
	}
	return fmt.Sprintf("cannot create a file in the folder %s: %v", dir, why)
}
