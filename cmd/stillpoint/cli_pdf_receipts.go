package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/pdf"
	"github.com/stillpoint/stillpoint/data/pdf/load"
)

// pdfNamed writes a document named by other words than one id: `pdf
// receipt NUMBER -o FILE`, `pdf statement CLIENT-ID YEAR -o FILE`. Like
// `pdf note`, it opens the practice as a writer with the lock, writes the
// PDF beside FILE, records the audit line and renames it into place.
func (e *env) pdfNamed(fset *flag.FlagSet, out *string, command string, doc pdfDoc) int {
	words := strings.Fields(doc.words)
	missing := fset.NArg() < 1+len(words)
	for i := 1; !missing && i <= len(words); i++ {
		missing = strings.HasPrefix(fset.Arg(i), "-")
	}
	if missing {
		return e.usageError(command, fmt.Sprintf("which one? (%s %s -o FILE)", command, doc.words))
	}
	args := fset.Args()[1 : 1+len(words)]
	if code, ok := e.parse(fset, fset.Args()[1+len(words):], command); !ok {
		return code
	}
	if code, ok := e.noArgs(fset, command); !ok {
		return code
	}
	if *out == "" {
		return e.usageError(command, "name the PDF file to write with -o FILE")
	}
	if msg := checkWords(command, args); msg != "" {
		return e.usageError(command, msg)
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
	write, record, err := doc.named(ctx, st, args)
	switch {
	case errors.Is(err, data.ErrNotFound) && command == "pdf receipt":
		return e.fail(command, "there is no receipt %s (see `list receipts`)", args[0])
	case errors.Is(err, data.ErrNotFound):
		return e.fail(command, "there is no client with id %s (see `list clients`)", args[0])
	case errors.Is(err, pdf.ErrDraftInvoice), errors.Is(err, pdf.ErrNoPaidVisits):
		return e.fail(command, "%s", err)
	case err != nil:
		return e.fail(command, "%s", data.UserMessage(err))
	}
	if err := writeLogged(*out, write, record); err != nil {
		return e.fail(command, "%v", err)
	}
	fmt.Fprintf(e.stdout, "Wrote %s.\n", *out)
	return exitOK
}

// checkWords explains what is wrong with the words naming a statement
// (a client id and a year), or returns "".
func checkWords(command string, args []string) string {
	if command != "pdf statement" {
		return ""
	}
	if id, err := strconv.ParseInt(args[0], 10, 64); err != nil || id <= 0 {
		return fmt.Sprintf("%q is not a client id; ids are whole numbers, as `list clients` prints them", args[0])
	}
	if _, err := parseYear(args[1]); err != nil {
		return err.Error()
	}
	return ""
}

// parseYear reads a calendar year such as 2025.
func parseYear(s string) (int, error) {
	y, err := strconv.Atoi(s)
	if err != nil || y < 1900 || y > 9999 {
		return 0, fmt.Errorf("%q is not a year; write it like 2025", s)
	}
	return y, nil
}

// receiptDoc reads receipt NUMBER ("R-000042", as `list receipts` prints
// it). Saving it counts a copy with its audit line, in one transaction;
// a receipt saved or printed before prints as a DUPLICATE.
func receiptDoc(ctx context.Context, st *data.Store, args []string) (func(io.Writer) error, func() error, error) {
	in, err := load.ReceiptNumber(ctx, st, args[0])
	if err != nil {
		return nil, nil, err
	}
	write := func(w io.Writer) error { return pdf.WriteReceipt(w, in) }
	record := func() error {
		return st.RecordReceiptOutput(ctx, in.Invoice.ID, data.AuditExport, in.Invoice.PrintCount)
	}
	return write, record, nil
}

// statementDoc reads the year-end statement of CLIENT-ID for YEAR; saving
// it is recorded as an export of the client's record.
func statementDoc(ctx context.Context, st *data.Store, args []string) (func(io.Writer) error, func() error, error) {
	id, _ := strconv.ParseInt(args[0], 10, 64) // checked by checkWords
	year, _ := parseYear(args[1])
	in, err := load.Statement(ctx, st, id, year)
	if err != nil {
		return nil, nil, err
	}
	write := func(w io.Writer) error { return pdf.WriteStatement(w, in) }
	return write, func() error { return st.RecordExport(ctx, data.AuditClient, id) }, nil
}
