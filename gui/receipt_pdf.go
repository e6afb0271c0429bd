package gui

import (
	"context"
	"io"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/pdf"
	"github.com/stillpoint/stillpoint/data/pdf/load"
)

// receiptDocument is issued (or void) receipt inv as a document. Saving or
// printing it counts the copy with its audit line, in one transaction: the
// copy is rendered from the count it was read with, so a receipt printed
// before comes out as a DUPLICATE.
func receiptDocument(inv data.Invoice) pdfDocument {
	printed := inv.PrintCount // updated by each render
	return pdfDocument{
		fileName: pdf.FileName(pdf.ReceiptTitle(inv), inv.ClientName, inv.IssuedOn),
		entity:   data.AuditInvoice,
		id:       inv.ID,
		prepare: func(ctx context.Context, st *data.Store) (func(io.Writer) error, error) {
			in, err := load.Receipt(ctx, st, inv.ID)
			if err != nil {
				return nil, err
			}
			printed = in.Invoice.PrintCount
			return func(w io.Writer) error { return pdf.WriteReceipt(w, in) }, nil
		},
		record: func(ctx context.Context, st *data.Store, action data.AuditAction) error {
			return st.RecordReceiptOutput(ctx, inv.ID, action, printed)
		},
	}
}

// statementDocument is client c's year-end statement for year; saving or
// printing it is recorded as an export or print of the client's record.
func statementDocument(c data.Client, year int) pdfDocument {
	return pdfDocument{
		fileName: pdf.StatementFileName(pdf.StatementInput{Client: c, Year: year}),
		entity:   data.AuditClient,
		id:       c.ID,
		prepare: func(ctx context.Context, st *data.Store) (func(io.Writer) error, error) {
			in, err := load.Statement(ctx, st, c.ID, year)
			if err != nil {
				return nil, err
			}
			return func(w io.Writer) error { return pdf.WriteStatement(w, in) }, nil
		},
	}
}
