package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/pdf"
	"github.com/stillpoint/stillpoint/data/pdf/load"
)

// progressDoc is `pdf progress CLIENT-ID [--plan ID] [--summary TEXT]
// [--next TEXT] -o FILE`: a client's progress report, over one care plan's
// dates with --plan. The export is recorded on the client's audit history.
func progressDoc() pdfDoc {
	var plan int64
	var summary, next string
	return pdfDoc{
		record: func(ctx context.Context, st *data.Store, id int64) error {
			return st.RecordExport(ctx, data.AuditClient, id)
		},
		flags: func(fs *flag.FlagSet) {
			fs.Int64Var(&plan, "plan", 0, "")
			fs.StringVar(&summary, "summary", "", "")
			fs.StringVar(&next, "next", "", "")
		},
		prepare: func(ctx context.Context, st *data.Store, id int64) (func(io.Writer) error, error) {
			if plan < 0 {
				return nil, cliMessage(fmt.Sprintf("--plan %d is not a care plan id (see `list plans`)", plan))
			}
			if _, err := st.Client(ctx, id); errors.Is(err, data.ErrNotFound) {
				return nil, cliMessage(fmt.Sprintf("there is no client with id %d (see `list clients`)", id))
			}
			in, err := load.Progress(ctx, st, id, plan, summary, next)
			switch {
			case errors.Is(err, load.ErrOtherClient):
				return nil, cliMessage(fmt.Sprintf("care plan %d belongs to another client (see `list plans`)", plan))
			case errors.Is(err, data.ErrNotFound):
				return nil, cliMessage(fmt.Sprintf("there is no care plan with id %d (see `list plans`)", plan))
			case err != nil:
				return nil, err
			}
			return func(w io.Writer) error { return pdf.WriteProgress(w, in) }, nil
		},
	}
}

// cliMessage is an error that is already a plain message for the user.
type cliMessage string

func (m cliMessage) Error() string { return string(m) }

// UserMessage is the message itself (see data.UserMessage).
func (m cliMessage) UserMessage() string { return string(m) }
