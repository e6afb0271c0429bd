package export

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/pdf"
	"github.com/stillpoint/stillpoint/data/pdf/load"
)

// docKind is one kind of document an export prints: its folder, which
// records to print and how to render one. Adding a document is one entry
// in docKinds.
type docKind struct {
	dir   string // folder in the export: "notes"
	about string // for README.txt
	// ids lists the records to print, for one client or (0) everyone.
	ids func(ctx context.Context, r *data.ExportReader, clientID int64) ([]int64, error)
	// render reads record id and returns its file name and its PDF.
	render func(ctx context.Context, st *data.Store, id int64) (string, []byte, error)
}

// docKinds are the documents an export prints.
var docKinds = []docKind{
	{dir: "notes", about: "every signed treatment note, with its amendments",
		ids: func(ctx context.Context, r *data.ExportReader, clientID int64) ([]int64, error) {
			return r.SignedNoteIDs(ctx, clientID)
		},
		render: renderNote},
	{dir: "care-plans", about: "every care plan, with its goals, treatment and home care",
		ids: func(ctx context.Context, r *data.ExportReader, clientID int64) ([]int64, error) {
			return r.CarePlanIDs(ctx, clientID)
		},
		render: renderCarePlan},
	{dir: "receipts", about: "every issued or voided receipt",
		ids: func(ctx context.Context, r *data.ExportReader, clientID int64) ([]int64, error) {
			return r.ReceiptIDs(ctx, clientID)
		},
		render: renderReceipt},
}

func renderCarePlan(ctx context.Context, st *data.Store, id int64) (string, []byte, error) {
	in, err := load.CarePlan(ctx, st, id, false)
	if err != nil {
		return "", nil, err
	}
	var b bytes.Buffer
	if err := pdf.WriteCarePlan(&b, in); err != nil {
		return "", nil, fmt.Errorf("care plan %d: %w", id, err)
	}
	return pdf.CarePlanFileName(in), b.Bytes(), nil
}

// renderReceipt renders a receipt as its record copy: the export does not
// count as handing out a copy, so the receipt's print count is unchanged.
func renderReceipt(ctx context.Context, st *data.Store, id int64) (string, []byte, error) {
	in, err := load.Receipt(ctx, st, id)
	if err != nil {
		return "", nil, err
	}
	var b bytes.Buffer
	if err := pdf.WriteReceipt(&b, in); err != nil {
		return "", nil, fmt.Errorf("receipt %d: %w", id, err)
	}
	return pdf.ReceiptFileName(in), b.Bytes(), nil
}

func renderNote(ctx context.Context, st *data.Store, id int64) (string, []byte, error) {
	in, err := load.Note(ctx, st, id)
	if err != nil {
		return "", nil, err
	}
	var b bytes.Buffer
	if err := pdf.WriteNote(&b, in); err != nil {
		return "", nil, fmt.Errorf("note %d: %w", id, err)
	}
	return pdf.NoteFileName(in), b.Bytes(), nil
}

// docJob is one document to print.
type docJob struct {
	kind *docKind
	id   int64
}

// listDocs lists every document of the export, kind by kind.
func listDocs(ctx context.Context, r *data.ExportReader, clientID int64) ([]docJob, error) {
	var jobs []docJob
	for i := range docKinds {
		k := &docKinds[i]
		ids, err := k.ids(ctx, r, clientID)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			jobs = append(jobs, docJob{kind: k, id: id})
		}
	}
	return jobs, nil
}

// rendered is a finished document, or why it failed.
type rendered struct {
	job  docJob
	name string
	pdf  []byte
	err  error
}

// writeDocs renders the documents on workers goroutines and writes them
// from this one, in the order they finish; file names start with the
// record's id, so two notes of one day never clash. The first failure (or
// a cancellation) stops the rest.
func writeDocs(ctx context.Context, st *data.Store, out sink, jobs []docJob, workers int, p *progress) error {
	if len(jobs) == 0 {
		return nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	todo := make(chan docJob)
	done := make(chan rendered)
	var wg sync.WaitGroup
	for range min(workers, len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range todo {
				name, b, err := j.kind.render(ctx, st, j.id)
				select {
				case done <- rendered{job: j, name: name, pdf: b, err: err}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(todo)
		for _, j := range jobs {
			select {
			case todo <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(done) }()
	var first error
	for r := range done {
		if first != nil {
			continue
		}
		if err := ctx.Err(); err != nil {
			first = err
			cancel()
			continue
		}
		if r.err != nil {
			first = fmt.Errorf("export: %s %d: %w", r.job.kind.dir, r.job.id, r.err)
			cancel()
			continue
		}
		name := fmt.Sprintf("%s/%d %s", r.job.kind.dir, r.job.id, r.name)
		if err := out.put(name, func(w io.Writer) error { _, err := w.Write(r.pdf); return err }); err != nil {
			first = err
			cancel()
			continue
		}
		p.pdf("Wrote " + name)
	}
	if first == nil {
		first = ctx.Err()
	}
	return first
}
