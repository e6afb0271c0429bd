// Package statements writes every client's year-end statement for a year
// into a folder: one PDF per client with paid visits that year, rendered on
// all cores, with progress and cancellation. It is shared by the app
// (Receipts › Year-end statements…) and the command line (`statements`).
package statements

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/stillpoint/stillpoint/data"
	"github.com/stillpoint/stillpoint/data/pdf"
	"github.com/stillpoint/stillpoint/data/pdf/load"
)

// Options tune a run. The zero value is fine.
type Options struct {
	// Workers is how many statements are rendered at once; 0 means one per
	// CPU (runtime.NumCPU).
	Workers int
	// Progress, when set, is told after each statement is written (done of
	// total). It is called on the goroutine that called Write, in order.
	Progress func(done, total int)

	// afterRender runs in a worker between rendering a statement into its
	// temporary file and renaming it (tests cancel there).
	afterRender func()
}

// Result is what a run wrote.
type Result struct {
	Year  int
	Dir   string
	Total int      // the clients with paid visits that year
	Files []string // the statements written, full paths, in client order
}

// Write renders the year-end statement of every client with paid visits in
// year into dir (which must exist), one file per client named like
// "Statement 2025 - Zoë Müller.pdf" ("… - 17.pdf" with the client's number
// when two clients share a name); a file of the same name is replaced.
//
// Each statement is written to a temporary ".partial" file beside its name,
// its export recorded in the audit log, and only then renamed into place,
// so a file that reaches the folder is complete and logged. Cancelling ctx
// stops the run: statements already written stay, the one being written is
// removed, and Write returns the Result so far with an error wrapping
// context.Canceled. The first other error stops the run the same way.
func Write(ctx context.Context, st *data.Store, year int, dir string, opt Options) (Result, error) {
	res := Result{Year: year, Dir: dir}
	ids, err := st.StatementClients(ctx, year)
	if err != nil {
		return res, err
	}
	res.Total = len(ids)
	if len(ids) == 0 {
		return res, nil
	}
	sh, err := load.Shared(ctx, st)
	if err != nil {
		return res, err
	}
	clients := make([]data.Client, len(ids))
	for i, id := range ids {
		if clients[i], err = st.Client(ctx, id); err != nil {
			return res, fmt.Errorf("read client %d: %w", id, err)
		}
	}
	names := fileNames(clients, year)

	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	workers = min(workers, len(ids))
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	jobs := make(chan int)
	done := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				ok, err := writeOne(ctx, st, sh, clients[i], year, filepath.Join(dir, names[i]), opt.afterRender)
				if err != nil {
					cancel(err)
				}
				if ok {
					done <- i
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range ids {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(done) }()
	written := make([]bool, len(ids))
	n := 0
	for i := range done {
		written[i] = true
		n++
		if opt.Progress != nil {
			opt.Progress(n, len(ids))
		}
	}
	for i, ok := range written {
		if ok {
			res.Files = append(res.Files, filepath.Join(dir, names[i]))
		}
	}
	if err := context.Cause(ctx); err != nil {
		return res, fmt.Errorf("year-end statements %d: %d of %d written: %w", year, n, len(ids), err)
	}
	return res, nil
}

// writeOne renders one statement beside path, records the export and
// renames it into place, and reports whether it did. Once the file is
// complete and the run not cancelled, it is logged and renamed even if a
// cancel arrives meanwhile (so a statement is either all done or not at
// all); otherwise the temporary file is removed. A cancelled run is not an
// error here: the caller reports it.
func writeOne(ctx context.Context, st *data.Store, sh load.SharedInput, c data.Client, year int, path string, hook func()) (bool, error) {
	if ctx.Err() != nil {
		return false, nil
	}
	in, err := load.StatementFor(ctx, st, sh, c, year)
	if err != nil {
		if ctx.Err() != nil {
			return false, nil
		}
		return false, fmt.Errorf("read the statement of %s: %w", c.FormalName(), err)
	}
	var b bytes.Buffer
	if err := pdf.WriteStatement(&b, in); err != nil {
		return false, fmt.Errorf("make the statement of %s: %w", c.FormalName(), err)
	}
	err = pdf.WriteFile(path, func(w io.Writer) error { _, err := w.Write(b.Bytes()); return err }, func() error {
		if hook != nil {
			hook()
		}
		if ctx.Err() != nil {
			return errCancelled
		}
		return st.RecordExport(context.WithoutCancel(ctx), data.AuditClient, c.ID)
	})
	var nl *pdf.NotLoggedError
	var fe *pdf.FolderError
	switch {
	case errors.As(err, &fe):
		return false, fmt.Errorf("cannot write in %s: %w", fe.Dir, fe.Err)
	case errors.As(err, &nl) && errors.Is(nl.Err, errCancelled):
		return false, nil
	case errors.As(err, &nl):
		return false, fmt.Errorf("the export of %s could not be written to the audit log, so no file was made: %w", c.FormalName(), nl.Err)
	case err != nil:
		return false, fmt.Errorf("cannot write %s: %w", path, errors.Unwrap(err))
	}
	return true, nil
}

// fileNames are the statements' file names, in client order; a name two
// clients share gets each client's number.
func fileNames(clients []data.Client, year int) []string {
	count := map[string]int{}
	for _, c := range clients {
		count[strings.ToLower(c.FormalName())]++
	}
	out := make([]string, len(clients))
	for i, c := range clients {
		name := c.FormalName()
		if name == "" || count[strings.ToLower(name)] > 1 {
			name = strings.TrimSpace(name + " " + strconv.FormatInt(c.ID, 10))
		}
		out[i] = pdf.FileName(pdf.StatementTitle(year), name, data.Date{})
	}
	return out
}

// errCancelled stops pdf.WriteFile between writing a statement and logging
// it when the run was cancelled meanwhile: the file is removed, unlogged.
var errCancelled = errors.New("cancelled")
